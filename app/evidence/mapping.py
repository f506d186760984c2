"""Which map step each log activity records: proposed by name similarity, confirmed by a person.

The proposal compares the names word by word, a word matching a close one (difflib); an
activity whose best step scores below ``THRESHOLD`` stays unmapped. Start and end steps are
events, not work a system records, so they are never proposed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

from app.process.model import Process, Step

THRESHOLD = 0.6
_WORD = re.compile(r"\w+")
_SMALL_WORDS = frozenset({"a", "an", "the", "to", "of", "and", "in", "on", "for", "by", "with"})


@dataclass(frozen=True, slots=True)
class Proposal:
    """The step proposed for one activity (None when nothing is close) and how close it is."""

    activity: str
    step: str | None
    similarity: float


def propose_mapping(activities: Iterable[str], process: Process) -> list[Proposal]:
    """The best step for every activity, by the similarity of their names."""
    steps = [step for step in process.steps if step.kind not in ("start", "end")]
    return [_best(activity, steps) for activity in activities]


def as_mapping(proposals: Iterable[Proposal]) -> dict[str, str]:
    """activity → step id of the proposals that found a step."""
    return {item.activity: item.step for item in proposals if item.step is not None}


def name_similarity(activity: str, step: str) -> float:
    """0..1 by words (a word matches a close one: approve ~ approval): the better of their Dice
    overlap and 0.9 × the share of the activity's words the step's name holds."""
    a, b = _meaningful(activity), _meaningful(step)
    if not a or not b:
        return 0.0
    matched = sum(1 for word in a if any(_close(word, other) for other in b))
    return max(2 * matched / (len(a) + len(b)), 0.9 * matched / len(a))


def unmapped_activities(activities: Iterable[str], mapping: Mapping[str, str]) -> list[str]:
    """The activities the mapping does not send to any step, in the order given."""
    return [activity for activity in activities if activity not in mapping]


def _best(activity: str, steps: list[Step]) -> Proposal:
    scored = [(name_similarity(activity, step.name), step.id) for step in steps]
    if not scored:
        return Proposal(activity, None, 0.0)
    score, step_id = max(scored, key=lambda item: item[0])
    return Proposal(activity, step_id if score >= THRESHOLD else None, score)


def _meaningful(name: str) -> list[str]:
    words = _WORD.findall(name.lower())
    return [word for word in words if word not in _SMALL_WORDS] or words


def _close(word: str, other: str) -> bool:
    return word == other or SequenceMatcher(None, word, other).ratio() >= 0.8
