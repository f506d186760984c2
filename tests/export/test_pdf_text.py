"""The one escaping helper: user text reaches a Paragraph exactly as typed."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from app.export.pdf.fonts import missing_glyphs, register_fonts, right_to_left_scripts
from app.export.pdf.styles import STYLES
from app.export.pdf.text import paragraph_text


@pytest.mark.parametrize(
    ("typed", "markup"),
    [
        ("S&P", "S&amp;P"),
        ("<b>", "&lt;b&gt;"),
        ("&amp;", "&amp;amp;"),
        ("<img src=x>", "&lt;img src=x&gt;"),
        ("one\ntwo\r\nthree", "one<br/>two<br/>three"),
        ("", ""),
    ],
)
def test_paragraph_text_escapes_markup_and_keeps_line_breaks(typed: str, markup: str) -> None:
    assert paragraph_text(typed) == markup


@pytest.mark.parametrize("typed", ["S&P", "<b>", "&amp;", "<img src=x>", "a\x00b\x07", "😀 🦄"])
def test_paragraph_reads_back_the_typed_text(typed: str) -> None:
    register_fonts()
    paragraph = Paragraph(paragraph_text(typed), STYLES.body)
    paragraph.wrap(300, 800)
    expected = typed.replace("\x00", "").replace("\x07", "")
    assert paragraph.getPlainText() == expected


def test_long_run_without_spaces_wraps_into_lines() -> None:
    register_fonts()
    paragraph = Paragraph(paragraph_text("X" * 5000), STYLES.body)
    _, height = paragraph.wrap(300, 100_000)
    assert height > STYLES.body.leading * 20


def test_missing_glyphs_lists_what_the_font_cannot_draw() -> None:
    # The unicorn comes from the bundled emoji font; the melting face (Unicode 14) does not.
    assert missing_glyphs(["abc Ωж ש ع 😀 🦄", "中 🫠\u200d\ufe0f", "中"]) == ("中", "🫠")


def test_emoji_the_body_font_lacks_are_drawn_from_the_emoji_font() -> None:
    assert paragraph_text("a 🦄🦄 b <") == 'a <font name="WalkthroughEmoji">🦄🦄</font> b &lt;'
    assert paragraph_text("Ωж 😀") == "Ωж 😀"  # DejaVu draws these itself


def test_right_to_left_scripts_are_named() -> None:
    assert right_to_left_scripts(["plain", "שלום", "مرحبا"]) == ("Hebrew", "Arabic")
    assert right_to_left_scripts(["Ελληνικά", "Кириллица"]) == ()
