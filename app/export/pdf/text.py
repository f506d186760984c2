"""The one way user text reaches a ReportLab Paragraph: escaped, line breaks kept.

ReportLab's Paragraph reads its text as markup, so ``S&P`` would become ``S&P;`` and
``<img src=x>`` would crash the build. Every piece of typed text goes through
``paragraph_text``; long runs without spaces still wrap because the paragraph styles split
long words (``splitLongWords``), and nothing is inserted into the text itself.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

_LINE_BREAKS = ("\r\n", "\r", "\u2028", "\u2029")
# Control characters other than tab and newline draw as nothing useful in a PDF.
_CONTROLS = {code: None for code in range(32) if code not in (9, 10)} | {127: None}


def paragraph_text(text: str) -> str:
    """``text`` as Paragraph markup that shows exactly what was typed, line breaks included."""
    for line_break in _LINE_BREAKS:
        text = text.replace(line_break, "\n")
    cleaned = text.translate(_CONTROLS).replace("\t", "    ")
    return escape(cleaned).replace("\n", "<br/>")


def bold(markup: str) -> str:
    """Already-escaped markup in bold."""
    return f"<b>{markup}</b>"


def or_missing(text: str, missing: str) -> str:
    """The escaped text, or an italic note saying it is missing when it is blank."""
    if text.strip():
        return paragraph_text(text.strip())
    return f"<i>{paragraph_text(missing)}</i>"
