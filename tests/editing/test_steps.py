"""Inserting, duplicating, renaming, retyping and moving steps."""

from __future__ import annotations

import pytest

from app.analysis.validate import check_map
from app.editing import Refusal
from app.editing.steps import (
    change_kind,
    duplicate_step,
    insert_after,
    insert_before,
    insert_on_flow,
    move_earlier_or_later,
    move_to_lane,
    rename_step,
)
from app.process.model import Process
from tests.editing.maps import pairs, quote_map


def done(result: Process | Refusal) -> Process:
    assert isinstance(result, Process), result
    return result


def test_insert_after_takes_over_the_ways_out() -> None:
    after = done(insert_after(quote_map(), "s2"))
    assert [s.id for s in after.steps] == ["s1", "s2", "s6", "s3", "s4", "s5"]
    assert ("s6", "s3") in pairs(after)
    assert ("s2", "s6") in pairs(after)
    assert after.step_by_id()["s6"].lane == "sales"
    assert check_map(after) == ()


def test_insert_after_a_decision_goes_on_its_first_forward_outcome() -> None:
    after = done(insert_after(quote_map(), "s3"))
    assert pairs(after)[2] == ("s3", "s6")
    assert pairs(after)[-1] == ("s6", "s4")
    assert after.flows[2].label == "ok"
    assert after.step_by_id()["s6"].lane == "boss"
    assert check_map(after) == ()


def test_insert_before_takes_over_the_ways_in() -> None:
    after = done(insert_before(quote_map(), "s2", "Read request"))
    assert pairs(after)[0] == ("s1", "s6")
    assert ("s3", "s6") in pairs(after)
    assert ("s6", "s2") in pairs(after)
    assert after.step_by_id()["s6"].name == "Read request"
    assert check_map(after) == ()


def test_insert_on_a_flow_splits_it_and_keeps_its_share_and_mark() -> None:
    after = done(insert_on_flow(quote_map(), 3, lane="empty"))
    assert after.flows[3].target == "s6"
    assert after.flows[3].probability == 0.2
    assert after.flows[3].extra == {"rework": True}
    assert (after.flows[-1].source, after.flows[-1].target) == ("s6", "s2")
    assert after.flows[:3] + after.flows[4:-1] == quote_map().flows[:3] + quote_map().flows[4:]
    assert after.step_by_id()["s6"].lane == "empty"
    assert check_map(after) == ()


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda p: insert_after(p, "s5"), "'Quote sent' is an end"),
        (lambda p: insert_before(p, "s1"), "'Quote asked' is the start"),
        (lambda p: insert_on_flow(p, 99), "That flow is no longer"),
        (lambda p: duplicate_step(p, "s1"), "'Quote asked' is the start"),
        (lambda p: rename_step(p, "s2", "   "), "A step needs a name"),
        (lambda p: change_kind(p, "s3", "end"), "'Check quote' has ways out"),
        (lambda p: change_kind(p, "s1", "task"), "'Quote asked' is the start"),
        (lambda p: change_kind(p, "s2", "start"), "A map has one start"),
        (lambda p: move_to_lane(p, ["s2"], "nowhere"), "That lane is no longer"),
        (lambda p: insert_after(p, "zz"), "There is no step 'zz'"),
    ],
)
def test_refusals_say_why(edit, reason: str) -> None:  # type: ignore[no-untyped-def]
    result = edit(quote_map())
    assert isinstance(result, Refusal)
    assert result.reason.startswith(reason)
    assert result.reason.endswith(".")


def test_duplicate_copies_every_field_and_sits_after() -> None:
    after = done(duplicate_step(quote_map(), "s2"))
    copy = after.steps[2]
    assert copy.name == "Write quote (copy)"
    assert copy.touch_minutes == 30
    assert ("s2", copy.id) in pairs(after)
    assert (copy.id, "s3") in pairs(after)


def test_rename_and_change_kind() -> None:
    after = done(change_kind(done(rename_step(quote_map(), "s4", " Email it ")), "s4", "approval"))
    step = after.step_by_id()["s4"]
    assert (step.name, step.kind) == ("Email it", "approval")


def test_move_to_lane_and_in_order() -> None:
    after = done(move_to_lane(quote_map(), ["s2", "s4"], "empty"))
    assert [s.lane for s in after.steps] == ["sales", "empty", "boss", "empty", "sales"]
    later = done(move_earlier_or_later(quote_map(), "s2", 1))
    assert [s.id for s in later.steps] == ["s1", "s3", "s2", "s4", "s5"]
    clamped = done(move_earlier_or_later(quote_map(), "s5", 4))
    assert clamped == quote_map()


def test_an_end_made_a_task_asks_first() -> None:
    refusal = change_kind(quote_map(), "s5", "approval")
    assert refusal == Refusal(
        "Making 'Quote sent' an approval would leave 'Quote sent' with no way out.",
        confirmable=True,
    )
    assert done(change_kind(quote_map(), "s5", "task", confirmed=True)).steps[-1].kind == "task"
