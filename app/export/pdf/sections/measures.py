"""The metrics table: each figure with what it means (method.md's definitions, in words)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.analysis.wording import percent, plain_number
from app.export.pdf.blocks import heading, note, para, table
from app.export.pdf.context import PlanContext
from app.export.pdf.figures import duration


def metric_rows(ctx: PlanContext) -> list[list[str]]:
    """(metric, value, meaning) for every metric of method.md."""
    m = ctx.metrics
    return [
        [
            "Lead time",
            duration(m.lead_time_minutes),
            "Touch time plus wait time: how long one run takes from trigger to done.",
        ],
        [
            "Touch time",
            duration(m.touch_minutes),
            "Hands-on minutes per run; a step that repeats counts as often as it is expected to.",
        ],
        [
            "Wait time",
            duration(m.wait_minutes),
            "Calendar time the work sits in queues before steps start; no one works on it.",
        ],
        [
            "Value-added time",
            duration(m.value_added_minutes),
            "Touch time of steps the customer would pay for, done right first time.",
        ],
        [
            "Process cycle efficiency",
            ctx.pce(),
            "Value-added time ÷ lead time. 25 % or more is lean; about 5 % is common.",
        ],
        [
            "Handoffs",
            plain_number(m.handoffs, decimals=2),
            "Expected passes of the work from one lane to another per run.",
        ],
        ["Approvals", str(m.approvals), "Approval steps on the map."],
        [
            "First-pass yield",
            percent(m.first_pass_yield),
            "Share of runs that reach the end without being sent back.",
        ],
        [
            "Cost per run",
            ctx.cost(m.cost_per_run),
            "Touch time × the hourly rate of each step's lane.",
        ],
        ["Annual cost", ctx.cost(m.annual_cost), "Cost per run × runs per year."],
    ]


def measures(ctx: PlanContext) -> list[Flowable]:
    story: list[Flowable] = [heading("Metrics")]
    if not ctx.metrics.computable:
        story.append(note("The metrics cannot be computed until the map is complete:"))
    else:
        width = ctx.portrait.width
        widths = [0.24 * width, 0.16 * width, 0.60 * width]
        story.append(
            table(["Metric", "Value", "What it means"], metric_rows(ctx), widths, right=(1,))
        )
    if ctx.metrics.problems:
        story.append(heading("What the map still needs", 1))
        story += [para(f"• {problem.message}") for problem in ctx.metrics.problems]
    return story
