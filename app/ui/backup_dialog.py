"""Going back to a backup: from File ▸ Restore, and offered when a database cannot be opened.

Only backups that pass their check are listed, newest first, each with what it holds; the
dialog says what the chosen one replaces before anything happens. Nothing here needs the
database itself to open.
"""

from __future__ import annotations

from pathlib import Path
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

from app.ui import messages

if TYPE_CHECKING:
    from app.models.backup import Backup, Contents

PATH_ROLE = Qt.ItemDataRole.UserRole

REASONS = {
    "daily": "daily backup",
    "before-update": "before an update",
    "before-restore": "before a restore",
    "manual": "backup",
}


class RestoreBackupDialog(QDialog):
    """Lists checked backups, newest first; ``chosen()`` is the one picked."""

    def __init__(
        self,
        database: Path,
        backups: list[tuple[Backup, Contents]],
        parent: QWidget | None = None,
        *,
        problem: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore a backup")
        self.database = database
        self.backups = [item for item, _contents in backups]
        lead = f"{problem.split('; ')[0]}.\n\n" if problem else ""
        intro = QLabel(
            f"{lead}Choose the backup to go back to. The database as it is now is kept first, "
            "so this can be undone by restoring that copy.",
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Backups")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        for item, contents in backups:
            row = QListWidgetItem(describe(item, contents))
            row.setData(PATH_ROLE, str(item.path))
            row.setToolTip(str(item.path))
            self.list.addItem(row)
        self.replaces = QLabel(self)
        self.replaces.setWordWrap(True)
        self.list.currentRowChanged.connect(self._show_replacement)
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
        for widget in (intro, self.list, self.replaces, buttons):
            layout.addWidget(widget)
        self.list.setCurrentRow(0)
        self.resize(560, 420)

    def chosen(self) -> Backup | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def _show_replacement(self, row: int) -> None:
        from app.models.backup import BackupError
        from app.models.restore import plan_restore

        if not 0 <= row < len(self.backups):
            self.replaces.clear()
            return
        try:
            self.replaces.setText(plan_restore(self.database, self.backups[row]).sentence())
        except BackupError as error:
            self.replaces.setText(str(error))


def describe(backup: Backup, contents: Contents) -> str:
    """“24 Nov 2026, 09:12 — daily backup” over “2 processes (…), 31 steps”."""
    reason = REASONS.get(backup.reason, backup.reason)
    return f"{backup.taken_at:%d %b %Y, %H:%M} — {reason}\n{contents.summary()}"


def choose_backup(parent: QWidget | None, database: Path, *, problem: str = "") -> Backup | None:
    """Ask which checked backup of ``database`` to restore; None when there is none or no."""
    from app.models.backup import checked_backups

    backups = checked_backups(database)
    if not backups:
        if not problem:
            messages.show_error(parent, "Restore a backup", f"{database} has no usable backup.")
        return None
    dialog = RestoreBackupDialog(database, backups, parent, problem=problem)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.chosen() if accepted else None


def restore_chosen(parent: QWidget | None, database: Path, chosen: Backup) -> str | None:
    """Restore ``chosen`` over the (closed) database; the sentence of what it replaced."""
    from app.models.backup import BackupError
    from app.models.restore import plan_restore, restore

    try:
        plan = plan_restore(database, chosen)
        restore(plan)
    except (BackupError, OSError) as error:
        messages.show_error(parent, "Cannot restore the backup", str(error))
        return None
    return f"Restored. {plan.sentence()}"
