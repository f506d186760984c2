"""Columns and back edges: the placement half of the layout."""

from __future__ import annotations

from app.process.model import Flow, Process, Step
from app.swimlane.ranking import rank_steps


def make(*flows: tuple[str, str], start: str = "s", ids: str = "sabcd") -> Process:
    steps = tuple(Step(i, "l", i, kind="start" if i == start else "task") for i in ids)
    return Process(name="p", steps=steps, flows=tuple(Flow(a, b) for a, b in flows))


def test_back_edges_are_those_of_a_search_from_the_start() -> None:
    ranking = rank_steps(make(("s", "a"), ("a", "b"), ("b", "a"), ("b", "c"), ("c", "s")))
    assert ranking.back_edges == frozenset({2, 4})
    assert ranking.columns == {"s": 0, "a": 1, "b": 2, "c": 3, "d": 0}


def test_order_puts_every_forward_flow_from_earlier_to_later() -> None:
    ranking = rank_steps(make(("s", "b"), ("b", "a"), ("s", "a"), ("a", "c"), ("d", "c")))
    position = {step_id: index for index, step_id in enumerate(ranking.order)}
    for flow in ranking.flows:
        assert position[flow.source] < position[flow.target]
    assert ranking.columns == {"s": 0, "b": 1, "a": 2, "c": 3, "d": 0}


def test_unusable_flows_are_dropped_and_indexes_kept() -> None:
    ranking = rank_steps(make(("s", "x"), ("s", "a"), ("y", "z")))
    assert [flow.index for flow in ranking.flows] == [1]
