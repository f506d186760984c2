"""Schema updates of SQLite files that cannot brick them: done on a copy, swapped in whole.

The live file is copied (backup API) to ``<name>.upgrading``, the copy is migrated in one
real transaction and checked, and only then renamed over the live file. A kill at any moment
leaves the live file as it was (or already whole and updated); a copy left by a kill is found
at the next open, discarded, and the update runs again. New databases are built the same way,
so a kill during creation leaves no half-made file.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text

from app.models.backup import copy_database
from app.models.restore import remove_side_files
from app.process.atomic import sync_file, sync_folder

log = logging.getLogger(__name__)

WORK_SUFFIX = ".upgrading"
# Tables each released revision cannot have yet (created by the revisions after it).
LATER_TABLES: dict[str, tuple[str, ...]] = {
    "0001_initial": ("actions", "control_plan_rows", "measurements", "reviews", "root_causes"),
}


class UpgradeCheckError(Exception):
    """The updated copy failed its integrity check; the live file was left as it was."""


def work_path(path: Path) -> Path:
    """Where the copy being updated lives, beside the database."""
    return path.with_name(path.name + WORK_SUFFIX)


def discard_interrupted(path: Path) -> bool:
    """Remove a copy an interrupted update left behind; True if there was one."""
    work = work_path(path)
    found = work.exists()
    if found:
        log.warning("an interrupted update of %s left %s; discarding it", path, work)
    work.unlink(missing_ok=True)
    remove_side_files(work)
    return found


def upgrade_file(path: Path, written_by: str, *, revision: str | None) -> None:
    """Bring the file at ``path`` from ``revision`` to the newest schema through a checked copy.

    ``revision`` None builds the schema from nothing (a new file, or one a cut-short creation
    left half-made and empty) and swaps it in the same way.
    """
    work = work_path(path)
    discard_interrupted(path)
    if revision is not None:
        copy_database(path, work)
    engine = migration_engine(work)
    try:
        _migrate(engine, revision, written_by)
    except BaseException:
        engine.dispose()
        discard_interrupted(path)  # a failed update is not an interrupted one
        raise
    engine.dispose()
    _swap_in(work, path)


def _migrate(engine: Engine, revision: str | None, written_by: str) -> None:
    from app.models import migrate  # Alembic loads only when the schema must change

    clear_leftovers(engine, revision)
    migrate.upgrade_to_head(engine)
    with engine.begin() as connection:
        connection.execute(
            text("INSERT OR REPLACE INTO app_meta (key, value) VALUES ('written_by', :v)"),
            {"v": written_by},
        )
    check_file(engine)


def clear_leftovers(engine: Engine, revision: str | None) -> None:
    """Drop what an update cut short by older Walkthroughs left: tables of later revisions.

    Before updates ran on a copy, a kill could leave a file at its old revision holding some
    of the next revision's tables ("table actions already exists" at every open after). Such
    tables cannot hold data at that revision, so dropping them on the copy repairs the file.
    """
    with engine.begin() as connection:
        names = connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
        present = {row[0] for row in names}
        for name in sorted(present):
            if name.startswith("_alembic_tmp_") or name in LATER_TABLES.get(revision or "", ()):
                log.warning("dropping %s, left by an update cut short", name)
                connection.exec_driver_sql(f'DROP TABLE "{name}"')


def migration_engine(path: Path) -> Engine:
    """An engine whose transactions are real (DDL included) and whose foreign keys are off.

    A batch migration rebuilds a table by copying it and dropping the old one; with foreign
    keys on, that drop would cascade to every child row. ``check_file`` checks the keys after.
    """
    engine = create_engine(f"sqlite:///{path}", connect_args={"isolation_level": None})

    def configure(connection: sqlite3.Connection, _record: Any) -> None:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute("PRAGMA journal_mode=DELETE")

    event.listen(engine, "connect", configure)
    event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN"))
    return engine


def check_file(engine: Engine) -> None:
    """The full integrity check and the foreign key check; raise if either fails."""
    with engine.connect() as connection:
        verdict = connection.execute(text("PRAGMA integrity_check")).scalar()
        broken = connection.execute(text("PRAGMA foreign_key_check")).first()
    if verdict != "ok" or broken is not None:
        detail = verdict if verdict != "ok" else "a reference between rows is broken"
        raise UpgradeCheckError(f"the updated copy failed its check ({detail})")


def _swap_in(work: Path, path: Path) -> None:
    sync_file(work)
    _settle_live(path)
    os.replace(work, path)
    sync_folder(path.parent)


def _settle_live(path: Path) -> None:
    """Fold the live file's WAL into it, so no -wal of the old file meets the new one."""
    if path.exists() and path.stat().st_size > 0:
        with contextlib.closing(sqlite3.connect(path)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    remove_side_files(path)
