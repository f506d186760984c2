"""Weekly cohorts: the median lead time of the cases begun each week (Monday to Sunday)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.evidence.cohorts import WeeklyLeadTime, weekly_lead_times
from tests.evidence.logs import read_csv_text


def test_cases_grouped_by_the_week_they_began(tmp_path: Path) -> None:
    log = read_csv_text(
        tmp_path,
        """
        case,activity,timestamp
        1,A,2026-01-05 09:00
        1,B,2026-01-05 10:00
        2,A,2026-01-11 23:00
        2,B,2026-01-12 02:00
        3,A,2026-01-12 00:00
        3,B,2026-01-14 00:00
        4,A,2026-01-08 09:00
        4,B,2026-01-08 09:30
        """,
    )
    assert weekly_lead_times(log) == (
        WeeklyLeadTime(dt.date(2026, 1, 5), 3, 60.0),  # 60, 180 and 30 minutes
        WeeklyLeadTime(dt.date(2026, 1, 12), 1, 2880.0),
    )
