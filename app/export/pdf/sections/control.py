"""The control plan and the 30- and 90-day reviews that keep the gain from fading.

``process.control`` is the process file's ``control`` object (see ``app.process.control``); read
here: ``go_live`` (ISO date), ``reviews`` (kind, due) and ``plan`` (metric, how, frequency, who,
lower_limit, upper_limit, reaction). Without reviews they are scheduled 30 and 90 days after
go-live.
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
_REVIEW_NAMES = {"day30": "30-day review", "day90": "90-day review", "extra": "Extra review"}


def control(ctx: PlanContext) -> list[Flowable]:
    story: list[Flowable] = [heading("Control plan"), heading("Reviews", 1)]
    go_live = go_live_date(ctx.process.control)
    if go_live is None:
        story.append(note("Set a go-live date to schedule the 30- and 90-day reviews."))
    else:
        rows = [("Go-live", ctx.date(go_live)), *_reviews(ctx, go_live)]
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


def _reviews(ctx: PlanContext, go_live: dt.date) -> list[tuple[str, str]]:
    control = ctx.process.control
    given = control.get("reviews") if isinstance(control, Mapping) else None
    rows = []
    for review in given if isinstance(given, list) else []:
        due = go_live_date({"go_live": review.get("due")}) if isinstance(review, Mapping) else None
        if due is not None:
            name = _REVIEW_NAMES.get(str(review.get("kind")), "Review")
            rows.append((name, ctx.date(due)))
    if rows:
        return rows
    return [
        (f"{days}-day review", ctx.date(go_live + dt.timedelta(days=days))) for days in REVIEW_DAYS
    ]


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
        [_limits(row) if key == "limits" else str(row.get(key) or TO_AGREE) for key in _PLAN_KEYS]
        for row in plan
        if isinstance(row, Mapping)
    ]


def _limits(row: Mapping[str, Any]) -> str:
    low, high = row.get("lower_limit"), row.get("upper_limit")
    if low is None and high is None:
        return str(row.get("limits") or TO_AGREE)
    if low is None:
        return f"at most {high}"
    if high is None:
        return f"at least {low}"
    return f"{low} to {high}"


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
