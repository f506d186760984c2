"""Appendix: every step of the current state, on landscape pages with repeated headers."""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.export.pdf.blocks import heading, note, table
from app.export.pdf.context import PlanContext
from app.export.pdf.figures import duration
from app.process.model import Step

_HEADER = [
    "#",
    "Step",
    "Lane",
    "Kind",
    "Touch",
    "Wait",
    "Value class",
    "Why",
    "Systems",
    "Pain points",
]
_WIDTHS = (0.03, 0.13, 0.10, 0.065, 0.055, 0.055, 0.115, 0.19, 0.10, 0.16)
_VALUE_WORDS = {"business-necessary": "business necessary"}


def appendix(ctx: PlanContext) -> list[Flowable]:
    story: list[Flowable] = [heading("Appendix: the current-state steps")]
    if not ctx.process.steps:
        return [*story, note("No steps yet.")]
    lanes = {lane.id: lane.name for lane in ctx.process.lanes}
    rows = [_row(number, step, lanes) for number, step in enumerate(ctx.process.steps, start=1)]
    widths = [w * ctx.landscape.width for w in _WIDTHS]
    story.append(table(_HEADER, rows, widths, right=(4, 5), zebra=True))
    return story


def _row(number: int, step: Step, lanes: dict[str, str]) -> list[str]:
    why = step.why.strip()
    if step.habit:
        why = f"{why} (habit)".strip()
    pains = step.pain_points.strip()
    if step.rekeys_data:
        pains = f"{pains}\nRe-keys data.".strip()
    if step.notes.strip():
        pains = f"{pains}\nNotes: {step.notes.strip()}".strip()
    return [
        str(number),
        step.name,
        lanes.get(step.lane, step.lane),
        step.kind,
        duration(step.touch_minutes),
        duration(step.wait_minutes),
        _VALUE_WORDS.get(step.value or "", step.value or "unclassified"),
        why or "–",
        ", ".join(step.systems) or "–",
        pains or "–",
    ]
