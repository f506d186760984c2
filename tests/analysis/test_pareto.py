"""The wait Pareto: bars longest first, and the focus up to the bar that reaches 80 %."""

from __future__ import annotations

import pytest

from app.analysis.metrics import compute_metrics
from app.analysis.pareto import wait_pareto
from tests.analysis.builder import sequential


def bars_for(waits: list[float]) -> list[tuple[str, float, float, bool]]:
    proc = sequential([1.0] * len(waits), waits, runs=10)
    bars = wait_pareto(proc, compute_metrics(proc))
    return [(b.step_id, b.minutes_per_year, b.cumulative_share, b.in_focus) for b in bars]


def test_bar_reaching_exactly_80_percent_closes_the_focus() -> None:
    # 15, 50, 5, 30 → sorted 50, 30, 15, 5 (of 100), × 10 runs; cumulative 50, 80, 95, 100 %.
    assert bars_for([15, 50, 5, 30]) == [
        ("t1", 500, 0.5, True),
        ("t3", 300, pytest.approx(0.8), True),
        ("t0", 150, pytest.approx(0.95), False),
        ("t2", 50, pytest.approx(1.0), False),
    ]


def test_bar_crossing_80_percent_is_in_focus() -> None:
    # 60, 30, 10: 60 % then 90 % (crosses 80 %: in focus), then 100 % (out).
    assert [focus for *_, focus in bars_for([60, 30, 10])] == [True, True, False]


def test_no_waiting_gives_no_bars_and_ties_keep_file_order() -> None:
    assert bars_for([0, 0]) == []
    assert [bar[0] for bar in bars_for([7, 7, 7])] == ["t0", "t1", "t2"]
