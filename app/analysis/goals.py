"""Goals that can be measured: the SMART check of method.md and the sentence a goal reads as.

One check serves the file import, the UI and the PDF. A goal needs a metric (built in, or
custom with its unit, direction and data source), a baseline (default: the measured value),
a target strictly better than the baseline, a deadline after today, a named owner and how it
is measured. Built-in duration goals are in ``goal.unit`` (default minutes); ``pce`` and
``first_pass_yield`` are fractions from 0 to 1, written as percentages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

from app.analysis.metrics import Metrics, compute_metrics
from app.analysis.wording import long_date, money, percent, plain_number
from app.process.durations import DurationError, format_duration, parse_duration
from app.process.model import Goal, Process

Direction = Literal["decrease", "increase"]
DEFAULT_DEADLINE_DAYS = 90
MEASURED_SOURCE = "measured from the process map"


@dataclass(frozen=True, slots=True)
class MetricSpec:
    """A built-in goal metric: its words, its unit, which way is better and where to read it."""

    key: str
    label: str
    unit: Literal["minutes", "fraction", "count", "money"]
    direction: Direction
    attribute: str

    def read(self, metrics: Metrics) -> float:
        """The metric's value in ``metrics`` (minutes, a 0..1 fraction, a count or money)."""
        return float(getattr(metrics, self.attribute))


BUILTIN_METRICS: dict[str, MetricSpec] = {
    spec.key: spec
    for spec in (
        MetricSpec("lead_time", "lead time", "minutes", "decrease", "lead_time_minutes"),
        MetricSpec("touch_time", "touch time", "minutes", "decrease", "touch_minutes"),
        MetricSpec("wait_time", "wait time", "minutes", "decrease", "wait_minutes"),
        MetricSpec(
            "value_added_time", "value-added time", "minutes", "increase", "value_added_minutes"
        ),
        MetricSpec("pce", "process cycle efficiency", "fraction", "increase", "pce"),
        MetricSpec("handoffs", "handoffs", "count", "decrease", "handoffs"),
        MetricSpec("approvals", "approvals", "count", "decrease", "approvals"),
        MetricSpec("cost_per_run", "cost per run", "money", "decrease", "cost_per_run"),
        MetricSpec("annual_cost", "annual cost", "money", "decrease", "annual_cost"),
        MetricSpec(
            "first_pass_yield", "first-pass yield", "fraction", "increase", "first_pass_yield"
        ),
    )
}


def metric_label(metric: str) -> str:
    """The words for a metric: the built-in label, else the custom name with spaces."""
    spec = BUILTIN_METRICS.get(metric)
    return spec.label if spec else metric.replace("_", " ").strip()


def goal_direction(goal: Goal) -> Direction | None:
    """The goal's own direction, else the built-in metric's."""
    spec = BUILTIN_METRICS.get(goal.metric)
    return goal.direction or (spec.direction if spec else None)


def minutes_per_unit(unit: str) -> float | None:
    """How many minutes one ``unit`` of a duration goal is (``""`` is minutes); None if unknown."""
    try:
        return parse_duration(f"1 {unit or 'min'}")
    except DurationError:
        return None


def resolve_baseline(goal: Goal, metrics: Metrics, today: dt.date) -> Goal:
    """The goal with an omitted baseline of a built-in metric filled from ``metrics``.

    The measured value is converted to the goal's unit, dated ``today`` and its source noted.
    A goal that has a baseline, a custom metric or a map that cannot be measured is unchanged.
    """
    spec = BUILTIN_METRICS.get(goal.metric)
    if goal.baseline is not None or spec is None or not metrics.computable:
        return goal
    value = spec.read(metrics)
    if spec.unit == "minutes":
        factor = minutes_per_unit(goal.unit)
        if factor is None:
            return goal
        value /= factor
    return replace(goal, baseline=value, baseline_date=today, baseline_source=MEASURED_SOURCE)


def check_goal(goal: Goal, *, today: dt.date, measured: Metrics | None = None) -> tuple[str, ...]:
    """What keeps ``goal`` from being SMART, one plain sentence each; empty when it is.

    With ``measured``, an omitted baseline of a built-in metric is taken from the measurement.
    """
    if measured is not None:
        goal = resolve_baseline(goal, measured, today)
    name = _goal_name(goal)
    return (
        *_metric_problems(goal, name),
        *_value_problems(goal, name),
        *_deadline_problems(goal, name, today),
        *_people_problems(goal, name),
    )


def _goal_name(goal: Goal) -> str:
    if goal.statement.strip():
        return f"'{goal.statement.strip()}'"
    label = metric_label(goal.metric)
    return f"The {label} goal" if label else "The goal"


def _metric_problems(goal: Goal, name: str) -> list[str]:
    spec = BUILTIN_METRICS.get(goal.metric)
    label = metric_label(goal.metric)
    if not label:
        return [f"{name} has no metric: say what will be measured, for example lead time."]
    if spec is None:
        return _custom_metric_problems(goal, name, label)
    problems = []
    if goal.direction and goal.direction != spec.direction:
        better = "down" if spec.direction == "decrease" else "up"
        problems.append(f"{name} aims to {goal.direction} {label}, but it is better {better}.")
    if spec.unit == "minutes" and minutes_per_unit(goal.unit) is None:
        problems.append(
            f"{name} counts {label} in '{goal.unit}': use minutes, hours, days or weeks."
        )
    return problems


def _custom_metric_problems(goal: Goal, name: str, label: str) -> list[str]:
    problems = []
    if not goal.unit.strip():
        problems.append(
            f"{name} has no unit: say what {label} is counted in (for example errors, days or %)."
        )
    if goal.direction is None:
        problems.append(f"{name} does not say whether {label} should go up or down.")
    return problems


def _value_problems(goal: Goal, name: str) -> list[str]:
    label = metric_label(goal.metric) or "it"
    problems = []
    if goal.baseline is None:
        problems.append(f"{name} has no baseline: say where {label} stands today.")
    if goal.target is None:
        problems.append(f"{name} has no target: say from {_how_many(goal)} to how many.")
    problems += [_range_problem(goal, name, value) for value in (goal.baseline, goal.target)]
    problems.append(_not_better_problem(goal, name))
    return [problem for problem in problems if problem]


def _how_many(goal: Goal) -> str:
    """``how many days`` and the like, for the sentence asking for a target."""
    spec = BUILTIN_METRICS.get(goal.metric)
    if spec is None:
        return f"how many {goal.unit}".strip() if goal.unit.strip() else "how much"
    if spec.unit == "minutes":
        return f"how many {_duration_words(goal)}"
    if spec.unit == "fraction":
        return "what percentage"
    return f"how many {spec.label}" if spec.unit == "count" else "how much"


def _duration_words(goal: Goal) -> str:
    """The unit a person counts this duration in: the baseline's, else the goal's, else days."""
    factor = minutes_per_unit(goal.unit)
    if goal.baseline is not None and factor is not None:
        unit = format_duration(goal.baseline * factor).split()[-1]
        return {"min": "minutes", "h": "hours", "day": "days", "week": "weeks"}.get(unit, unit)
    if goal.unit.strip() and factor not in (None, 1.0):
        return goal.unit.strip()
    return "days"


def _range_problem(goal: Goal, name: str, value: float | None) -> str:
    spec = BUILTIN_METRICS.get(goal.metric)
    if value is None or spec is None:
        return ""
    if spec.unit == "fraction" and not 0 <= value <= 1:
        return (
            f"{name} gives {spec.label} as {plain_number(value, decimals=3)}: write it as a "
            "fraction from 0 to 1 (0.25 for 25 %)."
        )
    if value < 0:
        return f"{name} gives {spec.label} as {plain_number(value)}: it cannot be below 0."
    return ""


def _not_better_problem(goal: Goal, name: str) -> str:
    direction = goal_direction(goal)
    if goal.baseline is None or goal.target is None or direction is None:
        return ""
    target, baseline = goal_value(goal, goal.target), goal_value(goal, goal.baseline)
    if direction == "decrease" and goal.target >= goal.baseline:
        return f"{name} does not improve: the target {target} is not below the baseline {baseline}."
    if direction == "increase" and goal.target <= goal.baseline:
        return f"{name} does not improve: the target {target} is not above the baseline {baseline}."
    return ""


def _deadline_problems(goal: Goal, name: str, today: dt.date) -> list[str]:
    if goal.due is None:
        example = _long_date(today + dt.timedelta(days=DEFAULT_DEADLINE_DAYS))
        return [f"{name} has no deadline: say by when, for example by {example}."]
    if goal.due <= today:
        return [
            f"{name} is due {_long_date(goal.due)}, which is not after today: choose a later date."
        ]
    return []


def _people_problems(goal: Goal, name: str) -> list[str]:
    problems = []
    if not goal.owner.strip():
        problems.append(f"{name} has no owner: name the person who answers for it.")
    if not goal.measured_by.strip():
        problems.append(
            f"{name} does not say how it is measured: name the data source and how often "
            "(for example 'weekly, from the invoice log')."
        )
    return problems


def _long_date(day: dt.date) -> str:
    return long_date((day.day, day.month, day.year))


def goal_value(goal: Goal, value: float, *, currency: str = "") -> str:
    """One value of the goal as a person reads it: ``5 days``, ``25 %``, ``1,200 USD``, ``3``."""
    spec = BUILTIN_METRICS.get(goal.metric)
    if spec is None:
        unit = goal.unit.strip()
        return f"{plain_number(value)} {unit}".strip()
    if spec.unit == "minutes":
        factor = minutes_per_unit(goal.unit)
        return format_duration(value * factor) if factor else f"{plain_number(value)} {goal.unit}"
    if spec.unit == "fraction":
        return percent(value)
    if spec.unit == "money":
        unit = goal.unit.strip()
        return money(value, unit if unit and unit.lower() != "money" else currency)
    return plain_number(value)


def goal_sentence(goal: Goal, *, currency: str = "") -> str:
    """The goal in one sentence, as method.md writes it.

    "Reduce lead time from 5 days to 2 days by 31 March 2027 — owner: Dana Ortiz, measured
    weekly from the invoice log." Parts the goal lacks are left out. Money goals show
    ``goal.unit`` as the currency when it names one, else ``currency``.
    """
    direction = goal_direction(goal)
    verb = {"decrease": "Reduce", "increase": "Increase"}.get(direction or "", "Change")
    text = f"{verb} {metric_label(goal.metric) or 'the metric'}"
    if goal.baseline is not None:
        text += f" from {goal_value(goal, goal.baseline, currency=currency)}"
    if goal.target is not None:
        text += f" to {goal_value(goal, goal.target, currency=currency)}"
    if goal.due is not None:
        text += f" by {_long_date(goal.due)}"
    return text + _who_and_how(goal) + "."


def _who_and_how(goal: Goal) -> str:
    parts = []
    if goal.owner.strip():
        parts.append(f"owner: {goal.owner.strip()}")
    how = goal.measured_by.strip().rstrip(".")
    if how:
        parts.append(how if how.lower().startswith("measured") else f"measured {how}")
    return " — " + ", ".join(parts) if parts else ""


def settle_imported_goals(process: Process, today: dt.date) -> tuple[Process, tuple[str, ...]]:
    """Goals as a file brought them in: omitted baselines measured, SMART gaps listed.

    A goal that is not (or no longer) SMART is kept, not refused: an older plan may have a
    deadline in the past. What it lacks is returned as notes, one sentence each, with its place.
    """
    metrics = compute_metrics(process)
    goals = tuple(resolve_baseline(goal, metrics, today) for goal in process.goals)
    notes = tuple(
        f"goals[{index}]: {problem}"
        for index, goal in enumerate(goals)
        for problem in check_goal(goal, today=today)
    )
    return replace(process, goals=goals), notes


def typed_fraction(value: float, text: str) -> float:
    """A 0..1 fraction from a number typed for a percentage metric (PCE, first-pass yield).

    ``25 %``, ``25`` and ``1`` are percentages (0.25, 0.25, 0.01); a decimal number up to 1,
    such as ``0.25``, is already a fraction; ``12.5`` is 12.5 %.
    """
    written_as_fraction = "%" not in text and any(mark in text for mark in ".,") and value <= 1
    return value if written_as_fraction else value / 100
