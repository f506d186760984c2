"""Summary figures of a list of durations, defined once: median, P85 (nearest rank), mean."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Spread:
    """How long something took across cases, in minutes."""

    count: int
    median: float
    p85: float
    mean: float

    def as_json(self) -> dict[str, float]:
        return {"median": self.median, "p85": self.p85, "mean": self.mean}


def spread(values: Sequence[float]) -> Spread | None:
    """Median, P85 and mean of ``values``; None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    return Spread(len(ordered), statistics.median(ordered), percentile(ordered, 85), _mean(ordered))


def percentile(ordered: Sequence[float], share: float) -> float:
    """The nearest-rank percentile of sorted ``ordered``: the smallest value with ``share`` % at
    or below it."""
    rank = max(1, math.ceil(share / 100 * len(ordered)))
    return ordered[rank - 1]


def median_or_none(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)
