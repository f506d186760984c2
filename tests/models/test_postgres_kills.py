"""A kill while a server database is created or updated: PostgreSQL rolls the DDL back whole."""

from __future__ import annotations

import os
import sys

import pytest
from sqlalchemy import create_engine, text

from app.models import repository
from app.models.database import open_database
from tests.models.killing import count_statements, run_killed_at

URL = os.environ.get("WALKTHROUGH_TEST_POSTGRES_URL", "")
pytestmark = [
    pytest.mark.skipif(not URL, reason="no PostgreSQL configured (WALKTHROUGH_TEST_POSTGRES_URL)"),
    pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL"),
]
EVERY = 3  # every third statement keeps the test short; SQLite is killed at every one


def _empty_schema() -> None:
    engine = create_engine(URL)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _opens_empty() -> bool:
    database = open_database(URL)
    with database.session() as session:
        listed = repository.list_processes(session)
    database.close()
    return listed == []


@pytest.mark.slow
def test_a_kill_during_creation_on_the_server_leaves_a_database_that_opens() -> None:
    _empty_schema()
    total = count_statements(lambda: open_database(URL).close())
    for at in range(1, total + 1, EVERY):
        _empty_schema()
        assert run_killed_at(lambda: open_database(URL), at), at
        assert _opens_empty(), f"killed before statement {at} of {total}"
