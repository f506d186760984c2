"""Two accounts compared: no difference where they agree, each planted one reported once."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from app.accounts import Account, compare_accounts, match_accounts, name_likeness
from app.process.model import Flow, Process, Step
from tests.accounts.accounts import changed_step, renamed_ids, swapped, told, without_step


def compare(first: Process, second: Process) -> list[tuple[str, tuple[str, ...]]]:
    result = compare_accounts(Account("Priya", first), Account("Sam", second))
    return [(d.kind, d.steps) for d in result.differences]


@given(st.integers(3, 25))
def test_accounts_that_agree_but_for_their_ids_do_not_differ(count: int) -> None:
    process = told(count, decision_at=2)
    assert compare(process, renamed_ids(process)) == []
    matches = match_accounts(process, renamed_ids(process))
    assert len(matches) == len(process.steps)


@settings(max_examples=40)
@given(st.integers(6, 20), st.data())
def test_every_planted_difference_is_reported_once(count: int, data: st.DataObject) -> None:
    base = told(count, decision_at=2)
    n = data.draw(st.integers(4, count - 1), label="step")
    name = base.step_by_id()[f"s{n}"].name
    planted = {
        "missing": (without_step(base, f"s{n}"), ((name,),)),
        "role": (
            changed_step(
                base, f"s{n}", lane="bh" if base.step_by_id()[f"s{n}"].lane != "bh" else "ap"
            ),
            ((name,),),
        ),
        "kind": (changed_step(base, f"s{n}", kind="approval"), ((name,),)),
        "time": (changed_step(base, f"s{n}", touch_minutes=10 * (5 + n)), ((name,),)),
    }
    kind = data.draw(st.sampled_from(sorted(planted)), label="kind")
    other, steps = planted[kind]
    assert compare(base, renamed_ids(other)) == [(kind, s) for s in steps]


def test_two_steps_told_the_other_way_round_are_one_order_difference() -> None:
    base = told(8)
    other = swapped(base, "s4", "s5")
    found = compare(base, other)
    names = base.step_by_id()
    assert found == [("order", (names["s4"].name,))]
    detail = compare_accounts(Account("Priya", base), Account("Sam", other)).differences[0].detail
    assert f"Priya has it after '{names['s3'].name}', Sam after '{names['s5'].name}'" in detail


def test_branch_shares_differing_by_more_than_a_tenth() -> None:
    base = told(6, decision_at=2)
    flows = tuple(
        dataclasses.replace(f, probability=0.5) if f.source == "s2" else f for f in base.flows
    )
    result = compare_accounts(
        Account("Priya", base), Account("Sam", dataclasses.replace(base, flows=flows))
    )
    assert [(d.kind, d.steps) for d in result.differences] == [
        ("branch", (base.step_by_id()["s2"].name,))
    ]
    assert "80% against 50%" in result.differences[0].detail


def test_a_wait_twice_as_long_is_not_yet_a_difference() -> None:
    base = told(5)
    assert compare(base, changed_step(base, "s3", wait_minutes=2 * 180)) == []
    assert compare(base, changed_step(base, "s3", wait_minutes=2 * 180 + 1))[0][0] == "time"


def test_one_step_against_two_is_proposed() -> None:
    first = Process(
        name="Ship",
        steps=(
            Step("a0", "w", "Order in", "start"),
            Step("a1", "w", "Pick and pack"),
            Step("a2", "w", "Shipped", "end"),
        ),
        flows=(Flow("a0", "a1"), Flow("a1", "a2")),
    )
    second = Process(
        name="Ship",
        steps=(
            Step("b0", "w", "Order in", "start"),
            Step("b1", "w", "Pick items"),
            Step("b2", "w", "Pack box"),
            Step("b3", "w", "Shipped", "end"),
        ),
        flows=(Flow("b0", "b1"), Flow("b1", "b2"), Flow("b2", "b3")),
    )
    matches = {(m.a, m.b) for m in match_accounts(first, second)}
    assert (("a1",), ("b1", "b2")) in matches
    assert all(not m.confirmed for m in match_accounts(first, second))
    assert compare(first, second) == []


def test_names_alike_in_other_words() -> None:
    assert name_likeness("Check the invoice", "check invoice") > 0.8
    assert name_likeness("Approve spend", "Pay supplier") < 0.5


def _other_lane(process: Process, step_id: str) -> str:
    return "bh" if process.step_by_id()[step_id].lane != "bh" else "ap"
