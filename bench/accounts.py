"""Benchmark of comparing two accounts: matching two 60-step accounts (issue 18: < 200 ms)."""

from __future__ import annotations

import dataclasses

from app.accounts import Account, compare_accounts
from app.accounts.interviews import accounts_of
from app.accounts.matching import clear_name_cache
from app.accounts.reconcile import reconciled_process
from app.accounts.review import review_pair, with_decided
from app.accounts.stored import StoredAccount, with_stored_account
from app.process.model import Flow, Interview, Lane, Process, Step
from bench.core import Report, median_ms

VERBS = ("Check", "Log", "Approve", "Send", "Scan", "File", "Review", "Pay", "Sign", "Archive")
OBJECTS = ("invoice", "order", "request", "receipt", "contract", "budget", "payment", "ticket")


def account(count: int, prefix: str) -> Process:
    """A told account of ``count`` tasks in three lanes (ids start with ``prefix``)."""
    lanes = (Lane("a", "Clerk"), Lane("b", "Manager"), Lane("c", "Finance"))
    steps = [Step(f"{prefix}0", "a", "Request arrives", "start")]
    steps += [
        Step(f"{prefix}{n}", lanes[n % 3].id, f"{VERBS[n % 10]} {OBJECTS[(n * 3) % 8]} {n}")
        for n in range(1, count + 1)
    ]
    flows = [Flow(f"{prefix}{n}", f"{prefix}{n + 1}") for n in range(count)]
    return Process(name="p", lanes=lanes, steps=tuple(steps), flows=tuple(flows))


def cold(pair: tuple[Account, Account]) -> None:
    """Compare with nothing remembered from an earlier run."""
    clear_name_cache()
    compare_accounts(*pair)


def run(report: Report) -> None:
    """Add the accounts rows to ``report``."""
    first = account(60, "s")
    second = account(60, "x")
    swapped = dataclasses.replace(second, steps=tuple(reversed(second.steps)))
    pair = (Account("A", first), Account("B", swapped))
    report.add("compare two 60-step accounts", median_ms(lambda: cold(pair)), note="< 200 ms")
    small = (Account("A", account(6, "s")), Account("B", account(6, "x")))
    report.add("compare two 6-step accounts", median_ms(lambda: cold(small)))
    report.add_ratio("compare two 60-step accounts", "compare two 6-step accounts")
    told = two_told(300)
    ana, ben = accounts_of(told)
    match = review_pair(told, ana, ben).rows[5].match  # proposals now remembered
    report.add(
        "confirm one match, 300-step accounts",
        median_ms(lambda: with_decided(told, ana, ben, match, confirmed=True)),
        note="the map's times follow",
    )
    agreed = confirmed_all(two_told(300))
    report.add("reconcile a 300-step map told twice", median_ms(lambda: reconciled_process(agreed)))


def two_told(count: int) -> Process:
    """A map told by one person, and the same process told from scratch by another."""
    told = dataclasses.replace(account(count, "s"), interviews=(Interview("Ana"), Interview("Ben")))
    return with_stored_account(told, 1, StoredAccount(account(count, "x"), on_map=False))


def confirmed_all(process: Process) -> Process:
    """Every proposal between the two accounts confirmed."""
    first, second = accounts_of(process)
    for row in review_pair(process, first, second).rows:
        process = with_decided(process, first, second, row.match, confirmed=True)
    return process
