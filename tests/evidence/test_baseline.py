"""A lead-time goal's baseline from the log: the recorded median, dated, with its source."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from app.evidence.baseline import with_log_baseline, with_weekly_measurements
from app.evidence.report import gather_evidence
from app.process.control import Control, Measurement
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


def test_a_goal_in_hours_gets_its_baseline_in_hours(tmp_path: Path) -> None:
    process = replace(hand_map(), goals=(Goal("lead_time", target=1, unit="hours"),))
    evidence = gather_evidence(process, read_csv_text(tmp_path, HAND_MADE), MAPPING)
    assert with_log_baseline(process, evidence)[0].goals[0].baseline == 2.75  # 165 minutes


def test_weekly_points_join_the_control_chart_in_the_goal_unit(tmp_path: Path) -> None:
    goals = (Goal("lead_time", target=1, unit="hours"),)
    kept = Measurement("lead_time", dt.date(2026, 1, 12), 9.0, note="typed by a person")
    process = replace(hand_map(), goals=goals, control=Control(measurements=(kept,)))
    log = read_csv_text(
        tmp_path,
        """
        case,activity,timestamp
        1,A,2026-01-05 09:00
        1,B,2026-01-05 11:00
        2,A,2026-01-07 09:00
        2,B,2026-01-07 13:00
        3,A,2026-01-12 09:00
        3,B,2026-01-12 10:00
        """,
    )
    after, added = with_weekly_measurements(process, gather_evidence(process, log, MAPPING))
    assert added == 1
    assert after.control.measurements == (
        Measurement(
            "lead_time",
            dt.date(2026, 1, 5),
            3.0,
            note="median of 2 cases begun that week (log.csv)",
        ),
        kept,
    )
