"""Restoring a backup of the open database: pick one, confirm, and the app reopens it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from app.models.backup import Backup

PATH_ROLE = Qt.ItemDataRole.UserRole

REASONS = {
    "daily": "daily backup",
    "before-update": "before an update",
    "before-restore": "before a restore",
    "manual": "backup",
}


class RestoreBackupDialog(QDialog):
    """Lists the backups of a database, newest first; ``chosen()`` is the one picked."""

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore a backup")
        self.backups = backups
        intro = QLabel(
            "Choose the backup to go back to. The database as it is now is backed up first, "
            "so this can be undone by restoring that backup.",
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Backups")
        for backup in backups:
            item = QListWidgetItem(describe(backup))
            item.setData(PATH_ROLE, str(backup.path))
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Ok, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Restore")
        ok.setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(480, 360)

    def chosen(self) -> Backup | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None


def describe(backup: Backup) -> str:
    """“24 Nov 2026, 09:12 — daily backup, 1.2 MB”."""
    size = backup.path.stat().st_size / 1024 / 1024 if backup.path.exists() else 0.0
    reason = REASONS.get(backup.reason, backup.reason)
    return f"{backup.taken_at:%d %b %Y, %H:%M} — {reason}, {size:.1f} MB"
