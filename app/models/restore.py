"""Putting a checked backup back in place of a database, without ever opening the broken one.

The backup is checked first (and refused if it fails); the database it replaces is kept
first (as a backup when it can be read, else as a ``.damaged`` copy of its files); the
restored copy is written beside it and renamed over it.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from app.models.backup import (
    Backup,
    BackupError,
    Contents,
    backup_folder,
    copy_database,
    read_contents,
    take_backup,
)
from app.process.atomic import sync_file, sync_folder

SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class Replacement:
    """What a restore is about to replace and with what, in words for the user."""

    database: Path
    current: Contents | None
    current_problem: str
    changed_at: dt.datetime | None
    backup: Backup
    restored: Contents

    def sentence(self) -> str:
        """“Replaces … (2 processes, 31 steps, changed 29 Nov 2026 21:40) with the backup…”."""
        return f"Replaces {self.database.name} ({self._current()}) with {self._backup()}."

    def _current(self) -> str:
        changed = f", changed {self.changed_at:%d %b %Y %H:%M}" if self.changed_at else ""
        if self.current is None:
            return f"which cannot be read: {self.current_problem.rstrip('.')}{changed}"
        return f"{self.current.summary()}{changed}"

    def _backup(self) -> str:
        return (
            f"the {self.backup.reason} backup of {self.backup.taken_at:%d %b %Y %H:%M} "
            f"({self.restored.summary()})"
        )


def plan_restore(database_path: Path, chosen: Backup) -> Replacement:
    """Check ``chosen`` and say what restoring it would replace; BackupError if it fails."""
    restored = read_contents(chosen.path)
    current, problem, changed = None, "", None
    if database_path.exists():
        changed = dt.datetime.fromtimestamp(database_path.stat().st_mtime)
        try:
            current = read_contents(database_path)
        except BackupError as error:
            problem = str(error)
    else:
        problem = "the file is missing"
    return Replacement(database_path, current, problem, changed, chosen, restored)


def restore(plan: Replacement) -> Path | None:
    """Do a planned restore; return where the replaced database was kept (None if absent)."""
    path = plan.database
    read_contents(plan.backup.path)  # checked again: it could have changed since the plan
    kept = _keep_current(plan)
    incoming = path.with_name(path.name + ".restoring")
    incoming.unlink(missing_ok=True)
    copy_database(plan.backup.path, incoming)
    sync_file(incoming)
    remove_side_files(path)  # a -wal left by the replaced file must never be replayed on this
    os.replace(incoming, path)
    sync_folder(path.parent)
    return kept


def _keep_current(plan: Replacement) -> Path | None:
    if not plan.database.exists():
        return None
    if plan.current is not None:
        return take_backup(plan.database, "before-restore")
    folder = backup_folder(plan.database)
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / f"{dt.datetime.now():%Y%m%d-%H%M%S}-{plan.database.name}.damaged"
    shutil.copyfile(plan.database, kept)
    for side in SIDE_FILES:
        extra = plan.database.with_name(plan.database.name + side)
        if extra.exists():
            shutil.copyfile(extra, kept.with_name(kept.name + side))
    return kept


def remove_side_files(path: Path) -> None:
    """Remove the -wal, -shm and -journal files of a database no connection has open."""
    for side in SIDE_FILES:
        path.with_name(path.name + side).unlink(missing_ok=True)
