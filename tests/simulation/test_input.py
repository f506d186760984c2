"""Staffing keys in the process file, and input the simulation refuses with a clear sentence."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from app.process.file import ProcessFileError, dumps_process, loads_process
from app.process.staffing import lane_hours, lane_people, touch_range, wait_for, with_people
from app.simulation.model import SimulationError
from app.simulation.simulate import SimulationOptions, simulate
from tests.simulation.helpers import single_server

INVOICES = Path(str(files("app.resources.samples").joinpath("supplier-invoices.walkthrough.json")))


def _document() -> dict[str, Any]:
    return dict(json.loads(INVOICES.read_text(encoding="utf-8")))


def test_an_old_file_reads_as_unlimited_around_the_clock_and_fixed() -> None:
    process = loads_process(INVOICES.read_bytes())
    assert all(lane_people(lane) is None and lane_hours(lane) is None for lane in process.lanes)
    assert all(touch_range(step) is None and wait_for(step) is None for step in process.steps)


def test_staffing_keys_survive_a_round_trip() -> None:
    data = _document()
    data["lanes"][0]["people"] = 2
    data["lanes"][0]["working_hours"] = {"days": ["mon", "fri"], "start": "08:30", "end": "16:00"}
    data["steps"][1].update(
        touch_minutes=6, touch_best_minutes=4, touch_worst_minutes=15, wait_for="outside"
    )
    process = loads_process(json.dumps(data))
    lane, step = process.lanes[0], process.steps[1]
    assert lane_people(lane) == 2
    hours = lane_hours(lane)
    assert hours is not None
    assert (hours.days, hours.start, hours.end) == ((0, 4), 510, 960)
    assert touch_range(step) == (4.0, 15.0)
    assert wait_for(step) == "outside"
    assert loads_process(dumps_process(process)) == process
    assert lane_people(with_people(lane, 5)) == 5
    assert lane_people(with_people(lane, None)) is None


@pytest.mark.parametrize(
    ("place", "key", "value", "expected"),
    [
        ("lanes", "people", -1, "lanes[0].people: must be a whole number of people"),
        ("lanes", "people", 1.5, "lanes[0].people: must be a whole number of people"),
        ("lanes", "people", 0, "has 0 people but hands-on work in"),
        ("lanes", "working_hours", {"days": [], "start": "09:00", "end": "17:00"},
         "lanes[0].working_hours: has no working hours"),
        ("lanes", "working_hours", {"days": ["mon"], "start": "17:00", "end": "09:00"},
         "lanes[0].working_hours: has no working hours"),
        ("lanes", "working_hours", {"days": ["monday"], "start": "09:00", "end": "17:00"},
         "lanes[0].working_hours.days: must list days among mon"),
        ("steps", "touch_best_minutes", 30, "the best hands-on time (30 min) is longer than"),
        ("steps", "wait_for", "supplier", "steps[1].wait_for: must be queue or outside"),
    ],
)  # fmt: skip
def test_bad_staffing_is_refused_naming_its_place(
    place: str, key: str, value: Any, expected: str
) -> None:
    data = _document()
    data[place][0 if place == "lanes" else 1][key] = value
    if key == "touch_best_minutes":
        data["steps"][1].update(touch_minutes=10, touch_worst_minutes=20)
    with pytest.raises(ProcessFileError) as caught:
        loads_process(json.dumps(data))
    assert expected in str(caught.value)


def test_zero_people_without_work_is_allowed() -> None:
    data = _document()
    data["lanes"].append({"id": "idle", "name": "Idle", "people": 0})
    assert lane_people(loads_process(json.dumps(data)).lanes[-1]) == 0


def test_a_snapshot_from_the_database_is_checked_before_simulating() -> None:
    process = single_server(10.0, 0.01)
    broken = replace(process, lanes=(with_people(process.lanes[0], 0), process.lanes[1]))
    with pytest.raises(SimulationError, match=r"lanes\[0\]\.people: 'Lane desk' has 0 people"):
        simulate(broken, SimulationOptions(cases=10, replications=2))


def test_a_process_that_never_runs_cannot_be_simulated() -> None:
    with pytest.raises(SimulationError, match="runs 0 times a year"):
        simulate(replace(single_server(10.0, 0.01), runs_per_year=0), SimulationOptions())


def test_a_map_without_a_start_cannot_be_simulated() -> None:
    process = single_server(10.0, 0.01)
    without_start = replace(process, steps=process.steps[1:], flows=process.flows[1:])
    with pytest.raises(SimulationError, match="cannot be simulated"):
        simulate(without_start, SimulationOptions())


def test_no_cases_is_refused() -> None:
    with pytest.raises(SimulationError, match="at least 1 case"):
        simulate(single_server(10.0, 0.01), SimulationOptions(cases=0))
