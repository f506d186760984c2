"""What the map highlights from the analysis, per step: badges, wait heat, lead-time share.

Qt-free: a pure function of the snapshot, so it can be tested and benchmarked on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from app.analysis.metrics import compute_metrics
from app.process.model import Process

BADGE_ORDER = ("approval", "rework", "habit", "rekeyed")


@dataclass(frozen=True, slots=True)
class StepDecor:
    """One step's highlights. ``heat`` is its expected wait relative to the longest (0–1);
    ``share`` is its part of the lead time, v(s)·(touch + wait) ÷ lead time (0–1)."""

    badges: tuple[str, ...] = ()
    heat: float = 0.0
    share: float = 0.0
    visits: float = 1.0


PLAIN = StepDecor()


@dataclass(frozen=True, slots=True)
class MapOverlay:
    """The highlights of every step, and the lead time they are shares of."""

    steps: Mapping[str, StepDecor] = field(default_factory=lambda: MappingProxyType({}))
    lead_time_minutes: float = 0.0
    computable: bool = False

    def decor(self, step_id: str) -> StepDecor:
        return self.steps.get(step_id, PLAIN)


def compute_overlay(process: Process) -> MapOverlay:
    """Badges for approvals, rework, habit and re-keyed data; heat by wait; lead-time shares."""
    metrics = compute_metrics(process)
    visits = metrics.visits if metrics.computable else {}
    rework = _rework_steps(process, metrics.rework_flows)
    expected_wait = {s.id: visits.get(s.id, 1.0) * s.wait_minutes for s in process.steps}
    longest = max(expected_wait.values(), default=0.0)
    lead = metrics.lead_time_minutes if metrics.computable else 0.0
    steps: dict[str, StepDecor] = {}
    for step in process.steps:
        seen = visits.get(step.id, 1.0)
        flags = {
            "approval": step.kind == "approval",
            "rework": step.id in rework,
            "habit": step.habit,
            "rekeyed": step.rekeys_data,
        }
        steps[step.id] = StepDecor(
            badges=tuple(name for name in BADGE_ORDER if flags[name]),
            heat=expected_wait[step.id] / longest if longest > 0 else 0.0,
            share=seen * (step.touch_minutes + step.wait_minutes) / lead if lead > 0 else 0.0,
            visits=seen,
        )
    return MapOverlay(MappingProxyType(steps), lead, metrics.computable)


def _rework_steps(process: Process, flow_indexes: tuple[int, ...]) -> frozenset[str]:
    """The steps that send work back (the sources of rework flows)."""
    flows = process.flows
    return frozenset(flows[i].source for i in flow_indexes if 0 <= i < len(flows))
