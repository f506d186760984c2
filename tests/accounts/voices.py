"""A process two people told differently: Ana's map, and Ben's own account from scratch."""

from __future__ import annotations

import dataclasses
import itertools

from app.accounts.stored import StoredAccount, with_stored_account
from app.process.model import Flow, Interview, Lane, Process, Step

LANES = (Lane("ap", "Accounts payable"), Lane("bh", "Budget holder"), Lane("fi", "Finance"))


def _chain(steps: list[Step]) -> tuple[Flow, ...]:
    return tuple(Flow(a.id, b.id) for a, b in itertools.pairwise(steps))


def ana() -> Process:
    """The clerk's map: nine steps from the invoice in to the payment."""
    steps = [
        Step("s1", "ap", "Invoice arrives", "start"),
        Step("s2", "ap", "Check and code invoice", touch_minutes=12, wait_minutes=60),
        Step("s3", "ap", "Match invoice to purchase order", touch_minutes=6, wait_minutes=240),
        Step("s4", "bh", "Approve invoice", "approval", touch_minutes=5, wait_minutes=2880),
        Step("s5", "ap", "Enter invoice in ERP", touch_minutes=8, wait_minutes=120),
        Step("s6", "fi", "Schedule payment run", touch_minutes=4, wait_minutes=1440),
        Step("s7", "fi", "Pay supplier", touch_minutes=3, wait_minutes=60),
        Step("s8", "ap", "File invoice", touch_minutes=2, wait_minutes=0),
        Step("s9", "ap", "Invoice paid", "end"),
    ]
    return Process(
        "Approve supplier invoices",
        runs_per_year=1200,
        hourly_rate=45,
        lanes=LANES,
        steps=tuple(steps),
        flows=_chain(steps),
    )


def ben() -> Process:
    """The approver's account: other words, a split step, no filing, other times and a role."""
    steps = [
        Step("b1", "ap", "Invoice comes in", "start"),
        Step("b2", "ap", "Check invoice", touch_minutes=5, wait_minutes=30),
        Step("b3", "ap", "Code invoice", touch_minutes=5, wait_minutes=30),
        Step("b4", "fi", "Match invoice to the purchase order", touch_minutes=6, wait_minutes=240),
        Step("b5", "bh", "Approve the invoice", "approval", touch_minutes=5, wait_minutes=10080),
        Step("b6", "ap", "Enter invoice into ERP", touch_minutes=8, wait_minutes=120),
        Step("b7", "fi", "Schedule the payment run", touch_minutes=4, wait_minutes=1440),
        Step("b8", "fi", "Pay the supplier", touch_minutes=3, wait_minutes=60),
        Step("b9", "ap", "Invoice is paid", "end"),
    ]
    return Process(
        "Approve supplier invoices", lanes=LANES, steps=tuple(steps), flows=_chain(steps)
    )


def two_voices() -> Process:
    """Ana's map with Ben's account kept beside it (told from scratch)."""
    process = dataclasses.replace(
        ana(), interviews=(Interview("Ana Ruiz", "AP clerk"), Interview("Ben Okafor", "Approver"))
    )
    return with_stored_account(process, 1, StoredAccount(ben(), on_map=False))
