"""The errors a database gives, each as one sentence the user can act on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError, OperationalError

from app import __version__

SERIALIZATION_FAILURES = ("40001", "40P01")  # PostgreSQL: concurrent update, deadlock
CHANGED_ELSEWHERE = "this process was changed elsewhere (another window or person) meanwhile"


class DatabaseError(Exception):
    """A database that cannot be opened or used; the message is one sentence for the user.

    ``path`` is the SQLite file concerned; ``damaged`` says its backups are the way back.
    """

    def __init__(self, message: str, path: Path | None = None, *, damaged: bool = False) -> None:
        super().__init__(message)
        self.path = path
        self.damaged = damaged


class ChangedElsewhereError(DatabaseError):
    """A save based on a version of a process that another window or person has replaced."""


def newer_message(label: str, written_by: str | None) -> str:
    needs = f"Walkthrough {written_by}" if written_by else "a newer Walkthrough"
    return (
        f"{label} was written by {needs}; this is Walkthrough {__version__}. "
        "Update Walkthrough to open it (nothing was changed)."
    )


def damaged_message(label: str, detail: str) -> str:
    return (
        f"{label} is damaged ({detail}); 'walkthrough restore' lists its backups "
        "(in the window: File ▸ Restore a backup)."
    )


def database_error(error: DBAPIError, label: str, path: Path | None) -> DatabaseError:
    """A refused concurrent update becomes the clear 'changed elsewhere' refusal."""
    if getattr(error.orig, "sqlstate", None) in SERIALIZATION_FAILURES:
        return ChangedElsewhereError(f"{label}: {CHANGED_ELSEWHERE}", path)
    message = explain_error(error, label)
    return DatabaseError(message, path, damaged="is damaged" in message)


def explain_error(error: DBAPIError, label: str) -> str:
    """One sentence for a database error the user can act on."""
    message = str(error.orig) if error.orig is not None else str(error)
    if "locked" in message or "busy" in message:
        return f"{label} is locked by another program (another Walkthrough?); close it and retry."
    if "not a database" in message or "malformed" in message:
        return damaged_message(label, message)
    if "disk is full" in message or "No space" in message:
        return f"{label}: the disk is full, so nothing was saved; free some space and retry."
    if "readonly" in message or "read-only" in message:
        return f"{label} is read-only: Walkthrough needs to write to it."
    if isinstance(error, OperationalError) and "unable to open" in message:
        return f"{label} cannot be opened ({message})."
    return f"{label}: the database refused the change ({message})."


def file_error(path: Path, error: sqlite3.Error) -> DatabaseError:
    """Damage is said as damage; a full disk, a lock or a failing disk are not damage."""
    message = str(error)
    if "malformed" in message or "not a database" in message:
        return DatabaseError(damaged_message(str(path), message), path, damaged=True)
    if "locked" in message or "busy" in message:
        return DatabaseError(f"{path} is locked by another program; close it and retry.", path)
    return DatabaseError(
        f"{path} cannot be read ({message}): the disk may be full or failing; nothing was changed.",
        path,
    )
