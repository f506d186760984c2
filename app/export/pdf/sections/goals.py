"""Goals as "from X to Y by when", with what still keeps a goal from being SMART."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from app.analysis.goals import check_goal, goal_sentence, resolve_baseline
from app.export.pdf.blocks import heading, note, para
from app.export.pdf.context import PlanContext
from app.export.pdf.styles import STYLES
from app.process.model import Goal


def goals(ctx: PlanContext) -> list[Flowable]:
    story: list[Flowable] = [heading("Goals")]
    if not ctx.process.goals:
        story.append(
            note(
                "No goals yet. A goal names a metric, a baseline, a target, a unit, a "
                "deadline, an owner and how it is measured."
            )
        )
        return story
    for number, goal in enumerate(ctx.process.goals, start=1):
        story.append(KeepTogether(_goal(ctx, number, goal)))
    return story


def _goal(ctx: PlanContext, number: int, goal: Goal) -> list[Flowable]:
    resolved = resolve_baseline(goal, ctx.metrics, ctx.today)
    block: list[Flowable] = [
        heading(f"Goal {number}", 1),
        para(goal_sentence(resolved, currency=ctx.process.currency)),
    ]
    source = _baseline_source(ctx, resolved)
    if source:
        block.append(para(source, STYLES.small))
    problems = check_goal(goal, today=ctx.today, measured=ctx.metrics)
    if problems:
        block.append(para("Not yet SMART:", STYLES.h3))
        block += [para(f"• {problem}", STYLES.body) for problem in problems]
    return block


def _baseline_source(ctx: PlanContext, goal: Goal) -> str:
    text = "Baseline"
    if goal.baseline_date is not None:
        text += f" of {ctx.date(goal.baseline_date)}"
    source = goal.baseline_source.strip().rstrip(".")
    if source:
        text += f", {source}" if source.lower().startswith("measured") else f", from {source}"
    return f"{text}." if text != "Baseline" else ""
