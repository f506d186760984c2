"""Figures of a log on its own, exact on a small hand-made log."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.evidence.figures import percentile, spread
from app.evidence.stats import LogFigures, analyse_log
from app.evidence.timestamps import parse_timestamp
from tests.evidence.logs import read_csv_text

HAND_MADE = """
case,activity,start,timestamp
1,A,,2026-01-05 09:00
1,B,2026-01-05 09:40,2026-01-05 10:00
1,C,,2026-01-05 12:00
2,A,,2026-01-05 09:00
2,B,,2026-01-05 09:30
2,B,,2026-01-05 11:30
2,C,,2026-01-05 12:30
3,A,,2026-01-05 09:00
3,C,,2026-01-05 09:10
4,A,,2026-01-05 09:00
4,B,,2026-01-05 11:00
4,C,,2026-01-05 11:30
"""


@pytest.fixture
def figures(tmp_path: Path) -> LogFigures:
    return analyse_log(read_csv_text(tmp_path, HAND_MADE))


def test_cases_events_and_variants(figures: LogFigures) -> None:
    assert (figures.cases, figures.events) == (4, 12)
    assert [(v.path, v.count, v.share) for v in figures.variants] == [
        (("A", "B", "C"), 2, 0.5),
        (("A", "B", "B", "C"), 1, 0.25),
        (("A", "C"), 1, 0.25),
    ]


def test_directly_follows_arcs_with_median_and_p85_waits(figures: LogFigures) -> None:
    arcs = {(a.source, a.target): (a.count, a.wait.median, a.wait.p85) for a in figures.arcs}
    assert arcs == {
        ("A", "B"): (3, 40.0, 120.0),  # waits 40 (from B's logged start), 30, 120
        ("B", "C"): (3, 60.0, 120.0),
        ("A", "C"): (1, 10.0, 10.0),
        ("B", "B"): (1, 120.0, 120.0),
    }


def test_per_activity_wait_hands_on_and_rework(figures: LogFigures) -> None:
    b = figures.activities["B"]
    assert (b.events, b.cases, b.repeated_cases) == (4, 3, 1)
    assert b.rework_rate == pytest.approx(1 / 3)
    assert b.wait is not None
    assert b.wait.median == 80.0
    assert b.touch is not None
    assert (b.touch.count, b.touch.median) == (1, 20.0)
    assert figures.activities["A"].wait is None
    assert figures.rework_rate == 0.25


def test_lead_time_distribution(figures: LogFigures) -> None:
    lead = figures.lead_time
    assert (lead.median, lead.p85, lead.mean) == (165.0, 210.0, 137.5)


def test_cases_in_progress_by_day(tmp_path: Path) -> None:
    log = read_csv_text(
        tmp_path,
        """
        case,activity,timestamp
        1,A,2026-01-05 09:00
        1,B,2026-01-07 09:00
        2,A,2026-01-06 10:00
        2,B,2026-01-06 11:00
        """,
    )
    day = parse_timestamp("2026-01-05", day_first=True)
    first = int(day // 1440) + 719163  # the ordinal of 1970-01-01 is 719163
    assert analyse_log(log).in_progress == ((first, 1), (first + 1, 2), (first + 2, 1))


def test_nearest_rank_percentile() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], 85) == 9.0
    assert percentile([5.0], 85) == 5.0
    assert spread([]) is None
