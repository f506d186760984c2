"""What every map item paints with: the theme, the fonts and which overlays are on.

One ``Look`` is shared by the items of a scene; toggling an overlay changes it and repaints,
without touching the items.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont

from app.swimlane.style import DEFAULT_STYLE, LayoutStyle
from app.ui.map.text import map_font
from app.ui.map.theme import MapTheme, light_theme

OVERLAYS = ("heat", "share", "badges")


@dataclass
class Look:
    """Mutable drawing state shared by one scene's items."""

    theme: MapTheme
    font: QFont
    small_font: QFont
    lane_font: QFont
    line_height: float
    heat: bool = True
    share: bool = False
    badges: bool = True
    said_recorded: bool = False  # the evidence overlay (app/ui/map/evidence_marks.py)
    accounts_differ: bool = False  # marks where accounts differ (app/ui/map/account_marks.py)

    def shows(self, overlay: str) -> bool:
        return bool(getattr(self, overlay))


def make_look(theme: MapTheme | None = None, style: LayoutStyle = DEFAULT_STYLE) -> Look:
    """A look for ``theme`` (light by default) with the layout's font size and line height."""
    small = map_font(style, bold=True)
    small.setPixelSize(max(7, round(style.font_size * 0.8)))
    return Look(
        theme=theme or light_theme(),
        font=map_font(style),
        small_font=small,
        lane_font=map_font(style),
        line_height=style.line_height,
    )


def mix(base: QColor, tint: QColor, amount: float) -> QColor:
    """``base`` moved ``amount`` (0–1) of the way towards ``tint``."""
    amount = min(max(amount, 0.0), 1.0)
    return QColor.fromRgbF(
        base.redF() + (tint.redF() - base.redF()) * amount,
        base.greenF() + (tint.greenF() - base.greenF()) * amount,
        base.blueF() + (tint.blueF() - base.blueF()) * amount,
    )
