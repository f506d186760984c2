"""What-if scenarios: demand, people, a step's time and a lane's hours, named by id or name."""

from __future__ import annotations

import pytest

from app.process.staffing import WorkingHours, lane_hours, lane_people, touch_range
from app.simulation.model import SimulationError
from app.simulation.scenario import Scenario, apply_scenario
from tests.simulation.helpers import process, single_server, step


def test_demand_people_time_and_hours_are_applied() -> None:
    base = single_server(10.0, 0.01)
    ranged = step("serve", "desk", touch=10.0, touch_best_minutes=5, touch_worst_minutes=20)
    base = process(list(base.lanes), [base.steps[0], ranged, base.steps[2]], list(base.flows), 0.01)
    hours = WorkingHours((0, 1, 2), 480, 960)
    scenario = Scenario(
        demand=1.5,
        people={"Lane desk": 3},
        touch_minutes={"serve": 5.0},
        hours={"desk": hours},
    )
    changed = apply_scenario(base, scenario)
    assert changed.runs_per_year == pytest.approx(base.runs_per_year * 1.5)
    desk = changed.lanes[0]
    assert lane_people(desk) == 3
    assert lane_hours(desk) == hours
    assert changed.steps[1].touch_minutes == 5.0
    assert touch_range(changed.steps[1]) == (2.5, 10.0)


def test_an_unknown_lane_or_step_is_named() -> None:
    with pytest.raises(SimulationError, match="no lane 'ops'"):
        apply_scenario(single_server(10.0, 0.01), Scenario(people={"ops": 2}))
    with pytest.raises(SimulationError, match="no step 'x9'"):
        apply_scenario(single_server(10.0, 0.01), Scenario(touch_minutes={"x9": 2.0}))
