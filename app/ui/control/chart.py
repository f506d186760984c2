"""The individuals chart (I-MR) of one metric, painted with QPainter, with its verdict below.

The plot shows the points and their line, the centre line, the limits (dashed), the goal's
target (dash-dot), the go-live (a vertical line) and the signals: improvement points are
triangles, concern points diamonds with a ring, so they differ by shape as well as colour.
A moving-range strip sits under the individuals plot when there are moving ranges.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.analysis.chart_axes import free_position, label_indices, value_range
from app.analysis.control_chart import ChartResult
from app.analysis.reviews import short_date

Format = Callable[[float], str]

_LEFT, _RIGHT, _TOP, _BOTTOM = 74.0, 64.0, 30.0, 34.0
_STRIP_SHARE = 0.24  # of the plot height, for the moving ranges
_MARK = 5.0  # marker radius


@dataclass(frozen=True, slots=True)
class ChartColours:
    """Colours that read on the widget's palette, light or dark."""

    ink: QColor
    muted: QColor
    grid: QColor
    line: QColor
    improvement: QColor
    concern: QColor
    target: QColor
    go_live: QColor


def chart_colours(palette: QPalette) -> ChartColours:
    """Pick colours from the palette's base: brighter tones on a dark background."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    ink = palette.color(QPalette.ColorRole.Text)
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    return ChartColours(
        ink=ink,
        muted=muted,
        grid=palette.color(QPalette.ColorRole.Mid),
        line=QColor("#8cc4e0" if dark else "#1f5f7a"),
        improvement=QColor("#6fd08c" if dark else "#1b7a3a"),
        concern=QColor("#ff9a66" if dark else "#b3400f"),
        target=QColor("#d7b5ff" if dark else "#6a3d9a"),
        go_live=muted,
    )


class ChartCanvas(QWidget):
    """The painted plot; ``ControlChart`` adds the verdict and messages under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: ChartResult | None = None
        self.format_value: Format = lambda value: f"{value:g}"
        self.setMinimumSize(420, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    def sizeHint(self) -> QSize:
        return QSize(720, 340)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            ChartPainter(painter, self.chart, self.format_value, self._area()).draw(
                chart_colours(self.palette())
            )
        finally:
            painter.end()

    def _area(self) -> QRectF:
        return QRectF(0, 0, self.width(), self.height())


class ChartPainter:
    """Draws one ChartResult into a rectangle; one method per layer."""

    def __init__(
        self, painter: QPainter, chart: ChartResult | None, format_value: Format, area: QRectF
    ) -> None:
        self.p = painter
        self.chart = chart
        self.format_value = format_value
        self.area = area

    def draw(self, colours: ChartColours) -> None:
        self.c = colours
        chart = self.chart
        if chart is None or not chart.points:
            self._empty("No measurements yet: type them in or paste them from a spreadsheet.")
            return
        has_strip = chart.mr_bar is not None and len(chart.points) > 1
        plot, strip = self._plots(has_strip)
        self.values = value_range(chart)
        self.plot = plot
        self._axes(plot)
        self._reference_lines(plot)
        self._go_live(plot, strip)
        self._series(plot)
        self._signals(plot)
        self._date_labels(strip if strip is not None else plot)
        if strip is not None:
            self._moving_ranges(strip)
        self._legend()
        self._status(plot)

    # Layout ------------------------------------------------------------------------------

    def _plots(self, has_strip: bool) -> tuple[QRectF, QRectF | None]:
        inner = self.area.adjusted(_LEFT, _TOP, -_RIGHT, -_BOTTOM)
        if not has_strip:
            return inner, None
        strip_h = inner.height() * _STRIP_SHARE
        plot = QRectF(inner.left(), inner.top(), inner.width(), inner.height() - strip_h - 14)
        strip = QRectF(inner.left(), inner.bottom() - strip_h, inner.width(), strip_h)
        return plot, strip

    def x_of(self, index: int) -> float:
        count = len(self.chart.points) if self.chart else 1
        if count == 1:
            return self.plot.center().x()
        step = self.plot.width() / (count - 1)
        return self.plot.left() + index * step

    def y_of(
        self, value: float, rect: QRectF | None = None, span: tuple[float, float] | None = None
    ) -> float:
        rect = rect or self.plot
        low, high = span or self.values
        share = (value - low) / (high - low) if high > low else 0.5
        return rect.bottom() - share * rect.height()

    # Layers ------------------------------------------------------------------------------

    def _empty(self, text: str) -> None:
        self.p.setPen(self.c.muted)
        self.p.drawText(self.area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

    def _axes(self, plot: QRectF) -> None:
        self.p.setPen(QPen(self.c.grid, 1))
        self.p.drawRect(plot)
        low, high = self.values
        font = self._font(0.9)
        self.p.setFont(font)
        for share in (0.0, 0.25, 0.5, 0.75, 1.0):
            value = low + share * (high - low)
            y = self.y_of(value)
            self.p.setPen(QPen(self.c.grid, 1, Qt.PenStyle.DotLine))
            self.p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            self.p.setPen(self.c.muted)
            label = QRectF(self.area.left() + 2, y - 9, _LEFT - 8, 18)
            self.p.drawText(
                label,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.format_value(value),
            )

    def _reference_lines(self, plot: QRectF) -> None:
        chart = self.chart
        assert chart is not None
        lines: list[tuple[float | None, str, QColor, Qt.PenStyle]] = [
            (chart.centre, "Centre", self.c.ink, Qt.PenStyle.SolidLine),
            (chart.upper_limit, "UCL", self.c.ink, Qt.PenStyle.DashLine),
            (chart.lower_limit, "LCL", self.c.ink, Qt.PenStyle.DashLine),
            (chart.target, "Target", self.c.target, Qt.PenStyle.DashDotLine),
        ]
        self.p.setFont(self._font(0.85))
        taken: list[float] = []
        for value, name, colour, style in lines:
            if value is None:
                continue
            y = self.y_of(value)
            self.p.setPen(QPen(colour, 1.3, style))
            self.p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            label_y = free_position(y, taken, gap=14.0)
            taken.append(label_y)
            self.p.drawText(
                QRectF(plot.right() + 5, label_y - 8, _RIGHT - 6, 16),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                name,
            )

    def _go_live(self, plot: QRectF, strip: QRectF | None) -> None:
        chart = self.chart
        assert chart is not None
        if chart.go_live is None:
            return
        x = self._go_live_x()
        bottom = strip.bottom() if strip is not None else plot.bottom()
        self.p.setPen(QPen(self.c.go_live, 1.5, Qt.PenStyle.DotLine))
        self.p.drawLine(QPointF(x, plot.top()), QPointF(x, bottom))
        self.p.setFont(self._font(0.85))
        self.p.setPen(self.c.ink)
        text = f"Go-live {short_date(chart.go_live)}"
        self.p.drawText(QRectF(x + 4, plot.top() + 2, 160, 16), Qt.AlignmentFlag.AlignLeft, text)

    def _go_live_x(self) -> float:
        chart = self.chart
        assert chart is not None
        phases = [point.phase for point in chart.points]
        if "after" not in phases:
            return self.plot.right()
        first_after = phases.index("after")
        if first_after == 0:
            return self.plot.left()
        return (self.x_of(first_after - 1) + self.x_of(first_after)) / 2

    def _series(self, plot: QRectF) -> None:
        chart = self.chart
        assert chart is not None
        points = [QPointF(self.x_of(p.index), self.y_of(p.value)) for p in chart.points]
        self.p.setPen(QPen(self.c.line, 1.6))
        self.p.drawPolyline(QPolygonF(points))
        self.p.setBrush(self.c.line)
        for point in points:
            self.p.drawEllipse(point, 3.0, 3.0)
        self.p.setBrush(Qt.BrushStyle.NoBrush)

    def _signals(self, plot: QRectF) -> None:
        chart = self.chart
        assert chart is not None
        for signal in chart.signals:
            concern = signal.label == "concern"
            for index in signal.indices:
                centre = QPointF(self.x_of(index), self.y_of(chart.points[index].value))
                draw_marker(self.p, centre, concern=concern, colours=self.c)

    def _date_labels(self, rect: QRectF) -> None:
        chart = self.chart
        assert chart is not None
        self.p.setFont(self._font(0.85))
        self.p.setPen(self.c.muted)
        shown = label_indices(len(chart.points), rect.width(), spacing=80.0)
        for index in shown:
            x = self.x_of(index)
            text = _date_label(chart, index, shown)
            self.p.drawText(
                QRectF(x - 45, rect.bottom() + 4, 90, 16), Qt.AlignmentFlag.AlignHCenter, text
            )

    def _moving_ranges(self, strip: QRectF) -> None:
        chart = self.chart
        assert chart is not None
        ranges = [(p.index, p.moving_range) for p in chart.points if p.moving_range is not None]
        top = max([r for _, r in ranges] + [chart.mr_upper_limit or 0.0]) or 1.0
        span = (0.0, top * 1.1)
        self.p.setPen(QPen(self.c.grid, 1))
        self.p.drawRect(strip)
        if chart.mr_upper_limit is not None:
            y = self.y_of(chart.mr_upper_limit, strip, span)
            self.p.setPen(QPen(self.c.ink, 1, Qt.PenStyle.DashLine))
            self.p.drawLine(QPointF(strip.left(), y), QPointF(strip.right(), y))
        self.p.setPen(QPen(self.c.muted, 1.2))
        line = [QPointF(self.x_of(i), self.y_of(r, strip, span)) for i, r in ranges]
        self.p.drawPolyline(QPolygonF(line))
        self.p.setFont(self._font(0.85))
        self.p.setPen(self.c.muted)
        self.p.drawText(
            QRectF(strip.right() + 5, strip.top(), _RIGHT - 6, 32),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            "Moving range",
        )

    def _legend(self) -> None:
        chart = self.chart
        assert chart is not None
        labels = {signal.label for signal in chart.signals}
        x = self.area.left() + _LEFT
        y = self.area.top() + 14
        self.p.setFont(self._font(0.9))
        for label in ("improvement", "concern"):
            if label not in labels:
                continue
            draw_marker(self.p, QPointF(x + 6, y), concern=label == "concern", colours=self.c)
            self.p.setPen(self.c.ink)
            text = f"{label.capitalize()} signal"
            self.p.drawText(QPointF(x + 16, y + 4), text)
            x += 32 + self.p.fontMetrics().horizontalAdvance(text)

    def _status(self, plot: QRectF) -> None:
        """Say on the plot when limits are trial ones or undefined."""
        chart = self.chart
        assert chart is not None
        text = ""
        if len(chart.points) > 1 and not chart.mr_bar:
            text = "Limits undefined: every value is the same"
        elif chart.upper_limit is not None and chart.trial:
            text = "Trial limits"
        if not text:
            return
        font = self._font(0.9)
        font.setItalic(True)
        self.p.setFont(font)
        self.p.setPen(self.c.ink)
        box = QRectF(plot.left(), self.area.top() + 4, plot.width(), 20)
        self.p.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)

    def _font(self, scale: float) -> QFont:
        font = QFont(self.p.font())
        size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
        font.setPointSizeF(max(size * scale, 7.0))
        return font


def draw_marker(
    painter: QPainter, centre: QPointF, *, concern: bool, colours: ChartColours
) -> None:
    """An improvement is a filled triangle; a concern a filled diamond inside a ring."""
    colour = colours.concern if concern else colours.improvement
    painter.save()
    painter.setPen(QPen(colour, 1.6))
    painter.setBrush(colour)
    r = _MARK
    if concern:
        diamond = [QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0)]
        painter.drawPolygon(QPolygonF([centre + point for point in diamond]))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, r + 3, r + 3)
    else:
        triangle = [QPointF(0, -r - 1), QPointF(r + 1, r), QPointF(-r - 1, r)]
        painter.drawPolygon(QPolygonF([centre + point for point in triangle]))
    painter.restore()


def _date_label(chart: ChartResult, index: int, shown: Sequence[int]) -> str:
    """``3 Jan``; with the year on the first label and where the year changes."""
    day = chart.points[index].day
    position = list(shown).index(index)
    previous = chart.points[shown[position - 1]].day if position else None
    with_year = previous is None or previous.year != day.year
    return short_date(day) if with_year else short_date(day, day)


class ControlChart(QWidget):
    """The chart of one metric with a title, the verdict in words and the chart's messages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.canvas = ChartCanvas(self)
        self.canvas.setAccessibleName("Individuals chart")
        self.verdict = QLabel(self)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setWordWrap(True)
        self.verdict.setFont(font)
        self.messages = QLabel(self)
        self.messages.setTextFormat(Qt.TextFormat.PlainText)
        self.messages.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.messages)

    def set_chart(
        self, chart: ChartResult | None, *, title: str = "", format_value: Format | None = None
    ) -> None:
        """Show ``chart`` (None: nothing to show) with values written by ``format_value``."""
        self.canvas.chart = chart
        if format_value is not None:
            self.canvas.format_value = format_value
        self.title.setText(title)
        self.title.setVisible(bool(title))
        verdict, messages = chart_words(chart, self.canvas.format_value)
        self.verdict.setText(verdict)
        self.verdict.setVisible(bool(verdict))
        self.messages.setText(messages)
        self.messages.setVisible(bool(messages))
        self.canvas.setAccessibleDescription(" ".join(part for part in (verdict, messages) if part))
        self.canvas.update()


def chart_words(chart: ChartResult | None, format_value: Format | None = None) -> tuple[str, str]:
    """The verdict sentence (the chart's last message), and the others and the signals.

    With ``format_value`` the sentence on the centre and limits is written in the metric's
    unit (``Centre 5.2 days, limits 2.8 days to 7.6 days``) instead of bare numbers.
    """
    if chart is None or not chart.points:
        return "", ""
    verdict = chart.messages[-1] if chart.messages else ""
    rest = [_limits_words(m, chart, format_value) for m in chart.messages[:-1]]
    rest += [signal.description for signal in chart.signals]
    return verdict, "\n".join(rest)


def _limits_words(message: str, chart: ChartResult, format_value: Format | None) -> str:
    if format_value is None or not message.startswith("Centre "):
        return message
    centre, low, high, mr_bar = chart.centre, chart.lower_limit, chart.upper_limit, chart.mr_bar
    if centre is None or low is None or high is None or mr_bar is None:
        return message
    return (
        f"Centre {format_value(centre)}, limits {format_value(low)} to "
        f"{format_value(high)} (average moving range {format_value(mr_bar)})."
    )
