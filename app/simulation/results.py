"""What a simulation found, and its JSON form (interchange.md, ``walkthrough simulate``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class LeadTime:
    """Lead time of the measured cases, minutes: mean (95 % interval over replications)."""

    mean: float
    ci95: tuple[float, float] | None
    p50: float
    p85: float
    p95: float


@dataclass(frozen=True, slots=True)
class RoleResult:
    """One lane with a capacity: measured utilisation (a fraction) beside the expected load."""

    lane: str
    name: str
    people: int
    utilisation: float | None
    ci95: tuple[float, float] | None
    expected: float
    idle_minutes_per_day: float | None


@dataclass(frozen=True, slots=True)
class StepResult:
    """One step: the mean wait before its work starts and the cases sitting there."""

    step: str
    name: str
    mean_wait_minutes: float | None
    ci95: tuple[float, float] | None
    mean_queue_length: float | None
    interviewed_wait_minutes: float
    queue_of: str | None  # the lane whose people it queues for; None = waits for nobody


@dataclass(frozen=True, slots=True)
class SimulationResult:
    """Every figure of one simulated scenario; ``lead_time`` is None when a role is overloaded."""

    cases: int
    replications: int
    warmup: int
    seed: int
    lead_time: LeadTime | None
    histogram_edges: tuple[float, ...]
    histogram_counts: tuple[int, ...]
    throughput_per_day: float | None
    wip: float | None
    roles: tuple[RoleResult, ...]
    steps: tuple[StepResult, ...]
    cost_per_case: float | None
    analytic_lead_time_minutes: float
    warnings: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The documented JSON keys, plus a few that only add detail."""
        return {
            "cases": self.cases,
            "replications": self.replications,
            "warmup": self.warmup,
            "seed": self.seed,
            "lead_time_minutes": _lead_json(self.lead_time),
            "analytic_lead_time_minutes": self.analytic_lead_time_minutes,
            "histogram": {
                "edges": list(self.histogram_edges),
                "counts": list(self.histogram_counts),
            },
            "throughput_per_day": self.throughput_per_day,
            "wip": self.wip,
            "roles": [_role_json(role) for role in self.roles],
            "steps": [_step_json(step) for step in self.steps],
            "cost_per_case": self.cost_per_case,
            "warnings": list(self.warnings),
        }


def _pair(value: tuple[float, float] | None) -> list[float] | None:
    return None if value is None else [value[0], value[1]]


def _lead_json(lead: LeadTime | None) -> dict[str, Any]:
    if lead is None:
        return dict.fromkeys(("mean", "ci95", "p50", "p85", "p95"))
    return {
        "mean": lead.mean,
        "ci95": _pair(lead.ci95),
        "p50": lead.p50,
        "p85": lead.p85,
        "p95": lead.p95,
    }


def _role_json(role: RoleResult) -> dict[str, Any]:
    return {
        "lane": role.lane,
        "name": role.name,
        "people": role.people,
        "utilisation": role.utilisation,
        "utilisation_ci95": _pair(role.ci95),
        "expected_utilisation": role.expected,
        "idle_minutes_per_day": role.idle_minutes_per_day,
    }


def _step_json(step: StepResult) -> dict[str, Any]:
    return {
        "step": step.step,
        "name": step.name,
        "mean_wait_minutes": step.mean_wait_minutes,
        "mean_wait_ci95": _pair(step.ci95),
        "mean_queue_length": step.mean_queue_length,
        "interviewed_wait_minutes": step.interviewed_wait_minutes,
        "queue_of": step.queue_of,
    }
