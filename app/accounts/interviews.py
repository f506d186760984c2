"""The account each interview gave: the steps that interview described, as that person told them.

The interview tags each step it adds with the index of the interview under way
(``Step.extra["interview"]``); a step without the tag was told in the first interview. An
account is those steps with the flows between them; the interviewee names it.
"""

from __future__ import annotations

import dataclasses

from app.accounts.differences import Account
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
    steps = tuple(s for s in process.steps if told_in(dict(s.extra)) == position)
    if not steps:
        raise AccountError(f"Interview {index} of '{process.name}' described no step.")
    ids = {step.id for step in steps}
    flows = tuple(f for f in process.flows if f.source in ids and f.target in ids)
    lanes = tuple(lane for lane in process.lanes if lane.id in {s.lane for s in steps})
    told = dataclasses.replace(process, steps=steps, flows=flows, lanes=lanes)
    return Account(_label(process, position), told)


def _label(process: Process, position: int) -> str:
    if position < len(process.interviews) and process.interviews[position].interviewee.strip():
        return process.interviews[position].interviewee.strip()
    return f"interview {position + 1}"
