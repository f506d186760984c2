"""The embedded fonts: DejaVu Sans from ``app.resources.fonts``, registered once per process,
and an emoji font (Symbola's emoji and symbol ranges) for what DejaVu cannot draw.

Also answers which typed characters the font cannot draw, and which right-to-left scripts a
text uses (Hebrew and Arabic are shaped and reordered by ``bidi``; others are not).
"""

from __future__ import annotations

import functools
import threading
import unicodedata
from collections.abc import Iterable
from importlib.resources import as_file, files

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "WalkthroughSans"
BOLD = "WalkthroughSans-Bold"
ITALIC = "WalkthroughSans-Oblique"
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}
EMOJI = "WalkthroughEmoji"
EMOJI_FILE = "Symbola-emoji.ttf"
_RTL_SCRIPTS = (("HEBREW", "Hebrew"), ("ARABIC", "Arabic"), ("SYRIAC", "Syriac"))
_lock = threading.Lock()


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond U+FFFF written as UTF-16 pairs.

    ReportLab 5 writes every code as ``%04X``, so an emoji such as U+1F600 becomes the
    five-digit ``<1F600>``, which readers take as U+1F60 (copy and paste, search and screen
    readers then see ``ὠ``). The PDF reference asks for UTF-16BE, i.e. a surrogate pair.
    """
    lines = ttfonts.original_make_to_unicode_cmap(fontname, subset).split("\n")
    start = lines.index(f"{len(subset)} beginbfchar") + 1
    lines[start : start + len(subset)] = [
        f"<{index:02X}> <{_utf16_hex(code)}>" for index, code in enumerate(subset)
    ]
    return "\n".join(lines)


def _utf16_hex(code: int) -> str:
    """The text a glyph stands for, as UTF-16BE hex.

    Shaped Arabic is drawn with presentation forms (ﻣ, ﺮ…); they read back as the letters
    typed (م, ر…), so search and copy find the words.
    """
    char = chr(code)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        char = unicodedata.normalize("NFKC", char) or char
    return char.encode("utf-16-be", "surrogatepass").hex().upper()


def _fix_to_unicode() -> None:
    """Put the corrected CMap writer in place of ReportLab's (once)."""
    if not hasattr(ttfonts, "original_make_to_unicode_cmap"):
        ttfonts.original_make_to_unicode_cmap = ttfonts.makeToUnicodeCMap
        ttfonts.makeToUnicodeCMap = to_unicode_cmap


def register_fonts() -> None:
    """Register the plan's fonts with ReportLab (once; safe from any thread)."""
    with _lock:
        _fix_to_unicode()
        if REGULAR in pdfmetrics.getRegisteredFontNames():
            return
        folder = files("app.resources") / "fonts"
        for name, filename in (*_FILES.items(), (EMOJI, EMOJI_FILE)):
            with as_file(folder / filename) as path:
                pdfmetrics.registerFont(TTFont(name, str(path)))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD)


@functools.cache
def covered(name: str = REGULAR) -> frozenset[int]:
    """The characters the registered font ``name`` has a glyph for."""
    register_fonts()
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def emoji_only(char: str) -> bool:
    """Whether ``char`` is drawn from the emoji font (the body font has no glyph for it)."""
    code = ord(char)
    return code not in covered() and code in covered(EMOJI)


def missing_glyphs(texts: Iterable[str]) -> tuple[str, ...]:
    """Characters of ``texts`` the font has no glyph for, in order of first appearance.

    Whitespace, controls and format characters (joiners, variation selectors) draw nothing
    and are never reported.
    """
    drawable = covered() | covered(EMOJI)
    missing: dict[str, None] = {}
    for text in texts:
        for char in text:
            if ord(char) not in drawable and _drawn(char):
                missing.setdefault(char)
    return tuple(missing)


def _drawn(char: str) -> bool:
    code = ord(char)
    selector = 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
    return not (char.isspace() or selector or unicodedata.category(char) in ("Cc", "Cf"))


SHAPED_SCRIPTS = frozenset({"Hebrew", "Arabic"})  # shaped and reordered by app.export.pdf.bidi


def unshaped_scripts(texts: Iterable[str]) -> tuple[str, ...]:
    """The right-to-left scripts of ``texts`` the plan cannot shape (e.g. Syriac)."""
    return tuple(s for s in right_to_left_scripts(texts) if s not in SHAPED_SCRIPTS)


def right_to_left_scripts(texts: Iterable[str]) -> tuple[str, ...]:
    """The right-to-left scripts (Hebrew, Arabic, Syriac) used in ``texts``, in that order."""
    found: set[str] = set()
    for text in texts:
        for char in text:
            if unicodedata.bidirectional(char) in ("R", "AL"):
                found.add(_script(char))
    return tuple(label for _, label in _RTL_SCRIPTS if label in found) + tuple(
        sorted(found - {label for _, label in _RTL_SCRIPTS})
    )


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    for prefix, label in _RTL_SCRIPTS:
        if name.startswith(prefix):
            return label
    return "other right-to-left"
