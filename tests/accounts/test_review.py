"""Two accounts as the tab and the map show them: proposals remembered, large pairs deferred."""

from __future__ import annotations

import pytest

from app.accounts import review
from app.accounts.interviews import accounts_of
from app.accounts.review import known_proposals, map_differences, review_pair, with_noted
from app.analysis.noted import noted_findings, noted_origins
from tests.accounts.voices import two_voices


@pytest.fixture(autouse=True)
def forget() -> None:
    review._LAST.clear()


def test_large_accounts_are_marked_on_the_map_once_the_tab_matched_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(review, "QUICK_PAIRS", 0)  # every pair counts as large
    process = two_voices()
    assert map_differences(process) == {}
    first, second = accounts_of(process)
    assert known_proposals(first, second) is None
    review_pair(process, first, second)
    assert known_proposals(first, second) is not None
    assert set(map_differences(process)) == {"s2", "s3", "s4", "s8"}


def test_small_accounts_are_marked_at_once() -> None:
    marks = map_differences(two_voices())
    assert "Ben Okafor says Finance" in marks["s3"][0]


def test_a_noted_difference_is_known_by_its_origin() -> None:
    process = two_voices()
    first, second = accounts_of(process)
    pair = review_pair(process, first, second)
    time = next(d for d in pair.differences if d.kind == "time" and d.ids == ("s4",))
    noted = with_noted(process, pair, time)
    (finding,) = noted_findings(noted)
    assert finding.title == "How long 'Approve invoice' takes: the accounts differ"
    assert finding.waste == "Waiting"
    assert noted_origins(noted) == {"accounts:time:1-2:1:s4"}


def test_a_kind_difference_reads_as_english() -> None:
    process = two_voices()
    ben = process.interviews[1].extra["account"]
    for step in ben["steps"]:
        if step["id"] == "b5":
            step["kind"] = "task"
    first, second = accounts_of(process)
    (kind,) = [d for d in review_pair(process, first, second).differences if d.kind == "kind"]
    assert kind.detail == "'Approve invoice' is an approval for Ana Ruiz, a task for Ben Okafor"


def test_the_one_start_of_each_account_is_proposed_whatever_its_name() -> None:
    process = two_voices()
    ben = process.interviews[1].extra["account"]
    ben["steps"][0]["name"] = "Start"  # what the interview calls a trigger not given
    first, second = accounts_of(process)
    rows = review_pair(process, first, second).rows
    assert any(row.match.a == ("s1",) and row.match.b == ("b1",) for row in rows)
