"""A person's decisions on the proposed matches: kept, replacing what they contradict."""

from __future__ import annotations

import dataclasses

from app.accounts.decisions import (
    decide,
    decisions_of,
    matches_between,
    with_decision,
    without_decision,
)
from app.accounts.differences import Account
from app.accounts.matching import Match
from app.process.model import Process
from tests.accounts.accounts import renamed_ids, told


def pair() -> tuple[Process, Account, Account]:
    first = told(9)
    return first, Account("Ana", first, 1, True), Account("Ben", renamed_ids(first), 2, False)


def test_nothing_is_confirmed_until_a_person_confirms() -> None:
    process, ana, ben = pair()
    proposed = matches_between(process, ana, ben)
    assert proposed
    assert not any(m.confirmed for m in proposed)


def test_a_confirmed_match_is_kept_and_a_rejected_one_is_not_proposed_again() -> None:
    process, ana, ben = pair()
    first, second = matches_between(process, ana, ben)[:2]
    process = with_decision(process, decide(ana, ben, first, confirmed=True))
    process = with_decision(process, decide(ana, ben, second, confirmed=False))
    now = matches_between(process, ana, ben)
    assert now[0] == dataclasses.replace(first, confirmed=True)
    assert (second.a, second.b) not in {(m.a, m.b) for m in now}
    taken_back = without_decision(process, decide(ana, ben, second, confirmed=False))
    assert (second.a, second.b) in {(m.a, m.b) for m in matches_between(taken_back, ana, ben)}


def test_a_match_by_hand_replaces_the_proposals_it_contradicts() -> None:
    process, ana, ben = pair()
    proposal = next(m for m in matches_between(process, ana, ben) if m.a == ("s3",))
    process = with_decision(process, decide(ana, ben, proposal, confirmed=True))
    by_hand = Match(("s3",), ("x1", "x2"), 0.0)
    process = with_decision(process, decide(ben, ana, _flip(by_hand), confirmed=True))
    (kept,) = [d for d in decisions_of(process) if "s3" in d.a_steps]
    assert (kept.a_steps, kept.b_steps, kept.by_hand) == (("s3",), ("x1", "x2"), True)
    now = [m for m in matches_between(process, ana, ben) if "s3" in m.a]
    assert now == [Match(("s3",), ("x1", "x2"), 0.0, True)]


def test_decisions_on_steps_no_longer_told_are_left_aside() -> None:
    process, ana, ben = pair()
    gone = Match(("s3",), ("nowhere",), 0.0)
    process = with_decision(process, decide(ana, ben, gone, confirmed=True))
    assert all(m.b != ("nowhere",) for m in matches_between(process, ana, ben))


def test_junk_under_the_key_is_ignored() -> None:
    process = dataclasses.replace(told(3), extra={"accounts": {"matches": [1, {"a": 1}, None]}})
    assert decisions_of(process) == ()


def _flip(match: Match) -> Match:
    return Match(match.b, match.a, match.confidence)
