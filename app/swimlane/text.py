"""Fitting labels into shapes: wrap to a width, elide with "…" after the last allowed line.

The width of text comes from a ``TextMeasure``: the Qt view and the PDF pass real font
metrics, tests and the command line use ``approximate_measure`` (deterministic, no fonts).
Wrapping breaks at whitespace and, for words wider than a line, between characters, never
inside a character cluster (a base with its combining marks, an emoji ZWJ sequence).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Protocol

ELLIPSIS = "…"
_ZWJ = "\u200d"
_AVERAGE_EM = 0.58
_NARROW = frozenset(" il.,:;'|!ıjtfr()[]{}")
_WIDE = frozenset("mwMW@%")


class TextMeasure(Protocol):
    """The advance width of a single line of text, in points."""

    def __call__(self, text: str, /) -> float: ...


@lru_cache(maxsize=4096)
def char_width_em(char: str) -> float:
    """An approximate advance width of one character in ems (wide CJK and emoji count double)."""
    if _is_joining(char):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2 * _AVERAGE_EM
    if char in _NARROW:
        return 0.32
    if char in _WIDE:
        return 0.9
    if char.isupper():
        return 0.7
    return _AVERAGE_EM


class _EmWidths(dict[str, float]):
    """Character → width in ems, filled on first use (a dict so lookups stay in C)."""

    def __missing__(self, char: str) -> float:
        width = self[char] = char_width_em(char)
        return width


class ApproximateMeasure:
    """A deterministic stand-in for font metrics: per-character widths at ``font_size``."""

    def __init__(self, font_size: float) -> None:
        self.font_size = font_size
        self._em = _EmWidths()

    def __call__(self, text: str, /) -> float:
        return sum(map(self._em.__getitem__, text)) * self.font_size


def approximate_measure(font_size: float) -> TextMeasure:
    """The default ``TextMeasure`` for a font size."""
    return ApproximateMeasure(font_size)


def wrap_text(text: str, *, width: float, max_lines: int, measure: TextMeasure) -> tuple[str, ...]:
    """``text`` as at most ``max_lines`` lines no wider than ``width``; "…" marks a cut.

    Whitespace (newlines included) separates words. A single character cluster wider than
    ``width`` still gets a line of its own, so every line holds something.
    """
    if max_lines <= 0:
        return ()
    words = text.split()
    whole = " ".join(words)
    if not words or measure(whole) <= width:
        return (whole,) if words else ()
    lines: list[str] = []
    current = ""
    index = 0
    while index < len(words) and len(lines) < max_lines:
        word = words[index]
        candidate = f"{current} {word}" if current else word
        if measure(candidate) <= width:
            current, index = candidate, index + 1
        elif current:
            lines.append(current)
            current = ""
        else:
            head = fit_prefix(word, width, measure)
            lines.append(head)
            if head == word:
                index += 1
            else:
                words[index] = word[len(head) :]
    if current and len(lines) < max_lines:
        lines.append(current)
        current = ""
    if (current or index < len(words)) and lines:
        lines[-1] = elide(lines[-1], width, measure)
    return tuple(lines)


def elide(line: str, width: float, measure: TextMeasure) -> str:
    """``line`` shortened so that it plus "…" fits ``width`` (always ends in "…")."""
    low, high = 0, len(line)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(line[:middle].rstrip() + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    cut = _cluster_boundary(line, low)
    return line[:cut].rstrip() + ELLIPSIS


def fit_prefix(word: str, width: float, measure: TextMeasure) -> str:
    """The longest prefix of ``word`` within ``width``, at least one character cluster."""
    low, high = 0, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    cut = _cluster_boundary(word, low)
    if cut == 0:
        cut = _first_cluster_end(word)
    return word[:cut]


def _is_joining(char: str) -> bool:
    """Characters that attach to the one before: marks, ZWJ, variation selectors."""
    if char == _ZWJ or "\ufe00" <= char <= "\ufe0f" or "\U0001f3fb" <= char <= "\U0001f3ff":
        return True
    return unicodedata.category(char) in ("Mn", "Me")


def _cluster_boundary(text: str, cut: int) -> int:
    """Move ``cut`` left until it does not split a character cluster."""
    while 0 < cut < len(text) and (_is_joining(text[cut]) or text[cut - 1] == _ZWJ):
        cut -= 1
    return cut


def _first_cluster_end(text: str) -> int:
    """The length of the first character cluster of ``text``."""
    end = 1
    while end < len(text) and (_is_joining(text[end]) or text[end - 1] == _ZWJ):
        end += 1
    return end
