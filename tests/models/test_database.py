"""Opening databases: creation, pragmas, versions, backups, and every way one can be bad."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from app.models import backup, database, repository, schema
from app.models.database import DatabaseError, open_database
from app.models.migrate import check_no_drift
from app.models.transfer import add_samples
from tests.models.helpers import set_revision, table_counts


def test_a_new_database_is_created_at_head_with_the_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite")
    with db.engine.connect() as connection:
        pragma = {
            name: connection.execute(text(f"PRAGMA {name}")).scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    db.close()
    assert pragma == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": database.BUSY_TIMEOUT_MS,
    }
    assert revision == schema.HEAD_REVISION


def test_the_models_and_the_migrations_agree(tmp_path: Path) -> None:
    db = open_database(tmp_path / "drift.sqlite")
    check_no_drift(db.engine)  # raises alembic.util.CommandError on drift
    db.close()


def test_known_revisions_match_the_migration_scripts() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(Path(__file__).parents[2] / "migrations"))
    chain = [rev.revision for rev in reversed(list(scripts.walk_revisions()))]
    assert tuple(chain) == schema.KNOWN_REVISIONS


def test_a_database_from_a_newer_walkthrough_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    db = open_database(path)
    add_samples(db)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE app_meta SET value = '9.1.0' WHERE key = 'written_by'"))
    db.close()
    set_revision(path, "0099_from_the_future")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match=r"written by Walkthrough 9\.1\.0; this is Walkthrough"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_failed_update_restores_the_backup_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite"
    db = open_database(path)
    add_samples(db)
    db.close()
    set_revision(path, "0000_older")
    monkeypatch.setattr(schema, "KNOWN_REVISIONS", ("0000_older", *schema.KNOWN_REVISIONS))
    monkeypatch.setattr(database, "KNOWN_REVISIONS", schema.KNOWN_REVISIONS)
    with pytest.raises(DatabaseError, match=r"the database was not changed \(its backup: .*before"):
        open_database(path)
    assert table_counts(path)["processes"] == 2
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0000_older",
        )
    assert backup.list_backups(path.resolve())[0].reason == "before-update"
    taken: list[str] = []
    monkeypatch.setattr(backup, "take_backup", lambda _path, reason: taken.append(reason))
    with pytest.raises(DatabaseError, match="the database was not changed"):
        open_database(path)  # a second try reuses the backup of the unchanged file
    assert taken == []


def test_an_older_database_is_backed_up_then_migrated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite"
    db = open_database(path)
    add_samples(db)
    db.close()
    calls: list[str] = []
    from app.models import migrate

    monkeypatch.setattr(migrate, "upgrade_to_head", lambda engine: calls.append("upgrade"))
    set_revision(path, "0000_older")
    monkeypatch.setattr(schema, "KNOWN_REVISIONS", ("0000_older", *schema.KNOWN_REVISIONS))
    open_database(path).close()
    assert calls == ["upgrade"]
    saved = backup.list_backups(path.resolve())[0]
    assert saved.reason == "before-update"
    assert table_counts(saved.path)["processes"] == 2


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("shopping list")
    with pytest.raises(DatabaseError, match="is not a Walkthrough database"):
        open_database(path)
    assert path.read_text() == "shopping list"


def test_a_corrupt_database_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite"
    db = open_database(path)
    add_samples(db)
    db.close()
    data = bytearray(path.read_bytes())
    data[120:4096] = b"\x00" * (4096 - 120)
    data[5000:9000] = b"\xff" * 4000
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="damaged"):
        open_database(path)


def test_a_read_only_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite"
    open_database(path).close()
    path.chmod(0o444)
    with pytest.raises(DatabaseError, match="is read-only"):
        open_database(path)


def test_a_locked_database_gives_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.sqlite"
    open_database(path).close()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError, match="is locked by another program"):
            add_samples(open_database(path))
    finally:
        holder.rollback()
        holder.close()


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        open_database(tmp_path)


def test_the_default_database_lives_in_the_data_folder(data_dir: Path) -> None:
    db = open_database(None)
    assert db.path == data_dir / "walkthrough.sqlite"
    db.close()


def test_a_sqlalchemy_url_is_accepted(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'url.sqlite'}")
    assert db.path == tmp_path / "url.sqlite"
    db.close()


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.sqlite")), ids=lambda p: p.stem)
def test_every_released_schema_opens_with_its_data_intact(fixture: Path, tmp_path: Path) -> None:
    """Each released schema is kept as a fixture; opening it must migrate it to head."""
    path = tmp_path / fixture.name
    path.write_bytes(fixture.read_bytes())
    db = open_database(path)
    with db.engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    with db.session() as session:
        processes = {item.name: item.step_count for item in repository.list_processes(session)}
    db.close()
    assert revision == schema.HEAD_REVISION
    assert processes == {"Approve supplier invoices": 15, "Onboard a new client": 17}


def test_updating_0001_keeps_what_its_plan_columns_held(tmp_path: Path) -> None:
    path = tmp_path / "legacy.sqlite"
    path.write_bytes((FIXTURES / "schema-0001.sqlite").read_bytes())
    with sqlite3.connect(path) as connection:
        connection.execute(
            """UPDATE processes SET actions = '[{"title": "Cut the second approval"}]',
               control = '{"go_live": "2027-01-10"}' WHERE name = 'Onboard a new client'"""
        )
    connection.close()
    db = open_database(path)
    with db.session() as session:
        process = repository.load_process(
            session, repository.find_process_id(session, "Onboard a new client")
        )
    db.close()
    assert process.extra["legacy_actions"] == [{"title": "Cut the second approval"}]
    assert process.control.extra["legacy_control"] == {"go_live": "2027-01-10"}
    assert len(process.steps) == 17
