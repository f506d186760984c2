"""The layout rules of issue 4 on small hand-made processes, and the bad inputs."""

from __future__ import annotations

import itertools

import pytest

from app.process.model import Flow, Lane, Process, Step, StepKind
from app.swimlane.geometry import MapGeometry, Rect
from app.swimlane.layout import LayoutStyle, layout_swimlanes
from app.swimlane.text import ELLIPSIS


def step(step_id: str, lane: str = "a", kind: StepKind = "task", name: str = "") -> Step:
    return Step(step_id, lane, name or f"Step {step_id}", kind=kind)


def process(*steps: Step, flows: tuple[Flow, ...] = (), lanes: tuple[Lane, ...] = ()) -> Process:
    return Process(name="p", lanes=lanes, steps=steps, flows=flows)


def chain(*ids: str) -> tuple[Flow, ...]:
    return tuple(Flow(a, b) for a, b in itertools.pairwise(ids))


def columns(geometry: MapGeometry) -> dict[str, int]:
    return {node.step_id: node.column for node in geometry.nodes}


def test_lanes_follow_the_process_order_and_unknown_lanes_come_last() -> None:
    lanes = (Lane("b", "Buyer"), Lane("a", "Approver"), Lane("idle", "Nobody"))
    geometry = layout_swimlanes(
        process(step("s1", "a"), step("s2", "x"), step("s3", "b"), lanes=lanes)
    )
    assert [lane.lane_id for lane in geometry.lanes] == ["b", "a", "idle", "x"]
    assert geometry.lane("x").name == "x"


def test_a_lane_with_no_steps_gets_a_thin_band() -> None:
    lanes = (Lane("a", "A"), Lane("idle", "Idle"))
    geometry = layout_swimlanes(process(step("s1", "a"), lanes=lanes))
    idle, busy = geometry.lane("idle"), geometry.lane("a")
    assert 0 < idle.rect.height < busy.rect.height
    assert idle.lines == ("Idle",)


def test_steps_sit_right_of_everything_that_feeds_them() -> None:
    flows = (*chain("s", "t1", "t2", "t3"), Flow("s", "t3"), Flow("t1", "t3"))
    geometry = layout_swimlanes(
        process(step("s", kind="start"), step("t1"), step("t2"), step("t3"), flows=flows)
    )
    assert columns(geometry) == {"s": 0, "t1": 1, "t2": 2, "t3": 3}


def test_back_edges_are_ignored_for_placement_and_marked() -> None:
    flows = (*chain("s", "a1", "a2", "e"), Flow("a2", "a1", "Rework"))
    geometry = layout_swimlanes(
        process(step("s", kind="start"), step("a1"), step("a2"), step("e", kind="end"), flows=flows)
    )
    assert columns(geometry) == {"s": 0, "a1": 1, "a2": 2, "e": 3}
    assert [edge.is_back_edge for edge in geometry.edges] == [False, False, False, True]


def test_back_edges_follow_the_search_from_the_start_in_flow_order() -> None:
    # Listing t2 first makes t1 -> t2 the tree edge and t2 -> t1 the back edge.
    flows = (Flow("t2", "t1"), Flow("s", "t1"), Flow("t1", "t2"))
    geometry = layout_swimlanes(
        process(step("t2"), step("t1"), step("s", kind="start"), flows=flows)
    )
    back = {edge.flow_index for edge in geometry.edges if edge.is_back_edge}
    assert back == {0}
    assert columns(geometry) == {"s": 0, "t1": 1, "t2": 2}


def test_a_rework_loop_leaves_below_and_enters_from_above() -> None:
    flows = (*chain("s", "a1", "a2"), Flow("a2", "a1", "Again"))
    geometry = layout_swimlanes(
        process(step("s", kind="start"), step("a1"), step("a2"), flows=flows)
    )
    rework = geometry.edges[-1]
    source, target = geometry.node("a2").rect, geometry.node("a1").rect
    assert rework.points[0].y == source.bottom
    assert rework.points[-1].y == target.y
    lowest = max(point.y for point in rework.points)
    highest = min(point.y for point in rework.points)
    assert lowest > source.bottom
    assert highest < target.y


def test_steps_of_one_lane_in_one_column_are_stacked_and_the_lane_grows() -> None:
    flows = (Flow("d", "yes", "Yes"), Flow("d", "no", "No"))
    single = layout_swimlanes(process(step("d", kind="decision"), step("yes"), flows=flows[:1]))
    double = layout_swimlanes(
        process(step("d", kind="decision"), step("yes"), step("no"), flows=flows)
    )
    yes, no = double.node("yes"), double.node("no")
    assert yes.column == no.column
    assert (yes.row, no.row) == (0, 1)
    assert yes.rect.bottom < no.rect.y
    assert double.lane("a").rect.height > single.lane("a").rect.height


def test_shapes_and_badges_follow_the_step_kind() -> None:
    kinds: tuple[StepKind, ...] = ("start", "task", "approval", "decision", "end")
    geometry = layout_swimlanes(process(*(step(kind, kind=kind) for kind in kinds)))
    shapes = {node.kind: node.shape for node in geometry.nodes}
    assert shapes == {
        "start": "circle",
        "task": "box",
        "approval": "box",
        "decision": "diamond",
        "end": "circle",
    }
    assert geometry.node("approval").badges == ("approval",)
    assert geometry.node("task").badges == ()
    circle = geometry.node("start").rect
    assert circle.width == circle.height


def test_branch_labels_carry_their_share() -> None:
    flows = (
        Flow("d", "y", "Yes", 0.8),
        Flow("d", "n", "No"),
        Flow("y", "e", "Done"),
    )
    geometry = layout_swimlanes(
        process(step("d", kind="decision"), step("y"), step("n"), step("e"), flows=flows)
    )
    labels = [edge.label for edge in geometry.edges]
    assert labels == ["Yes — 8 in 10", "No — 2 in 10", "Done"]
    assert [edge.probability for edge in geometry.edges][:2] == pytest.approx([0.8, 0.2])
    assert geometry.edges[2].probability is None


def test_unnamed_branches_show_equal_shares() -> None:
    flows = (Flow("d", "a"), Flow("d", "b"))
    geometry = layout_swimlanes(
        process(step("d", kind="decision"), step("a"), step("b"), flows=flows)
    )
    assert [edge.label for edge in geometry.edges] == ["5 in 10", "5 in 10"]


def test_labels_of_forward_edges_sit_next_to_the_target_and_do_not_collide() -> None:
    flows = (Flow("d", "t", "Yes"), Flow("d", "t", "No"))
    geometry = layout_swimlanes(process(step("d", kind="decision"), step("t"), flows=flows))
    first, second = (edge.label_rect for edge in geometry.edges)
    assert first is not None
    assert second is not None
    assert not first.overlaps(second)
    target = geometry.node("t").rect
    assert first.right <= target.x
    assert first.bottom <= target.center.y <= second.y


def test_lane_labels_are_at_the_left_of_every_step() -> None:
    geometry = layout_swimlanes(process(step("s1"), step("s2", "b"), flows=chain("s1", "s2")))
    for lane in geometry.lanes:
        assert lane.label_rect.x == 0
        assert lane.label_rect.width == LayoutStyle().lane_label_width
    assert min(node.rect.x for node in geometry.nodes) > LayoutStyle().lane_label_width


def test_a_custom_style_and_measure_are_used() -> None:
    style = LayoutStyle(box_width=100, box_height=50, font_size=8, line_height=10)
    geometry = layout_swimlanes(
        process(step("t", name="abc def")), style=style, measure=lambda text: 30.0 * len(text)
    )
    node = geometry.node("t")
    assert node.lines == ("ab", "c", "de", "f")
    assert (node.rect.width, node.rect.height) == (100, 4 * 10 + 2 * style.text_padding)
    assert (geometry.font_size, geometry.line_height) == (8, 10)


def test_a_2000_character_name_is_wrapped_elided_and_kept_in_full() -> None:
    name = "Check the incoming invoice against the order " * 45
    geometry = layout_swimlanes(process(step("t", name=name)))
    node = geometry.node("t")
    assert node.full_text == name
    assert 1 < len(node.lines) <= LayoutStyle().max_label_lines
    assert node.lines[-1].endswith(ELLIPSIS)


def test_a_long_lane_name_is_elided_to_its_band() -> None:
    geometry = layout_swimlanes(process(step("t"), lanes=(Lane("a", "Accounts payable " * 100),)))
    lane = geometry.lane("a")
    assert lane.lines[-1].endswith(ELLIPSIS)
    assert len(lane.lines) * geometry.line_height <= lane.label_rect.height


def test_emoji_and_right_to_left_names_are_kept() -> None:
    names = ("🧾 Rechnung prüfen 👍🏽", "مراجعة الطلب", "審査する")
    geometry = layout_swimlanes(process(*(step(f"s{i}", name=n) for i, n in enumerate(names))))
    assert [node.full_text for node in geometry.nodes] == list(names)
    assert [" ".join(node.lines) for node in geometry.nodes] == list(names)


def test_only_a_start_step() -> None:
    geometry = layout_swimlanes(process(step("s", kind="start")))
    assert len(geometry.nodes) == 1
    assert geometry.edges == ()
    assert len(geometry.columns) == 1


def test_an_empty_process() -> None:
    geometry = layout_swimlanes(process())
    assert (geometry.nodes, geometry.edges, geometry.lanes, geometry.columns) == ((), (), (), ())
    assert geometry.height == 0


def test_flows_to_missing_steps_are_skipped() -> None:
    flows = (Flow("s", "ghost"), Flow("s", "t"), Flow("ghost", "t"))
    geometry = layout_swimlanes(process(step("s", kind="start"), step("t"), flows=flows))
    assert [edge.flow_index for edge in geometry.edges] == [1]
    assert geometry.edges[0].label == ""


def test_repeated_step_ids_keep_the_first() -> None:
    geometry = layout_swimlanes(process(step("s", name="first"), step("s", name="second")))
    assert [node.full_text for node in geometry.nodes] == ["first"]


def test_without_a_start_placement_begins_at_steps_nobody_feeds() -> None:
    flows = chain("b", "c", "a")
    geometry = layout_swimlanes(process(step("a"), step("b"), step("c"), flows=flows))
    assert columns(geometry) == {"b": 0, "c": 1, "a": 2}


def test_without_a_start_or_unfed_step_placement_begins_at_the_first_step() -> None:
    flows = chain("a", "b", "c", "a")
    geometry = layout_swimlanes(process(step("a"), step("b"), step("c"), flows=flows))
    assert columns(geometry) == {"a": 0, "b": 1, "c": 2}
    assert [edge.is_back_edge for edge in geometry.edges] == [False, False, True]


def test_steps_the_start_does_not_reach_are_still_placed() -> None:
    flows = (*chain("s", "t"), *chain("x", "y"))
    geometry = layout_swimlanes(
        process(step("s", kind="start"), step("t"), step("x"), step("y"), flows=flows)
    )
    assert columns(geometry) == {"s": 0, "t": 1, "x": 0, "y": 1}


def test_self_loops_and_cycles_everywhere() -> None:
    ids = [f"s{i}" for i in range(8)]
    flows = tuple(Flow(a, b) for a in ids for b in ids)
    geometry = layout_swimlanes(
        process(*(step(i, lane=f"l{int(i[1:]) % 3}") for i in ids), flows=flows)
    )
    assert len(geometry.edges) == 64
    loop = next(edge for edge in geometry.edges if edge.source == edge.target == "s0")
    assert loop.is_back_edge
    assert len(loop.points) >= 4


def test_a_long_chain_does_not_hit_the_recursion_limit() -> None:
    ids = [f"s{i}" for i in range(3000)]
    geometry = layout_swimlanes(process(*(step(i) for i in ids), flows=chain(*ids)))
    assert geometry.node("s2999").column == 2999


def test_a_thousand_steps_in_thirty_lanes() -> None:
    lanes = tuple(Lane(f"l{i}", f"Lane {i}") for i in range(30))
    steps = tuple(step(f"s{i}", lane=f"l{i * 7 % 30}") for i in range(1000))
    flows = (
        *chain(*(s.id for s in steps)),
        *(Flow(f"s{i}", f"s{i - 5}") for i in range(5, 1000, 9)),
    )
    geometry = layout_swimlanes(process(*steps, flows=flows, lanes=lanes))
    assert len(geometry.nodes) == 1000
    assert geometry.lane_count == 30
    assert len(geometry.lanes) == 30 * len(geometry.sections)
    assert sum(edge.is_back_edge for edge in geometry.edges) == len(range(5, 1000, 9))
    by_column: dict[int, list[Rect]] = {}
    for node in geometry.nodes:
        by_column.setdefault(node.column, []).append(node.rect)
    assert len(by_column) == len(geometry.columns)
    for rects in by_column.values():
        rects.sort(key=lambda rect: rect.y)
        assert all(upper.bottom <= lower.y for upper, lower in itertools.pairwise(rects))
