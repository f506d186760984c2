"""The account each interview gave: the steps that interview described, as that person told them.

An interview that keeps its own account (``app.accounts.stored``) gives that. Otherwise the
interview tags each step it adds with the index of the interview under way
(``Step.extra["interview"]``); a step without the tag was told in the first interview, and the
account is those steps with the flows between them. The interviewee names it.
"""

from __future__ import annotations

import dataclasses

from app.accounts.differences import Account
from app.accounts.stored import (
    StoredAccount,
    StoredAccountError,
    stored_account,
    with_stored_account,
)
from app.process.model import Process

INTERVIEW_KEY = "interview"


class AccountError(ValueError):
    """An interview that has no account (out of range, or no step told in it)."""


def told_in(step_extra: object) -> int:
    """The index of the interview a step was told in (0 when not tagged)."""
    value = step_extra.get(INTERVIEW_KEY) if isinstance(step_extra, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def account_of_interview(process: Process, index: int) -> Account:
    """Interview ``index``'s account of ``process`` (counted from 1 as people count)."""
    position = index - 1
    if not 0 <= position < max(len(process.interviews), 1):
        known = max(len(process.interviews), 1)
        raise AccountError(
            f"'{process.name}' has {known} interview(s): there is no interview {index}."
        )
    try:
        kept = stored_account(process, position)
    except StoredAccountError as error:
        raise AccountError(str(error)) from None
    told = kept or StoredAccount(tagged_steps(process, position), on_map=True)
    if not told.told.steps:
        raise AccountError(f"Interview {index} of '{process.name}' described no step.")
    return Account(_label(process, position), told.told, index, told.on_map)


def accounts_of(process: Process) -> tuple[Account, ...]:
    """Every interview's account that has steps, in interview order (bad ones left out)."""
    found = []
    for index in range(1, max(len(process.interviews), 1) + 1):
        try:
            found.append(account_of_interview(process, index))
        except AccountError:
            continue
    return tuple(found)


def tagged_steps(process: Process, position: int) -> Process:
    """The map cut down to the steps interview ``position`` told, with the flows between them."""
    steps = tuple(s for s in process.steps if told_in(dict(s.extra)) == position)
    ids = {step.id for step in steps}
    flows = tuple(f for f in process.flows if f.source in ids and f.target in ids)
    lanes = tuple(lane for lane in process.lanes if lane.id in {s.lane for s in steps})
    return dataclasses.replace(process, steps=steps, flows=flows, lanes=lanes)


def keep_told_accounts(process: Process) -> Process:
    """Each interview that keeps no account yet keeps the one its tagged steps give now, so
    edits a later interview makes to the map do not change what earlier people said."""
    kept = process
    for position in range(len(process.interviews)):
        try:
            if stored_account(process, position) is not None:
                continue
        except StoredAccountError:
            continue  # a bad stored account is left as it is, to be read and reported
        told = tagged_steps(process, position)
        if told.steps:
            kept = with_stored_account(kept, position, StoredAccount(told, on_map=True))
    return kept


def _label(process: Process, position: int) -> str:
    if position < len(process.interviews) and process.interviews[position].interviewee.strip():
        return process.interviews[position].interviewee.strip()
    return f"interview {position + 1}"
