"""Due reviews across processes, the process-list marker and the watched metrics."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from app.analysis.monitoring import (
    metric_chart,
    prefilled_plan,
    read_value,
    suggested_verdict,
    watched_metrics,
)
from app.analysis.reviews import (
    clear_go_live,
    complete_review,
    due_review_markers,
    due_review_sentence,
    due_review_summary,
    review_marker,
    schedule_reviews,
)
from app.process.control import Control, Measurement
from app.process.model import Goal, Process

TODAY = dt.date(2027, 3, 12)


def live(name: str, go_live: dt.date) -> Process:
    return Process(name=name, id=name.lower(), control=schedule_reviews(Control(), go_live))


def test_summary_lists_due_reviews_of_every_process_oldest_first() -> None:
    early = live("Early", dt.date(2026, 12, 1))  # 30 (31 Dec) and 90 (1 Mar) due
    late = live("Late", dt.date(2027, 2, 1))  # 30-day due 3 Mar; 90-day not yet
    fresh = live("Fresh", dt.date(2027, 3, 1))  # nothing due
    items = due_review_summary([fresh, late, early], TODAY)
    assert [(item.process_name, item.review.kind) for item in items] == [
        ("Early", "day30"),
        ("Early", "day90"),
        ("Late", "day30"),
    ]
    assert due_review_sentence(items[0], TODAY) == (
        "Early: 30-day review, due 31 Dec 2026 (71 days ago)"
    )


def test_a_done_review_is_no_longer_due() -> None:
    process = live("Done", dt.date(2027, 2, 1))
    control = complete_review(
        process.control, "day30", done_on=TODAY, verdict="holding", answers={}
    )
    assert due_review_summary([replace(process, control=control)], TODAY) == ()


def test_markers_name_the_first_due_review_and_count_the_rest() -> None:
    items = due_review_summary([live("Early", dt.date(2026, 12, 1))], TODAY)
    assert due_review_markers(items, TODAY) == {"early": "30-day review due 31 Dec 2026 and 1 more"}
    control = live("Late", dt.date(2027, 2, 1)).control
    assert review_marker(control, TODAY) == "30-day review due 3 Mar"
    assert review_marker(Control(), TODAY) == ""


def test_clearing_the_go_live_keeps_done_reviews_only() -> None:
    control = schedule_reviews(Control(), dt.date(2027, 1, 1))
    control = complete_review(control, "day30", done_on=TODAY, verdict="fading", answers={})
    cleared = clear_go_live(control)
    assert cleared.go_live is None
    assert [review.kind for review in cleared.reviews] == ["day30"]


def test_goal_metrics_come_first_and_plan_rows_are_prefilled() -> None:
    goal = Goal(metric="lead_time", unit="days", owner="Dana", measured_by="invoice log")
    control = Control(measurements=(Measurement("errors", TODAY, 3.0),))
    process = Process(name="P", goals=(goal,), control=control)
    assert watched_metrics(process) == ("lead_time", "errors")
    (row,) = prefilled_plan(process)
    assert (row.metric, row.who, row.how) == ("lead_time", "Dana", "invoice log")


def test_typed_values_are_read_in_the_goal_unit() -> None:
    process = Process(name="P", goals=(Goal(metric="lead_time", unit="days"),))
    assert read_value(process, "lead_time", "36 h") == 1.5
    assert read_value(process, "lead_time", "2.5") == 2.5
    assert read_value(process, "pce", "25 %") == 0.25
    assert read_value(process, "errors", "1,200 items") == 1200


def test_suggested_verdict_follows_the_charts() -> None:
    goal = Goal(metric="lead_time", unit="days", target=2.0, direction="decrease")
    points = [(dt.date(2027, 1, d), v) for d, v in ((1, 5), (2, 5.2), (3, 4.8), (4, 5.1))]
    points += [(dt.date(2027, 2, d), 1.8) for d in (1, 2, 3)]
    control = Control(
        go_live=dt.date(2027, 2, 1),
        measurements=tuple(Measurement("lead_time", day, value) for day, value in points),
    )
    chart = metric_chart(Process(name="P", goals=(goal,), control=control), "lead_time")
    assert chart.verdict == "met"
    assert suggested_verdict([chart]) == "met"
    assert suggested_verdict([]) == "holding"
    fading = replace(chart, verdict="fading")
    assert suggested_verdict([chart, fading]) == "fading"
