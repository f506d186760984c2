"""One part of the swimlane layout: ranked steps in, plain-number geometry out.

Steps go in columns by the flow (``ranking``), into slots of their lane (``grid``) whose rows
grow to fit their labels (``shapes``); edges are planned onto channel tracks (``routing``), the
channels sized for them, and only then are coordinates fixed. The whole map is one part; a
folded map is several (``fold``). The result depends on nothing but its inputs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.process.model import Process, Step
from app.swimlane.geometry import EdgePath, LaneBand, MapGeometry, Rect
from app.swimlane.grid import Channels, Grid, Slot, assign_slots, build_grid
from app.swimlane.ranking import IndexedFlow, Ranking
from app.swimlane.routing import Route, claim_tracks, plan_route, route_points
from app.swimlane.shapes import ShapeLabel, fit_label, place_node
from app.swimlane.shares import DASH, branch_label, effective_probabilities
from app.swimlane.style import LayoutStyle
from app.swimlane.text import TextMeasure, wrap_text


@dataclass(frozen=True, slots=True)
class _EdgePlan:
    """One edge before coordinates: its route, label text and wrapped label lines."""

    flow: IndexedFlow
    route: Route
    label: str
    lines: tuple[str, ...]
    probability: float | None
    label_offset: int
    label_width: float


@dataclass(frozen=True, slots=True)
class PartLayout:
    """The geometry of one part and the grid it was placed on."""

    geometry: MapGeometry
    grid: Grid


@dataclass(frozen=True, slots=True)
class PlannedPart:
    """A part with its slots, labels, edge routes and grid fixed, before any shape is placed."""

    ranking: Ranking
    lanes: Sequence[tuple[str, str]]
    slots: Mapping[str, Slot]
    labels: Mapping[str, ShapeLabel]
    plans: Sequence[_EdgePlan]
    grid: Grid


def plan_part(
    ranking: Ranking,
    lanes: Sequence[tuple[str, str]],
    style: LayoutStyle,
    measure: TextMeasure,
    column_width: Sequence[float] | None = None,
) -> PlannedPart:
    """Slots, label sizes, routes and the grid (every column ``box_width`` unless given)."""
    lane_of = {lane_id: index for index, (lane_id, _) in enumerate(lanes)}
    slots = assign_slots(ranking.steps, ranking.columns, lane_of)
    column_count = max(ranking.columns.values(), default=-1) + 1
    widths = tuple(column_width or (style.box_width,) * column_count)
    labels = {
        step.id: fit_label(step, widths[slots[step.id].column], style, measure)
        for step in ranking.steps
    }
    plans = _plan_edges(ranking, slots, labels, style, measure)
    grid = build_grid(
        style, _claim_channels(plans), widths, _row_heights(slots, labels, len(lanes))
    )
    return PlannedPart(ranking, lanes, slots, labels, plans, grid)


def place_part(planned: PlannedPart, measure: TextMeasure) -> PartLayout:
    """Shapes, edges and lane bands at the coordinates of the planned grid."""
    grid, slots, style = planned.grid, planned.slots, planned.grid.style
    nodes = tuple(
        place_node(
            step, slots[step.id], grid.slot_rect(slots[step.id]), planned.labels[step.id], style
        )
        for step in planned.ranking.steps
    )
    shape_rects = {slots[node.step_id]: node.rect for node in nodes}
    lanes = planned.lanes
    geometry = MapGeometry(
        width=grid.width,
        height=grid.height,
        lanes=tuple(_lane_band(grid, index, lane, measure) for index, lane in enumerate(lanes)),
        nodes=nodes,
        edges=tuple(_edge_path(plan, grid, shape_rects) for plan in planned.plans),
        columns=tuple(
            Rect(x, 0.0, width, grid.height)
            for x, width in zip(grid.column_left, grid.column_width, strict=True)
        ),
        font_size=style.font_size,
        line_height=style.line_height,
    )
    return PartLayout(geometry, grid)


def lay_out_part(
    ranking: Ranking,
    lanes: Sequence[tuple[str, str]],
    style: LayoutStyle,
    measure: TextMeasure,
    column_width: Sequence[float] | None = None,
) -> PartLayout:
    """Lay out ranked steps as horizontal swimlanes (every column ``box_width`` unless given)."""
    return place_part(plan_part(ranking, lanes, style, measure, column_width), measure)


def ordered_lanes(process: Process, steps: Sequence[Step]) -> list[tuple[str, str]]:
    """(id, name) of every lane: the process's lanes in their order, then unknown lane ids of
    steps in order of first appearance (named by their id)."""
    lanes: dict[str, str] = {}
    for lane in process.lanes:
        lanes.setdefault(lane.id, lane.name)
    for step in steps:
        lanes.setdefault(step.lane, step.lane)
    return list(lanes.items())


def _row_heights(
    slots: Mapping[str, Slot], labels: Mapping[str, ShapeLabel], lane_count: int
) -> list[list[float]]:
    """Each lane's row heights: the tallest label need of the steps in the row."""
    rows: list[list[float]] = [[] for _ in range(lane_count)]
    for step_id, slot in slots.items():
        lane = rows[slot.lane]
        lane.extend([0.0] * (slot.row + 1 - len(lane)))
        lane[slot.row] = max(lane[slot.row], labels[step_id].height)
    return rows


def _plan_edges(
    ranking: Ranking,
    slots: Mapping[str, Slot],
    labels: Mapping[str, ShapeLabel],
    style: LayoutStyle,
    measure: TextMeasure,
) -> list[_EdgePlan]:
    """Routes, label texts and label lines of every usable flow, in flow order."""
    probabilities = _branch_probabilities(ranking.flows)
    back_label_lines: dict[str, int] = {}
    forward_labels: dict[str, int] = {}
    plans: list[_EdgePlan] = []
    for flow in ranking.flows:
        is_back = flow.index in ranking.back_edges
        route = plan_route(
            flow.source,
            flow.target,
            slots[flow.source],
            slots[flow.target],
            is_back=is_back,
            exit_right=labels[flow.source].below,
        )
        probability = probabilities.get(flow.index)
        label = _label_text(flow, probability)
        lines = _label_lines(label, is_back=is_back, style=style, measure=measure)
        # Rework labels of one source stack line by line; forward labels into one target
        # alternate above and below the entering segment.
        stack, key = (back_label_lines, flow.source) if is_back else (forward_labels, flow.target)
        offset = stack.get(key, 0)
        if lines:
            stack[key] = offset + (len(lines) if is_back else 1)
        width = max((measure(line) for line in lines), default=0.0)
        plans.append(_EdgePlan(flow, route, label, lines, probability, offset, width))
    return plans


def _branch_probabilities(flows: Sequence[IndexedFlow]) -> dict[int, float]:
    """Effective probabilities of the flows of every step with several outgoing flows."""
    by_source: dict[str, list[IndexedFlow]] = {}
    for flow in flows:
        by_source.setdefault(flow.source, []).append(flow)
    result: dict[int, float] = {}
    for branches in by_source.values():
        if len(branches) < 2:
            continue
        shares = effective_probabilities([branch.flow.probability for branch in branches])
        result.update(zip((branch.index for branch in branches), shares, strict=True))
    return result


def _label_text(flow: IndexedFlow, probability: float | None) -> str:
    if probability is None:
        return " ".join(flow.flow.label.split())
    return branch_label(flow.flow.label, probability)


def _label_lines(
    label: str, *, is_back: bool, style: LayoutStyle, measure: TextMeasure
) -> tuple[str, ...]:
    if is_back:
        width, max_lines = style.back_label_width, style.edge_label_lines
    else:
        room = style.box_height / 2 - style.label_gap
        width = style.edge_label_width
        max_lines = min(style.edge_label_lines, int(room // style.line_height))
    lines = wrap_text(label, width=width, max_lines=max_lines, measure=measure)
    if len(lines) < 2 or DASH not in label:
        return lines
    # A branch's share ("9 in 10") keeps a line of its own rather than being split.
    name, share = label.rsplit(DASH, 1)
    head = wrap_text(
        f"{name}{DASH.rstrip()}", width=width, max_lines=max_lines - 1, measure=measure
    )
    return (*head, share)


def _claim_channels(plans: Sequence[_EdgePlan]) -> Channels:
    """Tracks for every leg; label room in gaps (forward) and strips (rework)."""
    channels = Channels()
    claim_tracks(channels, [plan.route for plan in plans])
    for plan in plans:
        if not plan.lines:
            continue
        route = plan.route
        if route.is_back:
            strip = (route.source.lane, route.source.row + 1)
            channels.reserve_strip_label(strip, plan.label_offset + len(plan.lines))
        else:
            channels.labelled_gaps.add(route.target.column - 1)
    return channels


def _edge_path(plan: _EdgePlan, grid: Grid, rects: Mapping[Slot, Rect]) -> EdgePath:
    return EdgePath(
        flow_index=plan.flow.index,
        source=plan.flow.source,
        target=plan.flow.target,
        points=route_points(plan.route, grid, rects),
        label=plan.label,
        label_rect=_label_rect(plan, grid, rects),
        is_back_edge=plan.route.is_back,
        label_lines=plan.lines,
        probability=plan.probability,
    )


def _label_rect(plan: _EdgePlan, grid: Grid, rects: Mapping[Slot, Rect]) -> Rect | None:
    if not plan.lines:
        return None
    if plan.route.is_back:
        return _rework_label_rect(plan, grid, rects[plan.route.source])
    return _forward_label_rect(plan, grid)


def _rework_label_rect(plan: _EdgePlan, grid: Grid, source: Rect) -> Rect:
    """Right of the exit below the source, in the label band of the strip under it."""
    style = grid.style
    strip = (plan.route.source.lane, plan.route.source.row + 1)
    top = grid.strip_top[strip] + style.label_gap + plan.label_offset * style.line_height
    width = min(plan.label_width, style.back_label_width)
    height = len(plan.lines) * style.line_height
    return Rect(source.x + source.width / 2 + style.label_gap, top, width, height)


def _forward_label_rect(plan: _EdgePlan, grid: Grid) -> Rect:
    """In the label zone of the gap before the target, above (then below, then further out
    from) the segment entering it; never outside the map."""
    style = grid.style
    target = grid.slot_rect(plan.route.target)
    width = min(plan.label_width, style.edge_label_width)
    height = len(plan.lines) * style.line_height
    level = plan.label_offset // 2 * style.edge_label_lines * style.line_height
    if plan.label_offset % 2:
        top = target.center.y + style.label_gap + level
    else:
        top = target.center.y - style.label_gap - level - height
    top = min(max(top, 0.0), grid.height - height)
    return Rect(target.x - style.label_gap - width, top, width, height)


def _lane_band(grid: Grid, index: int, lane: tuple[str, str], measure: TextMeasure) -> LaneBand:
    style = grid.style
    lane_id, name = lane
    top, height = grid.lane_top[index], grid.lane_height[index]
    label_rect = Rect(0.0, top, style.lane_label_width, height)
    pad = style.text_padding
    fit = int((height - 2 * pad) // style.line_height)
    lines = wrap_text(
        name,
        width=style.lane_label_width - 2 * pad,
        max_lines=max(1, min(style.lane_label_lines, fit)),
        measure=measure,
    )
    return LaneBand(lane_id, name, Rect(0.0, top, grid.width, height), label_rect, lines)
