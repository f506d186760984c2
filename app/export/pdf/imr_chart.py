"""The individuals chart (I-MR) of one metric as a vector drawing, like the screen chart.

Points and their line, the centre (solid), the limits (dashed), the target (dash-dot), each
labelled with its value in the metric's unit; the go-live (dotted, labelled) and the signals:
improvement points are triangles, concern points diamonds in a ring, so they read by shape in
greyscale. Under it the moving-range strip (``mr_strip``). "Trial limits" or "Limits
undefined" is written on the chart when it applies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from app.analysis.chart_axes import free_position, label_indices, value_range
from app.analysis.control_chart import ChartResult
from app.analysis.wording import long_date
from app.export.pdf.fonts import REGULAR
from app.export.pdf.mr_strip import draw_moving_ranges, draw_series
from app.export.pdf.styles import ACCENT, INK, MUTED, RULE, WARN

Format = Callable[[float], str]
_LEFT, _RIGHT, _TOP, _BOTTOM = 52.0, 96.0, 18.0, 18.0
_MARK = 3.2
DATE_SPACING = 72.0  # room for one long date under the axis ("30 September 2027")
STRIP = 58.0  # the moving-range strip's height
STRIP_GAP = 22.0  # between the date labels of the individuals and the strip


class ImrChart(Flowable):  # type: ignore[misc]
    """One metric's chart; ``format_value`` writes values in the metric's unit."""

    def __init__(
        self, chart: ChartResult, width: float, format_value: Format, height: float = 240
    ) -> None:
        super().__init__()
        self.chart = chart
        self.width = width
        self.height = height
        self.format_value = format_value
        self.values = value_range(chart)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = min(self.width, available_width)  # a frame's padding may be narrower
        return (self.width, self.height)

    @property
    def plot_w(self) -> float:
        return self.width - _LEFT - _RIGHT

    @property
    def plot_h(self) -> float:
        return self.height - _TOP - _BOTTOM - STRIP - STRIP_GAP

    def x_of(self, index: int) -> float:
        count = len(self.chart.points)
        return self.plot_w / 2 if count == 1 else index * self.plot_w / (count - 1)

    def y_of(self, value: float) -> float:
        low, high = self.values
        return (value - low) / (high - low) * self.plot_h if high > low else self.plot_h / 2

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.translate(_LEFT, _BOTTOM)
        size = (self.plot_w, STRIP)
        draw_moving_ranges(canvas, self.chart, self.x_of, size, self.format_value)
        canvas.translate(0, STRIP + STRIP_GAP)
        self._axes()
        self._lines()
        self._go_live()
        self._series()
        self._signals()
        self._dates()
        self._legend()
        canvas.restoreState()

    def _axes(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, self.plot_w, self.plot_h, stroke=1, fill=0)
        canvas.setFont(REGULAR, 6.5)
        canvas.setFillColor(MUTED)
        low, high = self.values
        for share in (0.1, 0.5, 0.9):
            value = low + share * (high - low)
            canvas.drawRightString(-4, self.y_of(value) - 2.3, self.format_value(value))

    def _lines(self) -> None:
        chart = self.chart
        lines = (
            (chart.centre, "Centre", INK, ()),
            (chart.upper_limit, "UCL", INK, (3, 2)),
            (chart.lower_limit, "LCL", INK, (3, 2)),
            (chart.target, "Target", ACCENT, (5, 2, 1, 2)),
        )
        canvas = self.canv
        canvas.setFont(REGULAR, 6.5)
        taken: list[float] = []
        for value, name, colour, dash in lines:
            if value is None:
                continue
            y = self.y_of(value)
            canvas.setStrokeColor(colour)
            canvas.setLineWidth(0.7)
            canvas.setDash(list(dash)) if dash else canvas.setDash()
            canvas.line(0, y, self.plot_w, y)
            label_y = free_position(y, taken, gap=-8.0)
            taken.append(label_y)
            canvas.setFillColor(colour)
            canvas.drawString(self.plot_w + 3, label_y - 2.3, f"{name} {self.format_value(value)}")
        canvas.setDash()

    def _go_live(self) -> None:
        chart = self.chart
        if chart.go_live is None:
            return
        phases = [point.phase for point in chart.points]
        if "after" not in phases:
            x = self.plot_w
        elif phases.index("after") == 0:
            x = 0.0
        else:
            first = phases.index("after")
            x = (self.x_of(first - 1) + self.x_of(first)) / 2
        canvas = self.canv
        canvas.setStrokeColor(MUTED)
        canvas.setDash(1, 2)
        canvas.line(x, 0, x, self.plot_h)
        canvas.setDash()
        canvas.setFont(REGULAR, 6.5)
        canvas.setFillColor(INK)
        canvas.drawString(x + 2, self.plot_h - 8, f"Go-live {day_text(chart.go_live)}")

    def _series(self) -> None:
        points = [(self.x_of(p.index), self.y_of(p.value)) for p in self.chart.points]
        draw_series(self.canv, points, width=0.9, dot=1.5)

    def _signals(self) -> None:
        for signal in self.chart.signals:
            for index in signal.indices:
                point = self.chart.points[index]
                marker(self.canv, self.x_of(index), self.y_of(point.value), signal.label)

    def _dates(self) -> None:
        canvas = self.canv
        canvas.setFont(REGULAR, 6.5)
        canvas.setFillColor(MUTED)
        for index in label_indices(len(self.chart.points), self.plot_w, spacing=DATE_SPACING):
            text = day_text(self.chart.points[index].day)
            canvas.drawCentredString(self.x_of(index), -9, text)

    def _legend(self) -> None:
        canvas = self.canv
        labels = [
            s for s in ("improvement", "concern") if s in {x.label for x in self.chart.signals}
        ]
        x = 0.0
        canvas.setFont(REGULAR, 6.5)
        for label in labels:
            marker(self.canv, x + 4, self.plot_h + 8, label)
            canvas.setFillColor(INK)
            text = f"{label.capitalize()} signal"
            canvas.drawString(x + 11, self.plot_h + 5.7, text)
            x += 22 + canvas.stringWidth(text, REGULAR, 6.5)
        status = _status(self.chart)
        if status:
            canvas.setFillColor(INK)
            canvas.drawRightString(self.plot_w, self.plot_h + 5.7, status)


def marker(canvas: Any, x: float, y: float, label: str) -> None:
    """Improvement: a filled triangle. Concern: a filled diamond inside a ring."""
    colour: Color = WARN if label == "concern" else ACCENT
    c = canvas
    c.setStrokeColor(colour)
    c.setFillColor(colour)
    c.setLineWidth(0.8)
    r = _MARK
    path = c.beginPath()
    if label == "concern":
        path.moveTo(x, y + r)
        for dx, dy in ((r, 0), (0, -r), (-r, 0)):
            path.lineTo(x + dx, y + dy)
        path.close()
        c.drawPath(path, stroke=0, fill=1)
        c.circle(x, y, r + 1.8, stroke=1, fill=0)
        return
    path.moveTo(x, y + r + 0.6)
    path.lineTo(x + r + 0.6, y - r)
    path.lineTo(x - r - 0.6, y - r)
    path.close()
    c.drawPath(path, stroke=0, fill=1)


def _status(chart: ChartResult) -> str:
    """What the limits are worth, from the points they come from (not from all points)."""
    if chart.baseline_count > 1 and chart.mr_bar == 0:
        return f"Limits undefined: the {chart.baseline_count} baseline values are all the same"
    if chart.upper_limit is not None and chart.trial:
        return f"Trial limits (from {chart.baseline_count} points)"
    return ""


def day_text(day: dt.date) -> str:
    """The plan's one date format (the locale's long date), on the chart too."""
    return long_date((day.day, day.month, day.year))
