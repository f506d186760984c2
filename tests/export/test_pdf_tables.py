"""Plan tables: no word broken across lines, one long date format, figures with their unit."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest

from app.analysis.wording import long_date
from app.export.pdf import write_plan_pdf
from app.process.model import Action
from tests.export.test_pdf_support import OPTIONS, pdf_text, sample

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
ACTIONS = (
    Action("a1", "rearrange", "Rearrange the approval queue (Finance)", ("s9",), "approval:s9",
           "Dana Ortiz-Villanueva", dt.date(2027, 12, 31), effort=2),
    Action("a2", "simplify", "Simplify reconciliation", ("s4",), "rekeyed:s4",
           "Accounts-payable supervisor", dt.date(2027, 9, 30), effort=4),
)  # fmt: skip


def plan_words(tmp_path: Path) -> tuple[str, set[str]]:
    process = replace(sample("supplier-invoices"), actions=ACTIONS)
    path = tmp_path / "plan.pdf"
    write_plan_pdf(process, path, options=OPTIONS)
    text = pdf_text(path)
    return text, set(text.split())


def test_no_word_in_a_table_is_broken(tmp_path: Path) -> None:
    text, words = plan_words(tmp_path)
    for word in ("Rearrange", "(Finance)", "Ortiz-Villanueva", "Accounts-payable", "supervisor",
                 "December", "September", "reconciliation", "Extra-processing"):  # fmt: skip
        assert word in words, word
    # A date, a figure with its unit and a saving stay on one line.
    lines = {" ".join(line.split()) for line in text.splitlines()}
    for kept in ("31 December 2027", "30 September 2027", "22,400 USD", "1.7 days per case"):
        assert any(kept in line for line in lines), kept


def test_every_date_is_the_locales_long_date(tmp_path: Path) -> None:
    text, _ = plan_words(tmp_path)
    flat = " ".join(text.split())
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", flat)  # no ISO dates
    assert not re.search(r"\b\d{1,2} (Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}", flat)
    assert re.findall(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}", flat)


def test_the_long_date_follows_the_time_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_TIME", "en_US.UTF-8")
    assert long_date((31, 3, 2027)) == "March 31, 2027"
    monkeypatch.setenv("LC_TIME", "de_DE.UTF-8")
    assert long_date((31, 3, 2027)) == "31 March 2027"
    monkeypatch.setenv("LC_ALL", "en_CA.UTF-8")
    assert long_date((1, 12, 2026)) == "December 1, 2026"


def test_figures_are_right_aligned_with_their_unit(tmp_path: Path) -> None:
    from app.export.pdf.blocks import content_widths
    from app.export.pdf.fonts import register_fonts

    register_fonts()
    rows = [["Lead time", "5 days", "word " * 30], ["Cost", "152,720 USD", "x"]]
    widths = content_widths(["Metric", "Value", "Meaning"], rows, 400, right=(1,))
    assert sum(widths) == pytest.approx(400)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert widths[1] >= stringWidth("152,720 USD", "WalkthroughSans", 8.5)  # never wraps
    assert widths[2] > widths[0]  # the text column takes the room left


def test_cell_lines_are_the_plain_text_lines_of_a_cell() -> None:
    from reportlab.platypus import Paragraph

    from app.export.pdf.columns import cell_lines
    from app.export.pdf.fonts import register_fonts
    from app.export.pdf.styles import STYLES

    register_fonts()
    marked = Paragraph(
        '<b>Approve</b> invoice<br/>S&amp;P <font name="WalkthroughEmoji">😀</font>', STYLES.cell
    )
    assert cell_lines(marked) == ["Approve invoice", "S&P 😀"]
    assert cell_lines("a\nb") == ["a", "b"]
