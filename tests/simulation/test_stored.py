"""The simulation fields live in the ``extra`` JSON the database already stores: a database
made at revision 0003 (before them) opens, takes them and gives them back unchanged, through
the database and the process file alike. No Alembic revision is needed for them."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib.resources import files
from pathlib import Path

import pytest
from sqlalchemy import text

from app.models import repository, schema
from app.models.database import open_database
from app.models.saving import save_snapshot
from app.process.file import loads_process, process_to_document, read_process_file
from app.process.model import Process
from app.process.staffing import (
    WorkingHours,
    hours_document,
    lane_hours,
    lane_people,
    touch_range,
    wait_for,
    with_people,
    with_wait_for,
)
from app.simulation.saved import SCENARIOS_KEY, SETTINGS_KEY, planned_scenarios, saved_options

FIXTURE = Path(__file__).parent / "fixtures" / "schema-0003.sqlite"
SAMPLE = Path(str(files("app.resources.samples").joinpath("supplier-invoices.walkthrough.json")))
SCENARIOS = [
    {
        "name": "Two clerks",
        "in_plan": True,
        "state": "current",
        "demand": 1.3,
        "people": {"ap": 2},
        "step_times": {"s4": {"typical": 5.0, "best": 3.0, "worst": 12.0}},
        "hours": {"ap": {"days": ["mon", "tue"], "start": "09:00", "end": "17:00"}},
    }
]
SETTINGS = {"cases": 500, "replications": 5, "warmup": 100, "seed": 3}


def staffed(process: Process) -> Process:
    """Every simulation field set: people, hours, a best/worst range, wait_for, scenarios."""
    hours = hours_document(WorkingHours((0, 1, 2, 3, 4), 540, 1020))
    lanes = tuple(
        replace(lane, extra={**with_people(lane, 2).extra, "working_hours": hours})
        if lane.id == "ap"
        else lane
        for lane in process.lanes
    )
    steps = tuple(
        with_wait_for(
            replace(step, extra={**step.extra, "touch_best_minutes": 5, "touch_worst_minutes": 20}),
            "outside",
        )
        if step.id == "s4"
        else step
        for step in process.steps
    )
    extra = {**process.extra, SCENARIOS_KEY: SCENARIOS, SETTINGS_KEY: SETTINGS}
    return replace(process, lanes=lanes, steps=steps, extra=extra)


def test_a_0003_database_keeps_the_simulation_fields(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    path.write_bytes(FIXTURE.read_bytes())
    db = open_database(path)
    with db.engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert revision == schema.HEAD_REVISION  # opened (and, if the schema moved on, migrated)
    with db.session() as session:
        process_id = repository.find_process_id(session, "Approve supplier invoices")
        before = repository.load_process(session, process_id)
    assert lane_people(before.lane_by_id()["ap"]) is None  # written before the fields existed
    changed = staffed(before)
    with db.session(writing=True) as session:
        save_snapshot(session, changed, based_on=None, expected=before)
    db.close()

    reopened = open_database(path)
    with reopened.session() as session:
        stored = repository.load_process(session, process_id)
    reopened.close()
    assert stored == changed
    lane, step = stored.lane_by_id()["ap"], stored.step_by_id()["s4"]
    assert lane_people(lane) == 2
    assert lane_hours(lane) == WorkingHours((0, 1, 2, 3, 4), 540, 1020)
    assert (touch_range(step), wait_for(step)) == ((5.0, 20.0), "outside")
    assert [scenario.name for scenario in planned_scenarios(stored)] == ["Two clerks"]
    assert saved_options(stored).seed == 3


def test_the_process_file_round_trips_them(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    old.write_bytes(FIXTURE.read_bytes())
    db = open_database(old)
    with db.session() as session:
        process = repository.load_process(
            session, repository.find_process_id(session, "Approve supplier invoices")
        )
    db.close()
    changed = staffed(process)
    document = process_to_document(changed)
    again = loads_process(json.dumps(document))
    assert process_to_document(again) == document
    assert again.extra[SCENARIOS_KEY] == SCENARIOS


def test_the_schema_describes_them() -> None:
    import jsonschema

    schema_text = files("app.resources").joinpath("process.schema.json").read_text()
    process = read_process_file(SAMPLE)
    document = process_to_document(staffed(process))
    jsonschema.validate(document, json.loads(schema_text))
    document["process"][SCENARIOS_KEY][0]["state"] = "someday"
    with pytest.raises(jsonschema.ValidationError, match="someday"):
        jsonschema.validate(document, json.loads(schema_text))
