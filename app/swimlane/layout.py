"""The swimlane layout: one process snapshot in, one ``MapGeometry`` out.

The whole map is laid out as one part (``part``); a long map is then folded into sections
joined by off-page connectors (``fold`` states the rule) and stacked (``stack``). The result
depends on nothing but the snapshot, the style and the measure.
"""

from __future__ import annotations

from app.process.model import Process
from app.swimlane.cut import SectionCutter, SectionPart
from app.swimlane.fold import find_crossings, range_end, section_width, should_fold
from app.swimlane.geometry import MapGeometry
from app.swimlane.grid import Grid
from app.swimlane.part import PartLayout, lay_out_part, ordered_lanes, place_part, plan_part
from app.swimlane.ranking import Ranking, rank_steps
from app.swimlane.stack import stack_sections
from app.swimlane.style import DEFAULT_STYLE, LayoutStyle
from app.swimlane.text import TextMeasure, approximate_measure

__all__ = ["DEFAULT_STYLE", "LayoutStyle", "TextMeasure", "layout_swimlanes", "ordered_lanes"]


def layout_swimlanes(
    process: Process, *, style: LayoutStyle = DEFAULT_STYLE, measure: TextMeasure | None = None
) -> MapGeometry:
    """Lay out a process as horizontal swimlanes with steps in flow columns, folded if long."""
    measure = _remembered(measure or approximate_measure(style.font_size))
    ranking = rank_steps(process)
    lanes = ordered_lanes(process, ranking.steps)
    whole = plan_part(ranking, lanes, style, measure)
    if not should_fold(whole.grid):
        return place_part(whole, measure).geometry
    parts, layouts = _sections(ranking, whole.grid, lanes, style, measure)
    if len(parts) < 2:
        return place_part(whole, measure).geometry
    crossings = find_crossings(ranking, [part.columns for part in parts])
    return stack_sections(layouts, parts, crossings)


def _sections(
    ranking: Ranking,
    grid: Grid,
    lanes: list[tuple[str, str]],
    style: LayoutStyle,
    measure: TextMeasure,
) -> tuple[list[SectionPart], list[PartLayout]]:
    """Sections left to right, each as many columns as the grid suggests, one fewer at a time
    while it comes out wider than allowed (a one-column section always stays)."""
    cutter = SectionCutter(ranking, style)
    limit = section_width(grid)
    parts: list[SectionPart] = []
    layouts: list[PartLayout] = []
    first, count = 0, len(grid.column_left)
    while first < count:
        last = range_end(grid, style, first)
        while True:
            part = cutter.part(first, last)
            layout = lay_out_part(part.ranking, lanes, style, measure, part.column_width)
            if layout.geometry.width <= limit or last == first:
                break
            last -= 1
        parts.append(part)
        layouts.append(layout)
        first = last + 1
    return parts, layouts


def _remembered(measure: TextMeasure) -> TextMeasure:
    """``measure`` with each string measured once (a folded map wraps every label twice)."""
    widths: dict[str, float] = {}

    def remembered(text: str, /) -> float:
        width = widths.get(text)
        if width is None:
            width = widths[text] = measure(text)
        return width

    return remembered
