"""What a person decided about the proposed matches, kept with the process.

Under ``Process.extra["accounts"]["matches"]``: one ``{a, b, a_steps, b_steps, confirmed,
confidence}`` per decision, ``a`` and ``b`` the interviews (from 1, ``a`` < ``b``) and the steps of
each account that are (``confirmed``) or are not the same. A proposal becomes a match only once
confirmed: nothing is merged without a person saying so (Mendling & Simon 2006).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, TypeGuard

from app.accounts.differences import Account
from app.accounts.matching import Match, match_accounts
from app.process.model import Process

ACCOUNTS_KEY = "accounts"
MATCHES_KEY = "matches"


@dataclass(frozen=True, slots=True)
class Decision:
    """Steps ``a_steps`` of interview ``a`` are (or are not) ``b_steps`` of interview ``b``."""

    a: int
    b: int
    a_steps: tuple[str, ...]
    b_steps: tuple[str, ...]
    confirmed: bool
    confidence: float = 0.0  # what the app proposed; 0 for a match made by hand

    @property
    def by_hand(self) -> bool:
        """True when a person matched the steps without a proposal."""
        return self.confidence <= 0

    def steps_of(self, interview: int) -> tuple[str, ...]:
        """The decision's steps in the account of ``interview``."""
        return self.a_steps if interview == self.a else self.b_steps

    def document(self) -> dict[str, Any]:
        """The stored JSON object."""
        return {
            "a": self.a,
            "b": self.b,
            "a_steps": list(self.a_steps),
            "b_steps": list(self.b_steps),
            "confirmed": self.confirmed,
            "confidence": self.confidence,
        }


def decide(first: Account, second: Account, match: Match, *, confirmed: bool) -> Decision:
    """A decision on ``match`` between two accounts, kept in interview order."""
    level = match.confidence
    if first.interview < second.interview:
        return Decision(first.interview, second.interview, match.a, match.b, confirmed, level)
    return Decision(second.interview, first.interview, match.b, match.a, confirmed, level)


def accounts_extra(process: Process) -> dict[str, Any]:
    """The ``accounts`` object of the process's extra (empty when there is none)."""
    value = process.extra.get(ACCOUNTS_KEY)
    return dict(value) if isinstance(value, dict) else {}


def decisions_of(process: Process) -> tuple[Decision, ...]:
    """Every decision kept with the process (malformed entries are skipped)."""
    found = []
    for item in accounts_extra(process).get(MATCHES_KEY, ()):
        decision = _read(item)
        if decision is not None:
            found.append(decision)
    return tuple(found)


def _read(item: object) -> Decision | None:
    if not isinstance(item, dict):
        return None
    a, b = item.get("a"), item.get("b")
    a_steps, b_steps = item.get("a_steps"), item.get("b_steps")
    if not (isinstance(a, int) and isinstance(b, int) and a != b):
        return None
    if not (_ids(a_steps) and _ids(b_steps)):
        return None
    level = item.get("confidence")
    confidence = float(level) if isinstance(level, int | float) and level == level else 0.0
    return Decision(a, b, tuple(a_steps), tuple(b_steps), item.get("confirmed") is True, confidence)


def _ids(value: object) -> TypeGuard[list[str]]:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


def with_decision(process: Process, decision: Decision) -> Process:
    """``process`` with ``decision`` kept; a confirmation replaces every decision of the same two
    interviews that shares a step with it, a rejection only the decision on the same steps."""
    kept = [d for d in decisions_of(process) if not _replaced_by(d, decision)]
    return _with_decisions(process, (*kept, decision))


def without_decision(process: Process, decision: Decision) -> Process:
    """``process`` with the decision on ``decision``'s steps taken back (proposed again)."""
    kept = [d for d in decisions_of(process) if not _same_steps(d, decision)]
    return _with_decisions(process, tuple(kept))


def _replaced_by(old: Decision, new: Decision) -> bool:
    if (old.a, old.b) != (new.a, new.b):
        return False
    if _same_steps(old, new):
        return True
    shares = set(old.a_steps) & set(new.a_steps) or set(old.b_steps) & set(new.b_steps)
    return new.confirmed and old.confirmed and bool(shares)


def _same_steps(old: Decision, new: Decision) -> bool:
    return (old.a, old.b, old.a_steps, old.b_steps) == (new.a, new.b, new.a_steps, new.b_steps)


def _with_decisions(process: Process, decisions: tuple[Decision, ...]) -> Process:
    stored = {**accounts_extra(process), MATCHES_KEY: [d.document() for d in decisions]}
    return dataclasses.replace(process, extra={**process.extra, ACCOUNTS_KEY: stored})


def matches_between(
    process: Process, first: Account, second: Account, proposed: tuple[Match, ...] | None = None
) -> tuple[Match, ...]:
    """The confirmed matches of two accounts, then the proposals (``proposed``, else the app's
    own) no decision settled yet."""
    pair = sorted((first.interview, second.interview))
    decided = [d for d in decisions_of(process) if [d.a, d.b] == pair]
    confirmed = [
        Match(d.steps_of(first.interview), d.steps_of(second.interview), d.confidence, True)
        for d in decided
        if d.confirmed and _known(d, first, second)
    ]
    settled = {(d.steps_of(first.interview), d.steps_of(second.interview)) for d in decided}
    taken_a = {s for m in confirmed for s in m.a}
    taken_b = {s for m in confirmed for s in m.b}
    open_ = [
        m
        for m in (match_accounts(first.process, second.process) if proposed is None else proposed)
        if (m.a, m.b) not in settled and not (set(m.a) & taken_a or set(m.b) & taken_b)
    ]
    return (*confirmed, *open_)


def _known(decision: Decision, first: Account, second: Account) -> bool:
    """Every step the decision names is still in its account."""
    ids_a = {s.id for s in first.process.steps}
    ids_b = {s.id for s in second.process.steps}
    steps_a, steps_b = decision.steps_of(first.interview), decision.steps_of(second.interview)
    return set(steps_a) <= ids_a and set(steps_b) <= ids_b
