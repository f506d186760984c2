"""SQLite files brought to the newest schema before any engine opens them.

The revision is read with ``sqlite3`` alone (no SQLAlchemy, no Alembic); an older file is
backed up and updated on a copy (``upgrade``); an update cut short is found and run again.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app import __version__
from app.models import backup, schema
from app.models.errors import DatabaseError, file_error, newer_message

log = logging.getLogger(__name__)
BUSY_TIMEOUT_S = 5.0


@dataclass(frozen=True, slots=True)
class FileState:
    """What a SQLite file holds, read before any engine opens it."""

    revision: str | None = None
    written_by: str | None = None
    tables: int = 0
    rows: int = 0


def prepare_file(path: Path) -> tuple[bool, list[str]]:
    """Bring a SQLite file to the newest schema on a copy: (whether it had to, notices)."""
    from app.models import upgrade

    interrupted = upgrade.discard_interrupted(path)
    state = read_state(path)
    if state.revision == schema.HEAD_REVISION:
        return False, []
    if state.revision is not None and state.revision not in schema.KNOWN_REVISIONS:
        raise DatabaseError(newer_message(str(path), state.written_by), path)
    if state.revision is None and state.rows:
        raise DatabaseError(
            f"{path} holds data but no Walkthrough schema version: it is not a Walkthrough "
            "database (nothing was changed).",
            path,
            damaged=True,
        )
    _update(path, state)
    return True, _notices(path, state, interrupted=interrupted)


def _update(path: Path, state: FileState) -> None:
    from app.models import upgrade

    saved = _backup_before_update(path) if state.revision is not None else None
    try:
        upgrade.upgrade_file(path, __version__, revision=state.revision)
    except Exception as error:
        log.exception("updating %s failed", path)
        kept = f" (its backup: {saved})" if saved else ""
        raise DatabaseError(
            f"Updating {path} failed ({error}); the database was not changed{kept}.", path
        ) from error


def _notices(path: Path, state: FileState, *, interrupted: bool) -> list[str]:
    if state.revision is None and state.tables:
        return [
            f"{path.name}: its creation had been cut short, leaving empty tables (no data); "
            "it has now been created again."
        ]
    if not interrupted:
        return []
    done = "created" if state.revision is None else "updated"
    return [
        f"{path.name}: the last {done[:-1]}ing was cut short; it left the file as it was "
        f"and has now been {done} again."
    ]


def read_state(path: Path) -> FileState:
    """The revision of a SQLite file, who wrote it, its tables and rows: sqlite3 alone."""
    if not path.exists() or path.stat().st_size == 0:
        return FileState()
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)) as con:
            return _state(con)
    except sqlite3.Error as error:
        raise file_error(path, error) from error


def _state(con: sqlite3.Connection) -> FileState:
    tables = [row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    revision = writer = None
    if "alembic_version" in tables:
        found = con.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = found[0] if found else None
    if "app_meta" in tables:
        found = con.execute("SELECT value FROM app_meta WHERE key='written_by'").fetchone()
        writer = found[0] if found else None
    rows = 0
    if revision is None:  # a half-made file may be remade only if it holds nothing
        rows = sum(con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables)
    return FileState(revision, writer, len(tables), rows)


def _backup_before_update(path: Path) -> Path:
    """A backup before the update; one already taken since the file last changed is reused.

    A failed update leaves the file as it was, so retrying it needs no second copy of it.
    """
    latest = next((b for b in backup.list_backups(path) if b.reason == "before-update"), None)
    if latest is not None and _unchanged_since(path, latest.path.stat().st_mtime):
        return latest.path
    try:
        return backup.take_backup(path, "before-update")
    except backup.BackupError as error:
        raise DatabaseError(
            f"{path} needs an update, but {error} Nothing was changed; free some space and retry.",
            path,
        ) from error


def _unchanged_since(path: Path, moment: float) -> bool:
    """Whether the database is as it was at ``moment``: no later write, none pending in a WAL."""
    wal = path.with_name(path.name + "-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    return not pending and path.stat().st_mtime <= moment


def daily_backup(path: Path) -> list[str]:
    """Today's backup; a failure (a full disk) is told, not fatal: the data is untouched."""
    try:
        backup.rotate_backups(path)
    except (backup.BackupError, OSError, sqlite3.Error) as error:
        log.warning("daily backup of %s failed: %s", path, error)
        return [
            f"Today's backup of {path.name} could not be taken ({error}); "
            "nothing was changed, and it is tried again at the next start."
        ]
    return []
