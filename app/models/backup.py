"""Backups of SQLite databases that are whole or absent.

A backup is copied with the SQLite backup API (never a file copy of a live WAL database) to a
temporary name, checked (``PRAGMA integrity_check``, the process count read back), made durable
and only then renamed into place: a kill or a full disk leaves no backup rather than a bad one.
One is taken before every update and once a day on open; daily backups are kept for a week and
one a week for a month.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.models import paths
from app.process.atomic import sync_file, sync_folder

log = logging.getLogger(__name__)

KEEP_DAILY = 7
KEEP_WEEKLY = 4
SUFFIX = ".sqlite"
PART = ".part"
COPY_ATTEMPTS = 3


class BackupError(Exception):
    """A backup that cannot be taken or used; the message is one sentence for the user."""


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file and what it was taken for."""

    path: Path
    taken_at: dt.datetime
    reason: str


@dataclass(frozen=True, slots=True)
class Contents:
    """What a database holds, read from it: shown before anything is restored over it."""

    processes: int
    steps: int
    names: tuple[str, ...]

    def summary(self) -> str:
        """“3 processes (Approve invoices, Onboard…), 41 steps”."""
        shown = ", ".join(self.names[:3]) + ("…" if len(self.names) > 3 else "")
        noun = "process" if self.processes == 1 else "processes"
        listed = f" ({shown})" if shown else ""
        return f"{self.processes} {noun}{listed}, {self.steps} steps"


def backup_folder(database_path: Path) -> Path:
    """The backups of one database file, kept apart from those of other files."""
    digest = hashlib.sha256(str(database_path).encode()).hexdigest()[:8]
    return paths.backups_dir() / f"{database_path.stem}-{digest}"


def copy_database(source: Path, target: Path) -> None:
    """Copy a (possibly live, WAL) SQLite database consistently into a single-file database."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # self-contained: no -wal beside it
    finally:
        dst.close()
        src.close()


def read_contents(path: Path) -> Contents:
    """Check a database file and say what it holds; BackupError if it fails its check."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise BackupError(f"{path.name} cannot be opened ({error}).") from error
    try:
        return _contents(connection, path)
    except sqlite3.Error as error:
        raise BackupError(f"{path.name} is not a usable Walkthrough database ({error}).") from error
    finally:
        connection.close()


def _contents(connection: sqlite3.Connection, path: Path) -> Contents:
    verdict = connection.execute("PRAGMA integrity_check").fetchone()
    if verdict is None or verdict[0] != "ok":
        raise BackupError(f"{path.name} is damaged ({verdict[0] if verdict else 'empty'}).")
    names = [row[0] for row in connection.execute("SELECT name FROM processes ORDER BY name")]
    steps = connection.execute("SELECT count(*) FROM steps").fetchone()[0]
    return Contents(len(names), int(steps), tuple(names))


def take_backup(database_path: Path, reason: str, *, now: dt.datetime | None = None) -> Path:
    """Back the database up now, whole or not at all; ``reason`` is 'daily', 'before-update'…"""
    moment = now or dt.datetime.now()
    target = backup_folder(database_path) / f"{moment:%Y%m%d-%H%M%S}-{reason}{SUFFIX}"
    temporary = target.with_name(target.name + PART)
    try:
        _checked_copy(database_path, temporary)
        sync_file(temporary)
        os.replace(temporary, target)
        sync_folder(target.parent)
    except OSError as error:
        raise BackupError(f"No backup could be written ({error.strerror or error}).") from error
    finally:
        temporary.unlink(missing_ok=True)
    log.info("backed up %s to %s", database_path, target)
    return target


def _checked_copy(source: Path, temporary: Path) -> None:
    """Copy, then read the copy back; retry when an edit landed between count and copy."""
    for _attempt in range(COPY_ATTEMPTS):
        expected = _process_count(source)
        copy_database(source, temporary)
        if read_contents(temporary).processes == expected:
            return
    raise BackupError(f"The backup of {source.name} did not hold what the database holds.")


def _process_count(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return int(connection.execute("SELECT count(*) FROM processes").fetchone()[0])


def list_backups(database_path: Path) -> list[Backup]:
    """The backups of a database, newest first (unchecked: see ``checked_backups``)."""
    folder = backup_folder(database_path)
    if not folder.is_dir():
        return []
    found = [_parse(path) for path in folder.glob(f"*{SUFFIX}")]
    return sorted((item for item in found if item), key=lambda b: b.taken_at, reverse=True)


def checked_backups(database_path: Path) -> list[tuple[Backup, Contents]]:
    """The backups that pass their check, newest first, each with what it holds."""
    usable = []
    for item in list_backups(database_path):
        try:
            usable.append((item, read_contents(item.path)))
        except BackupError as error:
            log.warning("backup %s fails its check: %s", item.path, error)
    return usable


def _parse(path: Path) -> Backup | None:
    stamp, _, reason = path.stem.partition("-")
    time_part, _, reason = reason.partition("-")
    try:
        taken_at = dt.datetime.strptime(f"{stamp}{time_part}", "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return Backup(path, taken_at, reason)


def rotate_backups(database_path: Path, *, now: dt.datetime | None = None) -> None:
    """Take today's daily backup if there is none, and prune old daily backups."""
    moment = now or dt.datetime.now()
    daily = [item for item in list_backups(database_path) if item.reason == "daily"]
    if not daily or daily[0].taken_at.date() < moment.date():
        take_backup(database_path, "daily", now=moment)
        daily = [item for item in list_backups(database_path) if item.reason == "daily"]
    for stale in backups_to_prune(daily, now=moment):
        stale.path.unlink(missing_ok=True)


def backups_to_prune(daily: list[Backup], *, now: dt.datetime) -> list[Backup]:
    """Keep the newest KEEP_DAILY backups, and the newest of each week for KEEP_WEEKLY weeks."""
    keep = {item.path for item in daily[:KEEP_DAILY]}
    weeks_seen: set[tuple[int, int]] = set()
    for item in daily:
        week = item.taken_at.isocalendar()[:2]
        age_weeks = (now - item.taken_at).days // 7
        if week not in weeks_seen and age_weeks < KEEP_WEEKLY:
            weeks_seen.add(week)
            keep.add(item.path)
    return [item for item in daily if item.path not in keep]
