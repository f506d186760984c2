"""The map font and a ``TextMeasure`` backed by real font metrics (cached per string)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF

from app.swimlane.style import DEFAULT_STYLE, LayoutStyle

_CACHE_LIMIT = 50_000


def map_font(style: LayoutStyle = DEFAULT_STYLE, *, bold: bool = False) -> QFont:
    """The font labels are wrapped for: sized in pixels so map units stay map units."""
    font = QFont()
    font.setPixelSize(round(style.font_size))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


class FontMeasure:
    """The advance width of a line in ``font``, as the layout's ``TextMeasure``."""

    def __init__(self, font: QFont) -> None:
        self.metrics = QFontMetricsF(font)
        self._widths: dict[str, float] = {}

    def __call__(self, text: str, /) -> float:
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > _CACHE_LIMIT:
                self._widths.clear()
            width = self._widths[text] = self.metrics.horizontalAdvance(text)
        return width
