"""Summaries of replications: means with a Student-t 95 % interval, percentiles, a histogram."""

from __future__ import annotations

import math
from collections.abc import Sequence

# t(0.975, df) for df = 1 … 30; beyond that the series 1.96 + 2.4/df is within 0.003.
_T975 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip


def t_quantile(degrees_of_freedom: int) -> float:
    """The two-sided 95 % quantile of Student's t."""
    if degrees_of_freedom <= len(_T975):
        return _T975[degrees_of_freedom - 1]
    return 1.96 + 2.4 / degrees_of_freedom


def mean(values: Sequence[float]) -> float:
    """The arithmetic mean (0 for nothing)."""
    return math.fsum(values) / len(values) if values else 0.0


def interval(values: Sequence[float]) -> tuple[float, float] | None:
    """The 95 % confidence interval of the mean of independent ``values``; None below two."""
    if len(values) < 2:
        return None
    centre = mean(values)
    variance = math.fsum((value - centre) ** 2 for value in values) / (len(values) - 1)
    half = t_quantile(len(values) - 1) * math.sqrt(variance / len(values))
    return centre - half, centre + half


def percentile(ordered: Sequence[float], share: float) -> float:
    """The nearest-rank percentile of sorted values."""
    if not ordered:
        return 0.0
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def histogram(ordered: Sequence[float], bins: int = 20) -> tuple[list[float], list[int]]:
    """Equal-width bins from the least to the greatest value: edges and counts."""
    if not ordered:
        return [], []
    low, high = ordered[0], ordered[-1]
    width = (high - low) / bins if high > low else 1.0
    counts = [0] * bins
    for value in ordered:
        counts[min(bins - 1, int((value - low) / width))] += 1
    return [low + width * index for index in range(bins + 1)], counts
