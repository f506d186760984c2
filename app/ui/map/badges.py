"""Badges and the lead-time pill: small shapes with letters, so they read in greyscale."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen

from app.ui.map.look import Look

BADGE_SIZE = 15.0
BADGE_GAP = 3.0


@dataclass(frozen=True, slots=True)
class BadgeSpec:
    """How one badge looks and what it means (the legend reads these)."""

    text: str
    round: bool
    meaning: str


BADGES: dict[str, BadgeSpec] = {
    "approval": BadgeSpec("A", False, "Approval"),
    "rework": BadgeSpec("↺", True, "Sends work back (rework)"),
    "habit": BadgeSpec("H", True, "Done out of habit"),
    "rekeyed": BadgeSpec("2×", False, "Data typed in again"),
}


def badge_width(painter_font_metrics: QFontMetricsF, spec: BadgeSpec) -> float:
    return max(BADGE_SIZE, painter_font_metrics.horizontalAdvance(spec.text) + 7)


def paint_badge(painter: QPainter, look: Look, name: str, rect: QRectF) -> None:
    """One badge filling ``rect``: a dark circle or rounded square with its letter."""
    spec = BADGES[name]
    theme = look.theme
    painter.setPen(QPen(theme.background, 1.2))
    painter.setBrush(theme.badge_fill)
    if spec.round:
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    else:
        painter.drawRoundedRect(rect, 2.5, 2.5)
    painter.setPen(theme.badge_text)
    painter.setFont(look.small_font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, spec.text)


def paint_badges(painter: QPainter, look: Look, names: tuple[str, ...], top_right: QPointF) -> None:
    """Badges in a row ending at ``top_right``, centred on its y (straddling a border)."""
    metrics = QFontMetricsF(look.small_font)
    right = top_right.x()
    for name in reversed(names):
        width = badge_width(metrics, BADGES[name])
        rect = QRectF(right - width, top_right.y() - BADGE_SIZE / 2, width, BADGE_SIZE)
        paint_badge(painter, look, name, rect)
        right -= width + BADGE_GAP


def share_text(share: float) -> str:
    """A lead-time share for the pill: "18 %", "<1 %"."""
    return "<1 %" if share < 0.01 else f"{share:.0%}".replace("%", " %")


def paint_share(painter: QPainter, look: Look, share: float, bottom_left: QPointF) -> None:
    """A pill "18 %" straddling the bottom border at ``bottom_left``."""
    text = share_text(share)
    metrics = QFontMetricsF(look.small_font)
    width = metrics.horizontalAdvance(text) + 10
    rect = QRectF(bottom_left.x() - 4, bottom_left.y() - BADGE_SIZE / 2, width, BADGE_SIZE)
    theme = look.theme
    painter.setPen(QPen(theme.box_line, 0.8))
    painter.setBrush(theme.share_fill)
    painter.drawRoundedRect(rect, BADGE_SIZE / 2, BADGE_SIZE / 2)
    painter.setPen(theme.share_text)
    painter.setFont(look.small_font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
