"""The I-MR chart: limits computed by hand, each signal rule at its edge, and the verdict."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from app.analysis.control_chart import ChartResult, Direction, individuals_chart

START = dt.date(2027, 1, 1)


def series(
    before: Sequence[float],
    after: Sequence[float] = (),
    *,
    direction: Direction = "decrease",
    target: float | None = None,
) -> ChartResult:
    """Daily points from 1 January; go-live is the day of the first ``after`` point."""
    values = [*before, *after]
    points = [(START + dt.timedelta(days=i), value) for i, value in enumerate(values)]
    go_live = START + dt.timedelta(days=len(before))
    return individuals_chart(points, go_live=go_live, direction=direction, target=target)


def rules(result: ChartResult) -> list[tuple[str, str, tuple[int, ...]]]:
    return [(s.rule, s.label, s.indices) for s in result.signals]


# The baseline used by most signal tests: 12, 10, 12, 10.
#   x̄ = 44 / 4 = 11;  moving ranges 2, 2, 2 → MR̄ = 2
#   UCL = 11 + 2.66·2 = 16.32, LCL = 11 − 5.32 = 5.68
#   σ̂ = 2 / 1.128 = 1.77305, 2σ̂ = 3.54610 → 2σ zone above 14.5461, below 7.4539
BASE = [12.0, 10.0, 12.0, 10.0]


# Limits --------------------------------------------------------------------------------------


def test_limits_by_hand() -> None:
    # 10, 12, 11, 13: x̄ = 46 / 4 = 11.5; moving ranges 2, 1, 2 → MR̄ = 5/3 = 1.66667
    # UCL = 11.5 + 2.66·5/3 = 15.93333; LCL = 11.5 − 4.43333 = 7.06667
    # MR limit = 3.267·5/3 = 5.445; σ̂ = (5/3) / 1.128 = 1.47754
    result = series([10, 12, 11, 13])
    assert result.centre == pytest.approx(11.5)
    assert result.mr_bar == pytest.approx(5 / 3)
    assert result.upper_limit == pytest.approx(15.933333)
    assert result.lower_limit == pytest.approx(7.066667)
    assert result.mr_upper_limit == pytest.approx(5.445)
    assert result.sigma == pytest.approx(1.477541)
    assert result.trial
    assert result.limits_from == "baseline"
    assert result.baseline_count == 4
    assert [p.moving_range for p in result.points] == [None, 2, 1, 2]
    assert any("trial limits" in message for message in result.messages)


def test_limits_come_from_the_baseline_only() -> None:
    # Baseline 12, 10, 12, 10 → x̄ 11, MR̄ 2; the points after go-live (3, 4) change nothing,
    # and the jump 10 → 3 is a moving range shown on the chart but not in MR̄.
    result = series(BASE, [3, 4])
    assert (result.centre, result.mr_bar) == (11, 2)
    assert result.upper_limit == pytest.approx(16.32)
    assert result.lower_limit == pytest.approx(5.68)
    assert [p.phase for p in result.points] == ["before"] * 4 + ["after"] * 2
    assert result.points[4].moving_range == 7


def test_twelve_baseline_points_give_firm_limits_eleven_trial() -> None:
    assert not series([10, 12] * 6).trial
    assert series([10, 12] * 5 + [10]).trial


def test_all_equal_values_leave_the_limits_undefined() -> None:
    result = series([5, 5, 5, 5], [5, 5, 5])
    assert result.centre == 5
    assert result.mr_bar == 0
    assert (result.upper_limit, result.lower_limit, result.sigma) == (None, None, None)
    assert result.mr_upper_limit is None
    assert any("limits are undefined" in message for message in result.messages)
    assert result.signals == ()


def test_a_single_point_gives_a_centre_only() -> None:
    result = series([7])
    assert result.centre == 7
    assert (result.mr_bar, result.upper_limit, result.sigma) == (None, None, None)
    assert any("only the centre line" in message for message in result.messages)
    assert result.verdict == "not enough data"


def test_no_points() -> None:
    result = individuals_chart([], go_live=START, direction="decrease")
    assert result.centre is None
    assert result.verdict == "not enough data"
    assert result.messages == ("No measurements yet.",)


def test_go_live_before_every_point_falls_back_to_trial_limits_from_all_points() -> None:
    # No baseline: limits from all of 4, 6, 4, 6 → x̄ 5, MR̄ 2, flagged as trial.
    result = series([], [4, 6, 4, 6])
    assert result.limits_from == "all points"
    assert result.trial
    assert (result.centre, result.mr_bar) == (5, 2)
    assert "cannot be set from a baseline" in result.messages[0]


def test_without_a_go_live_every_point_is_baseline() -> None:
    points = [(START + dt.timedelta(days=i), v) for i, v in enumerate(BASE)]
    result = individuals_chart(points, go_live=None, direction="decrease")
    assert {p.phase for p in result.points} == {"before"}
    assert result.verdict == "not enough data"
    assert "No go-live date" in result.messages[0]
    assert "set the go-live date" in result.messages[-1]


def test_points_are_sorted_by_date_and_same_day_points_keep_their_order() -> None:
    day = dt.date(2027, 2, 1)
    points = [(day, 5.0), (START, 1.0), (day, 9.0), (day, 7.0)]
    result = individuals_chart(points, go_live=None, direction="increase")
    assert [p.value for p in result.points] == [1, 5, 9, 7]
    assert [p.index for p in result.points] == [0, 1, 2, 3]
    # Moving ranges run through same-day points too: 4, 4, 2 → MR̄ = 10/3.
    assert result.mr_bar == pytest.approx(10 / 3)


def test_the_go_live_day_is_after() -> None:
    points = [(START, 1.0), (START + dt.timedelta(days=1), 2.0)]
    result = individuals_chart(points, go_live=START + dt.timedelta(days=1), direction="decrease")
    assert [p.phase for p in result.points] == ["before", "after"]


# Signals -------------------------------------------------------------------------------------


def test_a_point_beyond_the_upper_limit_is_a_concern_when_lower_is_better() -> None:
    assert rules(series(BASE, [17])) == [("beyond_limits", "concern", (4,))]


def test_the_same_point_is_an_improvement_when_higher_is_better() -> None:
    assert rules(series(BASE, [17], direction="increase")) == [
        ("beyond_limits", "improvement", (4,))
    ]


def test_a_point_just_inside_the_limit_is_no_signal() -> None:
    assert rules(series(BASE, [16.3])) == []  # UCL 16.32
    assert rules(series(BASE, [5.7])) == []  # LCL 5.68


def test_consecutive_points_beyond_one_limit_are_one_signal() -> None:
    result = series(BASE, [5, 5.5], direction="decrease")
    beyond = [s for s in result.signals if s.rule == "beyond_limits"]
    assert [(s.label, s.indices) for s in beyond] == [("improvement", (4, 5))]
    assert beyond[0].after_go_live
    assert beyond[0].days == (dt.date(2027, 1, 5), dt.date(2027, 1, 6))


def test_two_of_three_beyond_two_sigma() -> None:
    # 15 > 14.5461 twice within 15, 11, 15; none beyond UCL 16.32.
    assert rules(series(BASE, [15, 11, 15])) == [("two_of_three", "concern", (4, 6))]


def test_two_of_three_just_missed() -> None:
    assert rules(series(BASE, [15, 11, 14.5])) == []  # 14.5 is inside 14.5461
    assert rules(series(BASE, [15, 11, 11, 15])) == []  # never 2 within 3 in a row


def test_eight_in_a_row_on_one_side() -> None:
    # Baseline ends below the centre (10), then 8 points above 11 that never rise 6 in a row.
    base = [12.0, 10.0, 12.0, 10.0]
    after = [11.5, 11.7] * 4
    assert rules(series(base, after)) == [("eight_one_side", "concern", tuple(range(4, 12)))]
    assert rules(series(base, after, direction="increase"))[0][1] == "improvement"


def test_seven_in_a_row_then_a_cross_is_no_signal() -> None:
    after = [11.5, 11.7, 11.5, 11.7, 11.5, 11.7, 11.5, 10.5]
    assert rules(series(BASE, after)) == []


def test_a_point_on_the_centre_breaks_a_run() -> None:
    after = [11.5, 11.7, 11.5, 11.7, 11.0, 11.5, 11.7, 11.5, 11.7]
    assert rules(series(BASE, after)) == []


def test_six_in_a_row_rising() -> None:
    # 11.5 then down to 10.2, then 10.2 < 10.4 < 10.6 < 10.8 < 10.9 < 10.95: six points rising.
    after = [11.5, 10.2, 10.4, 10.6, 10.8, 10.9, 10.95]
    assert rules(series(BASE, after)) == [("six_trend", "concern", (5, 6, 7, 8, 9, 10))]
    assert rules(series(BASE, after, direction="increase"))[0][1] == "improvement"


def test_five_rising_or_a_flat_step_is_no_trend() -> None:
    assert rules(series(BASE, [11.5, 10.2, 10.4, 10.6, 10.8, 10.9])) == []
    assert rules(series(BASE, [11.5, 10.2, 10.4, 10.4, 10.6, 10.8, 10.9])) == []


def test_six_in_a_row_falling_is_an_improvement_when_lower_is_better() -> None:
    after = [10.9, 10.8, 10.6, 10.4, 10.2, 10.0]
    trend = [s for s in series([12, 10, 12, 10, 12], after).signals if s.rule == "six_trend"]
    assert [(s.label, s.indices) for s in trend] == [("improvement", (4, 5, 6, 7, 8, 9, 10))]


def test_signals_without_limits_still_find_runs_and_trends() -> None:
    # MR̄ = 0: no limits, but 8 points above the centre 5 are still a signal.
    result = series([5, 5, 5], [6, 6.5] * 4)
    assert [s.rule for s in result.signals] == ["eight_one_side"]


def test_a_baseline_signal_is_not_after_go_live() -> None:
    result = series([10, 10.2, 10.4, 10.6, 10.8, 11, 9, 9.5, 8], [9])
    trend = [s for s in result.signals if s.rule == "six_trend"]
    assert [(s.indices, s.after_go_live) for s in trend] == [((0, 1, 2, 3, 4, 5), False)]


# Verdict -------------------------------------------------------------------------------------


def test_met_when_the_last_three_reach_the_target() -> None:
    result = series(BASE, [9, 8, 8, 8], target=8)
    assert result.verdict == "met"
    assert result.messages[-1].startswith("Met:")


def test_holding_when_the_target_is_not_reached() -> None:
    assert series(BASE, [9, 8, 8, 8], target=7.5).verdict == "holding"
    assert series(BASE, [9, 8, 8, 8]).verdict == "holding"


def test_met_for_a_metric_that_should_rise() -> None:
    assert series([10, 12, 10, 12], [14, 14, 14], direction="increase", target=14).verdict == "met"


def test_fading_on_a_concern_signal_after_go_live() -> None:
    result = series(BASE, [8, 8, 17], target=8)
    assert result.verdict == "fading"
    assert "1 signal of concern" in result.messages[-1]


def test_a_concern_signal_is_fading_even_with_one_point_after_go_live() -> None:
    assert series(BASE, [17]).verdict == "fading"


def test_fading_when_the_values_drift_back_more_than_half_way() -> None:
    # Centre 11. 3-point means since go-live: 7, 8, 9, 10 → best 7 (gain 4), recent 10:
    # given back 3 > 4 / 2.
    result = series(BASE, [7, 7, 7, 10, 10, 10])
    assert result.verdict == "fading"
    assert "half-way back" in result.messages[-1]


def test_drifting_back_just_under_half_way_is_holding() -> None:
    # Best 7, recent 8.9: given back 1.9 < 2.
    assert series(BASE, [7, 7, 7, 8.9, 8.9, 8.9]).verdict == "holding"


def test_drift_back_for_a_metric_that_should_rise() -> None:
    # Centre 11, best mean 15 (gain 4), recent 12.5: given back 2.5 > 2.
    result = series(BASE, [15, 15, 15, 12.5, 12.5, 12.5], direction="increase")
    assert result.verdict == "fading"


def test_no_drift_rule_without_a_baseline() -> None:
    # Trial limits from all six points (x̄ 8.5) judge only signals; drift needs a baseline.
    result = series([], [7, 7, 7, 10, 10, 10])
    assert "half-way back" not in " ".join(result.messages)
    assert result.verdict == "fading"
    assert all(s.rule == "two_of_three" for s in result.signals if s.label == "concern")


def test_holding_says_when_there_is_no_gain_yet() -> None:
    result = series(BASE, [11, 11.2, 11])
    assert result.verdict == "holding"
    assert "no better than the baseline" in result.messages[-1]


@pytest.mark.parametrize(
    ("before", "after", "reason"),
    [
        (BASE, [], "no measurement since go-live"),
        (BASE, [9, 9], "3 are needed"),
    ],
)
def test_not_enough_data(before: list[float], after: list[float], reason: str) -> None:
    result = series(before, after)
    assert result.verdict == "not enough data"
    assert reason in result.messages[-1]
