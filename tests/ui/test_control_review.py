"""Completing a review: the questions of its kind, the chart, a suggested verdict, stored."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from app.analysis.reviews import load_review_questions
from app.process.control import Measurement
from app.ui.control.due_reviews import DueReviewsDialog, load_due_reviews
from app.ui.control.page import ControlPage
from app.ui.control.review_dialog import ReviewDialog
from app.ui.store import ProcessStore
from tests.ui.control_fixtures import TODAY, with_control_series
from tests.ui.control_helpers import invoices, page, store

__all__ = ["page", "store"]


@pytest.fixture
def live(store: ProcessStore, page: ControlPage) -> ControlPage:
    """The invoices sample gone live with 20 weekly lead times (12 before, 8 after)."""
    store.apply(with_control_series(invoices(store)), "Series")
    return page


def test_the_dialog_asks_the_questions_of_its_kind_and_shows_the_chart(
    qtbot: QtBot, live: ControlPage
) -> None:
    review = next(r for r in live.process.control.reviews if r.kind == "day90")
    dialog = ReviewDialog(live.process, review, today=TODAY)
    qtbot.addWidget(dialog)
    expected = [q.id for q in load_review_questions()["day90"].questions]
    assert list(dialog.answers) == expected
    assert len(dialog.charts) == 1
    assert dialog.charts[0][1].verdict == "holding"
    assert dialog.current_verdict() == "holding"


def test_the_verdict_starts_as_fading_when_the_chart_fades(
    qtbot: QtBot, live: ControlPage, store: ProcessStore
) -> None:
    process = live.process
    spike = Measurement("lead_time", dt.date(2027, 3, 12), 9 * 1440.0)
    control = replace(process.control, measurements=(*process.control.measurements, spike))
    process = replace(process, control=control)
    dialog = ReviewDialog(process, process.control.reviews[0], today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.current_verdict() == "fading"


def test_completing_a_review_stores_answers_verdict_and_notes(
    live: ControlPage, store: ProcessStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def answer(dialog: ReviewDialog) -> int:
        dialog.answers["followed"].setPlainText("Yes — every clerk, every time.")
        dialog.answers["stuck_actions"].setPlainText("Supplier portal waits for IT.")
        dialog.verdict.setCurrentIndex(dialog.verdict.findData("fading"))
        dialog.notes.setPlainText("Check again in two weeks.")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ReviewDialog, "exec", answer)
    assert live.reviews.selected_review() is not None  # the due 30-day review
    live.reviews.complete_button.click()
    review = next(r for r in invoices(store).control.reviews if r.kind == "day30")
    assert review.done_on == TODAY
    assert review.verdict == "fading"
    assert review.answers == {
        "followed": "Yes — every clerk, every time.",
        "stuck_actions": "Supplier portal waits for IT.",
    }
    assert review.notes == "Check again in two weeks."
    assert live.reviews.table.item(0, 3).text() == "Fading"
    assert "Done" in live.reviews.table.item(0, 2).text()
    store.undo_stack.undo()
    assert not next(r for r in invoices(store).control.reviews if r.kind == "day30").done


def test_a_cancelled_review_changes_nothing(
    live: ControlPage, store: ProcessStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = invoices(store)
    monkeypatch.setattr(ReviewDialog, "exec", lambda _self: QDialog.DialogCode.Rejected.value)
    live.open_review("day30")
    assert invoices(store) == before


def test_add_review_adds_an_extra_review_on_the_chosen_day(
    live: ControlPage, store: ProcessStore
) -> None:
    day = live.reviews.new_due.date()
    assert day is not None
    live.reviews.new_due.set_date(day + dt.timedelta(days=3))
    live.reviews.add_button.click()
    extra = [r for r in invoices(store).control.reviews if r.kind == "extra"]
    assert len(extra) == 1
    assert live.reviews.table.rowCount() == 3


def test_due_reviews_dialog_lists_them_and_open_names_the_review(
    qtbot: QtBot, live: ControlPage, store: ProcessStore
) -> None:
    items = load_due_reviews(store, TODAY)
    assert [(item.process_name, item.review.kind) for item in items] == [
        ("Approve supplier invoices", "day30")
    ]
    dialog = DueReviewsDialog(items, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "1 review is due"
    assert len(dialog.findChildren(QPushButton, "")) >= 1
    with qtbot.waitSignal(dialog.open_requested) as signal:
        dialog.open_buttons[0].click()
    assert signal.args == [items[0].process_id, "day30"]
