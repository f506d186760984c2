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
from app.swimlane.part import PartLayout, lay_out_part, ordered_lanes
from app.swimlane.ranking import rank_steps
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
    measure = measure or approximate_measure(style.font_size)
    ranking = rank_steps(process)
    lanes = ordered_lanes(process, ranking.steps)
    whole = lay_out_part(ranking, lanes, style, measure)
    if not should_fold(whole):
        return whole.geometry
    limit = section_width(whole)
    ranges = section_ranges(whole, style)
    if len(ranges) < 2:
        return whole.geometry
    for _ in range(_REFITS):
        parts, crossings = section_parts(ranking, ranges, style)
        layouts = [lay_out_part(p.ranking, lanes, style, measure, p.column_width) for p in parts]
        wide = [
            i
            for i, (lay, part) in enumerate(zip(layouts, parts, strict=True))
            if _too_wide(lay, part, limit)
        ]
        if not wide:
            break
        ranges = narrowed(ranges, wide)
    return stack_sections(layouts, parts, crossings)


def _too_wide(layout: PartLayout, part: SectionPart, limit: float) -> bool:
    """True if a section of more than one column came out wider than ``limit``."""
    first, last = part.columns
    return layout.geometry.width > limit and last > first
