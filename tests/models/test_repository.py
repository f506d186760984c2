"""Snapshots in and out of the database."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models import repository
from app.models.database import Database, open_database
from app.models.saving import save_snapshot
from app.models.transfer import add_process, add_samples, sample_processes
from app.process.file import ProcessFileError, dumps_process, read_process_file
from app.process.model import Flow, Lane, Process, Step
from tests.models.helpers import table_counts


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "repo.sqlite")
    yield database
    database.close()


def test_every_sample_comes_back_exactly(db: Database) -> None:
    for process in sample_processes():
        with db.session() as session:
            process_id = repository.insert_process(session, process)
        with db.session() as session:
            loaded = repository.load_process(session, process_id)
        assert loaded == replace(process, id=process_id)
        assert dumps_process(loaded) == dumps_process(process)


WILD_TEXT = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=200
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=25)
@given(text=WILD_TEXT)
def test_any_unicode_text_survives_the_database(db: Database, text: str) -> None:
    process = Process(
        name=text or "x",
        description=text,
        lanes=(Lane("l", text or "x"),),
        steps=(Step("s", "l", text or "x", why=text, systems=(text,)),),
    )
    with db.session() as session:
        process_id = repository.insert_process(session, process)
    with db.session() as session:
        assert repository.load_process(session, process_id) == replace(process, id=process_id)


def test_list_search_and_find(db: Database) -> None:
    add_samples(db)
    with db.session() as session:
        names = [item.name for item in repository.list_processes(session)]
        found = repository.list_processes(session, search="INVOICE")
        by_name = repository.find_process_id(session, "Approve supplier invoices")
        assert repository.find_process_id(session, by_name) == by_name
    assert sorted(names) == ["Approve supplier invoices", "Onboard a new client"]
    assert [item.name for item in found] == ["Approve supplier invoices"]
    assert found[0].step_count == 15


def test_find_explains_missing_and_ambiguous_names(db: Database) -> None:
    add_samples(db)
    process = sample_processes()[0]
    with db.session() as session:
        repository.insert_process(session, process)
    with (
        db.session() as session,
        pytest.raises(repository.ProcessNotFoundError, match="2 processes are named"),
    ):
        repository.find_process_id(session, process.name)
    with (
        db.session() as session,
        pytest.raises(repository.ProcessNotFoundError, match="no process has"),
    ):
        repository.find_process_id(session, "Nothing like it")


def test_delete_returns_what_it_takes_and_insert_puts_it_back(db: Database) -> None:
    add_samples(db)
    with db.session() as session:
        process_id = repository.find_process_id(session, "Onboard a new client")
        before = repository.load_process(session, process_id)
    with db.session() as session:
        snapshot = repository.delete_process(session, process_id)
    assert table_counts(db.path)["flows"] == len(sample_processes()[1].flows)  # type: ignore[arg-type]
    with db.session() as session:
        repository.insert_process(session, snapshot)
    with db.session() as session:
        assert repository.load_process(session, process_id) == before


def test_save_snapshot_changes_only_what_differs(db: Database) -> None:
    add_samples(db)
    with db.session() as session:
        process_id = repository.find_process_id(session, "Approve supplier invoices")
        before = repository.load_process(session, process_id)
        row_ids = {
            step.key: step.id for step in repository.load_process_row(session, process_id).steps
        }
    steps = list(before.steps)
    steps[3] = replace(steps[3], name="Key invoice into the ERP 🧾", wait_minutes=15, lane="ap")
    new_lane = Lane("qa", "Quality desk")
    steps.append(Step("s99", "qa", "Spot-check invoice", touch_minutes=3))
    flows = (*before.flows, Flow("s13", "s99"))
    after = replace(before, owner="Sam", steps=tuple(steps), lanes=(*before.lanes, new_lane),
                    flows=flows)  # fmt: skip
    with db.session() as session:
        save_snapshot(session, after)
    with db.session() as session:
        assert repository.load_process(session, process_id) == after
        again = {
            step.key: step.id for step in repository.load_process_row(session, process_id).steps
        }
    assert {key: again[key] for key in row_ids} == row_ids  # existing rows kept their ids


def test_save_snapshot_removes_steps_lanes_and_their_flows(db: Database) -> None:
    add_samples(db)
    with db.session() as session:
        process_id = repository.find_process_id(session, "Approve supplier invoices")
        before = repository.load_process(session, process_id)
    gone = {"s14", "s15"}
    after = replace(
        before,
        steps=tuple(step for step in before.steps if step.id not in gone),
        flows=tuple(flow for flow in before.flows if not {flow.source, flow.target} & gone),
        lanes=before.lanes[:-1] if not any(s.lane == before.lanes[-1].id for s in before.steps
                                           if s.id not in gone) else before.lanes,
        goals=(),
    )  # fmt: skip
    with db.session() as session:
        save_snapshot(session, after)
    with db.session() as session:
        assert repository.load_process(session, process_id) == after
    with db.session() as session:
        save_snapshot(session, before)  # and back again, as undo does
    with db.session() as session:
        assert repository.load_process(session, process_id) == before


def test_a_bad_file_writes_nothing(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        '{"format": "walkthrough-process", "version": 1, "process": {"name": "x"},'
        ' "steps": [{"id": "s1", "lane": "ops", "name": "y"}]}'
    )
    before = table_counts(db.path)  # type: ignore[arg-type]
    with pytest.raises(ProcessFileError, match=r"steps\[0\]\.lane: no lane 'ops'"):
        add_process(db, read_process_file(path))  # as an import does: read, then write
    assert table_counts(db.path) == before  # type: ignore[arg-type]


def test_samples_are_added_once(db: Database) -> None:
    first = add_samples(db)
    second = add_samples(db)
    assert all(process_id for _, process_id in first)
    assert all(process_id is None for _, process_id in second)
