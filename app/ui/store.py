"""The open database as the UI sees it: snapshots out, small undoable edits in, signals after.

Views never hold ORM objects: they ask the store for snapshots and send edits as commands on
its undo stack. Each edit is one short transaction, saved at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from app.ui import commands

if TYPE_CHECKING:  # SQLAlchemy and the process model load after the window shows
    from app.analysis.reviews import DueReview
    from app.models.database import Database
    from app.models.repository import ProcessSummary
    from app.process.model import Process


class ProcessStore(QObject):
    """Owns the open database and the undo stack; tells views what changed."""

    database_changed = Signal()
    processes_changed = Signal()
    process_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database: Database | None = None
        self.undo_stack = QUndoStack(self)

    def set_database(self, database: Database | None) -> None:
        """Switch to another database (closing the current one); the undo history is cleared."""
        if self.database is not None:
            self.database.close()
        self.database = database
        self.undo_stack.clear()
        self.database_changed.emit()
        self.processes_changed.emit()

    def _db(self) -> Database:
        if self.database is None:
            raise RuntimeError("no database is open")
        return self.database

    def summaries(self, search: str = "") -> list[ProcessSummary]:
        from app.models import repository

        if self.database is None:
            return []
        with self.database.session() as session:
            return repository.list_processes(session, search=search)

    def due_reviews(self, today: dt.date) -> tuple[DueReview, ...]:
        """Every review due by ``today`` in the open database, oldest first (one query)."""
        from app.analysis.reviews import DueReview, order_due
        from app.models import repository

        if self.database is None:
            return ()
        with self.database.session() as session:
            found = repository.list_due_reviews(session, today)
        return order_due(DueReview(pid, name, review) for pid, name, review in found)

    def load(self, process_id: str) -> Process:
        from app.models import repository

        with self._db().session() as session:
            return repository.load_process(session, process_id)

    # Edits: each goes through the undo stack.

    def add_processes(self, processes: list[Process], text: str) -> list[str]:
        """Add processes (an import, the samples, a new interview) as one undoable edit.

        Returns their new ids. A failing write raises before anything is on the undo stack.
        """
        added = [commands.AddProcess(self, process, text) for process in processes]
        self.undo_stack.beginMacro(text)
        for command in added:
            self.undo_stack.push(command)
        self.undo_stack.endMacro()
        return [command.process_id for command in added]

    def delete(self, process_id: str, name: str) -> None:
        self.undo_stack.push(commands.DeleteProcess(self, process_id, name))

    def update_fields(self, process_id: str, changes: Mapping[str, Any]) -> None:
        """Change Define fields of a process as one undoable edit."""
        names = ", ".join(name.replace("_", " ") for name in changes)
        self.apply(replace(self.load(process_id), **changes), f"Edit {names}")

    def apply(self, after: Process, text: str) -> bool:
        """Save an edited snapshot as one undoable edit; False when nothing changed."""
        before = self.load(after.id)
        if before == after:
            return False
        self.undo_stack.push(commands.SaveSnapshot(self, before, after, text))
        return True

    def save_quietly(self, process: Process) -> None:
        """Save without an undo step: interview progress and a step typed but not yet added."""
        self.write_snapshot(process)

    # Raw writes, used by the commands.

    def write_insert(self, process: Process) -> str:
        from app.models import repository

        with self._db().session() as session:
            process_id = repository.insert_process(session, process)
        self.processes_changed.emit()
        return process_id

    def write_delete(self, process_id: str) -> Process:
        from app.models import repository

        with self._db().session() as session:
            snapshot = repository.delete_process(session, process_id)
        self.processes_changed.emit()
        return snapshot

    def write_snapshot(self, process: Process) -> None:
        from app.models.saving import save_snapshot

        with self._db().session() as session:
            save_snapshot(session, process)
        self.process_changed.emit(process.id)
        self.processes_changed.emit()
