"""Undoable edits (QUndoCommand): each redo/undo is one short saved transaction."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from app.process.model import Process


class SnapshotWriter(Protocol):
    """What the commands need of the store (app/ui/store.py), so neither imports the other."""

    def write_insert(self, process: Process) -> str: ...

    def write_delete(self, process_id: str) -> Process: ...

    def write_snapshot(self, process: Process, *, expected: Process | None = None) -> None: ...

    def changed_meanwhile(self, mine: Process, text: str) -> None: ...

    def keep_unsaved(self, process: Process, sentence: str) -> None: ...


class AddProcess(QUndoCommand):
    """Add a process (import, sample); undo deletes it again."""

    def __init__(self, store: SnapshotWriter, process: Process, text: str) -> None:
        super().__init__(text)
        self.store = store
        import uuid  # here, not at start-up: it pulls in the platform module

        self.process_id = str(uuid.uuid4())
        self.process = replace(process, id=self.process_id)
        self.store.write_insert(self.process)
        self._first = True

    def redo(self) -> None:
        if self._first:  # already written in __init__, so errors surface at the call
            self._first = False
            return
        self.store.write_insert(self.process)

    def undo(self) -> None:
        self.process = self.store.write_delete(self.process_id)


class DeleteProcess(QUndoCommand):
    """Delete a process; undo puts it back with the same id and content."""

    def __init__(self, store: SnapshotWriter, process_id: str, name: str) -> None:
        super().__init__(f"Delete “{name}”")
        self.store = store
        self.process_id = process_id
        self.snapshot: Process | None = None

    def redo(self) -> None:
        self.snapshot = self.store.write_delete(self.process_id)

    def undo(self) -> None:
        if self.snapshot is not None:
            self.store.write_insert(self.snapshot)


class SaveSnapshot(QUndoCommand):
    """Any edit of one process: redo saves the snapshot after it, undo the one before.

    The store saves (or keeps, when the disk refuses) the edit before pushing it, so the
    first redo has nothing to do. An undo expects to find the snapshot after the edit stored
    (a redo, the one before): if someone changed the process since, it is refused and offered,
    since undoing would wipe their change. Refusals go through the store's signals.
    """

    def __init__(self, store: SnapshotWriter, before: Process, after: Process, text: str) -> None:
        super().__init__(text)
        self.store = store
        self.before = before
        self.after = after
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._write(self.after, expected=self.before)

    def undo(self) -> None:
        self._write(self.before, expected=self.after)

    def _write(self, snapshot: Process, *, expected: Process) -> None:
        from app.models.database import ChangedElsewhereError, DatabaseError

        try:
            self.store.write_snapshot(snapshot, expected=expected)
        except ChangedElsewhereError:
            self.store.changed_meanwhile(snapshot, self.text())
        except DatabaseError as error:
            self.store.keep_unsaved(snapshot, str(error))
