"""The reconciled map: who described each step and flow, and which time the map uses."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from app.accounts.decisions import decide, matches_between, with_decision
from app.accounts.interviews import accounts_of
from app.accounts.matching import Match
from app.accounts.reconcile import (
    TOLD_BY_KEY,
    reconcile,
    reconciled_process,
    with_time_choice,
)
from app.accounts.stored import StoredAccount, with_stored_account
from app.analysis.metrics import compute_metrics
from app.process.model import Flow, Interview, Lane, Process, Step
from tests.accounts.accounts import changed_step, renamed_ids, told


def voices(first: Process, *others: Process) -> Process:
    """``first`` as Ana's map, each of ``others`` told from scratch by someone else."""
    names = ("Ana", "Ben", "Cy", "Dee")[: len(others) + 1]
    process = dataclasses.replace(first, interviews=tuple(Interview(n) for n in names))
    for position, other in enumerate(others, start=1):
        process = with_stored_account(process, position, StoredAccount(other, on_map=False))
    return process


def confirm_all(process: Process) -> Process:
    """Every proposal between the first account and each other one, confirmed."""
    first, *others = accounts_of(process)
    for other in others:
        for match in matches_between(process, first, other):
            process = with_decision(process, decide(first, other, match, confirmed=True))
    return process


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=2, max_value=40), st.integers(min_value=1, max_value=3))
def test_agreeing_accounts_give_the_metrics_of_one(count: int, people: int) -> None:
    alone = told(count, decision_at=count // 2 or None)
    agreed = confirm_all(voices(alone, *[renamed_ids(alone)] * people))
    reconciled = reconciled_process(agreed)
    assert compute_metrics(reconciled) == compute_metrics(alone)
    everyone = list(range(1, people + 2))
    assert all(s.extra[TOLD_BY_KEY] == everyone for s in reconciled.steps)
    assert set(reconcile(agreed).flows.values()) == {tuple(everyone)}
    assert all(f.extra[TOLD_BY_KEY] == everyone for f in reconciled.flows)


def test_times_told_by_several_show_their_spread_and_the_map_uses_the_choice() -> None:
    alone = told(9)
    ben = changed_step(renamed_ids(alone), "x7", touch_minutes=30.0)  # x7 is s3 renamed
    cy = changed_step(renamed_ids(alone), "x7", touch_minutes=100.0, wait_minutes=10.0)
    process = confirm_all(voices(alone, ben, cy))
    step = reconcile(process).steps["s3"]
    assert step.told_by == (1, 2, 3)
    assert step.touch.said == (("Ana", 8.0), ("Ben", 30.0), ("Cy", 100.0))
    assert [step.touch.value(c) for c in ("min", "median", "max")] == [8.0, 30.0, 100.0]
    assert reconciled_process(process).step_by_id()["s3"].touch_minutes == 30.0
    chosen = with_time_choice(process, "s3", "touch", "max")
    assert chosen.step_by_id()["s3"].touch_minutes == 100.0
    assert chosen.step_by_id()["s3"].wait_minutes == 180.0  # median of 180, 180, 10
    assert reconcile(chosen).steps["s3"].touch_choice == "max"


def test_a_step_one_person_told_keeps_what_the_map_says() -> None:
    alone = told(9)
    process = voices(alone, renamed_ids(alone))  # nothing confirmed yet
    edited = changed_step(process, "s3", touch_minutes=77.0)
    reconciled = reconciled_process(edited)
    assert reconciled.step_by_id()["s3"].touch_minutes == 77.0
    assert reconciled.step_by_id()["s3"].extra[TOLD_BY_KEY] == [1]


def split_accounts() -> tuple[Process, Process]:
    """'Pick and pack' in one account, 'Pick items' + 'Pack box' in the other."""
    lanes = (Lane("w", "Warehouse"),)
    one = Process(
        "Ship",
        lanes=lanes,
        steps=(
            Step("a", "w", "Order in", "start"),
            Step("b", "w", "Pick and pack", touch_minutes=12, wait_minutes=60),
        ),
        flows=(Flow("a", "b"),),
    )
    two = Process(
        "Ship",
        lanes=lanes,
        steps=(
            Step("x", "w", "Order in", "start"),
            Step("y", "w", "Pick items", touch_minutes=5, wait_minutes=30),
            Step("z", "w", "Pack box", touch_minutes=5, wait_minutes=15),
        ),
        flows=(Flow("x", "y"), Flow("y", "z")),
    )
    return one, two


def test_one_step_against_two_takes_their_times_added_up() -> None:
    ana, ben = split_accounts()
    process = voices(ana, ben)
    first, second = accounts_of(process)
    split = Match(("b",), ("y", "z"), 0.0)
    process = with_decision(process, decide(first, second, split, confirmed=True))
    said = reconcile(process).steps["b"]
    assert said.told_by == (1, 2)
    assert said.touch.said == (("Ana", 12.0), ("Ben", 10.0))  # Ben's two steps added up
    assert said.wait.said == (("Ana", 60.0), ("Ben", 45.0))
    assert reconciled_process(process).step_by_id()["b"].touch_minutes == 11.0


def test_two_map_steps_against_one_are_described_by_it_without_splitting_its_time() -> None:
    ben, ana = split_accounts()
    process = voices(ana, ben)  # the map has the two steps this time
    first, second = accounts_of(process)
    split = Match(("y", "z"), ("b",), 0.0)
    process = with_decision(process, decide(first, second, split, confirmed=True))
    steps = reconcile(process).steps
    assert steps["y"].told_by == steps["z"].told_by == (1, 2)
    assert steps["y"].touch.said == (("Ana", 5.0),)
