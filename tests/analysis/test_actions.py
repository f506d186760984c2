"""Actions: what they save, their quadrant, and the "optimize before you automate" warning."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.analysis.actions import (
    Impact,
    action_impact,
    automation_warnings,
    high_impact_minutes,
    impact_words,
    quadrant,
)
from app.analysis.findings import find_findings
from app.analysis.metrics import compute_metrics
from app.process.model import Action, Lane, Process
from tests.analysis.builder import flow, process, step


def invoices_like() -> Process:
    """Start → A (lane a, 30/min rate) → B (lane b, waits 600) → end; 100 runs a year."""
    lanes = (Lane("a", "Clerk", hourly_rate=30.0), Lane("b", "Boss", hourly_rate=90.0))
    return process(
        [
            step("S", "start"),
            step("A", touch=10, wait=20, value="value-added"),
            step("B", touch=6, wait=600, lane="b"),
            step("E", "end"),
        ],
        [flow("S", "A"), flow("A", "B"), flow("B", "E")],
        lanes=lanes,
        runs=100,
        rate=45.0,
    )


def impact_of(proc: Process, action: Action) -> Impact:
    metrics = compute_metrics(proc)
    return action_impact(proc, action, metrics, find_findings(proc, metrics))


def test_impact_defaults_to_the_addressed_findings_minutes_and_money() -> None:
    proc = invoices_like()
    metrics = compute_metrics(proc)
    wait_b = next(f for f in find_findings(proc, metrics) if f.key == "wait:B")
    impact = impact_of(proc, Action("x", "eliminate", "Drop B", ("B",), finding="wait:B"))
    assert (impact.minutes_per_year, impact.estimated) == (600 * 100, True)
    assert impact.wait_minutes_per_run == 600  # each case waits 10 h less
    assert impact.work_minutes_per_year == 0
    assert impact.money_per_year == wait_b.cost_per_year == 0  # waiting costs no wages
    assert impact.basis.startswith("est. from the finding (eliminate:")


def test_an_estimate_is_what_the_verb_plausibly_changes() -> None:
    proc = invoices_like()
    # Automating a step that only waits changes no hands-on time: it saves nothing.
    automate = impact_of(proc, Action("x", "automate", "Bot", ("B",), finding="wait:B"))
    assert (automate.minutes_per_year, automate.wait_minutes_per_run) == (0, 0)
    assert "the waiting stays" in automate.basis
    # Combining removes the waiting but none of the work.
    combine = impact_of(proc, Action("y", "combine", "Merge", ("B",), finding="wait:B"))
    assert combine.wait_minutes_per_run == 600
    assert combine.money_per_year == 0


def test_simplify_saves_half_the_hands_on_time_of_a_habit() -> None:
    proc = replace(invoices_like(), steps=tuple(
        replace(s, habit=True) if s.id == "A" else s for s in invoices_like().steps
    ))  # fmt: skip
    simplify = impact_of(proc, Action("x", "simplify", "Trim A", ("A",), finding="habit:A"))
    assert simplify.work_minutes_per_year == 10 / 2 * 100
    assert simplify.wait_minutes_per_run == 0
    assert simplify.money_per_year == pytest.approx(10 / 60 * 30 * 100 / 2)


def test_a_typed_impact_scales_the_findings_money() -> None:
    proc = replace(invoices_like(), steps=tuple(
        replace(s, habit=True) if s.id == "A" else s for s in invoices_like().steps
    ))  # fmt: skip
    habit = Action("x", "eliminate", "Stop A", ("A",), finding="habit:A")
    full = impact_of(proc, habit)
    assert full.minutes_per_year == (10 + 20) * 100
    assert full.money_per_year == pytest.approx(10 / 60 * 30 * 100)
    half = impact_of(proc, replace(habit, impact_minutes_per_year=1500.0))
    assert (half.minutes_per_year, half.estimated) == (1500.0, False)
    assert half.money_per_year == pytest.approx(full.money_per_year / 2)


def test_a_typed_impact_without_finding_is_hands_on_time_at_the_steps_rates() -> None:
    proc = invoices_like()
    action = Action("x", "simplify", "Both", ("A", "B"), impact_minutes_per_year=600.0)
    assert impact_of(proc, action).money_per_year == pytest.approx(10 * (30 + 90) / 2)
    bare = Action("y", "simplify", "None", (), impact_minutes_per_year=60.0)
    assert impact_of(proc, bare).money_per_year == pytest.approx(45.0)


def test_an_action_without_finding_or_time_saves_nothing() -> None:
    proc = invoices_like()
    assert impact_of(proc, Action("x", "simplify", "?", finding="wait:gone")) == Impact(
        0.0, 0.0, estimated=True
    )


def test_high_impact_is_a_tenth_of_the_yearly_lead_time() -> None:
    proc = invoices_like()
    threshold = high_impact_minutes(proc, compute_metrics(proc))
    assert threshold == pytest.approx(0.1 * (10 + 20 + 6 + 600) * 100)
    assert quadrant(threshold, 1, threshold) == "Quick win"
    assert quadrant(threshold - 1, 1, threshold) == "Fill-in"
    assert quadrant(threshold - 1, 2, threshold) == "Fill-in"
    assert quadrant(threshold - 1, 3, threshold) == "Time sink"
    assert quadrant(threshold, 3, threshold) == "Major project"
    assert quadrant(threshold * 5, 5, threshold) == "Major project"


def test_without_a_yearly_lead_time_anything_that_saves_is_high() -> None:
    assert quadrant(1.0, 1, 0.0) == "Quick win"
    assert quadrant(0.0, 1, 0.0) == "Fill-in"
    assert quadrant(0.0, 4, 0.0) == "Time sink"


def test_automating_a_non_value_added_or_unoptimized_step_warns() -> None:
    proc = invoices_like()
    automate_b = Action("x", "automate", "Robot for B", ("B",))
    warnings = automation_warnings(replace(proc, actions=(automate_b,)))
    assert warnings == (
        "Optimize before you automate: in 'Robot for B', 'Step B' is not value-added or "
        "necessary; 'Step B' has not been eliminated, combined, rearranged or simplified yet.",
    )


def test_automating_an_optimized_value_added_step_is_fine() -> None:
    proc = invoices_like()
    simplify = Action("s", "simplify", "Shorter A", ("A",))
    automate = Action("x", "automate", "Robot for A", ("A",))
    assert automation_warnings(replace(proc, actions=(simplify, automate))) == ()
    dropped = replace(simplify, status="dropped")
    (warning,) = automation_warnings(replace(proc, actions=(dropped, automate)))
    assert "'Step A' has not been eliminated" in warning
    assert "not value-added" not in warning


def test_only_automate_actions_warn() -> None:
    proc = invoices_like()
    actions = tuple(Action(v, v, v, ("B",)) for v in ("eliminate", "combine", "simplify"))
    assert automation_warnings(replace(proc, actions=actions)) == ()


def test_impact_words_say_waiting_per_case_and_work_apart() -> None:
    impact = Impact(0, 1500.0, True, wait_minutes_per_run=2880, work_minutes_per_year=6000)
    assert impact_words(impact, "USD") == (
        "2 days less waiting per case",
        "100 h of work a year",
        "1,500 USD a year",
    )
    assert impact_words(Impact(0, 0, True), "USD") == ()
