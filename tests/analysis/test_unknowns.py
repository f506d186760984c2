"""Costs and PCE say "not known" instead of 0 when rates or value classes are missing."""

from __future__ import annotations

from dataclasses import replace

from app.analysis.unknowns import cost_gap, cost_known, lanes_without_rate, value_known
from app.process.model import Lane, Process, Step

PROCESS = Process(
    name="p",
    lanes=(Lane("a", "Finance"), Lane("b", "Requester")),
    steps=(
        Step("s1", "a", "Check", touch_minutes=10),
        Step("s2", "b", "Wait only", wait_minutes=60),
    ),
)


def test_a_lane_that_works_without_a_rate_makes_the_cost_unknown() -> None:
    assert lanes_without_rate(PROCESS) == ("Finance",)
    assert not cost_known(PROCESS)
    assert cost_gap(PROCESS) == "not known: no hourly cost given"


def test_a_process_rate_or_the_lane_rate_makes_it_known() -> None:
    assert cost_known(replace(PROCESS, hourly_rate=40))
    lanes = (Lane("a", "Finance", hourly_rate=55), Lane("b", "Requester"))
    assert cost_known(replace(PROCESS, lanes=lanes))
    assert cost_gap(replace(PROCESS, lanes=lanes)) == ""


def test_some_lanes_missing_are_named() -> None:
    steps = (*PROCESS.steps, Step("s3", "b", "Sign", touch_minutes=2))
    lanes = (Lane("a", "Finance", hourly_rate=55), Lane("b", "Requester"))
    process = replace(PROCESS, steps=steps, lanes=lanes)
    assert cost_gap(process) == "not known: no hourly cost for Requester"


def test_value_is_known_once_a_step_is_classified() -> None:
    assert not value_known(PROCESS)
    steps = (replace(PROCESS.steps[0], value="value-added"), PROCESS.steps[1])
    assert value_known(replace(PROCESS, steps=steps))
