"""The action plan. Actions are plain JSON objects until the Improve issue gives them a type;
the keys read here are verb, title, steps, owner, due, effort and impact."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.platypus import Flowable

from app.export.pdf.blocks import heading, note, table
from app.export.pdf.context import PlanContext

TITLE_KEYS = ("title", "name", "description", "text")
IMPACT_KEYS = ("impact", "impact_minutes_per_year", "saving")


def actions(ctx: PlanContext) -> list[Flowable]:
    story: list[Flowable] = [heading("Action plan")]
    items = [item for item in ctx.process.actions if isinstance(item, Mapping)]
    if not items:
        story.append(
            note(
                "No actions yet. Work through the top findings in ECRS order "
                "(eliminate, combine, rearrange, simplify) before automating."
            )
        )
        return story
    width = ctx.portrait.width
    widths = [0.04, 0.12, 0.30, 0.18, 0.13, 0.14, 0.09]
    header = ["#", "ECRS", "Action", "Steps", "Owner", "Due", "Effort"]
    rows = [_row(ctx, n, item) for n, item in enumerate(items, start=1)]
    story.append(table(header, rows, [w * width for w in widths], right=(6,)))
    skipped = len(ctx.process.actions) - len(items)
    if skipped:
        story.append(note(f"{skipped} action entries could not be read and are not shown."))
    return story


def _row(ctx: PlanContext, number: int, item: Mapping[str, Any]) -> list[str]:
    return [
        str(number),
        _text(item.get("verb")).capitalize(),
        _first(item, TITLE_KEYS),
        _steps(ctx, item.get("steps")),
        _text(item.get("owner")),
        _text(item.get("due")),
        _text(item.get("effort")),
    ]


def _text(value: Any) -> str:
    if value is None or value == "":
        return "–"
    return str(value)


def _first(item: Mapping[str, Any], keys: tuple[str, ...]) -> str:
    for key in keys:
        if item.get(key):
            return str(item[key])
    return "–"


def _steps(ctx: PlanContext, value: Any) -> str:
    names = ctx.process.step_by_id()
    ids = value if isinstance(value, list) else [value] if value else []
    return ", ".join(names[i].name if i in names else str(i) for i in ids) or "–"
