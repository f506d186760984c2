"""The action plan: each ECRS action with its steps, owner, due date, effort and impact."""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.export.pdf.blocks import heading, note, table
from app.export.pdf.context import PlanContext
from app.export.pdf.figures import hours_per_year
from app.process.model import Action


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
    width = ctx.portrait.width
    widths = [0.04, 0.12, 0.27, 0.16, 0.12, 0.12, 0.07, 0.10]
    header = ["#", "ECRS", "Action", "Steps", "Owner", "Due", "Effort", "Saves"]
    rows = [_row(ctx, n, item) for n, item in enumerate(ctx.process.actions, start=1)]
    story.append(table(header, rows, [w * width for w in widths], right=(6, 7)))
    return story


def _row(ctx: PlanContext, number: int, action: Action) -> list[str]:
    names = ctx.process.step_by_id()
    steps = ", ".join(names[i].name if i in names else i for i in action.steps) or "–"
    saves = action.impact_minutes_per_year
    return [
        str(number),
        action.verb.capitalize(),
        action.title or "–",
        steps,
        action.owner or "–",
        ctx.date(action.due) if action.due else "–",
        f"{action.effort} of 5",
        hours_per_year(saves) if saves is not None else "–",
    ]
