"""Right-to-left text for the PDF: Arabic shaped, every line in visual order, wrapped first.

ReportLab lays glyphs left to right in the order it is given them. A paragraph that holds
Hebrew or Arabic is therefore shaped before it is wrapped (arabic-reshaper turns letters into
their joined presentation forms without reordering them), wrapped on that logical text, and
each line is put in visual order (python-bidi, the Unicode bidi algorithm) only when it is
drawn, so a split across pages wraps the logical text again. A paragraph that starts with
and mostly holds right-to-left letters reads from the right: it is right-aligned; an English
sentence that quotes a Hebrew step name stays left-to-right.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from arabic_reshaper import reshape
from bidi import get_display
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def has_right_to_left(text: str) -> bool:
    return _RTL.search(text) is not None


def shaped(text: str) -> str:
    """Arabic letters in their joined forms, still in logical order; other text unchanged."""
    return reshape(text) if _ARABIC.search(text) else text


def mostly_right_to_left(text: str) -> bool:
    """Whether ``text`` reads right to left: its first letter with a direction is
    right-to-left, and so are most of them (an English sentence that starts with a quoted
    Hebrew name, or quotes a long one, stays left-to-right)."""
    kinds = [unicodedata.bidirectional(char) for char in text]
    strong = [kind for kind in kinds if kind in ("L", "R", "AL")]
    rtl = sum(kind != "L" for kind in strong)
    return bool(strong) and strong[0] != "L" and rtl > len(strong) - rtl


def visual(text: str, *, right_to_left: bool | None = None) -> str:
    """One line of logical text shaped and in the order it is drawn (left to right)."""
    if not has_right_to_left(text):
        return text
    rtl = mostly_right_to_left(text) if right_to_left is None else right_to_left
    return str(get_display(shaped(text), base_dir="R" if rtl else "L"))


class ShapedParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph that draws right-to-left text shaped and in visual order."""

    def __init__(self, text: str, style: ParagraphStyle, *args: Any, **kwargs: Any) -> None:
        self.right_to_left = False
        if text and has_right_to_left(text):
            self.right_to_left = mostly_right_to_left(re.sub(r"<[^>]*>", "", text))
            text = shaped(text)
            if self.right_to_left and style.alignment == TA_LEFT:
                style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
        super().__init__(text, style, *args, **kwargs)

    def draw(self) -> None:
        logical = getattr(self, "blPara", None)
        text = _lines_text(logical) if logical is not None else ""
        if not has_right_to_left(text):
            super().draw()
            return
        # The parts of a split paragraph are built from frags, without text: ask their lines.
        self.blPara = _visual_lines(logical, mostly_right_to_left(text))
        try:
            super().draw()
        finally:
            self.blPara = logical


def _lines_text(para: Any) -> str:
    """The text of ReportLab's broken lines: (space, words) pairs or styled FragLines."""
    parts: list[str] = []
    for line in para.lines:
        if isinstance(line, tuple):
            parts += [str(word) for word in line[1]]
        else:
            parts += [str(getattr(frag, "text", "")) for frag in line.words]
    return " ".join(parts)


def _visual_lines(para: Any, rtl: bool) -> Any:
    """A copy of ReportLab's broken lines with each line in visual order."""
    lines = [
        (line[0], _visual_words(line[1], rtl))
        if isinstance(line, tuple)
        else line.clone(words=_visual_frags(line.words, rtl))
        for line in para.lines
    ]
    return para.clone(lines=lines)


def _visual_words(words: Sequence[str], rtl: bool) -> list[str]:
    display = visual(" ".join(words), right_to_left=rtl).split(" ")
    return display if len(display) == len(words) else list(words)


def _visual_frags(frags: Sequence[Any], rtl: bool) -> list[Any]:
    """Each styled run in visual order; on a right-to-left line the runs go right to left."""
    turned = [
        frag.clone(text=visual(frag.text, right_to_left=rtl))
        if isinstance(getattr(frag, "text", None), str)
        else frag
        for frag in frags
    ]
    return turned[::-1] if rtl and len(turned) > 1 else turned
