"""Recovery that is there: a database that cannot be opened offers its checked backups."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.models import backup
from app.models.database import open_database
from app.models.transfer import add_samples
from app.ui.backup_dialog import RestoreBackupDialog
from app.ui.main_window import MainWindow


def _damaged_with_a_backup(folder: Path) -> Path:
    path = folder / "broken.sqlite"
    database = open_database(path)
    add_samples(database)
    database.close()
    backup.take_backup(path, "daily")
    (backup.backup_folder(path) / "20991231-000000-daily.sqlite").write_bytes(b"")  # fails
    path.write_bytes(path.read_bytes()[:4096])  # the header page only
    return path


def test_a_damaged_database_offers_its_checked_backups_and_restores_one(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    path = _damaged_with_a_backup(tmp_path)
    offered: list[tuple[list[str], str]] = []

    def accept(dialog: RestoreBackupDialog) -> QDialog.DialogCode:
        rows = [dialog.list.item(row).text() for row in range(dialog.list.count())]  # type: ignore[union-attr]
        offered.append((rows, dialog.replaces.text()))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestoreBackupDialog, "exec", accept)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_database_async(str(path))
    [(rows, replaces)] = offered
    assert len(rows) == 1  # the empty backup fails its check and is not offered
    assert "daily backup\n2 processes (Approve supplier invoices, Onboard a new client)" in rows[0]
    assert replaces.startswith("Replaces broken.sqlite (which cannot be read")
    assert errors == []
    assert window.store.database is not None
    assert len(window.store.summaries()) == 2
    assert window.statusBar().currentMessage().startswith("Restored. Replaces broken.sqlite")


def test_declining_leaves_restore_in_the_menu(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    path = _damaged_with_a_backup(tmp_path)
    monkeypatch.setattr(RestoreBackupDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_database_async(str(path))
    assert window.store.database is None
    assert len(errors) == 1
    assert "is damaged" in errors[0]
    assert window.restore_action.isEnabled()
