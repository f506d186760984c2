"""Step list edits for the "check the whole" page rewire flows by their documented rules."""

from __future__ import annotations

import pytest

from app.interview import (
    EditError,
    delete_step,
    merge_steps,
    move_step,
    rename_lane,
    reorder_steps,
    split_step,
)
from app.process.model import Flow, Process, Step

from .helpers import make_process


def line() -> Process:
    steps = [
        Step("s1", "a", "Start", kind="start"),
        Step("s2", "a", "Log", touch_minutes=4, wait_minutes=10, systems=("ERP",)),
        Step("s3", "b", "Check", touch_minutes=6, wait_minutes=20, systems=("ERP", "Mail")),
        Step("s4", "a", "End", kind="end"),
    ]
    flows = [Flow("s1", "s2"), Flow("s2", "s3"), Flow("s3", "s4")]
    return make_process(steps, flows)


def pairs(process: Process) -> list[tuple[str, str]]:
    return [(f.source, f.target) for f in process.flows]


def test_delete_bridges_to_the_single_successor() -> None:
    process = delete_step(line(), "s2")
    assert [s.id for s in process.steps] == ["s1", "s3", "s4"]
    assert sorted(pairs(process)) == [("s1", "s3"), ("s3", "s4")]


def test_delete_a_decision_drops_the_flows_into_it() -> None:
    steps = [
        Step("s1", "a", "Start", kind="start"),
        Step("s2", "a", "Check", kind="decision"),
        Step("s3", "a", "End", kind="end"),
        Step("s4", "a", "Fix"),
    ]
    flows = [Flow("s1", "s2"), Flow("s2", "s3", probability=0.5), Flow("s2", "s4", probability=0.5)]
    process = delete_step(make_process(steps, flows), "s2")
    assert pairs(process) == []


def test_merge_adds_times_and_joins_systems() -> None:
    process = merge_steps(line(), "s2", "s3", "Log and check")
    merged = process.step_by_id()["s2"]
    assert (merged.name, merged.touch_minutes, merged.wait_minutes) == ("Log and check", 10, 30)
    assert merged.systems == ("ERP", "Mail")
    assert pairs(process) == [("s1", "s2"), ("s2", "s4")]


def test_merge_needs_a_direct_successor() -> None:
    with pytest.raises(EditError, match="must be the only step right after"):
        merge_steps(line(), "s1", "s3")


def test_split_halves_the_touch_time_and_keeps_the_wait_in_front() -> None:
    process = split_step(line(), "s3", "Reply")
    first, second = process.step_by_id()["s3"], process.step_by_id()["s5"]
    assert [s.id for s in process.steps] == ["s1", "s2", "s3", "s5", "s4"]
    assert (first.touch_minutes, first.wait_minutes) == (3, 20)
    assert (second.name, second.touch_minutes, second.wait_minutes, second.lane) == (
        "Reply",
        3,
        0,
        "b",
    )
    assert sorted(pairs(process)) == [("s1", "s2"), ("s2", "s3"), ("s3", "s5"), ("s5", "s4")]
    with pytest.raises(EditError):
        split_step(line(), "s3", " ")


def test_move_puts_a_step_in_front_of_another() -> None:
    process = move_step(line(), "s3", "s2")
    assert [s.id for s in process.steps] == ["s1", "s3", "s2", "s4"]
    assert sorted(pairs(process)) == [("s1", "s3"), ("s2", "s4"), ("s3", "s2")]
    with pytest.raises(EditError):
        move_step(line(), "s2", "s1")


def test_reorder_and_rename_lane() -> None:
    process = reorder_steps(line(), ["s4", "s3", "s2", "s1"])
    assert [s.id for s in process.steps] == ["s4", "s3", "s2", "s1"]
    assert pairs(process) == pairs(line())
    with pytest.raises(EditError):
        reorder_steps(line(), ["s1"])
    renamed = rename_lane(line(), "b", "Budget holder")
    assert renamed.lane_by_id()["b"].name == "Budget holder"
    with pytest.raises(EditError, match="already a lane"):
        rename_lane(line(), "b", "lane A")
    with pytest.raises(EditError):
        rename_lane(line(), "b", "")


def test_deleting_a_step_never_leaves_two_flows_between_the_same_steps() -> None:
    from app.process.model import Flow, Lane, Process, Step

    process = Process(
        name="p",
        lanes=(Lane("l", "L"),),
        steps=(Step("s", "l", "Start", kind="start"), Step("d", "l", "Check", kind="decision"),
               Step("a", "l", "Approve"), Step("b", "l", "Fix"), Step("e", "l", "End", kind="end")),
        flows=(Flow("s", "d"), Flow("d", "a", "Yes", 0.8), Flow("d", "b", "No", 0.2),
               Flow("b", "a"), Flow("a", "e")),
    )  # fmt: skip
    after = delete_step(process, "b")
    from_check = [flow for flow in after.flows if flow.source == "d"]
    assert len(from_check) == 1
    assert from_check[0].target == "a"
    assert from_check[0].label == "Yes"
    assert from_check[0].probability == pytest.approx(1.0)
