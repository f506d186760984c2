"""Long maps fold into sections joined by connectors; the layout laws still hold when folded."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from app.process.model import Flow, Lane, Process, Step
from app.swimlane.fold import FOLD_RATIO, FOLD_WIDTH, link_letter
from app.swimlane.layout import layout_swimlanes
from app.swimlane.shapes import is_whole
from bench.generate import looped_process, sequential_process
from tests.swimlane.test_laws import crosses_interior, segments

LANES = (Lane("a", "Clerk"), Lane("b", "Manager"), Lane("c", "ERP"))


@st.composite
def long_processes(draw: st.DrawFn) -> Process:
    """Chains of 8–40 steps over three lanes, with rework flows back and skips forward."""
    count = draw(st.integers(8, 40))
    kinds = st.sampled_from(("task", "task", "approval", "decision", "start", "end"))
    steps = tuple(
        Step(f"s{i}", draw(st.sampled_from("abc")), draw(st.text(max_size=50)), draw(kinds))
        for i in range(count)
    )
    chain = [Flow(f"s{i}", f"s{i + 1}") for i in range(count - 1)]
    index = st.integers(0, count - 1)
    extra = [
        Flow(f"s{a}", f"s{b}", draw(st.text(max_size=20)))
        for a, b in draw(st.lists(st.tuples(index, index), max_size=8))
    ]
    return Process(name="long", lanes=LANES, steps=steps, flows=(*chain, *extra))


def test_a_short_map_is_not_folded() -> None:
    assert layout_swimlanes(sequential_process(5)).sections == ()


def test_nine_steps_fold_into_sections_no_wider_than_the_fold_width() -> None:
    geometry = layout_swimlanes(looped_process(9, 1))
    assert len(geometry.sections) == 2
    assert geometry.width <= FOLD_WIDTH
    assert [section.title for section in geometry.sections] == ["Section 1 of 2", "Section 2 of 2"]


def test_a_300_step_map_reads_in_sections_of_whole_columns() -> None:
    geometry = layout_swimlanes(looped_process(300, 10))
    sections = geometry.sections
    assert len(sections) > 10
    assert geometry.width <= FOLD_WIDTH
    covered = [c for s in sections for c in range(s.columns[0], s.columns[1] + 1)]
    assert covered == list(range(len(geometry.columns)))
    assert all(a.rect.bottom <= b.title_rect.y for a, b in itertools.pairwise(sections))


def test_a_map_of_many_lanes_gets_wider_sections() -> None:
    lanes = tuple(Lane(f"l{i}", f"Lane {i}") for i in range(12))
    steps = tuple(Step(f"s{i}", f"l{i % 12}", f"Step {i}") for i in range(80))
    flows = tuple(Flow(f"s{i}", f"s{i + 1}") for i in range(79))
    geometry = layout_swimlanes(Process(name="tall", lanes=lanes, steps=steps, flows=flows))
    assert geometry.sections
    assert geometry.width > FOLD_WIDTH
    assert geometry.width <= FOLD_RATIO * geometry.sections[0].rect.height * 1.5


def test_connectors_are_lettered_a_to_z_then_aa() -> None:
    assert [link_letter(n) for n in (0, 1, 25, 26, 27, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


def test_a_flow_between_sections_is_one_edge_with_two_lettered_ends() -> None:
    geometry = layout_swimlanes(sequential_process(12))
    joined = [edge for edge in geometry.edges if edge.continued]
    assert joined
    for edge in joined:
        ends = [link for link in geometry.links if link.flow_index == edge.flow_index]
        assert sorted(link.direction for link in ends) == ["in", "out"]
        assert {link.letter for link in ends} == {edge.link}
        out = next(link for link in ends if link.direction == "out")
        assert out.lines == (f"to {out.other_section + 1}",)


def test_long_names_of_every_shape_are_wrapped_whole() -> None:
    name = "Goods received and checked against the purchase order by the warehouse team"
    kinds = ("start", "task", "decision", "approval", "end")
    steps = tuple(Step(f"s{i}", "a", f"{name} {i}", kind=kind) for i, kind in enumerate(kinds))
    flows = tuple(Flow(f"s{i}", f"s{i + 1}") for i in range(4))
    geometry = layout_swimlanes(Process(name="n", lanes=LANES, steps=steps, flows=flows))
    for node in geometry.nodes:
        assert is_whole(node.lines, node.full_text), node.lines
        assert node.text_rect is not None
        assert len(node.lines) * geometry.line_height <= node.text_rect.height + 1e-6
        assert geometry.lane(node.lane_id).rect.contains_rect(node.text_rect)


@given(long_processes())
def test_folded_maps_keep_the_layout_laws(process: Process) -> None:
    geometry = layout_swimlanes(process)
    assert geometry == layout_swimlanes(process)
    rects = [node.rect for node in geometry.nodes] + [link.rect for link in geometry.links]
    for first, second in itertools.combinations(rects, 2):
        assert not first.overlaps(second)
    for node in geometry.nodes:
        assert geometry.lane(node.lane_id, node.section).rect.contains_rect(node.rect)
    for edge in geometry.edges:
        assert geometry.node(edge.source).rect.on_border(edge.points[0])
        assert geometry.node(edge.target).rect.on_border(edge.pieces[-1][-1])
        for piece in edge.pieces:
            for a, b in segments(piece):
                assert a.x == b.x or a.y == b.y
                assert not any(crosses_interior(a, b, rect) for rect in rects)
    for edge in geometry.edges:
        if edge.label_rect is not None:
            assert not any(edge.label_rect.overlaps(rect) for rect in rects), edge.label
    if geometry.sections:
        assert geometry.width <= max(FOLD_WIDTH, FOLD_RATIO * geometry.height)
