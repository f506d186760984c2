"""Where things go on a control chart, shared by the screen and the PDF renderers.

The value axis spans every point and line with a little room; date labels are spread so they
never crowd; line labels step aside so they never sit on each other.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from app.analysis.control_chart import ChartResult


def value_range(chart: ChartResult) -> tuple[float, float]:
    """The value axis: every point and every line (centre, limits, target), padded by 8 %."""
    values = [point.value for point in chart.points]
    lines = (chart.centre, chart.upper_limit, chart.lower_limit, chart.target)
    values += [value for value in lines if value is not None]
    if not values:
        return 0.0, 1.0
    low, high = min(values), max(values)
    pad = (high - low) * 0.08 or abs(high) * 0.1 or 1.0
    return low - pad, high + pad


def label_indices(count: int, width: float, spacing: float) -> list[int]:
    """Which points get a date under them: evenly spread, ``spacing`` apart, the last always."""
    if count == 0:
        return []
    every = max(1, math.ceil(count * spacing / max(width, 1.0)))
    indices = list(range(0, count, every))
    if indices[-1] != count - 1:
        if count - 1 - indices[-1] < every and len(indices) > 1:
            indices[-1] = count - 1
        else:
            indices.append(count - 1)
    return indices


def free_position(y: float, taken: Sequence[float], gap: float) -> float:
    """Move a label by ``gap`` (its sign is the direction) until it clears every other."""
    while any(abs(y - other) < abs(gap) for other in taken):
        y += gap
    return y
