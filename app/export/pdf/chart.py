"""The Pareto of waiting as a small vector chart: bars by step, the cumulative line, 80 %."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from app.analysis.pareto import FOCUS_SHARE, ParetoBar
from app.export.pdf.bidi import visual
from app.export.pdf.fonts import REGULAR
from app.export.pdf.styles import ACCENT, INK, MUTED, RULE, WARN
from app.process.durations import format_duration

MAX_BARS = 12
_AXIS = 30.0  # left room for the first rotated name
_BOTTOM = 62.0  # room for rotated step names


class ParetoChart(Flowable):  # type: ignore[misc]
    """Bars: each step's share of all waiting (the 80 % focus in the accent); line: cumulative."""

    def __init__(self, bars: Sequence[ParetoBar], width: float, height: float = 210) -> None:
        super().__init__()
        self.bars = list(bars[:MAX_BARS])
        self.width = width
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (self.width, self.height)

    def draw(self) -> None:
        canvas = self.canv
        plot_w = self.width - _AXIS - 30
        plot_h = self.height - _BOTTOM - 10
        slot = plot_w / max(len(self.bars), 1)
        canvas.saveState()
        canvas.translate(_AXIS, _BOTTOM)
        self._axes(plot_w, plot_h)
        for index, bar in enumerate(self.bars):
            self._bar(index, bar, slot, plot_h * bar.share)
        self._cumulative(slot, plot_h)
        canvas.restoreState()

    def _axes(self, plot_w: float, plot_h: float) -> None:
        canvas = self.canv
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(0, 0, plot_w, 0)
        canvas.line(plot_w, 0, plot_w, plot_h)
        canvas.setFont(REGULAR, 7)
        canvas.setFillColor(MUTED)
        for share in (0.0, 0.5, 1.0):
            canvas.drawString(plot_w + 3, share * plot_h - 2.5, f"{share:.0%}")
        level = FOCUS_SHARE * plot_h
        canvas.setStrokeColor(WARN)
        canvas.setDash(3, 2)
        canvas.line(0, level, plot_w, level)
        canvas.setDash()
        canvas.setFillColor(WARN)
        canvas.drawRightString(plot_w - 2, level + 3, "80 %")

    def _bar(self, index: int, bar: ParetoBar, slot: float, height: float) -> None:
        canvas = self.canv
        x = index * slot + slot * 0.15
        canvas.setFillColor(ACCENT if bar.in_focus else RULE)
        canvas.rect(x, 0, slot * 0.7, height, stroke=0, fill=1)
        if bar.minutes_per_year > 0:
            canvas.setFont(REGULAR, 6.5)
            canvas.setFillColor(MUTED)
            canvas.drawCentredString(
                x + slot * 0.35, height + 2.5, format_duration(bar.minutes_per_run)
            )
        canvas.saveState()
        canvas.translate(x + slot * 0.35 + 2.5, -4)
        canvas.rotate(50)
        canvas.setFont(REGULAR, 6.5)
        canvas.setFillColor(INK)
        canvas.drawRightString(0, 0, visual(_short(bar.step_name)))
        canvas.restoreState()

    def _cumulative(self, slot: float, plot_h: float) -> None:
        canvas = self.canv
        canvas.setStrokeColor(INK)
        canvas.setFillColor(INK)
        canvas.setLineWidth(0.8)
        points = [
            (i * slot + slot / 2, bar.cumulative_share * plot_h) for i, bar in enumerate(self.bars)
        ]
        path = canvas.beginPath()
        for number, (x, y) in enumerate(points):
            path.moveTo(x, y) if number == 0 else path.lineTo(x, y)
        canvas.drawPath(path, stroke=1, fill=0)
        for x, y in points:
            canvas.circle(x, y, 1.6, stroke=0, fill=1)


def _short(name: str, limit: int = 24) -> str:
    line = " ".join(name.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
