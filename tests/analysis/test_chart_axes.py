"""Chart axes: the value range, spread date labels, labels that step aside."""

from __future__ import annotations

import datetime as dt

import pytest

from app.analysis.chart_axes import free_position, label_indices, value_range
from app.analysis.control_chart import individuals_chart


def test_the_value_range_holds_every_point_and_line_with_room() -> None:
    days = [dt.date(2026, 1, d) for d in range(1, 6)]
    chart = individuals_chart(
        list(zip(days, [10, 12, 11, 13, 12], strict=True)),
        go_live=None,
        direction="decrease",
        target=5,
    )
    low, high = value_range(chart)
    assert low < 5
    assert high > max(13, chart.upper_limit or 0)


def test_an_empty_chart_still_has_an_axis() -> None:
    chart = individuals_chart([], go_live=None, direction="decrease")
    assert value_range(chart) == (0.0, 1.0)


@pytest.mark.parametrize(
    ("count", "width", "expected"),
    [(0, 500, []), (3, 500, [0, 1, 2]), (20, 400, [0, 4, 8, 12, 19]), (1, 10, [0])],
)
def test_date_labels_are_spread_and_the_last_is_kept(
    count: int, width: float, expected: list[int]
) -> None:
    assert label_indices(count, width, spacing=80.0) == expected


def test_a_label_steps_aside_in_the_direction_asked() -> None:
    assert free_position(100, [100, 114], gap=14) == 128
    assert free_position(100, [100], gap=-8) == 92
    assert free_position(50, [100], gap=14) == 50
