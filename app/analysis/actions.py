"""Actions of the improvement plan: what each one saves, its quadrant, and ECRS order.

**Impact** (``action_impact``) is minutes and money saved per year:

- minutes: the action's own ``impact_minutes_per_year`` when set, else the minutes per year of
  the finding it addresses (0 when it names none, or one that is no longer on the map);
- money: the finding's ``cost_per_year`` (hands-on time at the lanes' rates; waiting costs no
  wages), scaled by typed minutes ÷ the finding's minutes when the time is overridden. An action
  without a finding counts its typed minutes as hands-on time at the mean rate of its steps'
  lanes (the process rate when it names no step).

**Quadrant** (``quadrant``), impact × effort:

- effort is high from ``HIGH_EFFORT`` (3 of 5) up: the middle of the scale is already more than
  an afternoon's work, so only 1 and 2 are quick;
- impact is high when the action saves at least ``HIGH_IMPACT_SHARE`` (10 %) of the process's
  yearly lead time (lead time per run × runs per year). An absolute share keeps an action's
  quadrant the same whatever other actions are planned; a median would call one lone action
  high. Without a yearly lead time (no runs per year, no map) every action that saves anything
  is high.

**ECRS order** (``automation_warnings``): an "automate" action on a step that is
non-value-added or unclassified, or on a step no eliminate/combine/rearrange/simplify action
addresses yet, gets one sentence naming those steps. Dropped actions count for nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import Literal

from app.analysis.findings import Finding
from app.analysis.metrics import Metrics
from app.analysis.wording import quoted_names
from app.process.model import Action, Process

Quadrant = Literal["Quick win", "Major project", "Fill-in", "Time sink"]
QUADRANTS: tuple[Quadrant, ...] = ("Quick win", "Major project", "Fill-in", "Time sink")
HIGH_EFFORT = 3
HIGH_IMPACT_SHARE = 0.10
OPTIMIZING_VERBS = frozenset({"eliminate", "combine", "rearrange", "simplify"})
AUTOMATABLE_VALUES = frozenset({"value-added", "business-necessary"})


@dataclass(frozen=True, slots=True)
class Impact:
    """What an action saves a year; ``estimated`` when it comes from the finding."""

    minutes_per_year: float
    money_per_year: float
    estimated: bool


def finding_by_key(findings: Sequence[Finding], key: str) -> Finding | None:
    """The finding named by ``key``, or None when the map no longer has it."""
    return next((finding for finding in findings if finding.key == key), None)


def action_impact(
    process: Process, action: Action, metrics: Metrics, findings: Sequence[Finding]
) -> Impact:
    """Minutes and money ``action`` saves a year (see the module docstring)."""
    del metrics  # the findings already carry what the metrics say; kept for one call shape
    finding = finding_by_key(findings, action.finding) if action.finding else None
    typed = action.impact_minutes_per_year
    if typed is None:
        if finding is None:
            return Impact(0.0, 0.0, estimated=True)
        return Impact(finding.minutes_per_year, finding.cost_per_year, estimated=True)
    if finding is not None and finding.minutes_per_year > 0:
        money = finding.cost_per_year * typed / finding.minutes_per_year
    else:
        money = typed / 60 * _mean_rate(process, action.steps)
    return Impact(typed, money, estimated=False)


def _mean_rate(process: Process, step_ids: Sequence[str]) -> float:
    steps = process.step_by_id()
    lanes = [steps[step_id].lane for step_id in step_ids if step_id in steps]
    if not lanes:
        return process.hourly_rate
    return fmean(process.lane_rate(lane) for lane in lanes)


def high_impact_minutes(process: Process, metrics: Metrics) -> float:
    """The minutes a year from which an action's impact counts as high."""
    return HIGH_IMPACT_SHARE * metrics.lead_time_minutes * process.runs_per_year


def is_high_impact(minutes_per_year: float, threshold: float) -> bool:
    return minutes_per_year > 0 and minutes_per_year >= threshold


def is_high_effort(effort: int) -> bool:
    return effort >= HIGH_EFFORT


def quadrant(minutes_per_year: float, effort: int, threshold: float) -> Quadrant:
    """Quick win, major project, fill-in or time sink (see the module docstring)."""
    high_impact = is_high_impact(minutes_per_year, threshold)
    if is_high_effort(effort):
        return "Major project" if high_impact else "Time sink"
    return "Quick win" if high_impact else "Fill-in"


def optimized_steps(process: Process) -> frozenset[str]:
    """Steps an eliminate/combine/rearrange/simplify action (not dropped) addresses."""
    return frozenset(
        step_id
        for action in process.actions
        if action.verb in OPTIMIZING_VERBS and action.status != "dropped"
        for step_id in action.steps
    )


def automation_warning(process: Process, action: Action) -> str:
    """The "optimize before you automate" sentence for one action, or "" when it is fine."""
    if action.verb != "automate" or action.status == "dropped":
        return ""
    steps = process.step_by_id()
    optimized = optimized_steps(process)
    waste = [steps[i].name for i in action.steps if i in steps and _not_worth_it(steps[i].value)]
    untouched = [steps[i].name for i in action.steps if i in steps and i not in optimized]
    reasons = []
    if waste:
        reasons.append(f"{quoted_names(waste)} {_is_are(waste)} not value-added or necessary")
    if untouched:
        reasons.append(
            f"{quoted_names(untouched)} {_has_have(untouched)} not been eliminated, combined, "
            "rearranged or simplified yet"
        )
    if not reasons:
        return ""
    title = action.title or "automate"
    return f"Optimize before you automate: in '{title}', {'; '.join(reasons)}."


def _not_worth_it(value: str | None) -> bool:
    return value not in AUTOMATABLE_VALUES


def _is_are(names: Sequence[str]) -> str:
    return "is" if len(names) == 1 else "are"


def _has_have(names: Sequence[str]) -> str:
    return "has" if len(names) == 1 else "have"


def automation_warnings(process: Process) -> tuple[str, ...]:
    """One sentence per automate action that breaks ECRS order."""
    warnings = (automation_warning(process, action) for action in process.actions)
    return tuple(warning for warning in warnings if warning)


@dataclass(frozen=True, slots=True)
class RatedAction:
    """An action with what it saves and its quadrant, as the plan and the Improve tab show it."""

    action: Action
    impact: Impact
    quadrant: Quadrant
    high_impact: bool
    warning: str


def rate_actions(
    process: Process, metrics: Metrics, findings: Sequence[Finding]
) -> tuple[RatedAction, ...]:
    """Every action of ``process`` rated, in plan order."""
    threshold = high_impact_minutes(process, metrics)
    rated = []
    for action in process.actions:
        impact = action_impact(process, action, metrics, findings)
        rated.append(
            RatedAction(
                action,
                impact,
                quadrant(impact.minutes_per_year, action.effort, threshold),
                is_high_impact(impact.minutes_per_year, threshold),
                automation_warning(process, action),
            )
        )
    return tuple(rated)
