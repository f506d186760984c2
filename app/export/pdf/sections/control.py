"""The control plan and the 30- and 90-day reviews that keep the gain from fading.

Without scheduled reviews, the plan shows the 30- and 90-day dates the go-live implies.
"""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable

from app.analysis.goals import metric_label
from app.export.pdf.blocks import fields, heading, note, table
from app.export.pdf.context import PlanContext
from app.process.control import Control, ControlPlanRow, Review

REVIEW_DAYS = (30, 90)
TO_AGREE = "to agree"
_REVIEW_NAMES = {"day30": "30-day review", "day90": "90-day review", "extra": "Extra review"}


def control(ctx: PlanContext) -> list[Flowable]:
    story: list[Flowable] = [heading("Control plan"), heading("Reviews", 1)]
    go_live = ctx.process.control.go_live
    if go_live is None:
        story.append(note("Set a go-live date to schedule the 30- and 90-day reviews."))
    else:
        rows = [("Go-live", ctx.date(go_live)), *_reviews(ctx, go_live)]
        story.append(fields(rows, ctx.portrait.width * 0.6, label_share=0.45))
    story += [heading("What is measured, and what happens when it slips", 1), *_plan(ctx)]
    return story


def _reviews(ctx: PlanContext, go_live: dt.date) -> list[tuple[str, str]]:
    reviews = ctx.process.control.reviews
    rows = [(_review_name(review), ctx.date(review.due)) for review in reviews]
    if rows:
        return rows
    return [
        (f"{days}-day review", ctx.date(go_live + dt.timedelta(days=days))) for days in REVIEW_DAYS
    ]


def _review_name(review: Review) -> str:
    name = _REVIEW_NAMES.get(review.kind, "Review")
    if review.done:
        verdict = f", {review.verdict}" if review.verdict else ""
        return f"{name} (done {review.done_on:%d %b %Y}{verdict})"
    return name


def _plan(ctx: PlanContext) -> list[Flowable]:
    rows = _given_rows(ctx.process.control) or _goal_rows(ctx)
    if not rows:
        return [note("No goals yet, so nothing to control: set a goal first.")]
    width = ctx.portrait.width
    widths = [w * width for w in (0.17, 0.22, 0.12, 0.14, 0.13, 0.22)]
    header = ["Metric", "How measured", "How often", "Who", "Limits", "Reaction"]
    return [table(header, rows, widths)]


def _given_rows(control: Control) -> list[list[str]]:
    return [
        [
            metric_label(row.metric).capitalize() or TO_AGREE,
            row.how or row.what or TO_AGREE,
            row.frequency or TO_AGREE,
            row.who or TO_AGREE,
            _limits(row),
            row.reaction or TO_AGREE,
        ]
        for row in control.plan
    ]


def _limits(row: ControlPlanRow) -> str:
    low, high = row.lower_limit, row.upper_limit
    if low is None and high is None:
        return TO_AGREE
    if low is None:
        return f"at most {high:g}"
    if high is None:
        return f"at least {low:g}"
    return f"{low:g} to {high:g}"


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
