"""SMART checks name each missing or wrong part; the goal sentence is exact."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from app.analysis.goals import BUILTIN_METRICS, check_goal, goal_sentence, resolve_baseline
from app.analysis.metrics import compute_metrics
from app.process.model import Goal
from tests.analysis.builder import sequential

TODAY = dt.date(2026, 11, 20)
GOOD = Goal(
    metric="lead_time",
    baseline=7200,
    target=2880,
    unit="minutes",
    due=dt.date(2027, 3, 31),
    owner="Dana Ortiz",
    measured_by="weekly from the invoice log",
)


def test_a_complete_goal_is_smart_and_reads_as_method_md() -> None:
    assert check_goal(GOOD, today=TODAY) == ()
    assert goal_sentence(GOOD) == (
        "Reduce lead time from 5 days to 2 days by 31 March 2027 — owner: Dana Ortiz, "
        "measured weekly from the invoice log."
    )


def test_faster_is_not_a_goal() -> None:
    faster = Goal(metric="lead_time", statement="Faster")
    assert check_goal(faster, today=TODAY) == (
        "'Faster' has no baseline: say where lead time stands today.",
        "'Faster' has no target: say from how many days to how many.",
        "'Faster' has no deadline: say by when, for example by 18 February 2027.",
        "'Faster' has no owner: name the person who answers for it.",
        "'Faster' does not say how it is measured: name the data source and how often "
        "(for example 'weekly, from the invoice log').",
    )


LEAD = "The lead time goal"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            {"metric": ""},
            "The goal has no metric: say what will be measured, for example lead time.",
        ),
        ({"owner": " "}, f"{LEAD} has no owner: name the person who answers for it."),
        ({"target": None}, f"{LEAD} has no target: say from how many days to how many."),
        ({"baseline": None}, f"{LEAD} has no baseline: say where lead time stands today."),
        (
            {"unit": "parsecs"},
            f"{LEAD} counts lead time in 'parsecs': use minutes, hours, days or weeks.",
        ),
        ({"direction": "increase"}, f"{LEAD} aims to increase lead time, but it is better down."),
    ],
)
def test_each_missing_part_gives_its_sentence(change: dict[str, object], problem: str) -> None:
    assert problem in check_goal(replace(GOOD, **change), today=TODAY)  # type: ignore[arg-type]


def test_target_must_be_strictly_better() -> None:
    same = replace(GOOD, target=7200)
    assert check_goal(same, today=TODAY) == (
        "The lead time goal does not improve: the target 5 days is not below the baseline 5 days.",
    )
    worse_yield = Goal(
        metric="first_pass_yield",
        baseline=0.8,
        target=0.7,
        due=dt.date(2027, 1, 1),
        owner="Sam",
        measured_by="monthly audit",
    )
    assert check_goal(worse_yield, today=TODAY) == (
        "The first-pass yield goal does not improve: the target 70 % is not above the "
        "baseline 80 %.",
    )


def test_deadline_must_be_after_today() -> None:
    for due in (TODAY, dt.date(2020, 3, 1)):
        (problem,) = check_goal(replace(GOOD, due=due), today=TODAY)
        assert "which is not after today: choose a later date." in problem
    (problem,) = check_goal(replace(GOOD, due=dt.date(2020, 3, 1)), today=TODAY)
    assert problem.startswith("The lead time goal is due 1 March 2020,")


def test_fractions_must_be_between_zero_and_one() -> None:
    pce = Goal(
        metric="pce",
        baseline=5,
        target=25,
        due=dt.date(2027, 1, 1),
        owner="Sam",
        measured_by="the map",
    )
    problems = check_goal(pce, today=TODAY)
    assert problems[0] == (
        "The process cycle efficiency goal gives process cycle efficiency as 5: write it as a "
        "fraction from 0 to 1 (0.25 for 25 %)."
    )


def test_custom_metric_needs_unit_direction_and_source() -> None:
    custom = Goal(
        metric="invoice_errors", baseline=12, target=3, due=dt.date(2027, 1, 1), owner="Sam"
    )
    assert check_goal(custom, today=TODAY) == (
        "The invoice errors goal has no unit: say what invoice errors is counted in "
        "(for example errors, days or %).",
        "The invoice errors goal does not say whether invoice errors should go up or down.",
        "The invoice errors goal does not say how it is measured: name the data source and how "
        "often (for example 'weekly, from the invoice log').",
    )
    done = replace(custom, unit="errors", direction="decrease", measured_by="from the AP log")
    assert check_goal(done, today=TODAY) == ()
    assert goal_sentence(done) == (
        "Reduce invoice errors from 12 errors to 3 errors by 1 January 2027 — owner: Sam, "
        "measured from the AP log."
    )


def test_sentences_in_percent_money_and_counts() -> None:
    pce = Goal(metric="pce", baseline=0.05, target=0.25, owner="Sam")
    assert goal_sentence(pce) == "Increase process cycle efficiency from 5 % to 25 % — owner: Sam."
    cost = Goal(metric="annual_cost", baseline=54000, target=30000, unit="EUR")
    assert goal_sentence(cost) == "Reduce annual cost from 54,000 EUR to 30,000 EUR."
    per_run = Goal(metric="cost_per_run", baseline=31.8, target=20)
    assert goal_sentence(per_run, currency="USD") == "Reduce cost per run from 31.80 USD to 20 USD."
    handoffs = Goal(metric="handoffs", baseline=6, target=3, due=dt.date(2027, 6, 1))
    assert goal_sentence(handoffs) == "Reduce handoffs from 6 to 3 by 1 June 2027."
    days = replace(GOOD, unit="days", baseline=5, target=2)
    assert goal_sentence(days).startswith("Reduce lead time from 5 days to 2 days by")


def test_omitted_baseline_is_measured_with_date_and_source() -> None:
    metrics = compute_metrics(sequential([60], [2820]))  # lead time 2,880 min = 2 days
    goal = Goal(metric="lead_time", unit="days", target=1)
    resolved = resolve_baseline(goal, metrics, TODAY)
    assert resolved.baseline == pytest.approx(2)
    assert resolved.baseline_date == TODAY
    assert resolved.baseline_source
    assert resolve_baseline(replace(goal, baseline=9), metrics, TODAY).baseline == 9
    problems = check_goal(goal, today=TODAY, measured=metrics)
    assert not any("baseline" in problem for problem in problems)


def test_every_builtin_metric_reads_from_metrics() -> None:
    metrics = compute_metrics(sequential([30], [90], rate=60, runs=10))
    read = {key: spec.read(metrics) for key, spec in BUILTIN_METRICS.items()}
    assert read["lead_time"] == 120
    assert read["annual_cost"] == 300
    assert read["first_pass_yield"] == 1
    assert {spec.direction for spec in BUILTIN_METRICS.values()} == {"decrease", "increase"}


def test_imported_goals_are_measured_and_their_gaps_named() -> None:
    from app.analysis.goals import settle_imported_goals
    from app.models.transfer import sample_processes

    invoices = sample_processes()[1]
    stale = Goal(
        "lead_time",
        target=2880,
        unit="minutes",
        due=dt.date(2026, 1, 31),
        owner="Dana",
        measured_by="weekly",
    )
    process, notes = settle_imported_goals(replace(invoices, goals=(stale,)), dt.date(2026, 11, 24))
    assert process.goals[0].baseline == pytest.approx(7221.266667)
    assert process.goals[0].baseline_date == dt.date(2026, 11, 24)
    assert notes == (
        "goals[0]: The lead time goal is due 31 January 2026, which is not after today: "
        "choose a later date.",
    )


@pytest.mark.parametrize(
    ("text", "value", "fraction"),
    [
        ("25 %", 25.0, 0.25),
        ("25", 25.0, 0.25),
        ("1", 1.0, 0.01),
        ("2", 2.0, 0.02),
        ("0.25", 0.25, 0.25),
        ("0,5", 0.5, 0.5),
        ("12.5", 12.5, 0.125),
        ("100", 100.0, 1.0),
    ],
)
def test_a_typed_percentage_is_read_one_way(text: str, value: float, fraction: float) -> None:
    from app.analysis.goals import typed_fraction

    assert typed_fraction(value, text) == pytest.approx(fraction)
