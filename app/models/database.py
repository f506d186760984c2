"""The one place a database is opened: SQLite by default, any SQLAlchemy URL on request.

Opening follows architecture.md: refuse a database written by a newer Walkthrough, back an
older one up with the SQLite backup API, migrate it, check its integrity, and restore the
backup (and say so) if anything fails. Alembic is imported only when a migration is needed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app import __version__
from app.models import backup, paths
from app.models.schema import HEAD_REVISION, KNOWN_REVISIONS
from app.models.tables import AppMeta

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
SERIALIZATION_FAILURES = ("40001", "40P01")  # PostgreSQL: concurrent update, deadlock
CHANGED_ELSEWHERE = "this process was changed elsewhere (another window or person) meanwhile"
SQLITE_HEADER = b"SQLite format 3\x00"


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


@dataclass(slots=True)
class Database:
    """An open, migrated database: an engine and a session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    path: Path | None
    notices: list[str] = field(default_factory=list)  # one sentence each, for the user

    @property
    def label(self) -> str:
        """How the database is named to the user: its file path or its URL without password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def session(self, *, writing: bool = False) -> Iterator[Session]:
        """One transaction over one consistent snapshot, committed on success.

        ``writing`` takes SQLite's write lock at the start (waiting for another writer up to
        the busy timeout), so a save never fails half-way on a lock.
        """
        with self.sessions() as session:
            try:
                session.connection(execution_options={"writing": writing})
                yield session
                session.commit()
            except DBAPIError as error:
                session.rollback()
                raise _database_error(error, self.label, self.path) from error
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()


def resolve_url(path_or_url: str | os.PathLike[str] | None) -> tuple[str, Path | None]:
    """A SQLAlchemy URL and, for SQLite files, the file path; None means the default file."""
    if path_or_url is None:
        path = paths.default_database_path()
        return f"sqlite:///{path}", path
    text_value = os.fspath(path_or_url)
    if "://" in text_value:
        url = make_url(text_value)
        database = url.database or ""
        if url.get_backend_name() == "sqlite" and database and database != ":memory:":
            return text_value, Path(database).expanduser().resolve()
        return text_value, None
    path = Path(text_value).expanduser().resolve()
    return f"sqlite:///{path}", path


def open_database(path_or_url: str | os.PathLike[str] | None = None) -> Database:
    """Open (creating or updating as needed) a Walkthrough database."""
    url, path = resolve_url(path_or_url)
    notices: list[str] = []
    updated = False
    if path is not None:
        _check_sqlite_file(path)
        updated, notices = _prepare_file(path)
    engine = _create_engine(url)
    database = Database(url, engine, sessionmaker(engine, expire_on_commit=False), path, notices)
    try:
        if path is None:
            _prepare_server_schema(database)
        else:
            _check_integrity(database, quick=True)
            notices += [] if updated else _daily_backup(path)
    except DatabaseError:
        engine.dispose()
        raise
    except DBAPIError as error:
        engine.dispose()
        raise _database_error(error, database.label, path) from error
    return database


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file.")
    if not path.exists():
        if not os.access(_existing_parent(path), os.W_OK):
            raise DatabaseError(f"Cannot create {path}: its folder is not writable.")
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise DatabaseError(
            f"{path} is not a Walkthrough database (it is not an SQLite file).", path, damaged=True
        )
    if not _writable(path) or not os.access(path.parent, os.W_OK):
        raise DatabaseError(
            f"{path} is read-only: Walkthrough saves every edit, so it needs write access to "
            "the file and its folder (copy it somewhere writable)."
        )


def _writable(path: Path) -> bool:
    """Writable by us, and not marked read-only (which root would otherwise ignore)."""
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


def _existing_parent(path: Path) -> Path:
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    return parent


def _create_engine(url: str) -> Engine:
    """Every transaction reads one snapshot: REPEATABLE READ on a server, BEGIN on SQLite."""
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, isolation_level="REPEATABLE READ")
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


def _configure_sqlite(connection: sqlite3.Connection, _record: Any) -> None:
    """WAL, full sync, foreign keys and a busy timeout on every new SQLite connection."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()
    connection.isolation_level = None  # transactions begin where SQLAlchemy begins them


def _begin_sqlite(connection: Connection) -> None:
    """BEGIN before any read, so a load's queries share one snapshot (pysqlite would not)."""
    writing = connection.get_execution_options().get("writing", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def _prepare_file(path: Path) -> tuple[bool, list[str]]:
    """Bring a SQLite file to the newest schema on a copy: (whether it had to, notices)."""
    from app.models import upgrade

    interrupted = upgrade.discard_interrupted(path)
    revision, written_by = _file_revision(path)
    if revision == HEAD_REVISION:
        return False, []
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseError(_newer_message(str(path), written_by), path)
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
        with contextlib.closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)) as con:
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                return None, None
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
            writer = None
            if "app_meta" in tables:
                writer = con.execute("SELECT value FROM app_meta WHERE key='written_by'").fetchone()
    except sqlite3.Error as error:
        raise _file_error(path, error) from error
    return (revision[0] if revision else None), (writer[0] if writer else None)


def _file_error(path: Path, error: sqlite3.Error) -> DatabaseError:
    """Damage is said as damage; a full disk, a lock or a failing disk are not damage."""
    message = str(error)
    if "malformed" in message or "not a database" in message:
        return DatabaseError(_damaged(str(path), message), path, damaged=True)
    if "locked" in message or "busy" in message:
        return DatabaseError(f"{path} is locked by another program; close it and retry.", path)
    return DatabaseError(
        f"{path} cannot be read ({message}): the disk may be full or failing; nothing was changed.",
        path,
    )


def _backup_before_update(path: Path) -> Path:
    try:
        return backup.take_backup(path, "before-update")
    except backup.BackupError as error:
        raise DatabaseError(
            f"{path} needs an update, but {error} Nothing was changed; free some space and retry.",
            path,
        ) from error


def _daily_backup(path: Path) -> list[str]:
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


def _prepare_server_schema(database: Database) -> None:
    """A server database migrates in place: PostgreSQL rolls back DDL with its transaction."""
    revision = current_revision(database.engine)
    if revision == HEAD_REVISION:
        return
    if revision is not None and revision not in KNOWN_REVISIONS:
        with database.sessions() as session:
            writer = session.scalar(select(AppMeta.value).where(AppMeta.key == "written_by"))
        raise DatabaseError(_newer_message(database.label, writer))
    from app.models import migrate

    migrate.upgrade_to_head(database.engine)
    with database.session(writing=True) as session:
        session.merge(AppMeta(key="written_by", value=__version__))


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at, or None for a database without our schema."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _newer_message(label: str, written_by: str | None) -> str:
    needs = f"Walkthrough {written_by}" if written_by else "a newer Walkthrough"
    return (
        f"{label} was written by {needs}; this is Walkthrough {__version__}. "
        "Update Walkthrough to open it (nothing was changed)."
    )


def _damaged(label: str, detail: str) -> str:
    return (
        f"{label} is damaged ({detail}); 'walkthrough restore' lists its backups "
        "(in the window: File ▸ Restore a backup)."
    )


def _check_integrity(database: Database, *, quick: bool) -> None:
    if database.path is None:
        return
    pragma = "quick_check" if quick else "integrity_check"
    with database.engine.connect() as connection:
        result = connection.execute(text(f"PRAGMA {pragma}")).scalar()
        broken_keys = connection.execute(text("PRAGMA foreign_key_check")).first()
    if result != "ok" or broken_keys is not None:
        detail = str(result) if result != "ok" else "a reference between rows is broken"
        raise DatabaseError(_damaged(database.label, detail), database.path, damaged=True)


def _database_error(error: DBAPIError, label: str, path: Path | None) -> DatabaseError:
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
        return _damaged(label, message)
    if "disk is full" in message or "No space" in message:
        return f"{label}: the disk is full, so nothing was saved; free some space and retry."
    if "readonly" in message or "read-only" in message:
        return f"{label} is read-only: Walkthrough needs to write to it."
    if isinstance(error, OperationalError) and "unable to open" in message:
        return f"{label} cannot be opened ({message})."
    return f"{label}: the database refused the change ({message})."
