"""Measurements: typed one by one (units tolerated) and pasted with a preview of bad lines."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.ui.control.measurements import PasteDialog
from app.ui.control.page import ControlPage
from app.ui.date_field import locale_day_first
from app.ui.store import ProcessStore
from tests.ui.control_helpers import invoices, page, store

__all__ = ["page", "store"]

DAY = 1440.0


def stored(store: ProcessStore) -> list[tuple[dt.date, float]]:
    return [(item.day, item.value) for item in invoices(store).control.measurements]


def test_a_typed_value_with_its_unit_is_added_in_the_goal_unit(
    qtbot: QtBot, page: ControlPage, store: ProcessStore
) -> None:
    panel = page.measurements
    panel.day.setText("2027-01-22")
    qtbot.keyClicks(panel.value, "3.5 days")
    panel.add_button.click()
    assert stored(store) == [(dt.date(2027, 1, 22), 3.5 * DAY)]
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 1).text() == "3.5 days"
    assert panel.value.text() == ""
    assert panel.day.date() == dt.date(2027, 1, 29)  # ready for next week's value
    assert page.chart.canvas.chart is not None
    assert len(page.chart.canvas.chart.points) == 1
    store.undo_stack.undo()
    assert stored(store) == []


def test_an_unreadable_value_is_refused_and_nothing_is_stored(
    page: ControlPage, store: ProcessStore
) -> None:
    panel = page.measurements
    panel.value.setText("about a week-ish")
    panel.add_button.click()
    assert not panel.error.isHidden()
    assert panel.error.text().startswith("Value:")
    assert stored(store) == []
    panel.value.setText("5")
    panel.add_button.click()
    assert panel.error.isHidden()
    assert stored(store)[0][1] == 5.0  # a bare number is in the goal's unit (minutes)


def test_removing_a_measurement(page: ControlPage, store: ProcessStore) -> None:
    panel = page.measurements
    for text in ("4 days", "3 days"):
        panel.value.setText(text)
        panel.add_button.click()
    panel.table.selectRow(0)
    panel.remove_selected()
    assert [value for _, value in stored(store)] == [3 * DAY]


PASTE = "Week\tLead time\n2027-01-08\t5 days\n15/01/2027\t4.5\nsoon\t3\n01/02/2027\tlots\n"


def test_paste_previews_good_rows_and_names_the_bad_lines(
    qtbot: QtBot, store: ProcessStore
) -> None:
    dialog = PasteDialog(invoices(store), "lead_time")
    qtbot.addWidget(dialog)
    dialog.order.setCurrentIndex(dialog.order.findData(True))
    dialog.unit.setCurrentIndex(dialog.unit.findData("days"))
    dialog.text.setPlainText(PASTE)
    assert dialog.preview.rowCount() == 2
    rows = [[dialog.preview.item(row, col).text() for col in range(3)] for row in range(2)]
    assert rows == [["2", "2027-01-08", "5 days"], ["3", "2027-01-15", "4.5 days"]]
    assert dialog.errors.count() == 2
    errors = [dialog.errors.item(row).text() for row in range(dialog.errors.count())]
    assert errors[0].startswith("line 4:")
    assert errors[1].startswith("line 5:")
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "Import 2 rows"
    assert dialog.summary.text() == "2 rows to import, 2 lines not read"
    dialog.text.setPlainText("soon\t3\n")
    assert not dialog.import_button.isEnabled()


def test_day_first_and_month_first_read_the_same_text_differently(
    qtbot: QtBot, store: ProcessStore
) -> None:
    dialog = PasteDialog(invoices(store), "lead_time")
    qtbot.addWidget(dialog)
    dialog.unit.setCurrentIndex(dialog.unit.findData("days"))
    dialog.text.setPlainText("03/04/2027\t4\n")
    dialog.order.setCurrentIndex(dialog.order.findData(True))
    assert [item.day for item in dialog.measurements()] == [dt.date(2027, 4, 3)]
    dialog.order.setCurrentIndex(dialog.order.findData(False))
    assert [item.day for item in dialog.measurements()] == [dt.date(2027, 3, 4)]
    assert dialog.measurements()[0].value == 4 * DAY


def test_import_adds_only_the_good_rows_as_one_edit(
    qtbot: QtBot, page: ControlPage, store: ProcessStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def accept(dialog: PasteDialog) -> int:
        dialog.order.setCurrentIndex(dialog.order.findData(True))
        dialog.unit.setCurrentIndex(dialog.unit.findData("days"))
        dialog.text.setPlainText("2027-01-08\t5\n15/01/2027\t4.5\nsoon\t3\n")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PasteDialog, "exec", accept)
    page.measurements.paste_button.click()
    assert stored(store) == [(dt.date(2027, 1, 8), 5 * DAY), (dt.date(2027, 1, 15), 4.5 * DAY)]
    assert page.measurements.table.rowCount() == 2
    store.undo_stack.undo()
    assert stored(store) == []


def test_a_cancelled_paste_adds_nothing(
    page: ControlPage, store: ProcessStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PasteDialog, "exec", lambda _self: QDialog.DialogCode.Rejected.value)
    page.measurements.paste_button.click()
    assert stored(store) == []


def test_the_date_order_defaults_from_the_locale() -> None:
    assert locale_day_first(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    assert not locale_day_first(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert locale_day_first(QLocale(QLocale.Language.German, QLocale.Country.Germany))
