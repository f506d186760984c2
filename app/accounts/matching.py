"""Which steps of two accounts are the same step: proposed with a confidence, never assumed.

Two people describe one process in their own words. A step of account A and one of account B
are proposed as the same when their names are alike (the share of words they share, or of letter
pairs, whichever is higher), they are done by the same role, they stand at a similar place in the
flow, and the steps before them are alike too. One step may also match two consecutive steps of
the other account ("Pick and pack" against "Pick items" + "Pack box"). Every match is proposed
unconfirmed: a person confirms, rejects, or matches by hand (Mendling & Simon 2006).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.accounts.walk import Walk, walk_of
from app.process.model import Process

MIN_CONFIDENCE = 0.55  # below this, two steps are not proposed as the same
WEIGHTS = {"name": 0.6, "lane": 0.15, "place": 0.15, "before": 0.1}
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Match:
    """Steps ``a`` of account A are the same as steps ``b`` of account B (one or two each)."""

    a: tuple[str, ...]
    b: tuple[str, ...]
    confidence: float
    confirmed: bool = False


def match_accounts(first: Process, second: Process) -> tuple[Match, ...]:
    """The proposed matches between the steps of two accounts, best first within each kind."""
    walk_a, walk_b = walk_of(first), walk_of(second)
    singles = _single_matches(walk_a, walk_b)
    singles += _starts(walk_a, walk_b, singles)
    taken_a = {step for match in singles for step in match.a}
    taken_b = {step for match in singles for step in match.b}
    splits = _split_matches(walk_a, walk_b, taken_a, taken_b)
    taken_a |= {step for match in splits for step in match.a}
    taken_b |= {step for match in splits for step in match.b}
    joins = [_flip(m) for m in _split_matches(walk_b, walk_a, taken_b, taken_a)]
    return tuple(sorted([*singles, *splits, *joins], key=lambda m: walk_a.order[m.a[0]]))


def name_likeness(left: str, right: str) -> float:
    """How alike two step names are, 0 to 1 (case, punctuation and word order aside): the
    higher of the share of words they have in common and the Dice coefficient of their
    letter pairs (which forgives typos and word endings: "Check invoice" ~ "Checks invoices")."""
    words_l, words_r = _words(left), _words(right)
    if not words_l or not words_r:
        return 0.0
    shared = len(words_l & words_r) / len(words_l | words_r)
    pairs_l, pairs_r = _letter_pairs(left), _letter_pairs(right)
    dice = 2 * len(pairs_l & pairs_r) / (len(pairs_l) + len(pairs_r)) if pairs_l else 0.0
    return max(shared, dice)


@lru_cache(maxsize=1 << 12)
def _words(name: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in _WORD.findall(name))


@lru_cache(maxsize=1 << 12)
def _letter_pairs(name: str) -> frozenset[str]:
    text = " ".join(sorted(_words(name)))
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _confidence(walk_a: Walk, a: str, walk_b: Walk, b: str) -> float:
    step_a, step_b = walk_a.steps[a], walk_b.steps[b]
    name = name_likeness(step_a.name, step_b.name)
    lane = 1.0 if _words(walk_a.lane_name(a)) == _words(walk_b.lane_name(b)) else 0.0
    place = 1.0 - abs(walk_a.place(a) - walk_b.place(b))
    before = _before_likeness(walk_a, a, walk_b, b)
    score = (
        WEIGHTS["name"] * name
        + WEIGHTS["lane"] * lane
        + WEIGHTS["place"] * place
        + WEIGHTS["before"] * before
    )
    return round(score, 3)


def _before_likeness(walk_a: Walk, a: str, walk_b: Walk, b: str) -> float:
    names_a = [walk_a.steps[p].name for p in walk_a.before[a]]
    names_b = [walk_b.steps[p].name for p in walk_b.before[b]]
    if not names_a and not names_b:
        return 1.0
    return max((name_likeness(x, y) for x in names_a for y in names_b), default=0.0)


def _single_matches(walk_a: Walk, walk_b: Walk) -> list[Match]:
    """One-to-one matches, greedily from the most confident pair down."""
    scored = [
        (_confidence(walk_a, a, walk_b, b), walk_a.order[a], walk_b.order[b], a, b)
        for a in walk_a.described
        for b in walk_b.described
        if _same_family(walk_a, a, walk_b, b)
    ]
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    taken_a: set[str] = set()
    taken_b: set[str] = set()
    matches = []
    for confidence, _, _, a, b in scored:
        if confidence < MIN_CONFIDENCE or a in taken_a or b in taken_b:
            continue
        if name_likeness(walk_a.steps[a].name, walk_b.steps[b].name) < 0.5:
            continue  # place and role alone never make two steps the same
        taken_a.add(a)
        taken_b.add(b)
        matches.append(Match((a,), (b,), confidence))
    return matches


def _starts(walk_a: Walk, walk_b: Walk, matched: list[Match]) -> list[Match]:
    """The one start of each account, when names alone did not match them: whatever each
    calls it ("Invoice arrives", "Start"), the process begins there for both."""
    starts_a = [s for s in walk_a.described if walk_a.steps[s].kind == "start"]
    starts_b = [s for s in walk_b.described if walk_b.steps[s].kind == "start"]
    if len(starts_a) != 1 or len(starts_b) != 1:
        return []
    if any(starts_a[0] in match.a or starts_b[0] in match.b for match in matched):
        return []
    return [
        Match((starts_a[0],), (starts_b[0],), _confidence(walk_a, starts_a[0], walk_b, starts_b[0]))
    ]


def _same_family(walk_a: Walk, a: str, walk_b: Walk, b: str) -> bool:
    """Ends match ends and starts match starts; any other kinds may match (a kind difference)."""
    ends = {"start", "end"}
    kind_a, kind_b = walk_a.steps[a].kind, walk_b.steps[b].kind
    return (kind_a in ends or kind_b in ends) <= (kind_a == kind_b)


def _split_matches(walk_a: Walk, walk_b: Walk, taken_a: set[str], taken_b: set[str]) -> list[Match]:
    """One step of A against two consecutive steps of B that neither matched alone."""
    matches = []
    used: set[str] = set()
    for a in walk_a.described:
        if a in taken_a:
            continue
        best: tuple[float, str, str] | None = None
        for first, second in walk_b.pairs():
            if {first, second} & (taken_b | used):
                continue
            joined = f"{walk_b.steps[first].name} {walk_b.steps[second].name}"
            score = _split_score(walk_a.steps[a].name, joined)
            if score >= MIN_CONFIDENCE and (best is None or score > best[0]):
                best = (score, first, second)
        if best is not None:
            used |= {best[1], best[2]}
            matches.append(Match((a,), (best[1], best[2]), round(best[0], 3)))
    return matches


def _split_score(name: str, joined: str) -> float:
    """How well ``joined`` (two names) covers ``name``: its words, with word stems allowed."""
    words, parts = _words(name), _words(joined)
    if not words:
        return 0.0
    covered = sum(1 for word in words if any(_stem_match(word, part) for part in parts))
    return covered / len(words)


def _stem_match(left: str, right: str) -> bool:
    stem = min(len(left), len(right), 4)
    return left == right or (stem >= 3 and left[:stem] == right[:stem])


def _flip(match: Match) -> Match:
    return Match(match.b, match.a, match.confidence, match.confirmed)


def clear_name_cache() -> None:
    """Forget the words and letter pairs read from names (a benchmark measures them cold)."""
    _words.cache_clear()
    _letter_pairs.cache_clear()
