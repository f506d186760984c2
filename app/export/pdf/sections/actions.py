"""The action plan: each ECRS action with its steps, owner, due date, effort, what it saves a
year (time and money) and its impact × effort quadrant; then the automation warnings."""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.analysis.actions import (
    HIGH_EFFORT,
    HIGH_IMPACT_SHARE,
    RatedAction,
    impact_words,
    rate_actions,
)
from app.analysis.wording import percent
from app.export.pdf.bidi import ShapedParagraph
from app.export.pdf.blocks import heading, note, table
from app.export.pdf.context import PlanContext
from app.export.pdf.styles import STYLES
from app.export.pdf.text import bold, paragraph_text

HEADER = ("#", "Action", "Steps", "Owner", "Due", "Saves", "Quadrant")


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
    rows = [_row(ctx, n, item) for n, item in enumerate(rated, start=1)]
    story.append(table(HEADER, rows, [ctx.portrait.width], right=(5,), whole=(4, 6)))
    story.append(
        note(
            f"High impact saves at least {percent(HIGH_IMPACT_SHARE)} of the process's yearly lead "
            f"time; high effort is {HIGH_EFFORT} of 5 or more. Waiting saved is calendar time "
            "per case, work saved is hands-on hours a year. Savings marked “est.” are the "
            "share of the addressed finding the action's verb plausibly changes: eliminate all "
            "of it; combine and rearrange its waiting; simplify half its hands-on time; "
            "automate its hands-on time."
        )
    )
    story += [note(item.warning) for item in rated if item.warning]
    return story


def _row(ctx: PlanContext, number: int, rated: RatedAction) -> list[str | Flowable]:
    action = rated.action
    names = ctx.process.step_by_id()
    steps = ", ".join(names[i].name if i in names else i for i in action.steps) or "–"
    title = bold(paragraph_text(action.verb.capitalize())) + "<br/>"
    title += paragraph_text(action.title or "–")
    return [
        str(number),
        ShapedParagraph(title, STYLES.cell),
        steps,
        action.owner or "–",
        ctx.date(action.due) if action.due else "–",
        _saves(ctx, rated),
        f"{rated.quadrant}\neffort {action.effort} of 5",
    ]


def _saves(ctx: PlanContext, rated: RatedAction) -> str:
    words = impact_words(rated.impact, ctx.process.currency)
    if not words:
        return "–"
    return "\n".join(words) + ("\nest." if rated.impact.estimated else "")
