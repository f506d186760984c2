"""Each follow-up rule fires exactly when method.md says, at the edges of its thresholds."""

from __future__ import annotations

import pytest

from app.interview import (
    InterviewState,
    OpenFlow,
    followups_for_process,
    followups_for_step,
)
from app.process.model import Flow, Step

from .helpers import make_process, rule_ids


def fired(step: Step, *others: Step, flows: tuple[Flow, ...] = (), state=None) -> set[str]:  # type: ignore[no-untyped-def]
    process = make_process((*others, step), flows, state)
    return rule_ids(followups_for_step(process, step.id))


@pytest.mark.parametrize(
    ("wait", "touch", "fires"),
    [
        (240, 10_000, True),  # 4 h exactly
        (239, 240, False),  # under 4 h and under half
        (10, 10, True),  # exactly half of the elapsed time
        (10, 11, False),  # just under half
        (0, 0, False),  # no wait at all
        (0, 5, False),
    ],
)
def test_waiting_rule_edges(wait: float, touch: float, fires: bool) -> None:
    step = Step("s1", "a", "Check", touch_minutes=touch, wait_minutes=wait)
    assert ("waiting" in fired(step)) is fires


def test_waiting_reason_says_how_long() -> None:
    step = Step("s1", "a", "Check", touch_minutes=5, wait_minutes=2880)
    process = make_process([step])
    (wait,) = [f for f in followups_for_step(process, "s1") if f.rule_id == "waiting"]
    assert wait.reason == "the work waits 2 days before 'Check'"


def test_approval_rule_only_for_approvals() -> None:
    assert "approval" in fired(Step("s1", "a", "Sign", kind="approval"))
    assert "approval" not in fired(Step("s1", "a", "Sign", kind="decision"))
    assert "approval" not in fired(Step("s1", "a", "Sign"))


def test_sent_back_rule_on_a_back_flow_only() -> None:
    start = Step("s1", "a", "Start", kind="start")
    check = Step("s2", "a", "Check", kind="decision")
    end = Step("s3", "a", "End", kind="end")
    back = (Flow("s1", "s2"), Flow("s2", "s1", "redo", 0.3), Flow("s2", "s3", "ok", 0.7))
    forward = (Flow("s1", "s2"), Flow("s2", "s3", "ok", 0.7), Flow("s2", "s3", "also", 0.3))
    assert "sent_back" in fired(check, start, end, flows=back)
    assert "sent_back" not in fired(check, start, end, flows=forward)


def test_handoff_rule_when_the_lane_changes() -> None:
    first = Step("s1", "a", "Write", kind="start")
    same = Step("s2", "a", "Read")
    other = Step("s2", "b", "Read")
    assert "handoff" in fired(other, first, flows=(Flow("s1", "s2"),))
    assert "handoff" not in fired(same, first, flows=(Flow("s1", "s2"),))
    assert "handoff" not in fired(other, first)  # not connected: nothing is handed over


def test_rekeyed_rule_on_the_flag_or_two_systems() -> None:
    assert "rekeyed" in fired(Step("s1", "a", "Key", rekeys_data=True))
    assert "rekeyed" in fired(Step("s1", "a", "Key", systems=("ERP", "Excel")))
    assert "rekeyed" not in fired(Step("s1", "a", "Key", systems=("ERP",)))


@pytest.mark.parametrize(
    ("why", "habit", "fires"),
    [
        ("We've always done it that way", False, True),
        ("We\u2019ve ALWAYS done it", False, True),  # curly apostrophe, any case
        ("The manager wants it", False, True),
        ("Required by the tax authority", False, False),
        ("", True, True),  # flagged as habit by hand
        ("", False, False),
    ],
)
def test_habit_rule(why: str, habit: bool, fires: bool) -> None:
    assert ("habit" in fired(Step("s1", "a", "Print", why=why, habit=habit))) is fires


def test_single_person_rule_in_why_or_pain_points() -> None:
    assert "single_person" in fired(Step("s1", "a", "Fix", pain_points="Only I know how"))
    assert "single_person" in fired(Step("s1", "a", "Fix", why="nobody else knows the codes"))
    assert "single_person" not in fired(Step("s1", "a", "Fix", why="I know how"))


def test_no_path_rule_counts_flows_and_waiting_outcomes() -> None:
    check = Step("s1", "a", "Check", kind="decision")
    later = Step("s2", "a", "Next")
    one = (Flow("s1", "s2"),)
    two = (Flow("s1", "s2", "yes", 0.5), Flow("s1", "s2", "no", 0.5))
    assert "no_path" in fired(check, later, flows=one)
    assert "no_path" not in fired(check, later, flows=two)
    waiting = InterviewState(stage="steps", pending=(OpenFlow("s1", "no", 0.5),))
    assert "no_path" not in fired(check, later, flows=one, state=waiting)
    assert "no_path" not in fired(Step("s1", "a", "Do"), later, flows=one)


def gap(stated: float) -> set[str]:
    steps = (
        Step("s1", "a", "Start", kind="start"),
        Step("s2", "a", "Work", touch_minutes=30, wait_minutes=70),
        Step("s3", "a", "End", kind="end"),
    )
    state = InterviewState(stage="check", check={"end_to_end_minutes": stated})
    process = make_process(steps, (Flow("s1", "s2"), Flow("s2", "s3")), state)
    return rule_ids(followups_for_process(process))


def test_time_gap_rule_below_half_of_the_stated_time() -> None:
    assert gap(201) == {"time_gap"}  # 100 of 201 minutes: under half
    assert gap(200) == set()  # exactly half: not far below
    assert gap(0) == set()  # nothing stated


def test_a_plain_step_fires_nothing() -> None:
    assert fired(Step("s1", "a", "Do", touch_minutes=10, wait_minutes=5)) == set()
