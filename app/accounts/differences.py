"""Where two accounts of one process differ, each difference with who said what (method.md).

The kinds: ``missing`` (a step only one account has), ``order`` (matched steps told in another
order), ``role`` (another lane does it), ``kind`` (a task in one account is a decision or an
approval in the other), ``branch`` (branch shares differing by more than 0.1), ``time``
(hands-on time or wait differing by more than 2×). Each is reported once, on the step of the
first account.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.accounts.matching import Match
from app.accounts.walk import Walk, walk_of
from app.process.durations import format_duration
from app.process.model import Process, Step

BRANCH_TOLERANCE = 0.1
TIME_FACTOR = 2.0


@dataclass(frozen=True, slots=True)
class Account:
    """One person's account of the process: who told it, and the map as they told it.

    ``interview`` counts from 1 (0: not an interview of a stored process); ``on_map`` is true
    when the account's step ids are those of the process's map (told into it), false when the
    person told it from scratch with ids of its own.
    """

    label: str
    process: Process
    interview: int = 0
    on_map: bool = False


@dataclass(frozen=True, slots=True)
class Difference:
    """One way the accounts differ: its kind, the steps it is about, and who said what."""

    kind: str
    steps: tuple[str, ...]
    detail: str
    ids: tuple[str, ...] = ()  # the step ids it is about, in the account ``side`` names
    side: int = 0  # 0: the first account's steps, 1: the second's


def differences(first: Account, second: Account, matches: tuple[Match, ...]) -> list[Difference]:
    """Every difference between two accounts given the matches of their steps."""
    walk_a, walk_b = walk_of(first.process), walk_of(second.process)
    found = _missing(first, walk_a, second, walk_b, matches)
    found += _order(first, walk_a, second, walk_b, matches)
    singles = [m for m in matches if len(m.a) == 1 and len(m.b) == 1]
    for match in singles:
        a, b = match.a[0], match.b[0]
        found += _pair_differences(first, walk_a, a, second, walk_b, b, matches)
    return found


def _missing(
    first: Account, walk_a: Walk, second: Account, walk_b: Walk, matches: tuple[Match, ...]
) -> list[Difference]:
    matched_a = {step for match in matches for step in match.a}
    matched_b = {step for match in matches for step in match.b}
    found = []
    pairs = ((first, walk_a, matched_a), (second, walk_b, matched_b))
    for side, (account, walk, matched) in enumerate(pairs):
        for step_id in walk.described:
            step = walk.steps[step_id]
            if step_id in matched or step.kind == "start":
                continue
            detail = f"'{step.name}' is in {account.label}'s account only"
            found.append(Difference("missing", (step.name,), detail, (step_id,), side))
    return found


def _order(
    first: Account, walk_a: Walk, second: Account, walk_b: Walk, matches: tuple[Match, ...]
) -> list[Difference]:
    """Matched steps out of the longest run both tell in the same order."""
    told = sorted(matches, key=lambda m: walk_a.order[m.a[0]])
    places_b = [walk_b.order[m.b[0]] for m in told]
    kept = _longest_rising(places_b)
    found = []
    for index, match in enumerate(told):
        if index in kept:
            continue
        name = walk_a.steps[match.a[0]].name
        after_a = _told_before(walk_a, match.a[0], told, lambda m: m.a[0])
        after_b = _told_before(walk_b, match.b[0], told, lambda m: m.b[0])
        detail = (
            f"'{name}' is told in another order: {first.label} has it after {after_a}, "
            f"{second.label} after {after_b}"
        )
        found.append(Difference("order", (name,), detail, (match.a[0],)))
    return found


def _told_before(walk: Walk, step_id: str, told: list[Match], pick: Callable[[Match], str]) -> str:
    """The matched step told just before ``step_id`` in ``walk``, quoted; "the start" if none."""
    earlier = [pick(m) for m in told if walk.order[pick(m)] < walk.order[step_id]]
    if not earlier:
        return "the start"
    return f"'{walk.steps[max(earlier, key=walk.order.__getitem__)].name}'"


def _longest_rising(values: list[int]) -> set[int]:
    """Indices of a longest strictly rising subsequence of ``values`` (patience sorting)."""
    tails: list[int] = []  # index into values of the smallest tail of each length
    parents: list[int] = [-1] * len(values)
    for index, value in enumerate(values):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if values[tails[middle]] < value:
                low = middle + 1
            else:
                high = middle
        parents[index] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    kept, index = set(), tails[-1] if tails else -1
    while index >= 0:
        kept.add(index)
        index = parents[index]
    return kept


def _pair_differences(
    first: Account,
    walk_a: Walk,
    a: str,
    second: Account,
    walk_b: Walk,
    b: str,
    matches: tuple[Match, ...],
) -> list[Difference]:
    step_a, step_b = walk_a.steps[a], walk_b.steps[b]
    name = step_a.name
    found = []
    lane_a, lane_b = walk_a.lane_name(a), walk_b.lane_name(b)
    if lane_a.casefold() != lane_b.casefold():
        detail = f"'{name}': {first.label} says {lane_a} does it, {second.label} says {lane_b}"
        found.append(Difference("role", (name,), detail, (a,)))
    if step_a.kind != step_b.kind and "start" not in (step_a.kind, step_b.kind):
        detail = (
            f"'{name}' is {_a(step_a.kind)} for {first.label}, {_a(step_b.kind)} for {second.label}"
        )
        found.append(Difference("kind", (name,), detail, (a,)))
    branch = _branch_gap(walk_a, a, walk_b, b, matches)
    if branch:
        found.append(Difference("branch", (name,), f"'{name}': {branch}", (a,)))
    times = _time_gap(first, step_a, second, step_b)
    if times:
        found.append(Difference("time", (name,), f"'{name}': {times}", (a,)))
    return found


def _a(kind: str) -> str:
    """The kind with its article: "a task", "an approval"."""
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def _branch_gap(walk_a: Walk, a: str, walk_b: Walk, b: str, matches: tuple[Match, ...]) -> str:
    shares_a, shares_b = _shares(walk_a, a), _shares(walk_b, b)
    if len(shares_a) < 2 or len(shares_b) < 2:
        return ""
    same = {m.a[0]: m.b[0] for m in matches}
    gaps = []
    for target, share in shares_a.items():
        other = shares_b.get(same.get(target, ""))
        if other is not None and abs(share - other) > BRANCH_TOLERANCE:
            label = walk_a.steps[target].name
            gaps.append(f"to '{label}' {share:.0%} against {other:.0%}")
    return "; ".join(gaps)


def _shares(walk: Walk, step_id: str) -> dict[str, float]:
    """Each way out's share; a share not given takes an equal part of what is left."""
    flows = [f for f in walk.process.flows if f.source == step_id]
    given = sum(f.probability for f in flows if f.probability is not None)
    blanks = sum(1 for f in flows if f.probability is None)
    rest = max(0.0, 1.0 - given) / blanks if blanks else 0.0
    return {f.target: f.probability if f.probability is not None else rest for f in flows}


def _time_gap(first: Account, mine: Step, second: Account, theirs: Step) -> str:
    parts = []
    for what, own, other in (
        ("hands-on time", mine.touch_minutes, theirs.touch_minutes),
        ("wait", mine.wait_minutes, theirs.wait_minutes),
    ):
        low, high = sorted((own, other))
        if low > 0 and high > TIME_FACTOR * low:
            parts.append(
                f"{what} {format_duration(own)} for {first.label}, "
                f"{format_duration(other)} for {second.label}"
            )
    return "; ".join(parts)
