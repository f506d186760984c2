"""What the window says when a save is refused: changed elsewhere, or a disk that refuses.

A save over a change made elsewhere is never applied: the user sees what differs and takes
the stored version or keeps theirs as a copy. A save the database refuses (full disk, read-only,
locked) is kept on the undo stack and retried; the status bar says so until it is saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from app.ui import messages

if TYPE_CHECKING:
    from app.ui.store import Conflict, ProcessStore

NOTICE_MS = 20000


def watch_saves(window: QMainWindow, store: ProcessStore) -> None:
    """Connect the store's save signals to the window's dialogs and status bar."""
    status = window.statusBar()
    store.changed_elsewhere.connect(lambda conflict: resolve_conflict(window, store, conflict))
    store.save_failed.connect(lambda sentence: _save_failed(window, sentence))
    store.saved_after_all.connect(
        lambda: status.showMessage("The kept edit is saved now.", NOTICE_MS)
    )
    store.notice.connect(lambda sentence: status.showMessage(sentence, NOTICE_MS))
    store.save_refused.connect(
        lambda sentence: messages.show_error(window, "This edit cannot be saved", sentence)
    )


def _save_failed(window: QMainWindow, sentence: str) -> None:
    window.statusBar().showMessage(f"Not saved yet: {sentence}")
    messages.show_error(window, "Your edit is not saved yet", sentence)


def resolve_conflict(parent: QWidget, store: ProcessStore, conflict: Conflict) -> None:
    """Show what changed elsewhere; take the stored version, or keep mine as a copy."""
    box = conflict_box(parent, conflict)
    keep = box.addButton("Keep mine as a copy", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Show their version", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    if box.clickedButton() is keep:
        store.keep_mine_as_copy(conflict)
    else:
        store.take_theirs(conflict)


def conflict_box(parent: QWidget, conflict: Conflict) -> QMessageBox:
    """The question, with the differences between the stored version and the refused edit."""
    from app.process.differences import differences

    name = conflict.theirs.name
    box = QMessageBox(QMessageBox.Icon.Warning, "Changed elsewhere", "", parent=parent)
    box.setText(
        f"“{name}” was changed elsewhere (another window or a colleague) after it was shown "
        f"here, so “{conflict.text}” was not saved over it."
    )
    lines = differences(conflict.theirs, conflict.mine)
    box.setInformativeText(
        "What differs (there = saved, here = yours):\n" + "\n".join(f"• {x}" for x in lines)
    )
    return box
