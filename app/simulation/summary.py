"""Scenario results as rows of text with units, one column per scenario: the Simulate tab
shows them, and a printed plan can print the same rows (Qt-free)."""

from __future__ import annotations

from collections.abc import Sequence

from app.analysis.wording import money, percent
from app.process.durations import format_duration
from app.simulation.results import SimulationResult

NOT_FINITE = "no finite value"


def result_rows(
    results: Sequence[tuple[str, SimulationResult]], currency: str, queues: int | None = None
) -> list[tuple[str, list[str]]]:
    """(label, one text per scenario) rows; an overloaded scenario says so instead of a number.

    ``queues`` keeps only that many waits before queued steps, the longest simulated first.
    """
    found = [result for _, result in results]
    rows = [
        ("Lead time (mean)", [_lead(r, "mean") for r in found]),
        ("95 % interval", [_interval(r) for r in found]),
        ("P50", [_lead(r, "p50") for r in found]),
        ("P85", [_lead(r, "p85") for r in found]),
        ("P95", [_lead(r, "p95") for r in found]),
        (
            "Analytic lead time (typed waits)",
            [_duration(r.analytic_lead_time_minutes) for r in found],
        ),
        ("Throughput", [_number(r.throughput_per_day, " cases a day") for r in found]),
        ("Work in progress", [_number(r.wip, " cases") for r in found]),
        ("Cost per case", [_money(r.cost_per_case, currency) for r in found]),
    ]
    roles = dict.fromkeys(role.name for r in found for role in r.roles)
    for name in roles:
        rows.append((f"Utilisation · {name}", [_utilisation(r, name) for r in found]))
    return rows + _queue_rows(found, queues)


def queued_steps(found: Sequence[SimulationResult]) -> int:
    """How many steps queue for people, with a finite wait, in any of the results."""
    return len(
        {
            step.step
            for result in found
            for step in result.steps
            if step.queue_of and step.mean_wait_minutes is not None
        }
    )


def _queue_rows(
    found: Sequence[SimulationResult], limit: int | None
) -> list[tuple[str, list[str]]]:
    """The wait the interview gave before each queued step beside the one simulated."""
    return [
        (f"Wait before '{name}' (interview: {said})", cells)
        for name, said, cells in wait_rows(found, limit)
    ]


def wait_rows(
    found: Sequence[SimulationResult], limit: int | None = None
) -> list[tuple[str, str, list[str]]]:
    """(step, the interview's wait, one simulated wait per scenario) for each queued step.

    ``limit`` keeps that many, the longest simulated first (in map order).
    """
    queued = dict.fromkeys(
        (step.step, step.name, step.interviewed_wait_minutes)
        for result in found
        for step in result.steps
        if step.queue_of
    )
    if limit is not None:
        finite = [key for key in queued if _longest_wait(found, key[0]) is not None]
        longest = sorted(finite, key=lambda key: -(_longest_wait(found, key[0]) or 0.0))[:limit]
        queued = dict.fromkeys(key for key in queued if key in longest)
    return [
        (name, format_duration(said), [_wait(result, step_id) for result in found])
        for step_id, name, said in queued
    ]


def _longest_wait(found: Sequence[SimulationResult], step_id: str) -> float | None:
    """The longest finite simulated wait before a step (None: no scenario has one)."""
    waits = [
        step.mean_wait_minutes
        for result in found
        for step in result.steps
        if step.step == step_id and step.mean_wait_minutes is not None
    ]
    return max(waits, default=None)


def _wait(result: SimulationResult, step_id: str) -> str:
    step = next((step for step in result.steps if step.step == step_id), None)
    if step is None or step.mean_wait_minutes is None:
        return NOT_FINITE if result.lead_time is None else "—"
    return format_duration(step.mean_wait_minutes)


def _lead(result: SimulationResult, key: str) -> str:
    lead = result.lead_time
    return NOT_FINITE if lead is None else format_duration(getattr(lead, key))


def _interval(result: SimulationResult) -> str:
    lead = result.lead_time
    if lead is None or lead.ci95 is None:
        return NOT_FINITE if lead is None else "—"
    low, high = format_duration(lead.ci95[0]), format_duration(lead.ci95[1])
    if low == high:  # too narrow for the unit: say how far either side of the mean
        return (
            f"{format_duration(lead.mean)} ± {format_duration((lead.ci95[1] - lead.ci95[0]) / 2)}"
        )
    return f"{low} – {high}"


def _duration(minutes: float) -> str:
    return format_duration(minutes)


def _number(value: float | None, unit: str) -> str:
    return NOT_FINITE if value is None else f"{value:,.1f}{unit}"


def _money(value: float | None, currency: str) -> str:
    return NOT_FINITE if value is None else money(value, currency)


def _utilisation(result: SimulationResult, name: str) -> str:
    role = next((role for role in result.roles if role.name == name), None)
    if role is None:
        return "unlimited"
    people = f"{role.people} {'person' if role.people == 1 else 'people'}"
    if role.expected >= 1:
        return f"overloaded: {percent(role.expected)} of {people}"
    return "—" if role.utilisation is None else f"{percent(role.utilisation)} of {people}"
