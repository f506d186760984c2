"""Two writers on one process lose nothing: a stale save is refused, never applied."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.models import repository
from app.models.database import ChangedElsewhereError, Database, open_database
from app.models.saving import save_snapshot
from app.models.transfer import add_samples
from tests.models.concurrent_writers import hammer

EDITS = 25
POSTGRES = os.environ.get("WALKTHROUGH_TEST_POSTGRES_URL", "")


def _first_process(database: Database) -> str:
    add_samples(database)
    with database.session() as session:
        return repository.list_processes(session)[0].id


def _check_nothing_lost(
    database: Database, process_id: str, first: Database, second: Database
) -> None:
    tallies = hammer(first, second, process_id, EDITS)
    with database.session() as session:
        stored = {step.id for step in repository.load_process(session, process_id).steps}
    saved = [step for tally in tallies for step in tally.saved]
    assert [tally.errors for tally in tallies] == [[], []]
    assert len(saved) == 2 * EDITS
    assert set(saved) <= stored, f"lost: {sorted(set(saved) - stored)}"


def test_two_writers_on_one_sqlite_file_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    database = open_database(path)
    process_id = _first_process(database)
    first, second = open_database(path), open_database(path)
    try:
        _check_nothing_lost(database, process_id, first, second)
    finally:
        for item in (database, first, second):
            item.close()


@pytest.mark.skipif(not POSTGRES, reason="no PostgreSQL configured (WALKTHROUGH_TEST_POSTGRES_URL)")
def test_two_writers_on_one_server_lose_nothing() -> None:
    engine = create_engine(POSTGRES)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    database = open_database(POSTGRES)
    process_id = _first_process(database)
    first, second = open_database(POSTGRES), open_database(POSTGRES)
    try:
        _check_nothing_lost(database, process_id, first, second)
    finally:
        for item in (database, first, second):
            item.close()


def test_a_save_based_on_an_old_version_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    database = open_database(tmp_path / "stale.sqlite")
    process_id = _first_process(database)
    with database.session() as session:
        process, version = repository.load_versioned(session, process_id)
    with database.session(writing=True) as session:
        assert (
            save_snapshot(session, replace(process, owner="Ana"), based_on=version) == version + 1
        )
    with (
        pytest.raises(ChangedElsewhereError, match="changed elsewhere"),
        database.session(writing=True) as session,
    ):
        save_snapshot(session, replace(process, owner="Bo"), based_on=version)
    with database.session() as session:
        assert repository.load_process(session, process_id).owner == "Ana"
    database.close()
