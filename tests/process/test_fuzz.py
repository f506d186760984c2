"""Thousands of damaged inputs: each is read or refused in one sentence, never a crash.

Whatever is accepted must also be storable and exportable (a file that imports and then
cannot be exported was one of the crashes this guards against).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.export.bpmn import BpmnError
from app.export.bpmn.export import bpmn_text
from app.export.bpmn.read import loads_bpmn
from app.models import repository
from app.models.database import Database, open_database
from app.models.transfer import sample_processes
from app.process.csv_table import steps_csv
from app.process.file import ProcessFileError, check_storable, dumps_process, loads_process
from app.process.measurements import parse_measurements
from app.process.model import Process
from tests.process.mutator import mutants

COUNT = 150
MAX_MESSAGE = 300
PASTE = "Date\tValue\n2026-11-02\t4.5 days\n03/11/2026\t1,234.5\n4 Nov 2026\t€ 12\n2026-11-05\t-3\n"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    opened = open_database(tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite")
    yield opened
    opened.close()


def _clear(message: str) -> None:
    assert "\n" not in message, message[:400]
    assert len(message) < MAX_MESSAGE, message[:400]


def _usable(process: Process, database: Database) -> None:
    """An accepted process stores and exports: the process file, CSV, BPMN and the database."""
    check_storable(process)
    dumps_process(process).encode("utf-8")
    steps_csv(process).encode("utf-8")
    bpmn_text(process).encode("utf-8")
    with database.sessions() as session:
        repository.insert_process(session, process)
        session.rollback()


def test_damaged_process_files_are_read_or_refused(database: Database) -> None:
    original = dumps_process(sample_processes()[0])
    for text in mutants(15, original, COUNT):
        try:
            process = loads_process(text.encode("utf-8", "surrogatepass"), source="fuzz")
        except ProcessFileError as error:
            _clear(str(error))
            continue
        _usable(process, database)


def test_damaged_bpmn_files_are_read_or_refused(database: Database) -> None:
    original = bpmn_text(sample_processes()[1])
    for text in mutants(16, original, COUNT // 2):
        try:
            imported = loads_bpmn(text.encode("utf-8", "surrogatepass"), source="fuzz.bpmn")
        except BpmnError as error:
            _clear(str(error))
            continue
        _usable(imported.process, database)


def test_damaged_measurement_pastes_are_read_or_refused_line_by_line() -> None:
    for text in mutants(17, PASTE * 3, COUNT):
        parsed = parse_measurements(text, day_first=True)
        for message in (*parsed.errors, *parsed.notes):
            _clear(message)
        assert all(abs(value) < 1e300 for _date, value in parsed.rows)


def test_sqlite_is_not_needed_to_hold_what_was_refused(tmp_path: Path) -> None:
    """The refusals come from the process layer: a bare SQLite file is never touched."""
    path = tmp_path / "untouched.sqlite"
    sqlite3.connect(path).close()
    with pytest.raises(ProcessFileError):
        loads_process(
            b'{"format": "walkthrough-process", "version": 1, "process": {"name": "\\u0000"}}'
        )
    assert path.stat().st_size == 0
