"""Laws every layout obeys, on random processes (lanes, steps and flows, cycles included)."""

from __future__ import annotations

import itertools

from hypothesis import given

from app.process.model import Process
from app.swimlane.geometry import MapGeometry, Point, Rect
from app.swimlane.layout import layout_swimlanes
from tests.swimlane.strategies import processes


def crosses_interior(a: Point, b: Point, rect: Rect) -> bool:
    """True if the axis-parallel segment a–b runs through the inside of ``rect``."""
    if a.y == b.y:
        low, high = sorted((a.x, b.x))
        return rect.y < a.y < rect.bottom and max(low, rect.x) < min(high, rect.right)
    low, high = sorted((a.y, b.y))
    return rect.x < a.x < rect.right and max(low, rect.y) < min(high, rect.bottom)


def segments(points: tuple[Point, ...]) -> list[tuple[Point, Point]]:
    return list(itertools.pairwise(points))


@given(processes())
def test_no_two_nodes_overlap(process: Process) -> None:
    geometry = layout_swimlanes(process)
    for first, second in itertools.combinations(geometry.nodes, 2):
        assert not first.rect.overlaps(second.rect), (first.step_id, second.step_id)


@given(processes())
def test_every_node_lies_in_its_lane_band_right_of_the_labels(process: Process) -> None:
    geometry = layout_swimlanes(process)
    for node in geometry.nodes:
        lane = geometry.lane(node.lane_id, node.section)
        assert lane.rect.contains_rect(node.rect), node.step_id
        assert node.rect.x >= lane.label_rect.right


def section_areas(geometry: MapGeometry) -> list[Rect]:
    """The area of each section, or the whole map when it is not folded."""
    if not geometry.sections:
        return [Rect(0.0, 0.0, geometry.width, geometry.height)]
    return [section.rect for section in geometry.sections]


@given(processes())
def test_lanes_tile_each_section_without_gaps_in_the_same_order(process: Process) -> None:
    geometry = layout_swimlanes(process)
    areas = section_areas(geometry)
    count = geometry.lane_count
    assert len(geometry.lanes) == count * len(areas)
    for number, area in enumerate(areas):
        bands = geometry.lanes[number * count : (number + 1) * count]
        assert [band.lane_id for band in bands] == [band.lane_id for band in geometry.lanes[:count]]
        bottom = area.y
        for lane in bands:
            assert lane.section == number
            assert lane.rect.y == bottom
            assert lane.rect.height > 0
            assert (lane.rect.x, lane.rect.width) == (0.0, geometry.width)
            assert lane.label_rect.y == lane.rect.y
            assert lane.label_rect.height == lane.rect.height
            bottom = lane.rect.bottom
        assert bottom == area.bottom
    assert areas[-1].bottom == geometry.height


def ends_of(geometry: MapGeometry, edge_index: int) -> tuple[Rect, Rect]:
    """The connectors an edge between sections leaves by and comes back through."""
    out = [link for link in geometry.links if link.flow_index == edge_index]
    by_direction = {link.direction: link.rect for link in out}
    return by_direction["out"], by_direction["in"]


@given(processes())
def test_edges_run_from_source_border_to_target_border(process: Process) -> None:
    geometry = layout_swimlanes(process)
    for edge in geometry.edges:
        assert all(len(piece) >= 2 for piece in edge.pieces)
        assert geometry.node(edge.source).rect.on_border(edge.points[0])
        assert geometry.node(edge.target).rect.on_border(edge.pieces[-1][-1])
        if edge.continued:
            leave, enter = ends_of(geometry, edge.flow_index)
            assert leave.on_border(edge.points[-1])
            assert enter.on_border(edge.continued[0])


@given(processes())
def test_connectors_pair_up_across_sections(process: Process) -> None:
    geometry = layout_swimlanes(process)
    joined = {edge.flow_index: edge for edge in geometry.edges if edge.continued}
    assert sorted({link.flow_index for link in geometry.links}) == sorted(joined)
    for link in geometry.links:
        edge = joined[link.flow_index]
        assert link.letter == edge.link
        here = geometry.node(edge.source if link.direction == "out" else edge.target)
        there = geometry.node(edge.target if link.direction == "out" else edge.source)
        assert (link.section, link.other_section) == (here.section, there.section)
        assert geometry.lane(link.lane_id, link.section).rect.contains_rect(link.rect)
    for first, second in itertools.combinations([*geometry.nodes, *geometry.links], 2):
        assert not first.rect.overlaps(second.rect)


@given(processes())
def test_edge_segments_are_axis_parallel_and_not_empty(process: Process) -> None:
    geometry = layout_swimlanes(process)
    for edge in geometry.edges:
        for piece in edge.pieces:
            for a, b in segments(piece):
                assert a.x == b.x or a.y == b.y, edge
                assert a != b, edge


@given(processes())
def test_no_edge_runs_through_a_node(process: Process) -> None:
    geometry = layout_swimlanes(process)
    shapes = [node.rect for node in geometry.nodes] + [link.rect for link in geometry.links]
    for edge in geometry.edges:
        for piece in edge.pieces:
            for a, b in segments(piece):
                for rect in shapes:
                    assert not crosses_interior(a, b, rect), (edge.flow_index, rect)


@given(processes())
def test_edge_labels_stay_on_the_map_and_clear_of_nodes(process: Process) -> None:
    geometry = layout_swimlanes(process)
    whole = Rect(0, 0, geometry.width, geometry.height)
    for edge in geometry.edges:
        assert (edge.label_rect is None) == (not edge.label_lines)
        if edge.label_rect is None:
            continue
        assert whole.contains_rect(edge.label_rect)
        for node in geometry.nodes:
            assert not edge.label_rect.overlaps(node.rect), (edge.flow_index, node.step_id)


@given(processes())
def test_columns_are_compact_and_forward_edges_go_right(process: Process) -> None:
    geometry = layout_swimlanes(process)
    used = {node.column for node in geometry.nodes}
    assert used == set(range(len(geometry.columns)))
    for edge in geometry.edges:
        source, target = geometry.node(edge.source), geometry.node(edge.target)
        if not edge.is_back_edge:
            assert source.column < target.column, edge
    for node in geometry.nodes:
        assert geometry.columns[node.column].contains_rect(node.rect)


@given(processes())
def test_same_input_gives_the_same_geometry(process: Process) -> None:
    assert layout_swimlanes(process) == layout_swimlanes(process)


@given(processes())
def test_every_step_and_usable_flow_is_drawn_once(process: Process) -> None:
    geometry: MapGeometry = layout_swimlanes(process)
    ids = {step.id for step in process.steps}
    assert {node.step_id for node in geometry.nodes} == ids
    usable = [
        index
        for index, flow in enumerate(process.flows)
        if flow.source in ids and flow.target in ids
    ]
    assert [edge.flow_index for edge in geometry.edges] == usable
