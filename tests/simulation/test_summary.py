"""The scenario rows the tab shows and a plan can print: every figure with its unit."""

from __future__ import annotations

from app.simulation.simulate import SimulationOptions, simulate
from app.simulation.summary import NOT_FINITE, result_rows
from tests.simulation.helpers import single_server

QUICK = SimulationOptions(cases=200, replications=3)


def test_rows_carry_units_and_overload_says_no_finite_value() -> None:
    calm = simulate(single_server(10.0, 0.01), QUICK)
    jammed = simulate(single_server(10.0, 0.2), QUICK)
    rows = dict(result_rows([("calm", calm), ("jammed", jammed)], "EUR"))
    assert rows["Lead time (mean)"][0].endswith("min")
    assert rows["Lead time (mean)"][1] == NOT_FINITE
    assert rows["Cost per case"][0].endswith("EUR")
    assert rows["Throughput"][0].endswith("cases a day")
    assert rows["Utilisation · Lane desk"][0].endswith("of 1 person")
    assert rows["Utilisation · Lane desk"][1] == "overloaded: 200 % of 1 person"
    assert rows["Wait before 'Step serve' (interview: 16.6 h)"][1] == NOT_FINITE
