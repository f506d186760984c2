"""Kills at every statement of an update and of a creation, and during a backup: nothing bricks."""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.models import backup, repository, restore, upgrade
from app.models.database import DatabaseError, open_database
from app.models.transfer import add_samples
from tests.models.helpers import table_counts
from tests.models.killing import count_statements, run_killed_at, run_killed_when

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")

FIXTURE = Path(__file__).parent / "fixtures" / "schema-0001.sqlite"
EXPECTED = {"Approve supplier invoices": 15, "Onboard a new client": 17}


@pytest.fixture
def tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder in memory where the system has one: the kills test logic, not the disk."""
    shm = Path("/dev/shm")
    if not shm.is_dir():
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="walkthrough-kills-", dir=shm))
    monkeypatch.setenv("WALKTHROUGH_DATA_DIR", str(folder / "data"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _held(path: Path) -> dict[str, int]:
    database = open_database(path)
    try:
        with database.session() as session:
            return {item.name: item.step_count for item in repository.list_processes(session)}
    finally:
        database.close()


def _fresh_copy(folder: Path) -> Path:
    path = folder / "legacy.sqlite"
    path.unlink(missing_ok=True)
    shutil.copyfile(FIXTURE, path)
    return path


@pytest.mark.slow
def test_a_kill_at_every_statement_of_an_update_leaves_a_database_that_opens(
    tmp_path: Path,
) -> None:
    total = count_statements(lambda: open_database(_fresh_copy(tmp_path)).close())
    assert total > 20
    for at in range(1, total + 1):
        path = _fresh_copy(tmp_path)
        assert run_killed_at(lambda path=path: open_database(path), at), at
        assert _held(path) == EXPECTED, f"killed before statement {at} of {total}"


@pytest.mark.slow
def test_a_kill_at_every_statement_of_a_creation_leaves_nothing_half_made(
    tmp_path: Path,
) -> None:
    total = count_statements(lambda: open_database(tmp_path / "counted.sqlite").close())
    for at in range(1, total + 1):
        path = tmp_path / f"new-{at}.sqlite"
        assert run_killed_at(lambda path=path: open_database(path), at), at
        assert _held(path) == {}, f"killed before statement {at} of {total}"


def test_an_interrupted_update_is_found_and_said_in_one_sentence(tmp_path: Path) -> None:
    path = _fresh_copy(tmp_path)
    assert run_killed_when(lambda: open_database(path), upgrade, "_swap_in")
    assert upgrade.work_path(path).exists()
    database = open_database(path)
    database.close()
    assert len(database.notices) == 1
    assert "cut short" in database.notices[0]
    assert "\n" not in database.notices[0]
    assert not upgrade.work_path(path).exists()
    assert _held(path) == EXPECTED


def test_a_killed_backup_leaves_no_backup_and_restore_offers_only_whole_ones(
    tmp_path: Path,
) -> None:
    path = tmp_path / "live.sqlite"
    database = open_database(path)
    add_samples(database)
    database.close()
    whole = backup.take_backup(path, "manual")
    assert run_killed_when(lambda: backup.take_backup(path, "daily"), backup, "sync_file")
    folder = backup.backup_folder(path)
    broken = [folder / f"209912{day}-000000-daily.sqlite" for day in (31, 30, 29)]
    broken[0].write_bytes(b"")  # what the old code left after a kill
    broken[1].write_bytes(whole.read_bytes()[:100])  # the header only
    broken[2].write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])  # cut in half
    assert [item.path for item in backup.list_backups(path)] == [*broken, whole]
    assert [item.path for item, _ in backup.checked_backups(path)] == [whole]
    for item in backup.list_backups(path)[:3]:
        with pytest.raises(backup.BackupError):
            restore.plan_restore(path, item)
    assert table_counts(path)["processes"] == 2


def test_a_file_an_older_walkthrough_left_mid_update_is_repaired(tmp_path: Path) -> None:
    """Before updates ran on a copy, a kill left next revision's tables: every open failed."""
    path = _fresh_copy(tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE actions (id VARCHAR(36) PRIMARY KEY)")
        connection.execute("CREATE TABLE _alembic_tmp_processes (id VARCHAR(36))")
    connection.close()
    assert _held(path) == EXPECTED


def test_a_creation_an_older_walkthrough_left_half_made_is_made_again(tmp_path: Path) -> None:
    path = tmp_path / "half.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("CREATE TABLE app_meta (key VARCHAR(64), value TEXT)")
    connection.close()
    database = open_database(path)
    database.close()
    assert database.notices[0].startswith("half.sqlite: its creation had been cut short")
    assert _held(path) == {}


def test_a_file_with_data_but_no_schema_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.execute("INSERT INTO notes VALUES ('keep me')")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="holds data but no Walkthrough schema version"):
        open_database(path)
    assert path.read_bytes() == before
