"""A further interview tells the process from the beginning, as that person's own account.

"Interview someone else" adds to the one map by default. Told from scratch instead, the map is
put aside (``process.accounts.parked_map``) while the person walks through the process on an
empty map with the same lanes; when the interview ends, what they told becomes their
interview's own account (``app.accounts.stored``, ``on_map`` false) and the map comes back as
it was. The Accounts tab then proposes the matches for a person to confirm.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from app.accounts.decisions import ACCOUNTS_KEY, accounts_extra
from app.accounts.interviews import keep_told_accounts, told_in
from app.accounts.stored import ACCOUNT_KEY, StoredAccount, with_stored_account
from app.interview.loader import default_bank
from app.interview.progress import interview_state, with_state
from app.interview.stages import go_to_stage
from app.process.fields import Problems
from app.process.map_file import map_document, read_map
from app.process.model import Process

PARKED_KEY = "parked_map"


def can_tell_own_account(process: Process) -> bool:
    """True for a further interview under way that has told no step yet, nor an account."""
    state = interview_state(process)
    index = state.interview_index
    told = any(told_in(dict(step.extra)) == index for step in process.steps)
    return (
        0 < index < len(process.interviews)
        and state.stage in ("define", "steps")
        and not telling_own_account(process)
        and not told
        and ACCOUNT_KEY not in process.interviews[index].extra
    )


def telling_own_account(process: Process) -> bool:
    """True while a further interview tells its own account (the map is put aside)."""
    return isinstance(accounts_extra(process).get(PARKED_KEY), dict)


def begin_own_account(process: Process) -> Process:
    """Put the map aside and let the interview under way walk through an empty one."""
    kept = keep_told_accounts(process)
    state = interview_state(kept)
    parked = {
        "interview": state.interview_index,
        **map_document(kept.lanes, kept.steps, kept.flows),
    }
    extra = {**kept.extra, ACCOUNTS_KEY: {**accounts_extra(kept), PARKED_KEY: parked}}
    fresh = dataclasses.replace(state, pending=(), branches=(), step_id="", draft=None)
    emptied = dataclasses.replace(kept, steps=(), flows=(), extra=extra)
    return with_state(emptied, fresh)


def finish_own_account(process: Process) -> Process:
    """End the interview under way here: its account kept, the map back."""
    ended = end_own_account(process)
    return go_to_stage(ended, "done", default_bank())


def end_own_account(process: Process) -> Process:
    """Keep what was told as the interview's own account and bring the map back."""
    stored = accounts_extra(process)
    parked: Any = stored.pop(PARKED_KEY, None)
    if not isinstance(parked, dict):
        return process
    problems = Problems()
    lanes, steps, flows = read_map(parked, problems)
    if problems:
        return process  # a damaged parked map stays where it is: nothing is lost
    extra = {**process.extra, ACCOUNTS_KEY: stored}
    now = {lane.id: lane for lane in process.lanes}  # a lane renamed or staffed meanwhile
    lanes = tuple(now.get(lane.id, lane) for lane in lanes)
    restored = dataclasses.replace(process, lanes=lanes, steps=steps, flows=flows, extra=extra)
    if not process.steps:
        return restored
    used = {step.lane for step in process.steps}
    told = dataclasses.replace(process, lanes=tuple(x for x in process.lanes if x.id in used))
    position = parked.get("interview")
    if not isinstance(position, int) or not 0 < position < len(process.interviews):
        position = interview_state(process).interview_index
    return with_stored_account(restored, position, StoredAccount(told, on_map=False))
