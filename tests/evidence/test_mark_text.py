"""The words of the map's said-vs-recorded marks."""

from __future__ import annotations

import datetime as dt

from app.evidence.mark_text import mark_lines, mark_tooltip
from app.evidence.recorded import RecordedLog
from app.evidence.said_recorded import SaidRecorded, StepMark

KEPT = RecordedLog("invoices.csv", dt.date(2026, 3, 1), dt.date(2026, 6, 30), 9812, {})
WAIT = SaidRecorded("wait", 2 * 1440, 5.5 * 1440, 9812)
TOUCH = SaidRecorded("touch", 30, 45, 9000)


def test_a_line_per_time() -> None:
    mark = StepMark("s4", 9812, (WAIT, TOUCH))
    assert mark_lines(mark) == ("wait 2 days → 5.5 days ×2.8", "hands-on 30 min → 45 min ×1.5")


def test_a_step_never_seen_and_one_with_nothing_to_compare() -> None:
    assert mark_lines(StepMark("s4", 0, ())) == ("not in the log",)
    assert mark_lines(StepMark("s2", 1, ())) == ("seen in 1 case",)
    assert mark_tooltip(StepMark("s4", 0, ()), "Approve", KEPT) == (
        "'Approve' is never seen in the event log (invoices.csv, 1 Mar 2026 to 30 Jun 2026)."
    )


def test_the_sentence_on_hover() -> None:
    tip = mark_tooltip(StepMark("s4", 9812, (WAIT, TOUCH)), "Approve", KEPT)
    assert tip.splitlines() == [
        "'Approve', said against recorded:",
        "Wait: said 2 days, recorded 5.5 days (median over 9,812 cases, 1 Mar 2026 to "
        "30 Jun 2026, log invoices.csv), ×2.8: far from what was said.",
        "Hands-on: said 30 min, recorded 45 min (median over 9,000 cases, 1 Mar 2026 to "
        "30 Jun 2026, log invoices.csv), ×1.5: close to what was said.",
    ]
