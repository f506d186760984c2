"""Backups of SQLite databases through the SQLite backup API (never a copy of a live file).

A backup is taken before every migration, and once a day on open; daily backups are kept for
a week and one a week for a month. Any backup can be restored over the live database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.models import paths

if TYPE_CHECKING:
    from app.models.database import Database

log = logging.getLogger(__name__)

KEEP_DAILY = 7
KEEP_WEEKLY = 4
SUFFIX = ".sqlite"


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file and what it was taken for."""

    path: Path
    taken_at: dt.datetime
    reason: str


def backup_folder(database_path: Path) -> Path:
    """The backups of one database file, kept apart from those of other files."""
    digest = hashlib.sha256(str(database_path).encode()).hexdigest()[:8]
    return paths.backups_dir() / f"{database_path.stem}-{digest}"


def copy_database(source: Path, target: Path) -> None:
    """Copy a (possibly live, WAL) SQLite database consistently with the backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def take_backup(database_path: Path, reason: str, *, now: dt.datetime | None = None) -> Path:
    """Back the database up now; ``reason`` is 'daily' or 'before-update' and the like."""
    moment = now or dt.datetime.now()
    name = f"{moment:%Y%m%d-%H%M%S}-{reason}{SUFFIX}"
    target = backup_folder(database_path) / name
    copy_database(database_path, target)
    log.info("backed up %s to %s", database_path, target)
    return target


def backup_before_migration(database: Database) -> Path | None:
    """The backup taken before the schema changes (SQLite files only)."""
    if database.path is None or not database.path.exists():
        return None
    database.engine.dispose()
    return take_backup(database.path, "before-update")


def restore_backup(database: Database, backup_path: Path) -> None:
    """Put a backup back in place of the live database."""
    if database.path is None:
        raise ValueError("only SQLite databases have backups")
    database.engine.dispose()
    copy_database(backup_path, database.path)
    log.warning("restored %s from %s", database.path, backup_path)


def list_backups(database_path: Path) -> list[Backup]:
    """The backups of a database, newest first."""
    folder = backup_folder(database_path)
    if not folder.is_dir():
        return []
    found = [_parse(path) for path in folder.glob(f"*{SUFFIX}")]
    return sorted((item for item in found if item), key=lambda b: b.taken_at, reverse=True)


def _parse(path: Path) -> Backup | None:
    stamp, _, reason = path.stem.partition("-")
    time_part, _, reason = reason.partition("-")
    try:
        taken_at = dt.datetime.strptime(f"{stamp}{time_part}", "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return Backup(path, taken_at, reason)


def rotate_backups(database: Database, *, now: dt.datetime | None = None) -> None:
    """Take today's daily backup if there is none, and prune old daily backups."""
    if database.path is None:
        return
    moment = now or dt.datetime.now()
    daily = [item for item in list_backups(database.path) if item.reason == "daily"]
    if not daily or daily[0].taken_at.date() < moment.date():
        take_backup(database.path, "daily", now=moment)
        daily = [item for item in list_backups(database.path) if item.reason == "daily"]
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
