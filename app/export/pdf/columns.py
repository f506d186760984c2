"""Table columns sized from their content, so no word is ever broken across lines.

Each column gets at least its widest word (a right-aligned column: its widest whole cell, so a
number stays on one line with its unit); the room left is shared in proportion to how much
more each column would need to show its longest line unbroken. Only when the widest words
alone are wider than the page are columns squeezed (and then a word may still split).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

PADDING = 8.0  # left + right cell padding of table_style
_TAGS = re.compile(r"<[^>]+>")


def cell_lines(value: str | Flowable) -> list[str]:
    """The lines of a cell's plain text (a Paragraph's ``<br/>`` breaks included)."""
    if isinstance(value, Paragraph):
        text = _TAGS.sub("", value.text.replace("<br/>", "\n"))
        return _unescape(text).split("\n")
    if isinstance(value, str):
        return value.split("\n")
    return []


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def text_width(text: str, font: str, size: float) -> float:
    return float(stringWidth(text, font, size))


def column_needs(
    cells: Sequence[str | Flowable], font: str, size: float, *, whole: bool
) -> tuple[float, float]:
    """(narrowest width that breaks no word, width of the longest line) of one column."""
    narrow, wide = 0.0, 0.0
    for value in cells:
        for line in cell_lines(value):
            line_width = text_width(line.strip(), font, size)
            wide = max(wide, line_width)
            words = [line.strip()] if whole else line.split()
            narrow = max(narrow, *(text_width(word, font, size) for word in words), 0.0)
    return narrow + PADDING, wide + PADDING


def fitted_widths(
    needs: Sequence[tuple[float, float]], total: float, grow: Sequence[bool]
) -> list[float]:
    """Column widths summing to ``total``: every column its narrowest, the rest shared.

    Room left once every line fits goes to the columns marked ``grow`` (the text columns).
    """
    narrow = [low for low, _ in needs]
    if sum(narrow) >= total:
        return [total * low / sum(narrow) for low in narrow]
    wanted = [max(0.0, high - low) for low, high in needs]
    spare = total - sum(narrow)
    if sum(wanted) <= spare:
        extra = spare - sum(wanted)
        weights = [high if flag else 0.0 for (_, high), flag in zip(needs, grow, strict=True)]
        if not any(weights):
            weights = [high for _, high in needs]
        return [
            low + want + extra * weight / sum(weights)
            for low, want, weight in zip(narrow, wanted, weights, strict=True)
        ]
    return [low + spare * want / sum(wanted) for low, want in zip(narrow, wanted, strict=True)]
