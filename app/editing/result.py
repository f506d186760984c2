"""What an edit gives back: the edited process, or a refusal that says why in one sentence."""

from __future__ import annotations

import itertools
from collections.abc import Collection
from dataclasses import dataclass

from app.process.model import Process


@dataclass(frozen=True, slots=True)
class Refusal:
    """An edit that was not made; ``reason`` is one sentence for the person.

    ``confirmable`` is True when the person may make it anyway after reading the reason.
    """

    reason: str
    confirmable: bool = False


Edited = Process | Refusal


def refused(result: Edited) -> bool:
    """Whether an edit was refused."""
    return isinstance(result, Refusal)


def fresh_id(prefix: str, taken: Collection[str]) -> str:
    """The first ``prefix1``, ``prefix2``… not in ``taken``."""
    for number in itertools.count(len(taken) + 1):
        candidate = f"{prefix}{number}"
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def quoted(name: str) -> str:
    """A step or lane name as a sentence quotes it; an empty name reads "(no name)"."""
    return f"'{name}'" if name.strip() else "(no name)"
