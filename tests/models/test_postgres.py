"""The same database code against a real PostgreSQL server, when one is configured.

`.ci/run` starts one on loopback and sets WALKTHROUGH_TEST_POSTGRES_URL; elsewhere these
tests skip and say why.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import create_engine, text

from app.models import repository
from app.models.database import Database, open_database
from app.models.migrate import check_no_drift
from app.models.saving import save_snapshot
from app.models.transfer import add_samples, sample_processes

URL = os.environ.get("WALKTHROUGH_TEST_POSTGRES_URL", "")
pytestmark = pytest.mark.skipif(
    not URL, reason="no PostgreSQL configured (set WALKTHROUGH_TEST_POSTGRES_URL; .ci/run does)"
)


@pytest.fixture
def db() -> Iterator[Database]:
    engine = create_engine(URL)
    with engine.begin() as connection:  # every test starts from an empty schema
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    database = open_database(URL)
    yield database
    database.close()


def test_migrations_reach_head_without_drift(db: Database) -> None:
    assert db.path is None
    check_no_drift(db.engine)


def test_samples_round_trip(db: Database) -> None:
    add_samples(db)
    for process in sample_processes():
        with db.session() as session:
            loaded = repository.load_process(
                session, repository.find_process_id(session, process.name)
            )
        assert loaded == replace(process, id=loaded.id)


def test_edits_and_deletes(db: Database) -> None:
    add_samples(db)
    with db.session() as session:
        process_id = repository.find_process_id(session, "Approve supplier invoices")
        before = repository.load_process(session, process_id)
    after = replace(before, steps=before.steps[:-1], flows=before.flows[:-1], owner="Ana 😀")
    with db.session() as session:
        save_snapshot(session, after)
    with db.session() as session:
        assert repository.load_process(session, process_id) == after
        repository.delete_process(session, process_id)
    with db.session() as session:
        assert [item.name for item in repository.list_processes(session)] == [
            "Onboard a new client"
        ]


def test_reopening_a_current_database_skips_migration(db: Database) -> None:
    add_samples(db)
    db.close()
    again = open_database(URL)
    with again.session() as session:
        assert len(repository.list_processes(session)) == 2
    again.close()
