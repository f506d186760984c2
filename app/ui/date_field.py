"""The one date field of the app: typed the way people type dates, with a calendar beside it.

"today", "yesterday", "in 2 weeks", ISO, the locale's day/month order ("29/11/2026" in en_GB,
"11/29/2026" in en_US) and "31 Dec 2026" are all read by ``app.process.dates``; the line under
the field says what was understood, or why it was not. The calendar opens on the typed date, else
on today — never on January 2000.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from app.process.dates import describe_date, format_date, read_typed_date
from app.ui.line_edit import LineEdit


def locale_day_first(locale: QLocale | None = None) -> bool:
    """True when the locale writes the day before the month (31/03/2027)."""
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    day, month = pattern.find("d"), pattern.find("M")
    return not (0 <= month < day)


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class _DateLine(LineEdit):
    """The typing line: Enter accepts and moves on, Alt+Down opens the calendar."""

    calendar_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.calendar_requested.emit()
            return
        super().keyPressEvent(event)


class _Understood(QLabel):
    """One line of what was understood, shortened with "…" where the field is narrow (the whole
    sentence is its tooltip): it never widens the form nor asks a height by width."""

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().lineSpacing())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, self.foregroundRole()))
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.width()
        )
        painter.drawText(
            self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown
        )


class DateField(QWidget):
    """A typed date with what it was read as; ``editing_finished`` when the user leaves it."""

    editing_finished = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        past: bool = False,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.past = past
        self.today = today
        self.day_first = locale_day_first()
        self.line = _DateLine(self)
        self.line.setPlaceholderText(f"e.g. today, {self._example()}")
        self.button = QToolButton(self)
        self.button.setText("…")  # an emoji may have no font on Linux
        self.button.setToolTip("Pick the date on a calendar (Alt+Down)")
        self.button.setAccessibleName("Pick a date")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hint = _Understood(self)
        self.hint.setObjectName("dateHint")
        self.hint.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._build()
        self.setFocusProxy(self.line)
        self.line.textChanged.connect(self._show_understood)
        self.line.editingFinished.connect(self._finished)
        self.line.calendar_requested.connect(self.open_calendar)
        self.button.clicked.connect(self.open_calendar)

    def _build(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.hint)
        # always there, one line high: what was understood never squeezes the field above it
        self.hint.setMinimumHeight(self.hint.fontMetrics().lineSpacing())

    def _example(self) -> str:
        return (
            format_date(self.today()) if not self.day_first else self.today().strftime("%d/%m/%Y")
        )

    # Reading and writing -------------------------------------------------------------------

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:
        if self.line.text() != text:
            self.line.setText(text)

    def date(self) -> dt.date | None:
        """The date typed; None when blank. Raises ValueError with a sentence when unreadable."""
        return read_typed_date(
            self.line.text(), day_first=self.day_first, today=self.today(), past=self.past
        )

    def valid_date(self) -> dt.date | None:
        """The date typed, or None when blank or unreadable (``error`` says which)."""
        try:
            return self.date()
        except ValueError:
            return None

    def error(self) -> str:
        try:
            self.date()
        except ValueError as problem:
            return str(problem)
        return ""

    def set_date(self, day: dt.date | None) -> None:
        """Show ``day`` (blank for None) unless the user is typing in the field right now."""
        if self.line.hasFocus():
            return
        self.setText(format_date(day) if day else "")
        self._show_understood()

    def set_placeholder(self, text: str) -> None:
        self.line.setPlaceholderText(text)

    # Feedback ------------------------------------------------------------------------------

    def _show_understood(self) -> None:
        if not self.line.text().strip():
            self.hint.clear()
            return
        try:
            day = self.date()
        except ValueError as problem:
            self.hint.setText(str(problem))
            self.hint.setProperty("problem", True)
        else:
            self.hint.setText(f"= {describe_date(day, self.today())}" if day else "")
            self.hint.setProperty("problem", False)
        self.hint.setEnabled(not self.hint.property("problem"))
        self.hint.setToolTip(self.hint.text())

    def _finished(self) -> None:
        day = self.valid_date()
        if day is not None and not self.line.hasFocus():
            self.setText(format_date(day))
        self.editing_finished.emit()

    # The calendar --------------------------------------------------------------------------

    def open_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setSelectedDate(to_qdate(self.valid_date() or self.today()))
        calendar.setGridVisible(True)
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)
        calendar.activated.connect(lambda picked: self._picked(menu, picked))
        calendar.clicked.connect(lambda picked: self._picked(menu, picked))
        calendar.setFocus()
        menu.exec(self.line.mapToGlobal(self.line.rect().bottomLeft()))

    def _picked(self, menu: QMenu, picked: QDate) -> None:
        menu.close()
        self.line.setText(format_date(to_date(picked)))
        self.line.setFocus()
        self.editing_finished.emit()
