"""Before → after: the same metrics on the current map and on a future state, side by side."""

from __future__ import annotations

from dataclasses import dataclass

from app.analysis.goals import BUILTIN_METRICS, Direction
from app.analysis.metrics import Metrics, compute_metrics
from app.process.model import Process

# Changes smaller than this are rounding, not improvement.
_TOLERANCE = 1e-9


@dataclass(frozen=True, slots=True)
class MetricChange:
    """One metric before and after; ``delta`` is after − before, ``improved`` reads direction."""

    metric: str
    label: str
    unit: str
    direction: Direction
    before: float
    after: float
    delta: float
    improved: bool


def compare_metrics(before: Metrics, after: Metrics) -> tuple[MetricChange, ...]:
    """Every built-in metric, in the order of method.md's table, before and after."""
    changes = []
    for spec in BUILTIN_METRICS.values():
        old, new = spec.read(before), spec.read(after)
        delta = new - old
        better = delta < -_TOLERANCE if spec.direction == "decrease" else delta > _TOLERANCE
        changes.append(
            MetricChange(spec.key, spec.label, spec.unit, spec.direction, old, new, delta, better)
        )
    return tuple(changes)


def project(current: Process, future: Process) -> tuple[MetricChange, ...]:
    """Compute both maps' metrics and compare them."""
    return compare_metrics(compute_metrics(current), compute_metrics(future))
