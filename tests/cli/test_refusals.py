"""The inputs that crashed Walkthrough, kept as fixtures: each is now one clear refusal.

Exit 2, one line under 300 characters naming the place and quoting at most a few dozen
characters of the user's text, nothing written; the same on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.cli import main
from app.models import repository
from app.models.database import open_database
from app.models.transfer import add_process, sample_processes
from app.process.file import ProcessFileError

REFUSED = sorted((Path(__file__).parents[1] / "fixtures" / "refused").iterdir())
POSTGRES = os.environ.get("WALKTHROUGH_TEST_POSTGRES_URL", "")
PLACES = {
    "deep-nesting": "process.custom",
    "huge-integer-time": "steps[1].touch_minutes",
    "huge-text-in-message": "steps[0].lane",
    "lone-surrogate-name": "steps[0].name",
    "lone-surrogate-unknown-key": "process (a key)",
    "long-currency": "process.currency",
    "long-id": "lanes[0].id",
    "nul-in-name": "process.name",
    "unknown-encoding": "encoding",
}


def refusal(capsys: pytest.CaptureFixture[str], database: str, fixture: Path) -> str:
    """The one line ``walkthrough import`` prints for a refused file; nothing is stored."""
    assert main(["--db", database, "import", str(fixture)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    opened = open_database(database)
    with opened.session() as session:
        assert repository.list_processes(session) == []
    opened.close()
    return captured.err


@pytest.mark.parametrize("fixture", REFUSED, ids=lambda path: path.name)
def test_each_crashing_input_is_one_clear_refusal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fixture: Path
) -> None:
    line = refusal(capsys, str(tmp_path / "refusals.sqlite"), fixture)
    assert line.endswith("\n")
    assert line.count("\n") == 1
    assert len(line) < 300
    assert "Traceback" not in line
    place = PLACES[fixture.name.split(".")[0]]
    assert place in line
    assert "ops ops ops ops ops ops ops ops ops" not in line  # a few dozen characters at most


@pytest.mark.skipif(not POSTGRES, reason="no PostgreSQL configured (WALKTHROUGH_TEST_POSTGRES_URL)")
def test_sqlite_and_postgresql_refuse_each_input_identically(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    engine = create_engine(POSTGRES)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    for fixture in REFUSED:
        on_sqlite = refusal(capsys, str(tmp_path / "same.sqlite"), fixture)
        assert refusal(capsys, POSTGRES, fixture) == on_sqlite, fixture.name


def _stored_refusals(database_url: str) -> list[str]:
    """What the database layer says to snapshots no database may hold (typed, not imported)."""
    sample = sample_processes()[0]
    bad = [
        replace(sample, name="Invoices\x00"),
        replace(sample, currency="US DOLLARS"),
        replace(sample, owner="Dana \ud800"),
    ]
    database = open_database(database_url)
    messages = []
    for process in bad:
        with pytest.raises(ProcessFileError) as caught:
            add_process(database, process)
        messages.append(str(caught.value))
    with database.session() as session:
        assert repository.list_processes(session) == []
    database.close()
    return messages


def test_the_database_layer_refuses_what_no_database_may_hold(tmp_path: Path) -> None:
    assert [line.split(": ", 1)[1] for line in _stored_refusals(str(tmp_path / "x.sqlite"))] == [
        "process.name: contains a NUL character, which no text may hold",
        "process.currency: is at most 8 characters",
        "process.owner: contains a lone surrogate (broken Unicode), near 'Dana �'",
    ]


@pytest.mark.skipif(not POSTGRES, reason="no PostgreSQL configured (WALKTHROUGH_TEST_POSTGRES_URL)")
def test_the_database_layer_refuses_identically_on_postgresql(tmp_path: Path) -> None:
    assert _stored_refusals(POSTGRES) == _stored_refusals(str(tmp_path / "same.sqlite"))
