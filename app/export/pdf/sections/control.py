"""The control plan and the 30- and 90-day reviews that keep the gain from fading.

``process.control`` is a plain JSON object until the Control issue gives it a type; read here:
``go_live`` (ISO date) and ``plan`` (rows with metric, how, frequency, who, limits, reaction).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from reportlab.platypus import Flowable

from app.analysis.goals import metric_label
from app.export.pdf.blocks import fields, heading, note, table
from app.export.pdf.context import PlanContext

REVIEW_DAYS = (30, 90)
TO_AGREE = "to agree"
_PLAN_KEYS = ("metric", "how", "frequency", "who", "limits", "reaction")


def control(ctx: PlanContext) -> list[Flowable]:
    story: list[Flowable] = [heading("Control plan"), heading("Reviews", 1)]
    go_live = go_live_date(ctx.process.control)
    if go_live is None:
        story.append(note("Set a go-live date to schedule the 30- and 90-day reviews."))
    else:
        rows = [("Go-live", ctx.date(go_live))] + [
            (f"{days}-day review", ctx.date(go_live + dt.timedelta(days=days)))
            for days in REVIEW_DAYS
        ]
        story.append(fields(rows, ctx.portrait.width * 0.6, label_share=0.45))
    story += [heading("What is measured, and what happens when it slips", 1), *_plan(ctx)]
    return story


def go_live_date(value: Any) -> dt.date | None:
    """The go-live date in a control object, or None."""
    if not isinstance(value, Mapping):
        return None
    raw = value.get("go_live")
    try:
        return dt.date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        return None


def _plan(ctx: PlanContext) -> list[Flowable]:
    rows = _given_rows(ctx.process.control) or _goal_rows(ctx)
    if not rows:
        return [note("No goals yet, so nothing to control: set a goal first.")]
    width = ctx.portrait.width
    widths = [w * width for w in (0.17, 0.22, 0.12, 0.14, 0.13, 0.22)]
    header = ["Metric", "How measured", "How often", "Who", "Limits", "Reaction"]
    return [table(header, rows, widths)]


def _given_rows(value: Any) -> list[list[str]]:
    plan = value.get("plan") if isinstance(value, Mapping) else None
    if not isinstance(plan, list):
        return []
    return [
        [str(row.get(key) or TO_AGREE) for key in _PLAN_KEYS]
        for row in plan
        if isinstance(row, Mapping)
    ]


def _goal_rows(ctx: PlanContext) -> list[list[str]]:
    return [
        [
            metric_label(goal.metric).capitalize() or "–",
            goal.measured_by.strip() or TO_AGREE,
            TO_AGREE,
            goal.owner.strip() or TO_AGREE,
            TO_AGREE,
            TO_AGREE,
        ]
        for goal in ctx.process.goals
    ]
