"""Backups: taken with the SQLite API, rotated daily and weekly, restorable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.models import backup, restore
from app.models.database import open_database
from app.models.transfer import add_samples
from tests.models.helpers import table_counts


def test_a_daily_backup_is_taken_once_a_day(tmp_path: Path) -> None:
    path = tmp_path / "daily.sqlite"
    open_database(path).close()  # created: nothing to back up yet
    assert backup.list_backups(path) == []
    open_database(path).close()
    open_database(path).close()
    backups = backup.list_backups(path)
    assert [item.reason for item in backups] == ["daily"]


def test_a_backup_of_a_live_database_holds_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "live.sqlite"
    db = open_database(path)
    add_samples(db)
    saved = backup.take_backup(path, "manual")  # the engine is still open, WAL in use
    db.close()
    assert table_counts(saved)["steps"] == table_counts(path)["steps"] > 0


def test_restore_puts_the_old_rows_back(tmp_path: Path) -> None:
    path = tmp_path / "restore.sqlite"
    db = open_database(path)
    backup.take_backup(path, "manual")
    add_samples(db)
    db.close()
    chosen = backup.list_backups(path)[0]
    plan = restore.plan_restore(path, chosen)
    assert plan.sentence().startswith("Replaces restore.sqlite (2 processes (")
    assert "with the manual backup of" in plan.sentence()
    kept = restore.restore(plan)
    assert table_counts(path)["processes"] == 0
    assert kept is not None
    assert table_counts(kept)["processes"] == 2


def _daily(day: dt.datetime) -> backup.Backup:
    return backup.Backup(Path(f"{day:%Y%m%d}-000000-daily.sqlite"), day, "daily")


def test_rotation_keeps_a_week_of_days_and_a_month_of_weeks() -> None:
    now = dt.datetime(2026, 11, 24, 12)
    daily = [_daily(now - dt.timedelta(days=age)) for age in range(60)]
    pruned = {item.taken_at.date() for item in backup.backups_to_prune(daily, now=now)}
    kept = [item.taken_at.date() for item in daily if item.taken_at.date() not in pruned]
    assert kept[:7] == [(now - dt.timedelta(days=age)).date() for age in range(7)]
    assert len(kept) == 7 + 3  # the newest of each of the last four ISO weeks, one shared
    assert all((now.date() - day).days < 28 for day in kept)
