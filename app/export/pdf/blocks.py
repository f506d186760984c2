"""Small builders every section uses: headings, paragraphs, tables, label/value lists.

Plain strings passed here are user text or wording and are escaped; only parameters named
``markup`` carry ready Paragraph markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from app.export.pdf.bidi import ShapedParagraph
from app.export.pdf.columns import column_needs, fitted_widths
from app.export.pdf.fonts import BOLD, REGULAR
from app.export.pdf.styles import STYLES, table_style
from app.export.pdf.text import paragraph_text

Cell: TypeAlias = str | Flowable


def heading(text: str, level: int = 0) -> Paragraph:
    """A section (level 0) or sub-section (level 1) heading that also goes in the outline."""
    style = STYLES.h1 if level == 0 else STYLES.h2
    paragraph = ShapedParagraph(paragraph_text(text), style)
    paragraph.outline_level = level
    return paragraph


def para(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """User text or wording as one paragraph, exactly as typed."""
    return ShapedParagraph(paragraph_text(text), style or STYLES.body)


def markup(markup_text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of ready markup (built from ``paragraph_text`` pieces)."""
    return ShapedParagraph(markup_text, style or STYLES.body)


def note(text: str) -> Paragraph:
    """A quiet italic remark, e.g. what is missing and how to add it."""
    return ShapedParagraph(paragraph_text(text), STYLES.note)


def gap(height: float = 6) -> Spacer:
    return Spacer(1, height)


def cell(value: Cell, *, right: bool = False) -> Flowable:
    """A table cell: text is escaped into a wrapping paragraph."""
    if isinstance(value, Flowable):
        return value
    return ShapedParagraph(paragraph_text(value), STYLES.cell_right if right else STYLES.cell)


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    right: Sequence[int] = (),
    whole: Sequence[int] = (),
    zebra: bool = False,
) -> Table:
    """A table with a repeated header row, light rules and wrapping cells.

    ``widths`` only give the table's total width: the columns are sized from their content
    (``content_widths``), so no word breaks; the lines of right-aligned columns and of the
    ``whole`` columns (dates, figures with their unit) never wrap.
    """
    head = [
        ShapedParagraph(
            paragraph_text(text), STYLES.cell_head_right if i in right else STYLES.cell_head
        )
        for i, text in enumerate(header)
    ]
    body = [[cell(value, right=i in right) for i, value in enumerate(row)] for row in rows]
    sized = content_widths(header, rows, sum(widths), right, whole=(*right, *whole))
    result = Table([head, *body], colWidths=sized, repeatRows=1, hAlign="LEFT", splitInRow=1)
    result.setStyle(table_style(zebra=zebra))
    return result


def content_widths(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    total: float,
    right: Sequence[int],
    *,
    whole: Sequence[int] = (),
) -> list[float]:
    """Column widths from the widest word (or whole line) and the longest line of each column.

    When the unbroken lines of the ``whole`` and right-aligned columns do not fit beside the
    widest words of the others, the widest of them may wrap between words, then the next.
    """
    grow = [index not in right and index not in whole for index in range(len(header))]
    kept = {*whole, *right}
    needs = [_column(header, rows, index, kept) for index in range(len(header))]
    while kept and sum(low for low, _ in needs) > total:
        kept.discard(max(kept, key=lambda index: needs[index][0]))
        needs = [_column(header, rows, index, kept) for index in range(len(header))]
    return fitted_widths(needs, total, grow)


def _column(
    header: Sequence[str], rows: Sequence[Sequence[Cell]], index: int, kept: set[int]
) -> tuple[float, float]:
    cells = [row[index] for row in rows if index < len(row)]
    plain = [c for c in cells if not isinstance(c, Flowable)]
    marked = [c for c in cells if isinstance(c, Flowable)]
    parts = [
        column_needs([header[index]], BOLD, STYLES.cell_head.fontSize, whole=index in kept),
        column_needs(plain, REGULAR, STYLES.cell.fontSize, whole=index in kept),
        column_needs(marked, BOLD, STYLES.cell.fontSize, whole=index in kept),
    ]
    return max(p[0] for p in parts), max(p[1] for p in parts)


def fields(pairs: Sequence[tuple[str, Cell]], width: float, *, label_share: float = 0.28) -> Table:
    """Label/value rows (labels muted on the left), e.g. the SIPOC or a cover block."""
    label_width = width * label_share
    rows = [
        [ShapedParagraph(paragraph_text(label), STYLES.cell_head), cell(value)]
        for label, value in pairs
    ]
    result = Table(rows, colWidths=[label_width, width - label_width], hAlign="LEFT", splitInRow=1)
    result.setStyle(table_style(header_rows=0))
    return result


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))
