"""Scenarios as the tab saves them: read back leniently, chosen for the plan, re-run by the
command the plan prints (which gives the same bytes as the run itself)."""

from __future__ import annotations

import json
import shlex
from dataclasses import replace
from pathlib import Path

import pytest

from app.cli import main
from app.process.file import read_process_file, write_process_file
from app.process.staffing import WorkingHours
from app.simulation.describe import rerun_command, scenario_changes
from app.simulation.saved import (
    DEFAULT_OPTIONS,
    SCENARIOS_KEY,
    SETTINGS_KEY,
    planned_scenarios,
    saved_options,
    scenario_from_document,
)
from app.simulation.scenario import Scenario, StepTime, apply_scenario
from app.simulation.simulate import SimulationOptions, simulate
from tests.simulation.test_cli import INVOICES


def test_unreadable_parts_keep_the_map_as_it_is() -> None:
    document = {
        "name": "  ",
        "state": "past",
        "demand": "lots",
        "people": {"ap": -1, "bh": 2, "fm": True},
        "step_times": {"s4": {"typical": "fast"}, "s5": {"typical": 3, "best": None}},
        "hours": {"ap": {"days": ["someday"]}, "bh": None},
    }
    scenario = scenario_from_document(document, 2)
    assert scenario == Scenario(
        name="Scenario 3",
        people={"bh": 2},
        step_times={"s5": StepTime(3.0)},
        hours={"bh": None},
    )


def test_only_chosen_scenarios_go_into_the_plan() -> None:
    process = read_process_file(Path(INVOICES))
    saved = [{"name": "A", "in_plan": True}, {"name": "B"}, "junk", {"name": "C", "in_plan": 1}]
    chosen = planned_scenarios(replace(process, extra={SCENARIOS_KEY: saved}))
    assert [scenario.name for scenario in chosen] == ["A"]
    assert planned_scenarios(process) == []


def test_settings_fall_back_to_the_command_line_defaults() -> None:
    process = read_process_file(Path(INVOICES))
    assert saved_options(process) == DEFAULT_OPTIONS == SimulationOptions()
    odd = {"cases": 0, "replications": "ten", "warmup": 5, "seed": 42}
    options = saved_options(replace(process, extra={SETTINGS_KEY: odd}))
    assert options == SimulationOptions(cases=1000, replications=10, warmup=5, seed=42)


def test_changes_are_said_in_words() -> None:
    process = read_process_file(Path(INVOICES))
    scenario = Scenario(
        demand=1.3,
        people={"ap": 1},
        step_times={"s4": StepTime(5, 3, 12)},
        hours={"ap": WorkingHours((0, 1, 2, 3, 4), 540, 1020), "bh": None},
    )
    assert scenario_changes(process, scenario) == [
        "demand × 1.3",
        "Accounts payable: 1 person",
        "'Key invoice into ERP': 5 min (best 3 min, worst 12 min) hands-on",
        "Accounts payable works mon–fri 09:00–17:00",
        "Budget holder works around the clock",
    ]
    assert scenario_changes(process, Scenario()) == ["the current map as interviewed"]


def test_the_printed_command_gives_the_same_bytes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    process = read_process_file(Path(INVOICES))
    process = replace(process, name="Invoices & 'quotes' <x>")
    path = tmp_path / "invoices.walkthrough.json"
    write_process_file(process, path)
    scenario = Scenario(
        demand=1.3,
        people={"ap": 1},
        step_times={"s4": StepTime(5, 3, 12)},
        hours={"ap": WorkingHours((0, 1, 2, 3, 4), 540, 1020)},
    )
    options = SimulationOptions(cases=200, replications=3, warmup=40, seed=9)
    words = shlex.split(rerun_command(process, scenario, options))
    assert words[:3] == ["walkthrough", "simulate", "Invoices & 'quotes' <x>"]
    assert main([words[1], str(path), *words[3:], "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    direct = simulate(apply_scenario(process, scenario), options).to_json()
    assert printed == json.loads(json.dumps(direct))


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        ("--time=s4", "must be STEP=MINUTES or STEP=TYPICAL,BEST,WORST"),
        ("--time=s4=5,1", "must be STEP=MINUTES or STEP=TYPICAL,BEST,WORST"),
        ("--time=s4=-3", "must be STEP=MINUTES or STEP=TYPICAL,BEST,WORST"),
        ("--hours=ap=mon@9-17", "must be LANE=DAYS@HH:MM-HH:MM"),
        ("--hours=ap=someday@09:00-17:00", "must be LANE=DAYS@HH:MM-HH:MM"),
        ("--time=s4=5,9,12", "the typical hands-on time (5 min) is not between"),
        ("--time=nowhere=5", "no step 'nowhere'"),
    ],
)
def test_bad_times_and_hours_get_one_line(
    capsys: pytest.CaptureFixture[str], argument: str, message: str
) -> None:
    try:
        code = main(["simulate", INVOICES, argument])
    except SystemExit as exit_code:
        code = int(str(exit_code.code))
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
