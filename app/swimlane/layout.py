"""The swimlane layout: one process snapshot in, one ``MapGeometry`` out.

The whole map is laid out as one part (``part``); a long map is then folded into sections
joined by off-page connectors (``fold`` states the rule) and stacked (``stack``). The result
depends on nothing but the snapshot, the style and the measure.
"""

from __future__ import annotations

from app.process.model import Process
from app.swimlane.fold import (
    SectionPart,
    narrowed,
    section_parts,
    section_ranges,
    section_width,
    should_fold,
)
from app.swimlane.geometry import MapGeometry
from app.swimlane.part import PartLayout, lay_out_part, ordered_lanes, place_part, plan_part
from app.swimlane.ranking import rank_steps
from app.swimlane.shapes import is_link
from app.swimlane.stack import stack_sections
from app.swimlane.style import DEFAULT_STYLE, LayoutStyle
from app.swimlane.text import TextMeasure, approximate_measure

# Sections are cut again, narrower, when connectors or labels made one wider than allowed.
_REFITS = 6

__all__ = ["DEFAULT_STYLE", "LayoutStyle", "TextMeasure", "layout_swimlanes", "ordered_lanes"]


def layout_swimlanes(
    process: Process, *, style: LayoutStyle = DEFAULT_STYLE, measure: TextMeasure | None = None
) -> MapGeometry:
    """Lay out a process as horizontal swimlanes with steps in flow columns, folded if long."""
    measure = _remembered(measure or approximate_measure(style.font_size))
    ranking = rank_steps(process)
    lanes = ordered_lanes(process, ranking.steps)
    whole = plan_part(ranking, lanes, style, measure)
    ranges = section_ranges(whole.grid, style) if should_fold(whole.grid) else []
    if len(ranges) < 2:
        return place_part(whole, measure).geometry
    limit = section_width(whole.grid)
    done: dict[tuple[object, ...], PartLayout] = {}  # a section that did not change is kept
    for _ in range(_REFITS):
        parts, crossings = section_parts(ranking, ranges, style)
        layouts = [_lay_out_section(part, lanes, style, measure, done) for part in parts]
        wide = [
            i
            for i, (lay, part) in enumerate(zip(layouts, parts, strict=True))
            if _too_wide(lay, part, limit)
        ]
        if not wide:
            break
        ranges = narrowed(ranges, wide)
    return stack_sections(layouts, parts, crossings)


def _remembered(measure: TextMeasure) -> TextMeasure:
    """``measure`` with each string measured once (a folded map wraps every label twice)."""
    widths: dict[str, float] = {}

    def remembered(text: str, /) -> float:
        width = widths.get(text)
        if width is None:
            width = widths[text] = measure(text)
        return width

    return remembered


def _lay_out_section(
    part: SectionPart,
    lanes: list[tuple[str, str]],
    style: LayoutStyle,
    measure: TextMeasure,
    done: dict[tuple[object, ...], PartLayout],
) -> PartLayout:
    """A section's layout, reused when its columns and connectors are those of an earlier try."""
    links = tuple((step.id, step.name) for step in part.ranking.steps if is_link(step.id))
    key = (part.columns, links)
    if key not in done:
        done[key] = lay_out_part(part.ranking, lanes, style, measure, part.column_width)
    return done[key]


def _too_wide(layout: PartLayout, part: SectionPart, limit: float) -> bool:
    """True if a section of more than one column came out wider than ``limit``."""
    first, last = part.columns
    return layout.geometry.width > limit and last > first
