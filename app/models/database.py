"""The one place a database is opened: SQLite by default, any SQLAlchemy URL on request.

Opening follows architecture.md: refuse a database written by a newer Walkthrough; back an
older SQLite file up and update it on a checked copy (``file_schema``, ``upgrade``); check
its integrity. Every transaction reads one snapshot. Alembic loads only to migrate.
"""

from __future__ import annotations

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
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app import __version__
from app.models import file_schema, paths
from app.models.errors import (  # the two errors are re-exported: callers catch them here
    ChangedElsewhereError as ChangedElsewhereError,
)
from app.models.errors import DatabaseError as DatabaseError
from app.models.errors import (
    damaged_message,
    database_error,
    newer_message,
)
from app.models.schema import HEAD_REVISION, KNOWN_REVISIONS
from app.models.tables import AppMeta

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"


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
                raise database_error(error, self.label, self.path) from error
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
        updated, notices = file_schema.prepare_file(path)
    engine = _create_engine(url)
    database = Database(url, engine, sessionmaker(engine, expire_on_commit=False), path, notices)
    try:
        if path is None:
            _prepare_server_schema(database)
        else:
            _check_integrity(database, quick=True)
            notices += [] if updated else file_schema.daily_backup(path)
    except DatabaseError:
        engine.dispose()
        raise
    except DBAPIError as error:
        engine.dispose()
        raise database_error(error, database.label, path) from error
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


def _prepare_server_schema(database: Database) -> None:
    """A server database migrates in place: PostgreSQL rolls back DDL with its transaction."""
    revision = current_revision(database.engine)
    if revision == HEAD_REVISION:
        return
    if revision is not None and revision not in KNOWN_REVISIONS:
        with database.sessions() as session:
            writer = session.scalar(select(AppMeta.value).where(AppMeta.key == "written_by"))
        raise DatabaseError(newer_message(database.label, writer))
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


def _check_integrity(database: Database, *, quick: bool) -> None:
    if database.path is None:
        return
    pragma = "quick_check" if quick else "integrity_check"
    with database.engine.connect() as connection:
        result = connection.execute(text(f"PRAGMA {pragma}")).scalar()
        broken_keys = connection.execute(text("PRAGMA foreign_key_check")).first()
    if result != "ok" or broken_keys is not None:
        detail = str(result) if result != "ok" else "a reference between rows is broken"
        raise DatabaseError(damaged_message(database.label, detail), database.path, damaged=True)
