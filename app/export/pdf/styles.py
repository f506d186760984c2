"""The plan's typography and colours: one accent, light rules, calm sizes (9.5/13.5 pt body).

Colours are chosen to stay distinct in greyscale: the accent is dark, tints are light.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from app.export.pdf.fonts import BOLD, ITALIC, REGULAR

INK = colors.HexColor("#1d2329")
MUTED = colors.HexColor("#5f6b75")
ACCENT = colors.HexColor("#1f5f7a")
ACCENT_TINT = colors.HexColor("#e3eef3")
RULE = colors.HexColor("#c5cdd3")
PAPER_TINT = colors.HexColor("#f4f6f7")
WARN = colors.HexColor("#9a4a12")

BODY_SIZE = 9.5
BODY_LEADING = 13.5


def _style(name: str, **values: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": REGULAR,
        "fontSize": BODY_SIZE,
        "leading": BODY_LEADING,
        "textColor": INK,
        "splitLongWords": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(values)
    return ParagraphStyle(name, **base)


class Styles:
    """Every paragraph style the plan uses."""

    body: ParagraphStyle = _style("body", spaceAfter=6)
    small: ParagraphStyle = _style("small", fontSize=8, leading=10.5, textColor=MUTED)
    note: ParagraphStyle = _style("note", fontName=ITALIC, textColor=MUTED, spaceAfter=6)
    cell: ParagraphStyle = _style("cell", fontSize=8.5, leading=11)
    cell_right: ParagraphStyle = _style("cell_right", fontSize=8.5, leading=11, alignment=TA_RIGHT)
    cell_head: ParagraphStyle = _style(
        "cell_head", fontName=BOLD, fontSize=8, leading=10, textColor=MUTED
    )
    cell_head_right: ParagraphStyle = _style(
        "cell_head_right",
        fontName=BOLD,
        fontSize=8,
        leading=10,
        textColor=MUTED,
        alignment=TA_RIGHT,
    )
    h1: ParagraphStyle = _style(
        "h1",
        fontName=BOLD,
        fontSize=17,
        leading=22,
        textColor=ACCENT,
        spaceBefore=18,
        spaceAfter=10,
    )
    h2: ParagraphStyle = _style(
        "h2", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=12, spaceAfter=5
    )
    h3: ParagraphStyle = _style(
        "h3", fontName=BOLD, fontSize=9.5, leading=13, spaceBefore=6, spaceAfter=2
    )
    figure: ParagraphStyle = _style("figure", fontName=BOLD, fontSize=15, leading=19)
    figure_label: ParagraphStyle = _style("figure_label", fontSize=8, leading=10, textColor=MUTED)
    cover_title: ParagraphStyle = _style(
        "cover_title", fontName=BOLD, fontSize=28, leading=34, textColor=INK, spaceAfter=14
    )
    cover_kicker: ParagraphStyle = _style(
        "cover_kicker", fontName=BOLD, fontSize=10, leading=14, textColor=ACCENT, spaceAfter=10
    )
    cover_line: ParagraphStyle = _style("cover_line", fontSize=11, leading=16, alignment=TA_LEFT)


STYLES = Styles()


def table_style(*, header_rows: int = 1, zebra: bool = False) -> TableStyle:
    """Light rules: a rule under the header and between rows, no vertical lines."""
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.4, RULE),
    ]
    if header_rows:
        commands.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.9, ACCENT))
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [None, PAPER_TINT]))
    return TableStyle(commands)


_accent_lock = threading.Lock()


@contextlib.contextmanager
def accent_applied(accent: str) -> Iterator[None]:
    """Headings, rules and maps in ``accent`` (``#rrggbb``) while one plan is written.

    The accent colours are changed in place, so every drawing that holds them (the map's
    shapes, the charts, the styles) follows; one plan at a time, restored afterwards.
    """
    with _accent_lock:
        saved = [(c.red, c.green, c.blue) for c in (ACCENT, ACCENT_TINT)]
        if accent:
            chosen = colors.HexColor(accent)
            _set(ACCENT, (chosen.red, chosen.green, chosen.blue))
            _set(ACCENT_TINT, tuple(0.86 + 0.14 * part for part in _rgb(chosen)))
        try:
            yield
        finally:
            _set(ACCENT, saved[0])
            _set(ACCENT_TINT, saved[1])


def _rgb(colour: colors.Color) -> tuple[float, float, float]:
    return (colour.red, colour.green, colour.blue)


def _set(colour: colors.Color, rgb: tuple[float, ...]) -> None:
    colour.red, colour.green, colour.blue = rgb
