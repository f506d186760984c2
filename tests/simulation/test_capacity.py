"""Shared roles, ranges, calendars and overload: utilisation law and honest warnings."""

from __future__ import annotations

import json

import pytest

from app.process.model import Flow, Process
from app.process.staffing import WorkingHours
from app.simulation.calendar import Calendar
from app.simulation.simulate import SimulationOptions, simulate
from tests.simulation.helpers import lane, process, single_server, step

WEEKDAYS = {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "17:00"}


def _shared_roles(per_minute: float, hours: dict[str, object] | None = None) -> Process:
    """Two clerks do A and C, one manager does B (a range of 2–12 around 4); B sends 10 % back."""
    extra = {"working_hours": hours} if hours else {}
    return process(
        [lane("clerk", 2, **extra), lane("manager", 1, **extra), lane("in")],
        [step("start", "clerk", "start"), step("A", "clerk", touch=6.0),
         step("B", "manager", "approval", touch=4.0, touch_best_minutes=2,
              touch_worst_minutes=12),
         step("C", "clerk", touch=3.0), step("end", "in", "end")],
        [Flow("start", "A"), Flow("A", "B"), Flow("B", "A", probability=0.1), Flow("B", "C"),
         Flow("C", "end")],
        per_minute,
    )  # fmt: skip


@pytest.mark.parametrize("hours", [None, WEEKDAYS], ids=["around-the-clock", "office-hours"])
def test_utilisation_is_arrivals_times_visits_times_time_over_people(
    hours: dict[str, object] | None,
) -> None:
    per_minute = 0.02
    snapshot = _shared_roles(per_minute, hours)
    result = simulate(snapshot, SimulationOptions(cases=5000, replications=10, seed=5))
    open_share = 1.0 if hours is None else 5 * 8 / (7 * 24)
    visits = 1 / 0.9
    clerk = per_minute * (visits * 6 + 3) / (2 * open_share)
    manager = per_minute * visits * (2 + 4 + 12) / 3 / open_share
    for role, law in zip(result.roles, (clerk, manager), strict=True):
        assert role.expected == pytest.approx(law)
        assert role.ci95 is not None
        assert role.ci95[0] <= law <= role.ci95[1], (role, law)


def test_a_role_at_full_load_is_named_and_gets_no_finite_lead_time() -> None:
    result = simulate(single_server(10.0, 0.1), SimulationOptions(cases=100, replications=2))
    assert result.lead_time is None
    assert result.wip is None
    text = json.dumps(result.to_json())
    assert '"mean": null' in text
    assert any("'Lane desk' gets 100% of the work 1 person can do" in w for w in result.warnings)


def test_same_seed_same_bytes_other_seed_other_numbers() -> None:
    snapshot = _shared_roles(0.02, WEEKDAYS)
    options = SimulationOptions(cases=300, replications=3, seed=11)

    def run(seed: int) -> str:
        chosen = SimulationOptions(options.cases, options.replications, options.warmup, seed)
        return json.dumps(simulate(snapshot, chosen).to_json())

    assert run(11) == run(11)
    assert run(11) != run(12)


def test_a_calendar_counts_only_open_minutes() -> None:
    calendar = Calendar(WorkingHours((0, 1, 2, 3, 4), 9 * 60, 17 * 60))
    friday_four_pm = 4 * 1440 + 16 * 60
    monday_ten_am = 7 * 1440 + 10 * 60
    assert calendar.advance(friday_four_pm, 120) == monday_ten_am
    assert calendar.open_between(0, 7 * 1440) == 40 * 60
    saturday = 5 * 1440 + 12 * 60
    assert calendar.from_work(calendar.to_work(saturday)) == 7 * 1440 + 9 * 60


def test_work_arriving_out_of_hours_waits_for_the_morning() -> None:
    around_the_clock = _shared_roles(0.005)
    office = process(
        [lane("clerk", 2), lane("manager", 1, working_hours=WEEKDAYS), lane("in")],
        [step("start", "clerk", "start"), step("A", "clerk", touch=6.0),
         step("B", "manager", "approval", touch=4.0), step("end", "in", "end")],
        [Flow("start", "A"), Flow("A", "B"), Flow("B", "end")],
        0.005,
    )  # fmt: skip
    options = SimulationOptions(cases=1000, replications=3)
    quick = simulate(around_the_clock, options)
    slow = simulate(office, options)
    assert quick.lead_time is not None
    assert slow.lead_time is not None
    assert quick.lead_time.p95 < 60
    assert slow.lead_time.p85 > 8 * 60  # evenings, nights and weekends


def test_warm_up_cases_are_left_out_of_every_figure() -> None:
    """An empty office at the start makes early cases quick; warm-up removes them."""
    busy = single_server(10.0, 0.09)  # ρ = 0.9: the queue takes long to build up
    cold = simulate(busy, SimulationOptions(cases=300, replications=20, warmup=0, seed=4))
    warm = simulate(busy, SimulationOptions(cases=300, replications=20, warmup=3000, seed=4))
    assert sum(cold.histogram_counts) == sum(warm.histogram_counts) == 300 * 20
    assert cold.lead_time is not None
    assert warm.lead_time is not None
    assert cold.lead_time.mean < warm.lead_time.mean
