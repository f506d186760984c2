"""The action plan: each ECRS action with its steps, owner, due date, effort, what it saves a
year (time and money) and its impact × effort quadrant; then the automation warnings."""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.analysis.actions import HIGH_EFFORT, HIGH_IMPACT_SHARE, RatedAction, rate_actions
from app.analysis.wording import hours_per_year
from app.export.pdf.blocks import heading, note, table
from app.export.pdf.context import PlanContext

WIDTHS = (0.04, 0.11, 0.20, 0.14, 0.10, 0.09, 0.08, 0.13, 0.11)
HEADER = ("#", "ECRS", "Action", "Steps", "Owner", "Due", "Effort", "Saves a year", "Quadrant")


def actions(ctx: PlanContext) -> list[Flowable]:
    story: list[Flowable] = [heading("Action plan")]
    if not ctx.process.actions:
        story.append(
            note(
                "No actions yet. Work through the top findings in ECRS order "
                "(eliminate, combine, rearrange, simplify) before automating."
            )
        )
        return story
    rated = rate_actions(ctx.process, ctx.metrics, ctx.findings)
    width = ctx.portrait.width
    rows = [_row(ctx, n, item) for n, item in enumerate(rated, start=1)]
    story.append(table(HEADER, rows, [w * width for w in WIDTHS], right=(6, 7)))
    story.append(
        note(
            f"High impact saves at least {HIGH_IMPACT_SHARE:.0%} of the process's yearly lead "
            f"time; high effort is {HIGH_EFFORT} of 5 or more. Savings marked “est.” come from "
            "the finding the action addresses."
        )
    )
    story += [note(item.warning) for item in rated if item.warning]
    return story


def _row(ctx: PlanContext, number: int, rated: RatedAction) -> list[str]:
    action = rated.action
    names = ctx.process.step_by_id()
    steps = ", ".join(names[i].name if i in names else i for i in action.steps) or "–"
    return [
        str(number),
        action.verb.capitalize(),
        action.title or "–",
        steps,
        action.owner or "–",
        ctx.date(action.due) if action.due else "–",
        f"{action.effort} of 5",
        _saves(ctx, rated),
        rated.quadrant,
    ]


def _saves(ctx: PlanContext, rated: RatedAction) -> str:
    impact = rated.impact
    if not impact.minutes_per_year:
        return "–"
    text = hours_per_year(impact.minutes_per_year)
    if impact.money_per_year:
        text += "\n" + ctx.money(impact.money_per_year)
    return text + ("\nest." if impact.estimated else "")
