"""Appendix: every step of the current state, on landscape pages with repeated headers."""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, TableStyle

from app.export.pdf.bidi import ShapedParagraph
from app.export.pdf.blocks import Cell, heading, note, table
from app.export.pdf.context import PlanContext
from app.export.pdf.figures import duration
from app.export.pdf.fonts import REGULAR
from app.export.pdf.text import paragraph_text
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


# From this many steps on, the appendix is set compact (smaller type, tighter rows), so a big
# process's plan stays short: 300 steps take 8 pages instead of 13.
COMPACT_FROM = 40
_COMPACT = ParagraphStyle("appendix_compact", fontName=REGULAR, fontSize=6.8, leading=8)
_COMPACT_RIGHT = ParagraphStyle("appendix_compact_right", parent=_COMPACT, alignment=TA_RIGHT)


def appendix(ctx: PlanContext) -> list[Flowable]:
    story: list[Flowable] = [heading("Appendix: the current-state steps")]
    if not ctx.process.steps:
        return [*story, note("No steps yet.")]
    lanes = {lane.id: lane.name for lane in ctx.process.lanes}
    rows: list[list[Cell]] = [
        list(_row(number, step, lanes)) for number, step in enumerate(ctx.process.steps, start=1)
    ]
    widths = [w * ctx.landscape.width for w in _WIDTHS]
    compact = len(rows) >= COMPACT_FROM
    if compact:
        rows = [_compact_cells(row) for row in rows]
    result = table(_HEADER, rows, widths, right=(4, 5), zebra=True)
    if compact:
        result.setStyle(_COMPACT_PADDING)
    story.append(result)
    return story


_COMPACT_PADDING = TableStyle(
    [("TOPPADDING", (0, 1), (-1, -1), 1.0), ("BOTTOMPADDING", (0, 1), (-1, -1), 1.4)]
)


def _compact_cells(row: list[Cell]) -> list[Cell]:
    """A row's text in the compact style (right-aligned durations), escaped as every cell is."""
    return [
        ShapedParagraph(paragraph_text(str(value)), _COMPACT_RIGHT if i in (4, 5) else _COMPACT)
        for i, value in enumerate(row)
    ]


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
