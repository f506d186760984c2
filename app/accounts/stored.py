"""Each interview keeps its own account: its lanes, steps and flows as that person told them.

The account lives in the interview's entry of the process file, under ``account``:
``{"on_map": bool, "lanes": [...], "steps": [...], "flows": [...]}`` shaped like the map.
``on_map`` says its step ids are the map's (told into the one map, kept when the next
interview began); false, the person told the process from scratch with ids of its own. An
interview without the key has the account its tagged steps give (``app.accounts.interviews``),
so a file with one interview stays valid as it is.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from app.process.fields import Problems
from app.process.map_file import map_document, read_map
from app.process.model import Process

ACCOUNT_KEY = "account"


class StoredAccountError(ValueError):
    """A stored account that breaks the rules of the map (the sentence names the place)."""


@dataclasses.dataclass(frozen=True, slots=True)
class StoredAccount:
    """The map one person told, and whether its step ids are the process map's."""

    told: Process
    on_map: bool


def stored_account(process: Process, position: int) -> StoredAccount | None:
    """The account kept with interview ``position`` (from 0); None when it keeps none."""
    if not 0 <= position < len(process.interviews):
        return None
    document = process.interviews[position].extra.get(ACCOUNT_KEY)
    if document is None:
        return None
    place = f"interviews[{position}].{ACCOUNT_KEY}"
    if not isinstance(document, dict):
        raise StoredAccountError(f"{place}: must be an object with lanes, steps and flows")
    problems = Problems()
    lanes, steps, flows = read_map(document, problems, f"{place}.")
    if problems:
        raise StoredAccountError(problems.items[0])
    told = dataclasses.replace(process, lanes=lanes, steps=steps, flows=flows, interviews=())
    return StoredAccount(told, document.get("on_map") is True)


def account_document(account: StoredAccount) -> dict[str, Any]:
    """The ``account`` object of an interview entry."""
    told = account.told
    return {"on_map": account.on_map, **map_document(told.lanes, told.steps, told.flows)}


def with_stored_account(process: Process, position: int, account: StoredAccount) -> Process:
    """``process`` with ``account`` kept as interview ``position``'s own."""
    interview = process.interviews[position]
    kept = dataclasses.replace(
        interview, extra={**interview.extra, ACCOUNT_KEY: account_document(account)}
    )
    interviews = list(process.interviews)
    interviews[position] = kept
    return dataclasses.replace(process, interviews=tuple(interviews))
