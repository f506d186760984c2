"""Hebrew and Arabic in the plan: shaped, each line in visual order, wrapped on logical text.

Read back with ``pdftotext -bbox``: each word's glyphs come in drawing order (so a
right-to-left word reads reversed) with its position, which gives the visual word order.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from app.export.pdf import write_plan_pdf
from app.export.pdf.bidi import shaped, visual
from tests.export.test_pdf_support import OPTIONS, sample, tool

TITLE = "אישור חשבוניות ספקים"
ARABIC_STEP = "مراجعة فاتورة المورد"
PROBLEM = "הבעיה: חשבוניות מחכות שבוע לאישור המנהל, והספקים מתקשרים כל יום. " * 4
Word = tuple[float, float, str]  # xMin, yMin, text as drawn


@pytest.fixture(scope="module")
def rtl_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    process = sample("supplier-invoices")
    steps = tuple(replace(s, name=ARABIC_STEP) if s.id == "s3" else s for s in process.steps)
    process = replace(process, name=TITLE, problem=PROBLEM.strip(), steps=steps)
    path = tmp_path_factory.mktemp("rtl") / "plan.pdf"
    report = write_plan_pdf(process, path, options=OPTIONS)
    assert report.unshaped_scripts == ()
    return path


def words(path: Path, page: int) -> list[Word]:
    result = subprocess.run(
        [tool("pdftotext"), "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" [^>]*>([^<]*)</word>'
    return [(float(x), float(y), text) for x, y, text in re.findall(pattern, result.stdout)]


def line_of(found: list[Word], drawn_word: str) -> list[Word]:
    """The words on the same line as ``drawn_word``, left to right."""
    y = next(y for _, y, text in found if text == drawn_word)
    return sorted(word for word in found if abs(word[1] - y) < 1)


def reading_order(line: list[Word]) -> list[str]:
    """A right-to-left line read as a person does: right to left, each word un-reversed."""
    return [text[::-1] for _, _, text in reversed(line)]


def test_a_hebrew_title_is_drawn_right_to_left(rtl_pdf: Path) -> None:
    line = line_of(words(rtl_pdf, 1), "רושיא")  # "אישור" as drawn
    assert reading_order(line) == TITLE.split()
    assert line[-1][0] > 400  # right-aligned: the first word sits at the right margin


def test_a_long_hebrew_paragraph_wraps_on_logical_text(rtl_pdf: Path) -> None:
    found = words(rtl_pdf, 2)
    first = line_of(found, ":היעבה")  # the paragraph's first word, "הבעיה:"
    logical = PROBLEM.split()
    read = reading_order(first)
    assert read == logical[: len(read)]  # the first line holds the first words, in order
    assert 3 < len(read) < len(logical)


def test_arabic_is_shaped_and_reads_back_as_typed(rtl_pdf: Path) -> None:
    text = subprocess.run(
        [tool("pdftotext"), str(rtl_pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    for word in ARABIC_STEP.split():
        assert word in text or word[::-1] in text, word
    drawn = visual(ARABIC_STEP)
    assert any(0xFE70 <= ord(char) <= 0xFEFF for char in drawn)  # joined presentation forms
    assert shaped("abc <b>&amp;") == "abc <b>&amp;"


def test_mixed_lines_keep_left_to_right_runs_in_order() -> None:
    assert visual("Step שלום עולם", right_to_left=False) == "Step םלוע םולש"
    assert visual("Work waits 4 h before 'שלום עולם'.") == "Work waits 4 h before 'םלוע םולש'."
    assert visual("שלום PO-17 עולם") == "םלוע PO-17 םולש"


def test_an_english_sentence_quoting_a_hebrew_name_stays_left_aligned() -> None:
    from app.export.pdf.bidi import ShapedParagraph
    from app.export.pdf.fonts import register_fonts
    from app.export.pdf.styles import STYLES

    register_fonts()
    english = ShapedParagraph("'אישור החשבונית' types in data that already exists.", STYLES.body)
    hebrew = ShapedParagraph("הבעיה: חשבוניות מחכות שבוע (PO-17).", STYLES.body)
    assert (english.right_to_left, hebrew.right_to_left) == (False, True)
    assert (english.style.alignment, hebrew.style.alignment) == (0, 2)  # left, right


def test_a_hebrew_paragraph_split_across_pages_keeps_reading_right_to_left(
    tmp_path: Path,
) -> None:
    words_typed = [f"מילה{n % 10}" for n in range(900)]  # "word0".."word9", over two pages
    text = " ".join(words_typed)
    process = replace(sample("supplier-invoices"), problem=text)
    path = tmp_path / "plan.pdf"
    write_plan_pdf(process, path, options=OPTIONS)
    found = words(path, 3)  # the summary's second page: the problem statement goes on
    top = min(y for _, y, word in found if word.startswith("0") or word[-1:] == "ה")
    line = sorted(w for w in found if abs(w[1] - top) < 1)
    read = reading_order(line)
    start = words_typed.index(read[0])
    assert read == words_typed[start : start + len(read)]
    assert line[-1][0] > 400  # still right-aligned
