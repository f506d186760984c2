"""Map colours derived from the widget palette, so the map reads in light and dark themes.

Meaning never rests on colour alone: shapes, badge letters and dashes carry it, and the fills
are kept to lightness steps that survive greyscale printing.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette


@dataclass(frozen=True)
class MapTheme:
    """Every colour the map items use."""

    dark: bool
    background: QColor
    lane_fills: tuple[QColor, QColor]
    label_fill: QColor
    lane_line: QColor
    text: QColor
    muted: QColor
    box_fill: QColor
    box_line: QColor
    terminal_fill: QColor
    selection: QColor
    edge: QColor
    heat: QColor
    badge_fill: QColor
    badge_text: QColor
    share_fill: QColor
    share_text: QColor


def is_dark(palette: QPalette) -> bool:
    """True when the palette's window colour is dark."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def theme_from_palette(palette: QPalette) -> MapTheme:
    """The map theme for a widget palette (light or dark)."""
    return dark_theme(palette) if is_dark(palette) else light_theme(palette)


def light_theme(palette: QPalette | None = None) -> MapTheme:
    """Light map: white paper, grey lanes, dark ink; also used for export and print."""
    selection = (
        palette.color(QPalette.ColorRole.Highlight) if palette is not None else QColor("#2f6fb3")
    )
    return MapTheme(
        dark=False,
        background=QColor("#ffffff"),
        lane_fills=(QColor("#ffffff"), QColor("#f4f6f8")),
        label_fill=QColor("#e9edf1"),
        lane_line=QColor("#c9d1d9"),
        text=QColor("#1f2328"),
        muted=QColor("#59636e"),
        box_fill=QColor("#ffffff"),
        box_line=QColor("#57606a"),
        terminal_fill=QColor("#eef1f4"),
        selection=selection,
        edge=QColor("#4b535c"),
        heat=QColor("#e8590c"),
        badge_fill=QColor("#24292f"),
        badge_text=QColor("#ffffff"),
        share_fill=QColor("#dbe4ee"),
        share_text=QColor("#1f2328"),
    )


def dark_theme(palette: QPalette) -> MapTheme:
    """Dark map: the palette's base as paper, light ink, muted lanes."""
    base = palette.color(QPalette.ColorRole.Base)
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.Text)
    return MapTheme(
        dark=True,
        background=base,
        lane_fills=(base, window),
        label_fill=window.lighter(125),
        lane_line=window.lighter(170),
        text=text,
        muted=text.darker(140),
        box_fill=base.lighter(150),
        box_line=text.darker(125),
        terminal_fill=window.lighter(140),
        selection=palette.color(QPalette.ColorRole.Highlight).lighter(130),
        edge=text.darker(130),
        heat=QColor("#ff8a3d"),
        badge_fill=text,
        badge_text=base,
        share_fill=window.lighter(180),
        share_text=text,
    )
