"""The future-state map with before → after metrics, when the plan carries a future state."""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.analysis.metrics import compute_metrics
from app.analysis.projection import MetricChange, compare_metrics
from app.analysis.wording import money, percent, plain_number
from app.export.pdf.blocks import heading, note, table
from app.export.pdf.context import PlanContext
from app.export.pdf.figures import duration
from app.export.pdf.sections.current_map import landscape_map, layout_for_print
from app.process.model import Process

TITLE = "Future state"


def read_future_state(process: Process) -> Process | str:
    """The future state as a process, or one sentence on why there is none to show."""
    future = process.future_state
    if future is None:
        return "No future state yet: copy the map, apply the actions, and compare."
    if not future.steps:
        return "The future state has no steps yet: apply the actions to a copy of the map."
    return future


def missing_future(ctx: PlanContext, reason: str) -> list[Flowable]:
    """What the plan says when there is no usable future state."""
    return [heading(TITLE), note(reason)]


def future_map(ctx: PlanContext, future: Process) -> list[Flowable]:
    """The future-state map (landscape pages)."""
    return landscape_map(ctx, "Future-state map", layout_for_print(future), {})


def before_after(ctx: PlanContext, future: Process) -> list[Flowable]:
    """Every metric on the current and the future map, side by side."""
    return [heading("Before → after"), _comparison(ctx, future)]


def _comparison(ctx: PlanContext, future: Process) -> Flowable:
    changes = compare_metrics(ctx.metrics, compute_metrics(future))
    width = ctx.portrait.width
    rows = [
        [c.label.capitalize(), _value(ctx, c, c.before), _value(ctx, c, c.after), _verdict(c)]
        for c in changes
    ]
    widths = [0.34 * width, 0.22 * width, 0.22 * width, 0.22 * width]
    return table(["Metric", "Before", "After", "Change"], rows, widths, right=(1, 2))


def _value(ctx: PlanContext, change: MetricChange, value: float) -> str:
    if change.unit == "minutes":
        return duration(value)
    if change.unit == "fraction":
        return percent(value)
    if change.unit == "money":
        return money(value, ctx.process.currency)
    return plain_number(value, decimals=2)


def _verdict(change: MetricChange) -> str:
    if abs(change.delta) < 1e-9:
        return "no change"
    return "better" if change.improved else "worse"
