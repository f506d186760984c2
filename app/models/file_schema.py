"""SQLite files brought to the newest schema before any engine opens them.

The revision is read with ``sqlite3`` alone (no SQLAlchemy, no Alembic); an older file is
backed up and updated on a copy (``upgrade``); an update cut short is found and run again.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from pathlib import Path

from app import __version__
from app.models import backup, schema
from app.models.errors import DatabaseError, file_error, newer_message

log = logging.getLogger(__name__)
BUSY_TIMEOUT_S = 5.0


def prepare_file(path: Path) -> tuple[bool, list[str]]:
    """Bring a SQLite file to the newest schema on a copy: (whether it had to, notices)."""
    from app.models import upgrade

    interrupted = upgrade.discard_interrupted(path)
    revision, written_by = _file_revision(path)
    if revision == schema.HEAD_REVISION:
        return False, []
    if revision is not None and revision not in schema.KNOWN_REVISIONS:
        raise DatabaseError(newer_message(str(path), written_by), path)
    saved = _backup_before_update(path) if revision is not None else None
    try:
        upgrade.upgrade_file(path, __version__)
    except Exception as error:
        log.exception("updating %s failed", path)
        kept = f" (its backup: {saved})" if saved else ""
        raise DatabaseError(
            f"Updating {path} failed ({error}); the database was not changed{kept}.", path
        ) from error
    if not interrupted:
        return True, []
    done = "created" if revision is None else "updated"
    return True, [
        f"{path.name}: the last {done[:-1]}ing was cut short; it left the file as it was "
        f"and has now been {done} again."
    ]


def _file_revision(path: Path) -> tuple[str | None, str | None]:
    """The revision of a SQLite file and who wrote it, read without SQLAlchemy or Alembic."""
    if not path.exists() or path.stat().st_size == 0:
        return None, None
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)) as con:
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                return None, None
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
            writer = None
            if "app_meta" in tables:
                writer = con.execute("SELECT value FROM app_meta WHERE key='written_by'").fetchone()
    except sqlite3.Error as error:
        raise file_error(path, error) from error
    return (revision[0] if revision else None), (writer[0] if writer else None)


def _backup_before_update(path: Path) -> Path:
    try:
        return backup.take_backup(path, "before-update")
    except backup.BackupError as error:
        raise DatabaseError(
            f"{path} needs an update, but {error} Nothing was changed; free some space and retry.",
            path,
        ) from error


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
