"""A lead-time goal's baseline from the log: the recorded median, dated, with its source."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from app.evidence.baseline import with_log_baseline
from app.evidence.report import gather_evidence
from app.process.model import Goal
from tests.evidence.logs import read_csv_text
from tests.evidence.test_compare import MAPPING, hand_map
from tests.evidence.test_stats import HAND_MADE


def test_lead_time_goals_take_the_recorded_median(tmp_path: Path) -> None:
    goals = (Goal("lead_time", target=60, unit="minutes"), Goal("handoffs", baseline=3))
    process = replace(hand_map(), goals=goals)
    evidence = gather_evidence(process, read_csv_text(tmp_path, HAND_MADE), MAPPING)
    after, changed = with_log_baseline(process, evidence)
    lead, handoffs = after.goals
    assert changed == 1
    assert (lead.baseline, lead.baseline_date) == (165.0, dt.date(2026, 1, 5))
    assert lead.baseline_source == (
        "median of 4 cases in the event log log.csv, 5 Jan 2026 to 5 Jan 2026"
    )
    assert handoffs == goals[1]


def test_without_a_lead_time_goal_nothing_changes(tmp_path: Path) -> None:
    evidence = gather_evidence(hand_map(), read_csv_text(tmp_path, HAND_MADE), MAPPING)
    assert with_log_baseline(hand_map(), evidence) == (hand_map(), 0)
