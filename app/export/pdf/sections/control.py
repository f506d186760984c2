"""The control plan and the 30- and 90-day reviews that keep the gain from fading.

Without scheduled reviews, the plan shows the 30- and 90-day dates the go-live implies. Each
completed review prints its verdict, answers and notes, and the I-MR chart of every goal
metric with measurements as it stood that day (the measurements up to the review). Newer
measurements than the last review get a chart of their own ("Where it stands").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from reportlab.platypus import Flowable, KeepTogether

from app.analysis.control_chart import ChartResult
from app.analysis.goals import metric_label
from app.analysis.monitoring import metric_chart, value_text
from app.analysis.reviews import ReviewGuide, load_review_questions
from app.analysis.wording import long_date
from app.export.pdf.blocks import fields, gap, heading, note, para
from app.export.pdf.context import PlanContext
from app.export.pdf.imr_chart import ImrChart
from app.export.pdf.styles import STYLES
from app.process.control import ControlPlanRow, Review
from app.process.model import Process

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
    story += _completed_reviews(ctx)
    story += _standing(ctx)
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
        return f"{name} (done {long_date_of(review.done_on)}{verdict})"
    return name


def _plan(ctx: PlanContext) -> list[Flowable]:
    owner = ctx.process.control.owner.strip()
    story: list[Flowable] = [para(f"Control owner: {owner or TO_AGREE}", STYLES.body)]
    rows = _given_rows(ctx) or _goal_rows(ctx)
    if not rows:
        return [*story, note("No goals yet, so nothing to control: set a goal first.")]
    blocks = [_plan_block(ctx, row) for row in rows]
    return [*story, *blocks]


PLAN_LABELS = (
    "What is measured",
    "How",
    "How often",
    "Who measures",
    "Limits",
    "Who is notified",
    "Reaction",
)


def _plan_block(ctx: PlanContext, row: list[str]) -> Flowable:
    """One metric's row of the control plan, every column as a label and its value."""
    metric, *values = row
    pairs = list(zip(PLAN_LABELS, values, strict=True))
    return KeepTogether(
        [para(metric, STYLES.h3), fields(pairs, ctx.portrait.width, label_share=0.22), gap(4)]
    )


def _given_rows(ctx: PlanContext) -> list[list[str]]:
    control = ctx.process.control
    return [
        [
            metric_label(row.metric).capitalize() or TO_AGREE,
            row.what or TO_AGREE,
            row.how or TO_AGREE,
            row.frequency or TO_AGREE,
            row.who or TO_AGREE,
            _limits(ctx.process, row),
            row.notify or TO_AGREE,
            row.reaction or TO_AGREE,
        ]
        for row in control.plan
    ]


def _limits(process: Process, row: ControlPlanRow) -> str:
    """``at most 3 days``: limits in the metric's unit, as the Control tab shows them."""
    low, high = row.lower_limit, row.upper_limit
    if low is None and high is None:
        return TO_AGREE
    if low is None:
        return f"at most {value_text(process, row.metric, high or 0.0)}"
    if high is None:
        return f"at least {value_text(process, row.metric, low)}"
    return f"{value_text(process, row.metric, low)} to {value_text(process, row.metric, high)}"


def _goal_rows(ctx: PlanContext) -> list[list[str]]:
    return [
        [
            metric_label(goal.metric).capitalize() or "–",
            metric_label(goal.metric) or TO_AGREE,
            goal.measured_by.strip() or TO_AGREE,
            TO_AGREE,
            goal.owner.strip() or TO_AGREE,
            TO_AGREE,
            TO_AGREE,
            TO_AGREE,
        ]
        for goal in ctx.process.goals
    ]


# Completed reviews and their charts -------------------------------------------------------

_VERDICT_WORDS = {
    "holding": "Holding: the gain is in place.",
    "fading": "Fading: the gain is slipping back.",
    "met": "Met: the target is reached and held.",
    "reopened": "Reopened: the improvement needs another round.",
}


def _completed_reviews(ctx: PlanContext) -> list[Flowable]:
    done = sorted(
        (review for review in ctx.process.control.reviews if review.done_on is not None),
        key=lambda review: review.done_on or dt.date.min,
    )
    if not done:
        return []
    guides = load_review_questions()
    story: list[Flowable] = []
    for review in done:
        story += _review_block(ctx, review, guides.get(review.kind))
    return story


def _review_block(ctx: PlanContext, review: Review, guide: ReviewGuide | None) -> list[Flowable]:
    assert review.done_on is not None
    title = f"{_REVIEW_NAMES.get(review.kind, 'Review')} held {ctx.date(review.done_on)}"
    verdict = _VERDICT_WORDS.get(review.verdict or "", "No verdict recorded.")
    rows = [("Verdict", verdict), *_answers(review, guide)]
    if review.notes.strip():
        rows.append(("Notes", review.notes))
    head = [heading(title, 1), fields(rows, ctx.portrait.width, label_share=0.32)]
    charts = _charts(ctx, _as_of(ctx.process, review.done_on))
    if not charts:
        return [*head, gap()]
    first, *rest = charts
    kept = _KEPT_WITH_CHART
    together = KeepTogether([*head, gap(), *first[:kept]])
    return [together, *first[kept:], *(f for b in rest for f in b)]


def _answers(review: Review, guide: ReviewGuide | None) -> list[tuple[str, str]]:
    questions = {q.id: q.text for q in guide.questions} if guide is not None else {}
    return [
        (questions.get(key, key.replace("_", " ").capitalize()), answer)
        for key, answer in review.answers.items()
        if answer.strip()
    ]


def _as_of(process: Process, day: dt.date) -> Process:
    """The process with only the measurements taken up to ``day``."""
    kept = tuple(item for item in process.control.measurements if item.day <= day)
    return replace(process, control=replace(process.control, measurements=kept))


def _standing(ctx: PlanContext) -> list[Flowable]:
    """Today's charts, when there are measurements newer than the last completed review."""
    control = ctx.process.control
    held = [review.done_on for review in control.reviews if review.done_on is not None]
    last = max(held, default=None)
    if not any(last is None or item.day > last for item in control.measurements):
        return []
    charts = _charts(ctx, ctx.process)
    if not charts:
        return []
    first, *rest = charts
    title = heading("Where it stands", 1)
    together = KeepTogether([title, *first[:_KEPT_WITH_CHART]])
    return [together, *first[_KEPT_WITH_CHART:], *(f for b in rest for f in b)]


_KEPT_WITH_CHART = 3  # the chart's title, drawing and verdict stay with what leads to them


def _charts(ctx: PlanContext, process: Process) -> list[list[Flowable]]:
    """One block per goal metric with measurements: its title, chart, verdict and signals."""
    blocks: list[list[Flowable]] = []
    seen: set[str] = set()
    for goal in process.goals:
        metric = goal.metric
        if metric in seen or not process.control.measurements_of(metric):
            continue
        seen.add(metric)
        blocks.append(_chart_block(ctx, process, metric))
    return blocks


def _chart_block(ctx: PlanContext, process: Process, metric: str) -> list[Flowable]:
    """The chart's title, drawing and verdict (kept together by the caller), then its signals."""
    chart = metric_chart(process, metric)
    title = f"Individuals chart (I-MR) of {metric_label(metric)}"
    words = lambda value: value_text(process, metric, value)  # noqa: E731
    drawing = ImrChart(chart, ctx.portrait.width, words)
    verdict = chart.messages[-1] if len(chart.messages) > 1 else ""
    top: list[Flowable] = [para(title, STYLES.cell_head), drawing, para(verdict)]
    lines = [limits_line(chart, words)]
    signals = [note(signal.description) for signal in chart.signals]
    if not signals and chart.points:
        signals = [note("No signals: every point is within what the limits expect.")]
    return [*top, *lines, gap(3), *signals, gap()]


def limits_line(chart: ChartResult, words: Callable[[float], str]) -> Flowable:
    """Where the limits come from, centre, limits and MR̄ in the metric's unit, trial or firm."""
    text = " ".join(chart.messages[:-1])
    if chart.mr_upper_limit:
        text += f" Moving-range limit {words(chart.mr_upper_limit)}."
    if chart.upper_limit is not None and not chart.trial:
        text += " Firm limits."
    return para(text.strip(), STYLES.small)


def long_date_of(day: dt.date | None) -> str:
    return long_date((day.day, day.month, day.year)) if day else ""
