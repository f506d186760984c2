"""The one place a database is opened: SQLite by default, any SQLAlchemy URL on request.

Opening follows architecture.md: refuse a database written by a newer Walkthrough, back an
older one up with the SQLite backup API, migrate it, check its integrity, and restore the
backup (and say so) if anything fails. Alembic is imported only when a migration is needed.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app import __version__
from app.models import backup, paths
from app.models.schema import HEAD_REVISION, KNOWN_REVISIONS
from app.models.tables import AppMeta

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseError(Exception):
    """A database that cannot be opened or used; the message is one sentence for the user."""


@dataclass(slots=True)
class Database:
    """An open, migrated database: an engine and a session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    path: Path | None

    @property
    def label(self) -> str:
        """How the database is named to the user: its file path or its URL without password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on error."""
        with self.sessions() as session:
            try:
                yield session
                session.commit()
            except DBAPIError as error:
                session.rollback()
                raise DatabaseError(explain_error(error, self.label)) from error
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
    """Open (creating or migrating as needed) a Walkthrough database."""
    url, path = resolve_url(path_or_url)
    if path is not None:
        _check_sqlite_file(path)
    engine = _create_engine(url)
    database = Database(url, engine, sessionmaker(engine, expire_on_commit=False), path)
    try:
        _prepare_schema(database)
    except DatabaseError:
        engine.dispose()
        raise
    except DBAPIError as error:
        engine.dispose()
        raise DatabaseError(explain_error(error, database.label)) from error
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
        raise DatabaseError(f"{path} is not a Walkthrough database (it is not an SQLite file).")
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
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _configure_sqlite)
    return engine


def _configure_sqlite(connection: sqlite3.Connection, _record: Any) -> None:
    """WAL, full sync, foreign keys and a busy timeout on every new SQLite connection."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _prepare_schema(database: Database) -> None:
    revision = current_revision(database.engine)
    if revision == HEAD_REVISION:
        _check_integrity(database, quick=True)
        backup.rotate_backups(database)
        return
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseError(_newer_message(database))
    _migrate_safely(database, revision)


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at, or None for a database without our schema."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _newer_message(database: Database) -> str:
    with database.sessions() as session:
        written_by = session.scalar(select(AppMeta.value).where(AppMeta.key == "written_by"))
    needs = f"Walkthrough {written_by}" if written_by else "a newer Walkthrough"
    return (
        f"{database.label} was written by {needs}; this is Walkthrough {__version__}. "
        "Update Walkthrough to open it (nothing was changed)."
    )


def _migrate_safely(database: Database, revision: str | None) -> None:
    saved = backup.backup_before_migration(database) if revision is not None else None
    try:
        from app.models import migrate  # Alembic loads only when the schema must change

        migrate.upgrade_to_head(database.engine)
        _check_integrity(database, quick=False)
        _record_writer(database)
    except Exception as error:
        if saved is None:
            raise
        backup.restore_backup(database, saved)
        raise DatabaseError(
            f"Updating {database.label} failed ({error}); it was restored from the backup "
            f"{saved} and is exactly as before."
        ) from error


def _record_writer(database: Database) -> None:
    with database.session() as session:
        session.merge(AppMeta(key="written_by", value=__version__))


def _check_integrity(database: Database, *, quick: bool) -> None:
    if database.path is None:
        return
    pragma = "quick_check" if quick else "integrity_check"
    with database.engine.connect() as connection:
        result = connection.execute(text(f"PRAGMA {pragma}")).scalar()
        broken_keys = connection.execute(text("PRAGMA foreign_key_check")).first()
    if result != "ok" or broken_keys is not None:
        detail = result if result != "ok" else "a reference between rows is broken"
        raise DatabaseError(
            f"{database.label} is damaged ({detail}); restore a backup (File ▸ Restore backup)."
        )


def explain_error(error: DBAPIError, label: str) -> str:
    """One sentence for a database error the user can act on."""
    message = str(error.orig) if error.orig is not None else str(error)
    if "locked" in message or "busy" in message:
        return f"{label} is locked by another program (another Walkthrough?); close it and retry."
    if "not a database" in message or "malformed" in message:
        return f"{label} is damaged ({message}); restore a backup (File ▸ Restore backup)."
    if "readonly" in message or "read-only" in message:
        return f"{label} is read-only: Walkthrough needs to write to it."
    if isinstance(error, OperationalError) and "unable to open" in message:
        return f"{label} cannot be opened ({message})."
    return f"{label}: the database refused the change ({message})."
