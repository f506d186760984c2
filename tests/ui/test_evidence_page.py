"""The Evidence tab: import with a column dialog, said against recorded, the mapping kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.qtbot import QtBot

from app.evidence.columns import ColumnChoice
from app.evidence.stored import stored_mapping
from app.models.database import open_database
from app.models.transfer import add_samples
from app.process.model import Process
from app.ui import evidence_page
from app.ui.evidence_page import ColumnDialog, EvidencePage, Reading
from app.ui.store import ProcessStore
from tests.evidence.logs import INVOICE_LOG, write_csv

LOG = INVOICE_LOG + "2;Phone the supplier;2026-01-06 11:00\n"


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path) -> EvidencePage:
    store = ProcessStore()
    database = open_database(tmp_path / "evidence.sqlite")
    add_samples(database)
    store.set_database(database)
    summary = next(item for item in store.summaries() if item.name.startswith("Approve"))
    view = EvidencePage(store)
    qtbot.addWidget(view)
    view.show_process(store.load(summary.id))
    return view


def picked(view: EvidencePage, path: Path) -> None:
    view.read(path, ColumnChoice(case="Ticket", activity="Step", timestamp="When"))


def cell(view: EvidencePage, step: str, column: int) -> str:
    table = view.steps
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == step)
    return table.item(row, column).text()


def test_a_log_read_shows_said_against_recorded(page: EvidencePage, tmp_path: Path) -> None:
    picked(page, write_csv(tmp_path, LOG))
    assert "2 cases, 6 events, 2 variants" in page.summary.text()
    assert "Fitness: 50.0% of cases" in page.summary.text()
    assert "Not in the map: Phone the supplier" in page.summary.text()
    assert cell(page, "Post invoice to ledger", 2) == "8 h"
    assert cell(page, "Post invoice to ledger", 3) == "13 h"
    assert cell(page, "Post invoice to ledger", 4) == "×1.6"
    assert not page.progress.isVisible()


def test_a_bad_log_says_where_and_keeps_nothing(page: EvidencePage, tmp_path: Path) -> None:
    picked(page, write_csv(tmp_path, LOG.replace("2026-01-07 10:00", "soon")))
    assert page.status.text().startswith("Line 4, timestamp: 'soon' is not a date")
    assert page.evidence is None
    assert page.steps.rowCount() == 0


def test_cancel_keeps_nothing(
    page: EvidencePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = "\n".join(f"{n};Post invoice;2026-01-05 09:00" for n in range(20000))
    path = write_csv(tmp_path, f"Ticket;Step;When\n{rows}")
    monkeypatch.setattr(evidence_page, "Reading", lambda: Reading(cancelled=True))
    picked(page, path)
    assert page.status.text() == "The import was cancelled; nothing was kept."
    assert page.evidence is None
    assert page.import_button.isEnabled()


def test_the_column_dialog_guesses_by_name_and_needs_the_three(qtbot: QtBot) -> None:
    dialog = ColumnDialog(["Case ID", "What", "Timestamp"], [["1", "a", "2026-01-01"]], None)
    qtbot.addWidget(dialog)
    assert dialog.choice() == ColumnChoice(case="Case ID", timestamp="Timestamp")
    dialog.accept_if_complete()
    assert dialog.problem.text() == "Pick the column of the activity."
    dialog.pickers["activity"].setCurrentText("What")
    dialog.accept_if_complete()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_mapping_changed_and_kept_with_the_process(page: EvidencePage, tmp_path: Path) -> None:
    picked(page, write_csv(tmp_path, LOG))
    row = next(
        r
        for r in range(page.mapping.rowCount())
        if page.mapping.item(r, 0).text() == "Phone the supplier"
    )
    picker = page.mapping.cellWidget(row, 1)
    assert isinstance(picker, QComboBox)
    picker.setCurrentText("Query supplier about mismatch")
    assert "Not in the map: none" in page.summary.text()
    page.save_mapping()
    assert page.process is not None
    saved: Process = page.store.load(page.process.id)
    mapping = stored_mapping(saved)
    assert mapping is not None
    assert mapping["Phone the supplier"] == "s6"
    assert saved.extra["event_log"]["log"] == "log.csv"


def test_the_recorded_lead_time_becomes_the_goal_baseline(
    page: EvidencePage, tmp_path: Path
) -> None:
    picked(page, write_csv(tmp_path, LOG))
    assert page.process is not None
    assert [goal.metric for goal in page.process.goals] == ["lead_time"]
    page.take_baseline()
    assert page.status.text() == "The lead-time goal's baseline is now 1.6 days, from the log."
    goal = page.store.load(page.process.id).goals[0]
    assert goal.baseline == 2250.0  # cases of 2,940 and 1,560 minutes
    assert goal.baseline_source.startswith("median of 2 cases in the event log log.csv")


def test_weekly_lead_times_join_the_control_chart(page: EvidencePage, tmp_path: Path) -> None:
    picked(page, write_csv(tmp_path, LOG))
    assert page.process is not None
    page.add_weekly_points()
    assert page.status.text() == "1 week of lead time added to the control chart."
    points = [
        m
        for m in page.store.load(page.process.id).control.measurements
        if m.note.endswith("(log.csv)")
    ]
    assert [(m.metric, m.day.isoformat(), m.value) for m in points] == [
        ("lead_time", "2026-01-05", 2250.0)
    ]
