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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from app.process.model import Flow, Step
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


@dataclass(frozen=True, slots=True)
class SectionPart:
    """One section as a ranking of its own: its steps, connectors, flows and column widths."""

    ranking: Ranking
    column_width: tuple[float, ...]
    columns: tuple[int, int]


def should_fold(grid: Grid) -> bool:
    """The folding rule of the module docstring, for the grid of the whole map."""
    return grid.width > FOLD_WIDTH and grid.width > FOLD_RATIO * grid.height


def section_width(grid: Grid) -> float:
    """How wide a section may be: ``FOLD_WIDTH``; for a map taller than ``TALL``, ``FOLD_RATIO``
    × its height if that is more (its sections will not fit a page anyway: fewer, wider ones)."""
    if grid.height <= TALL:
        return FOLD_WIDTH
    return max(FOLD_WIDTH, FOLD_RATIO * grid.height)


def section_ranges(grid: Grid, style: LayoutStyle) -> list[tuple[int, int]]:
    """Runs of whole columns that would fit a section with the lane labels and connectors.

    Gaps are counted lean (their labels, not the tracks of flows that a cut will take out);
    a section that comes out too wide is narrowed afterwards (``narrowed``).
    """
    room = section_width(grid) - style.lane_label_width - 2 * (LINK_COLUMN + style.outer_gap)
    room += 2 * (style.column_gap - style.outer_gap)  # the end gaps sit beside connectors
    lean = [_lean_gap(grid, gap) for gap in range(len(grid.gap_width))]
    ranges: list[tuple[int, int]] = []
    first = 0
    count = len(grid.column_left)
    while first < count:
        last, used = first, lean[first] + grid.column_width[first] + lean[first + 1]
        while last + 1 < count:
            more = grid.column_width[last + 1] + lean[last + 2]
            if used + more > room:
                break
            last, used = last + 1, used + more
        ranges.append((first, last))
        first = last + 1
    return ranges


def _lean_gap(grid: Grid, index: int) -> float:
    """The width of gap ``index - 1`` with its labels but without its tracks."""
    style = grid.style
    inner = 0 < index < len(grid.gap_width) - 1
    minimum = style.column_gap if inner else style.outer_gap
    return max(minimum, grid.label_zone(index - 1) + style.track_spacing * 2)


def narrowed(ranges: Sequence[tuple[int, int]], wide: Sequence[int]) -> list[tuple[int, int]]:
    """The ranges with the last column of each ``wide`` one moved to the start of the next."""
    result = list(ranges)
    for index in wide:
        first, last = result[index]
        result[index] = (first, last - 1)
        if index + 1 < len(result):
            result[index + 1] = (last, result[index + 1][1])
        else:
            result.append((last, last))
    return result


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


def find_crossings(ranking: Ranking, section_of: Mapping[str, int]) -> list[Crossing]:
    """The flows that leave their section, lettered in flow order."""
    crossings: list[Crossing] = []
    for flow in ranking.flows:
        source, target = section_of[flow.source], section_of[flow.target]
        if source != target:
            crossings.append(Crossing(flow, link_letter(len(crossings)), source, target))
    return crossings


@dataclass(slots=True)
class _Members:
    """What belongs to one section: its steps, inner flows and the crossings at its ends."""

    steps: list[Step] = field(default_factory=list)
    flows: list[IndexedFlow] = field(default_factory=list)
    incoming: list[Crossing] = field(default_factory=list)
    outgoing: list[Crossing] = field(default_factory=list)


def section_parts(
    ranking: Ranking, ranges: Sequence[tuple[int, int]], style: LayoutStyle
) -> tuple[list[SectionPart], list[Crossing]]:
    """Each section's own ranking: its steps, flows and connectors in re-based columns."""
    section_of_column = {
        column: index
        for index, (first, last) in enumerate(ranges)
        for column in range(first, last + 1)
    }
    section_of = {step.id: section_of_column[ranking.columns[step.id]] for step in ranking.steps}
    crossings = find_crossings(ranking, section_of)
    members = [_Members() for _ in ranges]
    for step in ranking.steps:
        members[section_of[step.id]].steps.append(step)
    for flow in ranking.flows:
        if section_of[flow.source] == section_of[flow.target]:
            members[section_of[flow.source]].flows.append(flow)
    for crossing in crossings:
        members[crossing.target_section].incoming.append(crossing)
        members[crossing.source_section].outgoing.append(crossing)
    step_by_id = {step.id: step for step in ranking.steps}
    parts = [
        _section_part(ranking, ranges[index], members[index], step_by_id, style)
        for index in range(len(ranges))
    ]
    return parts, crossings


def _section_part(
    ranking: Ranking,
    columns: tuple[int, int],
    members: _Members,
    step_by_id: Mapping[str, Step],
    style: LayoutStyle,
) -> SectionPart:
    incoming, outgoing = members.incoming, members.outgoing
    offset = 1 if incoming else 0
    first, last = columns
    steps = list(members.steps)
    placed = {step.id: ranking.columns[step.id] - first + offset for step in steps}
    out_column = last - first + offset + 1
    flows = list(members.flows)
    for crossing in incoming:
        target = step_by_id[crossing.flow.target]
        step = Step(
            link_id("in", crossing.flow.index), target.lane, f"from {crossing.source_section + 1}"
        )
        steps.append(step)
        placed[step.id] = 0
        flows.append(IndexedFlow(crossing.flow.index, Flow(step.id, target.id)))
    for crossing in outgoing:
        source = step_by_id[crossing.flow.source]
        step = Step(
            link_id("out", crossing.flow.index), source.lane, f"to {crossing.target_section + 1}"
        )
        steps.append(step)
        placed[step.id] = out_column
        original = crossing.flow.flow
        flow = Flow(source.id, step.id, original.label, original.probability)
        flows.append(IndexedFlow(crossing.flow.index, flow))
    flows.sort(key=lambda flow: flow.index)
    # The half entering from a connector always runs forward, even for rework: it leaves the
    # connector at its right, clear of the connector's label below it.
    entering = {crossing.flow.index for crossing in incoming}
    back = frozenset(
        flow.index
        for flow in flows
        if flow.index in ranking.back_edges and flow.index not in entering
    )
    widths = [style.box_width] * (out_column + (1 if outgoing else 0))
    if incoming:
        widths[0] = LINK_COLUMN
    if outgoing:
        widths[-1] = LINK_COLUMN
    order = tuple(step.id for step in steps)
    ranked = Ranking(tuple(steps), tuple(flows), back, placed, order)
    return SectionPart(ranked, tuple(widths), columns)
