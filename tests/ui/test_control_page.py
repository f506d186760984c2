"""Control tab: the go-live schedules and moves the reviews, the plan table stores edits."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.analysis.reviews import complete_review
from app.ui.control.page import ControlPage
from app.ui.store import ProcessStore
from tests.ui.control_fixtures import TODAY
from tests.ui.control_helpers import invoices, page, store

__all__ = ["page", "store"]


def due_dates(store: ProcessStore) -> dict[str, dt.date]:
    return {review.kind: review.due for review in invoices(store).control.reviews}


def test_setting_the_go_live_schedules_both_reviews_and_undo_removes_them(
    page: ControlPage, store: ProcessStore
) -> None:
    assert page.go_live.date() is None
    assert "Set the go-live date" in page.status.text()
    page.go_live.setText("2027-01-15")
    page.go_live.editing_finished.emit()
    assert due_dates(store) == {"day30": dt.date(2027, 2, 14), "day90": dt.date(2027, 4, 15)}
    assert page.reviews.table.rowCount() == 2
    store.undo_stack.undo()
    assert invoices(store).control.reviews == ()
    assert invoices(store).control.go_live is None
    assert page.go_live.date() is None


def test_a_past_go_live_shows_reviews_already_due_as_due(page: ControlPage) -> None:
    page.set_go_live(TODAY - dt.timedelta(days=100))
    statuses = [page.reviews.table.item(row, 2).text() for row in range(2)]
    assert all("Due now" in status for status in statuses)
    assert "2 reviews are due" in page.status.text()
    assert page.reviews.table.item(0, 0).font().bold()


def test_moving_the_go_live_moves_only_reviews_not_done(
    page: ControlPage, store: ProcessStore
) -> None:
    page.set_go_live(dt.date(2027, 1, 15))
    process = invoices(store)
    control = complete_review(
        process.control, "day30", done_on=dt.date(2027, 2, 15), verdict="holding", answers={}
    )
    store.apply(replace(process, control=control), "Record the 30-day review")
    page.set_go_live(dt.date(2027, 2, 1))
    assert due_dates(store) == {"day30": dt.date(2027, 2, 14), "day90": dt.date(2027, 5, 2)}
    store.undo_stack.undo()
    assert due_dates(store)["day90"] == dt.date(2027, 4, 15)
    assert page.go_live.date() == dt.date(2027, 1, 15)


def test_clearing_the_go_live_drops_the_reviews_not_done(
    page: ControlPage, store: ProcessStore
) -> None:
    page.set_go_live(dt.date(2027, 1, 15))
    page.clear_button.click()
    assert invoices(store).control.go_live is None
    assert invoices(store).control.reviews == ()


def test_plan_rows_are_prefilled_from_the_goals_and_edits_are_stored(
    page: ControlPage, store: ProcessStore
) -> None:
    table = page.plan.table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "Lead time"
    assert table.item(0, 4).text() == "Dana Ortiz"
    assert invoices(store).control.plan == ()
    table.item(0, 3).setText("weekly, every Monday")
    QApplication.processEvents()  # saved on the next turn of the loop
    table.item(0, 6).setText("3 days")
    QApplication.processEvents()
    (row,) = invoices(store).control.plan
    assert row.frequency == "weekly, every Monday"
    assert row.upper_limit == 3 * 1440  # the goal is in minutes
    assert page.plan.table.item(0, 6).text() == "3 days"
    store.undo_stack.undo()
    assert invoices(store).control.plan[0].upper_limit is None


def test_an_unreadable_or_crossed_limit_is_refused_with_a_sentence(
    page: ControlPage, store: ProcessStore
) -> None:
    page.plan.table.item(0, 6).setText("soon")
    QApplication.processEvents()  # saved on the next turn of the loop
    assert not page.plan.error.isHidden()
    assert "Upper limit" in page.plan.error.text()
    assert invoices(store).control.plan == ()
    page.plan.table.item(0, 6).setText("2 days")
    QApplication.processEvents()  # saved on the next turn of the loop
    page.plan.table.item(0, 5).setText("4 days")
    QApplication.processEvents()
    assert "must not be above" in page.plan.error.text()
    assert invoices(store).control.plan[0].lower_limit is None


def test_the_control_owner_is_stored(page: ControlPage, store: ProcessStore) -> None:
    page.owner.setText("Sam Whitfield")
    page.owner.editingFinished.emit()
    assert invoices(store).control.owner == "Sam Whitfield"


def test_a_plan_cell_typed_just_before_another_process_opens_is_saved_to_its_own_process(
    page: ControlPage, store: ProcessStore
) -> None:
    other = next(item for item in store.summaries() if not item.name.startswith("Approve"))
    page.plan.table.item(0, 3).setText("weekly, every Monday")
    page.show_process(store.load(other.id))  # the window opens another process at once
    QApplication.processEvents()  # saved on the next turn of the loop
    assert [row.frequency for row in invoices(store).control.plan] == ["weekly, every Monday"]
    assert store.load(other.id).control.plan == ()


def test_the_owner_field_shows_the_process_shown_even_while_it_has_the_focus(
    page: ControlPage, store: ProcessStore, qtbot: QtBot
) -> None:
    with qtbot.waitActive(page):
        page.show()
    page.owner.setFocus()
    qtbot.keyClicks(page.owner, "Sam Whitfield")
    qtbot.keyClick(page.owner, Qt.Key.Key_Return)
    assert invoices(store).control.owner == "Sam Whitfield"
    store.undo_stack.undo()  # from the Edit menu, the field still focused
    assert page.owner.text() == ""
    page.owner.setText("Dana Ortiz")
    page.owner.editingFinished.emit()
    other = next(item for item in store.summaries() if not item.name.startswith("Approve"))
    page.show_process(store.load(other.id))  # e.g. Ctrl+N: a new process opens
    assert page.owner.text() == ""
    page.owner.clearFocus()
    assert store.load(other.id).control.owner == ""
    assert invoices(store).control.owner == "Dana Ortiz"


def test_a_saved_cell_leaves_the_other_cells_in_place_for_the_editor_tab_opens(
    page: ControlPage, store: ProcessStore
) -> None:
    table = page.plan.table
    next_cell = table.item(0, 4)
    table.item(0, 3).setText("weekly")
    QApplication.processEvents()
    assert invoices(store).control.plan[0].frequency == "weekly"
    assert table.item(0, 4) is next_cell  # not replaced, so an open editor keeps its text
