"""The plan's simulation section: printed only for chosen scenarios, with the figures a direct
run with the same seed gives, the seed and settings in words, and user text escaped."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.export.pdf import PlanCancelled, write_plan_pdf
from app.export.pdf.sections.simulation import TITLE
from app.process.durations import format_duration
from app.process.model import Process
from app.process.staffing import with_people
from app.simulation import planned
from app.simulation.planned import forget_results, run_planned
from app.simulation.saved import SCENARIOS_KEY, SETTINGS_KEY
from app.simulation.scenario import Scenario, StepTime, apply_scenario
from app.simulation.simulate import SimulationOptions, simulate
from tests.export.test_pdf_support import OPTIONS, pdf_text, sample

SETTINGS = {"cases": 300, "replications": 4, "warmup": 60, "seed": 7}
CHOSEN = {"name": "Two clerks <b>&</b> more", "demand": 1.2, "people": {"ap": 2}, "in_plan": True}
JAMMED = {"name": "One clerk, five times the volume", "demand": 5.0, "people": {"ap": 1}}
JAMMED["in_plan"] = True
TIMED = {
    "name": "Faster keying",
    "people": {"ap": 1},
    "in_plan": True,
    "step_times": {"s4": {"typical": 4, "best": 2, "worst": 9}},
    "hours": {"ap": {"days": ["mon", "tue", "wed", "thu"], "start": "07:00", "end": "19:00"}},
}
LEFT_OUT = {"name": "Not for the client", "demand": 2.0, "in_plan": False}


def staffed(*scenarios: dict[str, Any]) -> Process:
    process = sample("supplier-invoices")
    lanes = tuple(with_people(lane, 2) if lane.id == "ap" else lane for lane in process.lanes)
    extra = {**process.extra, SCENARIOS_KEY: list(scenarios), SETTINGS_KEY: SETTINGS}
    return replace(process, lanes=lanes, extra=extra)


def plan_text(process: Process, folder: Path) -> str:
    path = folder / "plan.pdf"
    write_plan_pdf(process, path, options=OPTIONS)
    return " ".join(pdf_text(path).split())


@pytest.fixture(scope="module")
def chosen_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    return plan_text(staffed(CHOSEN, LEFT_OUT, JAMMED, TIMED), tmp_path_factory.mktemp("sim"))


def test_no_chosen_scenario_prints_no_section(tmp_path: Path) -> None:
    text = plan_text(staffed(LEFT_OUT), tmp_path)
    assert TITLE not in text
    assert "walkthrough simulate" not in text


def test_chosen_scenarios_print_with_escaped_names(chosen_text: str) -> None:
    assert TITLE in chosen_text
    assert "Two clerks <b>&</b> more" in chosen_text
    assert "Not for the client" not in chosen_text
    assert "demand × 1.2; Accounts payable: 2 people" in chosen_text


def test_the_settings_and_seed_are_said(chosen_text: str) -> None:
    assert "4 independent replications of 300 measured cases (after 60 warm-up cases), seed 7" in (
        chosen_text
    )
    assert "--cases 300 --replications 4 --warmup 60 --seed 7" in chosen_text


def test_figures_equal_a_direct_run_with_the_same_seed(chosen_text: str) -> None:
    options = SimulationOptions(**SETTINGS)
    for scenario in (
        Scenario(demand=1.2, people={"ap": 2}),
        Scenario(
            people={"ap": 1},
            step_times={"s4": StepTime(4, 2, 9)},
            hours={"ap": staffed_hours()},
        ),
    ):
        result = simulate(apply_scenario(staffed(), scenario), options)
        assert result.lead_time is not None
        for figure in (result.lead_time.mean, result.lead_time.p85, result.lead_time.p95):
            assert format_duration(figure) in chosen_text


def staffed_hours() -> Any:
    from app.process.staffing import read_hours

    return read_hours(TIMED["hours"]["ap"])


def test_an_overloaded_scenario_is_said_in_words(chosen_text: str) -> None:
    assert "no finite value" in chosen_text
    assert "One clerk, five times the volume: 'Accounts payable' gets" in chosen_text
    assert "the queue grows without bound" in chosen_text
    assert "overloaded:" in chosen_text


def test_a_scenario_that_cannot_run_is_named_not_fatal(tmp_path: Path) -> None:
    broken = {"name": "Future", "state": "future", "in_plan": True}
    text = plan_text(staffed(broken), tmp_path)
    assert "Future: 'Approve supplier invoices' has no future state yet" in text


@pytest.mark.parametrize("size", [9, 60, 300])
def test_the_section_stays_within_two_pages(tmp_path: Path, size: int) -> None:
    from bench.generate import looped_process

    process = looped_process(size, max(1, size // 20))
    lanes = tuple(with_people(lane, 3) for lane in process.lanes)
    scenarios = [
        {"name": f"Scenario {n}", "demand": 0.5 + n / 4, "people": {}, "in_plan": True}
        for n in range(4)
    ]
    settings = {"cases": 100, "replications": 2, "warmup": 20, "seed": 1}
    extra = {SCENARIOS_KEY: scenarios, SETTINGS_KEY: settings}
    with_section = replace(process, lanes=lanes, extra=extra)
    without = replace(with_section, extra={SCENARIOS_KEY: [], SETTINGS_KEY: settings})
    pages = [
        write_plan_pdf(p, tmp_path / f"{i}.pdf", options=OPTIONS).pages
        for i, p in enumerate((with_section, without))
    ]
    assert 1 <= pages[0] - pages[1] <= 2


def test_cancel_stops_the_simulations_and_writes_nothing(tmp_path: Path) -> None:
    forget_results()
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3  # after the first checks, while simulating

    path = tmp_path / "plan.pdf"
    with pytest.raises(PlanCancelled):
        write_plan_pdf(staffed(CHOSEN), path, options=OPTIONS, cancelled=cancelled)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_run_already_made_is_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    forget_results()
    process = staffed(CHOSEN)
    runs = run_planned(process)
    calls: list[int] = []
    monkeypatch.setattr(planned, "simulate", lambda *args: calls.append(1))
    again = run_planned(process)
    assert calls == []
    assert again == runs
    write_plan_pdf(process, tmp_path / "plan.pdf", options=OPTIONS)
    assert calls == []
