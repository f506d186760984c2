"""Folding a long map into numbered sections, so it reads at any size.

The rule: a map is folded when it is wider than ``FOLD_WIDTH`` (1,280 points, what a landscape
A4 or Letter page shows with the map's 11-point text printed at 6 points) and wider than
``FOLD_RATIO`` (2.5) times its height. Its columns are then cut, left to right, into sections
as wide as fits in ``FOLD_WIDTH`` (or in 2.5 × the height, for a map taller than ``TALL``, 800
points, which no page shows whole at 6 points anyway); the sections stack top to bottom, every
one with all the lanes in the same order, so lanes stay continuous and each reads left to right.
A flow between two sections ends at an off-page connector (a BPMN link event) named by a
letter, "to 3" at its source's section and "from 2" at its target's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app.swimlane.grid import Grid
from app.swimlane.ranking import IndexedFlow, Ranking
from app.swimlane.shapes import LINK_PREFIX
from app.swimlane.style import LayoutStyle

FOLD_WIDTH = 1280.0
FOLD_RATIO = 2.5
TALL = 800.0
LINK_COLUMN = 48.0


@dataclass(frozen=True, slots=True)
class Crossing:
    """A flow whose ends lie in two sections, with the letter of its connectors."""

    flow: IndexedFlow
    letter: str
    source_section: int
    target_section: int


def should_fold(grid: Grid) -> bool:
    """The folding rule of the module docstring, for the grid of the whole map."""
    return grid.width > FOLD_WIDTH and grid.width > FOLD_RATIO * grid.height


def section_width(grid: Grid) -> float:
    """How wide a section may be: ``FOLD_WIDTH``; for a map taller than ``TALL``, ``FOLD_RATIO``
    × its height if that is more (its sections will not fit a page anyway: fewer, wider ones)."""
    if grid.height <= TALL:
        return FOLD_WIDTH
    return max(FOLD_WIDTH, FOLD_RATIO * grid.height)


def range_end(grid: Grid, style: LayoutStyle, first: int) -> int:
    """The last column of a section starting at ``first``, by the whole map's grid.

    Gaps are counted lean (their labels, not the tracks of flows that a cut will take out);
    a section that still comes out too wide is then cut one column shorter (``layout``).
    """
    room = section_width(grid) - style.lane_label_width - 2 * (LINK_COLUMN + style.outer_gap)
    room += 2 * (style.column_gap - style.outer_gap)  # the end gaps sit beside connectors
    count = len(grid.column_left)
    last = first
    used = _lean_gap(grid, first) + grid.column_width[first] + _lean_gap(grid, first + 1)
    while last + 1 < count:
        more = grid.column_width[last + 1] + _lean_gap(grid, last + 2)
        if used + more > room:
            break
        last, used = last + 1, used + more
    return last


def _lean_gap(grid: Grid, index: int) -> float:
    """The width of gap ``index - 1`` with its labels but without its tracks."""
    style = grid.style
    inner = 0 < index < len(grid.gap_width) - 1
    minimum = style.column_gap if inner else style.outer_gap
    return max(minimum, grid.label_zone(index - 1) + style.track_spacing * 2)


def link_letter(number: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA": the name of a connector pair."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def link_id(direction: str, flow_index: int) -> str:
    """The id of a connector's stand-in step (never a real step id: it starts with NUL)."""
    return f"{LINK_PREFIX}-{direction}-{flow_index}"


def parse_link_id(step_id: str) -> tuple[Literal["out", "in"], int]:
    """The direction and flow index of a connector's stand-in step."""
    _, direction, index = step_id.rsplit("-", 2)
    return ("out" if direction == "out" else "in"), int(index)


def find_crossings(ranking: Ranking, ranges: Sequence[tuple[int, int]]) -> list[Crossing]:
    """The flows that leave their section, lettered in flow order."""
    section_of_column = {
        column: index
        for index, (first, last) in enumerate(ranges)
        for column in range(first, last + 1)
    }
    section_of = {step.id: section_of_column[ranking.columns[step.id]] for step in ranking.steps}
    crossings: list[Crossing] = []
    for flow in ranking.flows:
        source, target = section_of[flow.source], section_of[flow.target]
        if source != target:
            crossings.append(Crossing(flow, link_letter(len(crossings)), source, target))
    return crossings
