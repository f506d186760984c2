"""Actions of the improvement plan: what each one saves, its quadrant, and ECRS order.

**Impact** (``action_impact``) is what an action saves, waiting and work kept apart:

- estimated (no ``impact_minutes_per_year`` typed): the share of the addressed finding that
  the action's ECRS verb plausibly changes (``VERB_SHARES``): eliminate takes all of the
  finding's waiting and hands-on time; combine and rearrange take its waiting (steps stop
  waiting for each other) but not its work; simplify takes half its hands-on time; automate
  takes its hands-on time (a system does the work; the queue stays). Waiting is saved as
  calendar time per case, work as hours a year and money (the finding's ``cost_per_year``
  times the work share: waiting costs no wages). ``basis`` says how it was estimated;
- typed: the action's own minutes a year, counted as hands-on work; money is the finding's
  ``cost_per_year`` scaled by typed minutes ÷ the finding's minutes, or, without a finding,
  the typed minutes at the mean rate of its steps' lanes (the process rate when it names none);
- nothing (0) when it names no finding and no minutes, or a finding no longer on the map.

``minutes_per_year`` stays the total (waiting a year + work a year), which the quadrant uses.

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

from app.analysis.finding import Finding
from app.analysis.metrics import Metrics
from app.analysis.wording import hours_per_year, money, quoted_names, work_hours
from app.process.durations import format_duration
from app.process.model import Action, Process

Quadrant = Literal["Quick win", "Major project", "Fill-in", "Time sink"]
QUADRANTS: tuple[Quadrant, ...] = ("Quick win", "Major project", "Fill-in", "Time sink")
HIGH_EFFORT = 3
HIGH_IMPACT_SHARE = 0.10
OPTIMIZING_VERBS = frozenset({"eliminate", "combine", "rearrange", "simplify"})
AUTOMATABLE_VALUES = frozenset({"value-added", "business-necessary"})


# verb → (share of the finding's waiting, share of its hands-on work, how it was estimated)
VERB_SHARES: dict[str, tuple[float, float, str]] = {
    "eliminate": (1.0, 1.0, "the step goes: all of its waiting and hands-on time"),
    "combine": (1.0, 0.0, "combined work stops waiting between steps: its waiting, not its work"),
    "rearrange": (1.0, 0.0, "reordered work stops waiting: its waiting, not its work"),
    "simplify": (0.0, 0.5, "a simpler step: half its hands-on time; the waiting stays"),
    "automate": (0.0, 1.0, "a system does the hands-on work; the waiting stays"),
}


@dataclass(frozen=True, slots=True)
class Impact:
    """What an action saves; ``estimated`` when it comes from the finding, ``basis`` says how.

    ``wait_minutes_per_run`` is calendar time each case waits less; ``work_minutes_per_year``
    hands-on time a year; ``minutes_per_year`` their yearly total.
    """

    minutes_per_year: float
    money_per_year: float
    estimated: bool
    wait_minutes_per_run: float = 0.0
    work_minutes_per_year: float = 0.0
    basis: str = ""


def finding_by_key(findings: Sequence[Finding], key: str) -> Finding | None:
    """The finding named by ``key``, or None when the map no longer has it."""
    return next((finding for finding in findings if finding.key == key), None)


def action_impact(
    process: Process, action: Action, metrics: Metrics, findings: Sequence[Finding]
) -> Impact:
    """What ``action`` saves (see the module docstring)."""
    del metrics  # the findings already carry what the metrics say; kept for one call shape
    finding = finding_by_key(findings, action.finding) if action.finding else None
    typed = action.impact_minutes_per_year
    if typed is None:
        if finding is None:
            return Impact(0.0, 0.0, estimated=True)
        return estimated_impact(action, finding, process.runs_per_year)
    if finding is not None and finding.minutes_per_year > 0:
        money = finding.cost_per_year * typed / finding.minutes_per_year
    else:
        money = typed / 60 * _mean_rate(process, action.steps)
    basis = "typed with the action, counted as hands-on work"
    return Impact(typed, money, False, work_minutes_per_year=typed, basis=basis)


def estimated_impact(action: Action, finding: Finding, runs_per_year: float) -> Impact:
    """The share of ``finding`` the action's verb plausibly changes (``VERB_SHARES``)."""
    wait_share, work_share, how = VERB_SHARES.get(action.verb, (0.0, 0.0, "unknown verb"))
    wait = wait_share * finding.wait_minutes_per_run
    work = work_share * finding.work_minutes_per_year
    return Impact(
        minutes_per_year=wait * runs_per_year + work,
        money_per_year=work_share * finding.cost_per_year,
        estimated=True,
        wait_minutes_per_run=wait,
        work_minutes_per_year=work,
        basis=f"est. from the finding ({action.verb}: {how})",
    )


def impact_words(impact: Impact, currency: str) -> tuple[str, ...]:
    """What an action saves, in the units people think in: waiting per case, work, money."""
    words = []
    if impact.wait_minutes_per_run > 0:
        words.append(f"{format_duration(impact.wait_minutes_per_run)} less waiting per case")
    if impact.work_minutes_per_year > 0:
        words.append(f"{work_hours(impact.work_minutes_per_year)} a year")
    if impact.money_per_year > 0:
        words.append(f"{money(impact.money_per_year, currency)} a year")
    if not words and impact.minutes_per_year > 0:  # an Impact built before the split
        words.append(f"{hours_per_year(impact.minutes_per_year)} a year")
    return tuple(words)


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
