"""The one way user text reaches a ReportLab Paragraph: escaped, line breaks kept.

ReportLab's Paragraph reads its text as markup, so ``S&P`` would become ``S&P;`` and
``<img src=x>`` would crash the build. Every piece of typed text goes through
``paragraph_text``; long runs without spaces still wrap because the paragraph styles split
long words (``splitLongWords``), and nothing is inserted into the text itself.
"""

from __future__ import annotations

import itertools
from xml.sax.saxutils import escape

_LINE_BREAKS = ("\r\n", "\r", "\u2028", "\u2029")
# Control characters other than tab and newline draw as nothing useful in a PDF.
_CONTROLS = {code: None for code in range(32) if code not in (9, 10)} | {127: None}


def paragraph_text(text: str) -> str:
    """``text`` as Paragraph markup that shows exactly what was typed, line breaks included.

    Emoji and symbols the body font lacks are drawn from the emoji font.
    """
    for line_break in _LINE_BREAKS:
        text = text.replace(line_break, "\n")
    cleaned = text.translate(_CONTROLS).replace("\t", "    ")
    return _with_emoji_font(escape(cleaned)).replace("\n", "<br/>")


def _with_emoji_font(markup: str) -> str:
    """Runs of characters only the emoji font can draw, wrapped in a font tag for it."""
    if markup.isascii():
        return markup
    from app.export.pdf.fonts import EMOJI, emoji_only

    parts: list[str] = []
    for emoji, run in itertools.groupby(markup, key=emoji_only):
        text = "".join(run)
        parts.append(f'<font name="{EMOJI}">{text}</font>' if emoji else text)
    return "".join(parts)


def bold(markup: str) -> str:
    """Already-escaped markup in bold."""
    return f"<b>{markup}</b>"


def or_missing(text: str, missing: str) -> str:
    """The escaped text, or an italic note saying it is missing when it is blank."""
    if text.strip():
        return paragraph_text(text.strip())
    return f"<i>{paragraph_text(missing)}</i>"
