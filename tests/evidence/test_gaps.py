"""Large gaps between the map and the log, worded as findings, noted once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.analysis.findings import find_findings
from app.analysis.metrics import compute_metrics
from app.analysis.noted import noted_origins
from app.evidence.gaps import Gap, large_gaps, with_gap_noted
from app.evidence.report import Evidence, gather_evidence
from tests.evidence.logs import read_csv_text
from tests.evidence.test_compare import MAPPING, hand_map
from tests.evidence.test_stats import HAND_MADE


@pytest.fixture
def evidence(tmp_path: Path) -> Evidence:
    return gather_evidence(hand_map(), read_csv_text(tmp_path, HAND_MADE), MAPPING)


def by_origin(evidence: Evidence) -> dict[str, Gap]:
    return {gap.origin: gap for gap in large_gaps(evidence)}


def test_the_gaps_of_the_hand_made_log(evidence: Evidence) -> None:
    # B's hands-on time ×2; D never recorded; B → B not on the map; waits within ×1.5;
    # branch A → B said 80 %, recorded 75 %: within 0.15.
    assert list(by_origin(evidence)) == [
        "evidence:touch:B",
        "evidence:missing:D",
        "evidence:move:B\u2192B",
    ]


def test_a_time_gap_carries_its_figures_and_the_log(evidence: Evidence) -> None:
    gap = by_origin(evidence)["evidence:touch:B"]
    assert gap.title == "Hands-on time of 'Step B': said 10 min, recorded 20 min"
    assert gap.detail == (
        "Hands-on: said 10 min, recorded 20 min median over 1 case, 5 Jan 2026, log log.csv (×2.0)."
    )
    assert (gap.step_ids, gap.minutes_per_run) == (("B",), 0.0)


def test_a_longer_wait_costs_its_extra_per_run(tmp_path: Path) -> None:
    said_less = replace(
        hand_map(),
        steps=tuple(replace(s, wait_minutes=20) if s.id == "C" else s for s in hand_map().steps),
    )
    evidence = gather_evidence(said_less, read_csv_text(tmp_path, HAND_MADE), MAPPING)
    gap = by_origin(evidence)["evidence:wait:C"]
    assert gap.title == "Wait before 'Step C': said 20 min, recorded 45 min"
    # every one of the 4 cases reaches C: 25 minutes more per run
    assert gap.minutes_per_run == pytest.approx(25.0)
    assert gap.waste == "Waiting"


def test_an_activity_the_map_lacks_and_a_branch_off(tmp_path: Path) -> None:
    evidence = gather_evidence(hand_map(), read_csv_text(tmp_path, HAND_MADE), {"A": "A", "C": "C"})
    gaps = by_origin(evidence)
    assert gaps["evidence:extra:B"].detail.startswith("3 of 4 cases (75%) record 'B' (4 events")
    # with B unmapped, every recorded move out of A reaches C through the silent D or B:
    # the first flow that explains it (A → B, said 80 %) takes all of them
    assert "evidence:branch:A:B" in gaps
    assert gaps["evidence:branch:A:B"].title == "After 'Step A', 100% go to 'Step B', not 80%"


def test_noting_a_gap_makes_a_finding_once(evidence: Evidence) -> None:
    gap = by_origin(evidence)["evidence:missing:D"]
    process = with_gap_noted(hand_map(), gap)
    assert noted_origins(process) == {"evidence:missing:D"}
    found = [f for f in find_findings(process, compute_metrics(process)) if f.kind == "noted"]
    assert [(f.title, f.step_ids, f.source) for f in found] == [
        ("'Step D' never appears in the log", ("D",), "evidence")
    ]


def test_the_extra_wait_counts_only_the_runs_that_reach_the_step(tmp_path: Path) -> None:
    said_less = replace(
        hand_map(),
        steps=tuple(replace(s, wait_minutes=20) if s.id == "B" else s for s in hand_map().steps),
    )
    evidence = gather_evidence(said_less, read_csv_text(tmp_path, HAND_MADE), MAPPING)
    gap = by_origin(evidence)["evidence:wait:B"]
    # recorded median 80 against 20 said, in 3 of the 4 cases: 60 × 3/4 a run
    assert gap.minutes_per_run == pytest.approx(45.0)
    assert gap.detail.endswith("The log adds 45 min a run to what the map says.")
