"""Limits every stored value keeps, checked before any database sees it.

SQLite and PostgreSQL differ on what they accept (PostgreSQL refuses NUL characters and texts
longer than a column; SQLite stores either), and a lone surrogate crashes the text encoders of
both. Checking here, in the process layer, gives one refusal on either database.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

MAX_DEPTH = 100
MAX_INTEGER = 2**53  # beyond this JSON readers lose digits
MAX_NUMBER = 1e15
MAX_ID_LENGTH = 200  # the key columns of lanes, steps, actions and reviews
MAX_CURRENCY_LENGTH = 8
MAX_QUOTED = 30
MAX_PLACE = 60


def quote(text: str, limit: int = MAX_QUOTED) -> str:
    """The user's text in quotes, cut to a few dozen characters, safe to print on one line."""
    cleaned = "".join(_printable(char) for char in text[: limit + 1])
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 1] + "…"
    return f"'{cleaned}'"


def _printable(char: str) -> str:
    if char in "\r\n\t":
        return " "
    if "\ud800" <= char <= "\udfff" or char == "\x00":
        return "\N{REPLACEMENT CHARACTER}"
    return char


def value_problems(data: Any, place: str = "") -> Iterator[str]:
    """Every place in a decoded JSON document whose value no database may store."""
    yield from _walk(data, place, 0)


def _walk(value: Any, place: str, depth: int) -> Iterator[str]:
    if depth > MAX_DEPTH:
        where = place if len(place) <= MAX_PLACE else place[: MAX_PLACE - 1] + "…"
        yield f"{where or 'the file'}: is nested more than {MAX_DEPTH} levels deep"
        return
    if isinstance(value, str):
        yield from _text_problems(value, place)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int | float):
        yield from _number_problems(value, place)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            key_text = str(key)
            yield from _text_problems(key_text, f"{place} (a key)" if place else "a key")
            yield from _walk(item, _join(place, key_text), depth + 1)
            if key_text == "id" and isinstance(item, str) and len(item) > MAX_ID_LENGTH:
                yield f"{_join(place, key_text)}: an id is at most {MAX_ID_LENGTH} characters"
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _walk(item, f"{place}[{index}]", depth + 1)


def _join(place: str, key: str) -> str:
    safe = key if key.isidentifier() and len(key) <= MAX_QUOTED else quote(key)
    return f"{place}.{safe}" if place else safe


def _text_problems(text: str, place: str) -> Iterator[str]:
    where = place or "a text"
    if "\x00" in text:
        yield f"{where}: contains a NUL character, which no text may hold"
    elif any("\ud800" <= char <= "\udfff" for char in text):
        yield f"{where}: contains a lone surrogate (broken Unicode), near {quote(text)}"


def _number_problems(number: float, place: str) -> Iterator[str]:
    where = place or "a number"
    if isinstance(number, int) and abs(number) > MAX_INTEGER:
        digits = int(number.bit_length() * 0.30103) + 1
        yield f"{where}: a number of about {digits} digits is beyond any sensible value"
    elif isinstance(number, float) and abs(number) > MAX_NUMBER:
        yield f"{where}: {number:.3g} is beyond any sensible value (at most {MAX_NUMBER:.0e})"
