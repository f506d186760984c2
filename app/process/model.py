"""The process snapshot: immutable dataclasses every view of a process is computed from.

A snapshot mirrors the process file of interchange.md. Ids of lanes and steps are the short
keys of the file (``"s1"``, ``"ap"``), unique within one process; the database keeps its own
UUID keys beside them. Durations are minutes of elapsed time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from app.process.control import Control

StepKind = Literal["start", "task", "approval", "decision", "end"]
ValueClass = Literal["value-added", "business-necessary", "non-value-added"]
LaneKind = Literal["role", "system"]
EcrsVerb = Literal["eliminate", "combine", "rearrange", "simplify", "automate"]
ActionStatus = Literal["open", "done", "dropped"]

STEP_KINDS: tuple[StepKind, ...] = ("start", "task", "approval", "decision", "end")
VALUE_CLASSES: tuple[ValueClass, ...] = ("value-added", "business-necessary", "non-value-added")
LANE_KINDS: tuple[LaneKind, ...] = ("role", "system")
BRANCHING_KINDS: frozenset[str] = frozenset({"decision", "approval"})
# The Define fields of a process that are free text (SIPOC, problem, scope), in file order.
DEFINE_TEXT_FIELDS: tuple[str, ...] = (
    "description",
    "trigger",
    "outcome",
    "customer",
    "customer_need",
    "owner",
    "organisation",
    "problem",
    "scope_in",
    "scope_out",
    "inputs",
)
ECRS_VERBS: tuple[EcrsVerb, ...] = ("eliminate", "combine", "rearrange", "simplify", "automate")
ACTION_STATUSES: tuple[ActionStatus, ...] = ("open", "done", "dropped")
FISHBONE_CATEGORIES: tuple[str, ...] = (
    "People/Skills",
    "Policies",
    "Procedures/Methods",
    "Systems & Equipment",
    "Information/Inputs",
    "Measurement",
    "Environment",
)

Extra = Mapping[str, Any]


def _no_extra() -> dict[str, Any]:
    return {}


@dataclass(frozen=True, slots=True)
class Interview:
    """Who was interviewed about the process, by whom and when."""

    interviewee: str = ""
    role: str = ""
    interviewer: str = ""
    date: dt.date | None = None
    notes: str = ""
    extra: Extra = field(default_factory=_no_extra)


@dataclass(frozen=True, slots=True)
class Lane:
    """A role, team or system: one swimlane. ``hourly_rate`` is a loaded cost, or None."""

    id: str
    name: str
    hourly_rate: float | None = None
    kind: LaneKind = "role"
    extra: Extra = field(default_factory=_no_extra)


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the process, done in one lane."""

    id: str
    lane: str
    name: str
    kind: StepKind = "task"
    touch_minutes: float = 0.0
    wait_minutes: float = 0.0
    value: ValueClass | None = None
    why: str = ""
    habit: bool = False
    systems: tuple[str, ...] = ()
    rekeys_data: bool = False
    pain_points: str = ""
    notes: str = ""
    extra: Extra = field(default_factory=_no_extra)


@dataclass(frozen=True, slots=True)
class Flow:
    """A sequence flow between two steps; ``probability`` only matters where a step branches."""

    source: str
    target: str
    label: str = ""
    probability: float | None = None
    extra: Extra = field(default_factory=_no_extra)


@dataclass(frozen=True, slots=True)
class Goal:
    """A measurable goal: from ``baseline`` to ``target`` in ``unit`` by ``due``."""

    metric: str
    target: float | None = None
    baseline: float | None = None
    unit: str = ""
    due: dt.date | None = None
    owner: str = ""
    measured_by: str = ""
    statement: str = ""
    direction: Literal["decrease", "increase"] | None = None
    baseline_date: dt.date | None = None
    baseline_source: str = ""
    extra: Extra = field(default_factory=_no_extra)


@dataclass(frozen=True, slots=True)
class Action:
    """An improvement action: its ECRS verb, the steps and finding it addresses, who and when.

    ``effort`` runs from 1 (an afternoon) to 5 (a project). ``impact_minutes_per_year`` is the
    time it saves a year; None means "estimate it from the finding it addresses".
    """

    id: str
    verb: EcrsVerb
    title: str
    steps: tuple[str, ...] = ()
    finding: str = ""
    owner: str = ""
    due: dt.date | None = None
    effort: int = 3
    impact_minutes_per_year: float | None = None
    status: ActionStatus = "open"
    notes: str = ""
    extra: Extra = field(default_factory=_no_extra)


@dataclass(frozen=True, slots=True)
class WhyNode:
    """One answer to "why?"; its children answer "why?" about it (the 5 whys may branch)."""

    text: str
    children: tuple[WhyNode, ...] = ()


def _no_causes() -> dict[str, tuple[str, ...]]:
    return {}


@dataclass(frozen=True, slots=True)
class RootCause:
    """Root-cause notes on one finding (named by its key): 5 whys and an office fishbone."""

    finding: str
    whys: tuple[WhyNode, ...] = ()
    fishbone: Mapping[str, tuple[str, ...]] = field(default_factory=_no_causes)
    conclusion: str = ""
    extra: Extra = field(default_factory=_no_extra)


@dataclass(frozen=True, slots=True)
class Process:
    """One process with everything the process file carries.

    ``actions`` and ``root_causes`` carry the improvement plan, ``future_state`` the map with
    the actions applied (lanes, steps and flows of its own), ``control`` the control phase.
    """

    name: str
    id: str = ""
    description: str = ""
    trigger: str = ""
    outcome: str = ""
    customer: str = ""
    customer_need: str = ""
    owner: str = ""
    organisation: str = ""
    problem: str = ""
    scope_in: str = ""
    scope_out: str = ""
    inputs: str = ""
    runs_per_year: float = 0.0
    hourly_rate: float = 0.0
    currency: str = "USD"
    interviews: tuple[Interview, ...] = ()
    lanes: tuple[Lane, ...] = ()
    steps: tuple[Step, ...] = ()
    flows: tuple[Flow, ...] = ()
    goals: tuple[Goal, ...] = ()
    actions: tuple[Action, ...] = ()
    root_causes: tuple[RootCause, ...] = ()
    fishbone_categories: tuple[str, ...] = FISHBONE_CATEGORIES
    future_state: Process | None = None
    control: Control = field(default_factory=Control)
    extra: Extra = field(default_factory=_no_extra)
    file_extra: Extra = field(default_factory=_no_extra)

    def lane_by_id(self) -> dict[str, Lane]:
        """The lanes keyed by their id."""
        return {lane.id: lane for lane in self.lanes}

    def step_by_id(self) -> dict[str, Step]:
        """The steps keyed by their id."""
        return {step.id: step for step in self.steps}

    def outgoing(self) -> dict[str, list[Flow]]:
        """Each step id mapped to its outgoing flows, in file order."""
        result: dict[str, list[Flow]] = {step.id: [] for step in self.steps}
        for flow in self.flows:
            result.setdefault(flow.source, []).append(flow)
        return result

    def lane_rate(self, lane_id: str) -> float:
        """The hourly rate that applies to work in a lane: its own, else the process rate."""
        lane = self.lane_by_id().get(lane_id)
        if lane is not None and lane.hourly_rate is not None:
            return lane.hourly_rate
        return self.hourly_rate
