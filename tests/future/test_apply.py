"""The future state built from the ECRS actions: what each verb does, and what it says."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from app.analysis.metrics import compute_metrics
from app.future import apply_actions, change_of
from app.future.apply import EFFECTS_KEY
from app.process.model import Action, Lane, Process
from tests.analysis.builder import flow, process, step


def line() -> Process:
    """start → A → B → C → end in lane a, with a system lane s."""
    steps = [
        step("start", "start"),
        step("A", touch=10, wait=60),
        step("B", touch=5, wait=120),
        step("C", touch=20, wait=30),
        step("end", "end"),
    ]
    flows = [flow("start", "A"), flow("A", "B"), flow("B", "C"), flow("C", "end")]
    lanes = [Lane("a", "Clerk"), Lane("s", "ERP", kind="system")]
    return process(steps, flows, lanes=lanes, runs=100, rate=60)


def with_actions(base: Process, *actions: Action) -> Process:
    return replace(base, actions=actions)


def act(action_id: str, verb: Any, steps: tuple[str, ...], **change: Any) -> Action:
    extra = {"future_change": change} if change else {}
    return Action(action_id, verb, f"Action {action_id}", steps=steps, extra=extra)


def test_eliminate_removes_the_step_and_joins_its_neighbours() -> None:
    applied = apply_actions(with_actions(line(), act("a1", "eliminate", ("B",))))
    future = applied.future
    assert [s.id for s in future.steps] == ["start", "A", "C", "end"]
    assert ("A", "C") in {(f.source, f.target) for f in future.flows}
    assert applied.effects[0].applied
    assert applied.effects[0].what == "removed 'Step B'"


def test_combine_merges_the_steps_in_map_order() -> None:
    applied = apply_actions(with_actions(line(), act("a1", "combine", ("C", "B"), name="B+C")))
    merged = applied.future.step_by_id()["B"]
    assert "C" not in applied.future.step_by_id()
    assert (merged.name, merged.touch_minutes, merged.wait_minutes) == ("B+C", 25, 150)
    assert "into 'B+C'" in applied.effects[0].what


def test_simplify_changes_what_the_action_says() -> None:
    action = act("a1", "simplify", ("A",), touch_minutes=2, wait_minutes=0)
    applied = apply_actions(with_actions(line(), action))
    changed = applied.future.step_by_id()["A"]
    assert (changed.touch_minutes, changed.wait_minutes) == (2, 0)
    assert applied.effects[0].what == "'Step A': touch 10 min → 2 min, wait 1 h → 0 min"
    assert (
        compute_metrics(applied.future).lead_time_minutes
        < compute_metrics(line()).lead_time_minutes
    )


def test_rearrange_moves_a_step_to_another_lane() -> None:
    applied = apply_actions(with_actions(line(), act("a1", "rearrange", ("C",), lane="s")))
    assert applied.future.step_by_id()["C"].lane == "s"
    assert "lane Clerk → ERP" in applied.effects[0].what


def test_an_action_that_says_no_change_is_reported_not_applied() -> None:
    applied = apply_actions(with_actions(line(), act("a1", "simplify", ("A",))))
    assert applied.future.steps == line().steps
    assert not applied.effects[0].applied
    assert "does not say what changes" in applied.effects[0].what


def test_an_unknown_lane_is_one_sentence_and_changes_nothing() -> None:
    applied = apply_actions(with_actions(line(), act("a1", "rearrange", ("A",), lane="zz")))
    assert applied.future.steps == line().steps
    assert applied.effects[0].what == "not applied: there is no lane 'zz' in the future map"


def test_actions_apply_in_ecrs_order_and_dropped_ones_are_left_out() -> None:
    simplify = act("a1", "simplify", ("B",), touch_minutes=1)
    eliminate = act("a2", "eliminate", ("B",))
    dropped = replace(act("a3", "eliminate", ("A",)), status="dropped")
    applied = apply_actions(with_actions(line(), simplify, eliminate, dropped))
    assert [effect.action_id for effect in applied.effects] == ["a2", "a1"]
    assert "A" in applied.future.step_by_id()
    assert not applied.effects[1].applied  # its step was eliminated first


def test_eliminating_a_decision_keeps_its_likeliest_way() -> None:
    steps = [
        step("start", "start"),
        step("D", "decision"),
        step("X"),
        step("Y"),
        step("end", "end"),
    ]
    flows = [
        flow("start", "D"),
        flow("D", "X", 0.8),
        flow("D", "Y", 0.2),
        flow("X", "end"),
        flow("Y", "end"),
    ]
    applied = apply_actions(with_actions(process(steps, flows), act("a1", "eliminate", ("D",))))
    assert ("start", "X") in {(f.source, f.target) for f in applied.future.flows}


def test_the_effects_are_kept_in_the_future_state() -> None:
    applied = apply_actions(with_actions(line(), act("a1", "eliminate", ("B",))))
    kept = applied.future.extra[EFFECTS_KEY]
    assert kept == [
        {
            "action": "a1",
            "verb": "eliminate",
            "title": "Action a1",
            "applied": True,
            "what": "removed 'Step B'",
            "steps": ["B"],
        }
    ]


def test_a_change_of_the_wrong_type_is_ignored() -> None:
    action = Action("a1", "simplify", "x", extra={"future_change": {"touch_minutes": "fast"}})
    assert change_of(action).is_empty()
