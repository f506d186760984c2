"""The moving-range strip under an individuals chart: |xᵢ − xᵢ₋₁| per point, MR̄ and its limit.

Drawn on the same x positions as the individuals above it, so a jump and its moving range
line up; MR̄ is solid, the moving-range limit (3.267 · MR̄) dashed, both labelled with their
value in the metric's unit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.analysis.chart_axes import free_position
from app.analysis.control_chart import ChartResult
from app.export.pdf.fonts import REGULAR
from app.export.pdf.styles import ACCENT, INK, MUTED, RULE

Format = Callable[[float], str]


def moving_range_top(chart: ChartResult) -> float:
    """The top of the strip's axis: the largest moving range or limit, with a little room."""
    ranges = [p.moving_range for p in chart.points if p.moving_range is not None]
    lines = [v for v in (chart.mr_bar, chart.mr_upper_limit) if v is not None]
    top = max([*ranges, *lines], default=0.0)
    return top * 1.12 if top > 0 else 1.0


def draw_moving_ranges(
    canvas: Any, chart: ChartResult, x_of: Callable[[int], float], size: tuple[float, float],
    format_value: Format,
) -> None:  # fmt: skip
    """The strip in a box of ``size`` (width, height) at the canvas origin."""
    width, height = size
    top = moving_range_top(chart)

    def y_of(value: float) -> float:
        return value / top * height

    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.rect(0, 0, width, height, stroke=1, fill=0)
    canvas.setFont(REGULAR, 6.5)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(-4, height - 7, "Moving")
    canvas.drawRightString(-4, height - 14, "range")
    _lines(canvas, chart, y_of, width, format_value)
    points = [
        (x_of(p.index), y_of(p.moving_range)) for p in chart.points if p.moving_range is not None
    ]
    if points:
        draw_series(canvas, points, width=0.8, dot=1.3)


def draw_series(
    canvas: Any, points: list[tuple[float, float]], *, width: float, dot: float
) -> None:
    """A chart's values as a line through dots, in the accent colour (I chart and MR strip)."""
    canvas.setStrokeColor(ACCENT)
    canvas.setFillColor(ACCENT)
    canvas.setLineWidth(width)
    path = canvas.beginPath()
    for number, (x, y) in enumerate(points):
        path.moveTo(x, y) if number == 0 else path.lineTo(x, y)
    canvas.drawPath(path, stroke=1, fill=0)
    for x, y in points:
        canvas.circle(x, y, dot, stroke=0, fill=1)


def _lines(
    canvas: Any, chart: ChartResult, y_of: Callable[[float], float], width: float, words: Format
) -> None:
    taken: list[float] = []
    for value, name, dash in ((chart.mr_bar, "MR̄", ()), (chart.mr_upper_limit, "UCL", (3, 2))):
        if value is None or (name == "UCL" and not value):
            continue
        y = y_of(value)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.7)
        canvas.setDash(list(dash)) if dash else canvas.setDash()
        canvas.line(0, y, width, y)
        label_y = free_position(y, taken, gap=8.0)
        taken.append(label_y)
        canvas.setFillColor(INK)
        canvas.drawString(width + 3, label_y - 2.3, f"{name} {words(value)}")
    canvas.setDash()
