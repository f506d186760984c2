"""A further interview tells the process from the beginning as that person's own account."""

from __future__ import annotations

import dataclasses
import datetime as dt

from app.accounts.interviews import account_of_interview, accounts_of
from app.editing import Refusal
from app.interview import (
    StepDraft,
    default_bank,
    go_to_stage,
    interview_state,
    start_interview,
)
from app.interview.own_account import (
    begin_own_account,
    can_tell_own_account,
    end_own_account,
    finish_own_account,
    telling_own_account,
)
from app.interview.steps import add_step
from app.process.file import dumps_process, loads_process
from app.process.model import Interview
from tests.accounts.voices import ana


def further() -> object:
    first = dataclasses.replace(ana(), interviews=(Interview("Ana Ruiz"),))
    process = start_interview(first, today=dt.date(2026, 11, 30))
    interviews = (process.interviews[0], Interview("Ben Okafor"))
    return dataclasses.replace(process, interviews=interviews)


def test_the_map_is_put_aside_and_comes_back_with_their_account_kept() -> None:
    process = further()
    assert can_tell_own_account(process)
    telling = begin_own_account(process)
    assert telling_own_account(telling)
    assert telling.steps == ()
    assert telling.lanes == process.lanes  # the roles can be picked by name
    assert not can_tell_own_account(telling)
    for name, lane in (("Check invoice", "Accounts payable"), ("Approve it", "Budget holder")):
        telling = add_step(telling, StepDraft(name=name, lane=lane, touch="5 min")).process
    telling = loads_process(dumps_process(telling))  # it survives a restart midway
    done = go_to_stage(telling, "done", default_bank())
    ended = end_own_account(done)
    assert not telling_own_account(ended)
    assert ended.steps == process.steps
    assert ended.flows == process.flows
    ben = account_of_interview(ended, 2)
    assert not ben.on_map
    assert ben.process.steps[0].kind == "start"  # the interview adds it
    assert [s.name for s in ben.process.steps][1:] == ["Check invoice", "Approve it"]
    assert [a.label for a in accounts_of(ended)] == ["Ana Ruiz", "Ben Okafor"]
    assert account_of_interview(ended, 1).process.steps == process.steps


def test_ending_before_telling_anything_just_brings_the_map_back() -> None:
    process = further()
    ended = end_own_account(begin_own_account(process))
    assert ended.steps == process.steps
    assert accounts_of(ended)[-1].label == "Ana Ruiz"


def test_a_first_interview_or_one_already_telling_is_not_offered_it() -> None:
    assert not can_tell_own_account(start_interview())
    process = further()
    added = add_step(process, StepDraft(name="Scan invoice", lane="Accounts payable", after="s1"))
    assert not can_tell_own_account(added.process)


def test_ended_by_hand_the_interview_is_done_and_not_offered_again() -> None:
    telling = begin_own_account(further())
    telling = add_step(telling, StepDraft(name="Check invoice", lane="Accounts payable")).process
    ended = finish_own_account(telling)
    assert interview_state(ended).stage == "done"
    assert len(ended.steps) == 9
    back = go_to_stage(ended, "steps", default_bank())  # going back to the walk by hand
    assert not can_tell_own_account(back)


def test_another_interview_begun_meanwhile_first_keeps_this_account() -> None:
    telling = begin_own_account(further())
    telling = add_step(telling, StepDraft(name="Check invoice", lane="Accounts payable")).process
    third = start_interview(telling, today=dt.date(2026, 12, 1))
    assert not telling_own_account(third)
    assert len(third.steps) == 9
    assert account_of_interview(third, 2).process.steps[-1].name == "Check invoice"
    assert len(third.interviews) == 3


def test_a_lane_renamed_while_the_map_is_put_aside_keeps_its_new_name() -> None:
    from app.editing.lanes import rename_lane
    from app.interview.own_account import begin_own_account, finish_own_account

    telling = begin_own_account(further())
    lane = telling.lanes[0]
    renamed = rename_lane(telling, lane.id, "Renamed AP")
    assert not isinstance(renamed, Refusal)
    ended = finish_own_account(renamed)
    assert ended.lane_by_id()[lane.id].name == "Renamed AP"
