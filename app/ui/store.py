"""The open database as the UI sees it: snapshots out, small undoable edits in, signals after.

Views never hold ORM objects: they ask the store for snapshots and send edits as commands on
its undo stack. Each edit is one short transaction, saved at once, against the version of the
process the views were showing: a save over a change made elsewhere is refused and offered
to the user (``changed_elsewhere``). A save the disk refuses stays on the undo stack and is
tried again (``save_failed``). A timer notices changes made elsewhere and refreshes views.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from app.ui import commands

if TYPE_CHECKING:  # SQLAlchemy and the process model load after the window shows
    from app.analysis.reviews import DueReview
    from app.models.database import Database
    from app.models.repository import ProcessSummary
    from app.process.model import Process

log = logging.getLogger(__name__)

WATCH_INTERVAL_MS = 2000
RETRY_INTERVAL_MS = 5000


@dataclass(frozen=True, slots=True)
class Conflict:
    """An edit refused because the process changed elsewhere: theirs is what is stored now."""

    mine: Process
    theirs: Process
    text: str


def _timer(parent: QObject, interval_ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer


class ProcessStore(QObject):
    """Owns the open database and the undo stack; tells views what changed."""

    database_changed = Signal()
    processes_changed = Signal()
    process_changed = Signal(str)
    changed_elsewhere = Signal(object)  # a Conflict
    save_failed = Signal(str)  # one sentence; the edit is kept and retried
    saved_after_all = Signal()
    save_refused = Signal(str)  # one sentence: the edit holds a value no database may store
    notice = Signal(str)  # one sentence worth telling (an interrupted update redone…)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database: Database | None = None
        self.undo_stack = QUndoStack(self)
        self.versions: dict[str, int] = {}  # the version each loaded process was shown at
        self.seen: dict[str, int] = {}  # every process's version at the last look
        self.unsaved: Process | None = None
        self.watcher = _timer(self, WATCH_INTERVAL_MS, self.check_elsewhere)
        self.retry = _timer(self, RETRY_INTERVAL_MS, self.retry_unsaved)

    def set_database(self, database: Database | None) -> None:
        """Switch to another database (closing the current one); the undo history is cleared."""
        if self.database is not None:
            self.database.close()
        self.database = database
        self.undo_stack.clear()
        self.versions, self.seen, self.unsaved = {}, self._versions_now(), None
        self.retry.stop()
        if database is not None:
            self.watcher.start()
        else:
            self.watcher.stop()
        self.database_changed.emit()
        self.processes_changed.emit()
        for sentence in database.notices if database is not None else ():
            self.notice.emit(sentence)

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
        """The stored snapshot; edits of it are saved against the version it was."""
        process, version = self._stored(process_id)
        self.versions[process_id] = version
        return process

    def load_stored(self, process_id: str) -> Process:
        """The stored snapshot, without taking its version as the one the views show."""
        return self._stored(process_id)[0]

    def _stored(self, process_id: str) -> tuple[Process, int]:
        from app.models import repository

        with self._db().session() as session:
            return repository.load_versioned(session, process_id)

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
        """Save an edited snapshot as one undoable edit; False when nothing was saved.

        A save over a change made elsewhere is refused (``changed_elsewhere``); one the disk
        refuses is kept on the undo stack and retried (``save_failed``).
        """
        from app.models.database import ChangedElsewhereError, DatabaseError

        before, _version = self._stored(after.id)
        if before == after:
            return False
        try:
            self.write_snapshot(after)
        except ChangedElsewhereError:
            self.changed_elsewhere.emit(Conflict(after, before, text))
            return False
        except DatabaseError as error:
            self.keep_unsaved(after, str(error))
        except ValueError as error:  # a value no database may store (NUL, broken Unicode)
            self.save_refused.emit(str(error))
            return False
        self.undo_stack.push(commands.SaveSnapshot(self, before, after, text))
        return True

    def save_quietly(self, process: Process) -> None:
        """Save without an undo step: interview progress and a step typed but not yet added.

        Refusals are reported like an edit's: changed elsewhere, or kept and retried.
        """
        from app.models.database import ChangedElsewhereError, DatabaseError

        try:
            self.write_snapshot(process)
        except ChangedElsewhereError:
            stored = self.load_stored(process.id)
            self.changed_elsewhere.emit(Conflict(process, stored, "Your latest typing"))
        except DatabaseError as error:
            self.keep_unsaved(process, str(error))

    def changed_meanwhile(self, mine: Process, text: str) -> None:
        """Offer ``mine`` against what is stored now: the process changed since it was shown."""
        self.changed_elsewhere.emit(Conflict(mine, self.load_stored(mine.id), text))

    def keep_unsaved(self, process: Process, sentence: str) -> None:
        """Keep an edit the database refused and retry it; say so once, not at every keystroke."""
        first = self.unsaved is None
        self.unsaved = process
        self.retry.start()
        if first:
            self.save_failed.emit(
                f"{sentence} Your edit is kept (Edit ▸ Undo lists it) and is saved as soon "
                "as the database accepts it again."
            )

    def retry_unsaved(self) -> None:
        """Try again to save the edit the database refused (a full disk, a lock)."""
        from app.models.database import DatabaseError

        if self.unsaved is None or self.database is None:
            self.retry.stop()
            return
        try:
            self.write_snapshot(self.unsaved)
        except DatabaseError as error:
            log.info("the kept edit still cannot be saved: %s", error)
            return
        self.saved_after_all.emit()

    # Changes made elsewhere.

    def check_elsewhere(self) -> None:
        """Refresh the views of processes another window or person changed since we looked."""
        now = self._versions_now()
        if now == self.seen:
            return
        changed = {
            pid for pid in now.keys() | self.seen.keys() if now.get(pid) != self.seen.get(pid)
        }
        self.seen = now
        self.processes_changed.emit()
        for process_id in changed & self.versions.keys():
            if process_id in now:
                self.process_changed.emit(process_id)

    def _versions_now(self) -> dict[str, int]:
        from app.models import repository
        from app.models.database import DatabaseError

        if self.database is None:
            return {}
        try:
            with self.database.session() as session:
                return repository.process_versions(session)
        except DatabaseError as error:
            log.info("cannot look for changes made elsewhere: %s", error)
            return self.seen

    def take_theirs(self, conflict: Conflict) -> None:
        """After a refused save: show what is stored now."""
        self.versions.pop(conflict.mine.id, None)
        self.process_changed.emit(conflict.mine.id)
        self.processes_changed.emit()

    def keep_mine_as_copy(self, conflict: Conflict) -> str:
        """After a refused save: keep the refused edit as a new process beside theirs."""
        copy = replace(conflict.mine, name=f"{conflict.mine.name} (my version)")
        new_id = self.add_processes([copy], f"Keep my version of “{conflict.mine.name}”")[0]
        self.take_theirs(conflict)
        return new_id

    # Raw writes, used by the commands.

    def write_insert(self, process: Process) -> str:
        from app.models import repository

        with self._db().session(writing=True) as session:
            process_id = repository.insert_process(session, process)
        self.versions[process_id] = self.seen[process_id] = 1
        self.processes_changed.emit()
        return process_id

    def write_delete(self, process_id: str) -> Process:
        from app.models import repository

        with self._db().session(writing=True) as session:
            snapshot = repository.delete_process(session, process_id)
        self.versions.pop(process_id, None)
        self.seen.pop(process_id, None)
        self.processes_changed.emit()
        return snapshot

    def write_snapshot(self, process: Process, *, expected: Process | None = None) -> None:
        """Save against the version the views showed, or over ``expected`` (undo, redo).

        Raises ChangedElsewhereError when the stored process moved on meanwhile.
        """
        from app.models.saving import save_snapshot

        based_on = None if expected is not None else self.versions.get(process.id)
        with self._db().session(writing=True) as session:
            version = save_snapshot(session, process, based_on=based_on, expected=expected)
        self.versions[process.id] = self.seen[process.id] = version
        if self.unsaved is not None and self.unsaved.id == process.id:
            self.unsaved = None
            self.retry.stop()
        self.process_changed.emit(process.id)
        self.processes_changed.emit()
