"""Two accounts side by side as the Accounts tab shows them, and the edits it makes.

Every edit returns a new snapshot: a decision on a match (the map's times follow for the
steps it joins; each account is kept as told first, so the map's new times never feed back
into what someone said), a difference noted as a finding, or asked at the next interview.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.accounts.decisions import (
    Decision,
    decide,
    decisions_of,
    matches_between,
    with_decision,
    without_decision,
)
from app.accounts.differences import Account, Difference, differences
from app.accounts.interviews import accounts_of, keep_told_accounts
from app.accounts.links import Node, map_links
from app.accounts.matching import Match, match_accounts
from app.accounts.reconcile import reconciled_process
from app.accounts.walk import walk_of
from app.analysis.noted import note_finding
from app.process.model import Process

WASTES = {"time": "Waiting", "role": "Transportation", "order": "Extra-processing"}
TITLES = {  # a noted finding's title, by the kind of difference
    "missing": "'{step}' is in one account only",
    "order": "'{step}' is told in another order",
    "role": "Who does '{step}'? The accounts differ",
    "kind": "Is '{step}' a task or a decision? The accounts differ",
    "branch": "How often work goes each way from '{step}': the accounts differ",
    "time": "How long '{step}' takes: the accounts differ",
}


@dataclass(frozen=True, slots=True)
class MatchRow:
    """One match between the two accounts and where it stands: proposed, confirmed, rejected."""

    match: Match
    state: str


@dataclass(frozen=True, slots=True)
class Review:
    """The matches of two accounts (settled and not) and where the accounts differ."""

    first: Account
    second: Account
    rows: tuple[MatchRow, ...]
    differences: tuple[Difference, ...]


def review_pair(process: Process, first: Account, second: Account) -> Review:
    """What the tab shows for two accounts of ``process``."""
    matches = matches_between(process, first, second, proposals(first, second))
    rows = [MatchRow(m, "confirmed" if m.confirmed else "proposed") for m in matches]
    rows += [MatchRow(m, "rejected") for m in _rejected(process, first, second)]
    order = walk_of(first.process).order
    rows.sort(key=lambda row: min(order.get(step, len(order)) for step in row.match.a))
    found = differences(first, second, matches)
    return Review(first, second, tuple(rows), tuple(found))


Links = dict[Node, str]
KEPT_PROPOSALS = 4  # pairs of accounts whose proposals are remembered
QUICK_PAIRS = 150 * 150  # pairs of steps the map matches by itself (about 0.2 s)
_LAST: list[tuple[tuple[object, ...], tuple[Match, ...]]] = []


def proposals(first: Account, second: Account) -> tuple[Match, ...]:
    """The app's proposals for two accounts, worked out again only when either map changed
    (a decision is one click; matching two 300-step accounts takes most of a second)."""
    found = known_proposals(first, second)
    if found is not None:
        return found
    key = _key(first, second)
    found = match_accounts(first.process, second.process)
    _LAST[:] = [(key, found), *_LAST[: KEPT_PROPOSALS - 1]]
    return found


def known_proposals(first: Account, second: Account) -> tuple[Match, ...] | None:
    """The proposals already worked out for these two accounts as they are, else None."""
    key = _key(first, second)
    return next((found for known, found in _LAST if known == key), None)


def _key(first: Account, second: Account) -> tuple[object, ...]:
    return tuple((a.process.lanes, a.process.steps, a.process.flows) for a in (first, second))


def _rejected(process: Process, first: Account, second: Account) -> list[Match]:
    pair = sorted((first.interview, second.interview))
    return [
        Match(d.steps_of(first.interview), d.steps_of(second.interview), d.confidence)
        for d in decisions_of(process)
        if [d.a, d.b] == pair and not d.confirmed
    ]


def with_decided(
    process: Process, first: Account, second: Account, match: Match, *, confirmed: bool
) -> Process:
    """``process`` with a match confirmed or rejected; the map's times follow its steps."""
    decision = decide(first, second, match, confirmed=confirmed)
    return _retimed(with_decision(keep_told_accounts(process), decision), decision)


def with_taken_back(process: Process, first: Account, second: Account, match: Match) -> Process:
    """``process`` with the decision on ``match`` taken back: it is proposed again."""
    decision = decide(first, second, match, confirmed=True)
    return _retimed(without_decision(keep_told_accounts(process), decision), decision)


def _retimed(process: Process, decision: Decision) -> Process:
    nodes = [(decision.a, s) for s in decision.a_steps] + [
        (decision.b, s) for s in decision.b_steps
    ]
    links = map_links(process, accounts_of(process), decisions_of(process))
    return reconciled_process(process, [links[n] for n in nodes if n in links])


def map_steps(
    process: Process, review: Review, difference: Difference, links: Links | None = None
) -> tuple[str, ...]:
    """The steps of the map a difference is about (none when its steps are not on the map)."""
    account = review.second if difference.side else review.first
    links = links or map_links(process, accounts_of(process), decisions_of(process))
    found = (links.get((account.interview, step_id)) for step_id in difference.ids)
    return tuple(step for step in found if step is not None)


def on_the_map(process: Process, review: Review) -> tuple[bool, ...]:
    """For each difference of ``review``, whether any step it is about is on the map."""
    links = map_links(process, accounts_of(process), decisions_of(process))
    return tuple(bool(map_steps(process, review, d, links)) for d in review.differences)


def difference_origin(review: Review, difference: Difference) -> str:
    """A stable name of a difference, to say "already a finding" or "already asked"."""
    account = review.second if difference.side else review.first
    pair = f"{review.first.interview}-{review.second.interview}"
    return f"accounts:{difference.kind}:{pair}:{account.interview}:{','.join(difference.ids)}"


def with_noted(process: Process, review: Review, difference: Difference) -> Process:
    """``process`` with the difference kept as a finding (app.analysis.noted)."""
    step = difference.steps[0] if difference.steps else ""
    title = TITLES.get(difference.kind, "Accounts differ about '{step}'").format(step=step)
    return note_finding(
        process,
        title=title,
        detail=difference.detail,
        step_ids=map_steps(process, review, difference),
        source="accounts",
        waste=WASTES.get(difference.kind, "Defects"),
        origin=difference_origin(review, difference),
    )


def map_differences(process: Process) -> dict[str, list[str]]:
    """Each map step where the first account and another differ, with who said what; two
    large accounts only once the Accounts tab has matched them."""
    told = accounts_of(process)
    if len(told) < 2:
        return {}
    links = map_links(process, told, decisions_of(process))
    found: dict[str, list[str]] = {}
    for other in told[1:]:
        small = len(told[0].process.steps) * len(other.process.steps) <= QUICK_PAIRS
        if not small and known_proposals(told[0], other) is None:
            continue  # matched on the Accounts tab first: the map never waits seconds for it
        review = review_pair(process, told[0], other)
        for difference in review.differences:
            for step_id in map_steps(process, review, difference, links):
                found.setdefault(step_id, []).append(difference.detail)
    return found
