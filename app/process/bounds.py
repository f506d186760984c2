"""Limits every stored value keeps, checked before any database sees it.

SQLite and PostgreSQL differ on what they accept (PostgreSQL refuses NUL characters and texts
longer than a column; SQLite stores either), and a lone surrogate crashes the text encoders of
both. Checking here, in the process layer, gives one refusal on either database.
"""

from __future__ import annotations

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


def value_problems(data: Any, place: str = "") -> list[str]:
    """Every place in a decoded JSON document whose value no database may store.

    An explicit stack, not recursion: a save checks its whole snapshot on every edit.
    """
    problems: list[str] = []
    stack: list[tuple[Any, str, int]] = [(data, place, 0)]
    while stack:
        value, where, depth = stack.pop()
        if isinstance(value, str):
            problems += _text_problems(value, where)
        elif isinstance(value, dict):
            if depth >= MAX_DEPTH and value:
                problems.append(_too_deep(where))
                continue
            for key, item in value.items():
                problems += _key_problems(str(key), item, where)
                stack.append((item, _join(where, str(key)), depth + 1))
        elif isinstance(value, list | tuple):
            if depth >= MAX_DEPTH and value:
                problems.append(_too_deep(where))
                continue
            stack += [(item, f"{where}[{index}]", depth + 1) for index, item in enumerate(value)]
        elif isinstance(value, int | float) and not isinstance(value, bool):
            problems += _number_problems(value, where)
    return problems


def _key_problems(key: str, item: Any, where: str) -> list[str]:
    problems = _text_problems(key, f"{where} (a key)" if where else "a key")
    if key == "id" and isinstance(item, str) and len(item) > MAX_ID_LENGTH:
        problems.append(f"{_join(where, key)}: an id is at most {MAX_ID_LENGTH} characters")
    return problems


def _too_deep(place: str) -> str:
    where = place if len(place) <= MAX_PLACE else place[: MAX_PLACE - 1] + "…"
    return f"{where or 'the file'}: is nested more than {MAX_DEPTH} levels deep"


def _join(place: str, key: str) -> str:
    safe = key if key.isidentifier() and len(key) <= MAX_QUOTED else quote(key)
    return f"{place}.{safe}" if place else safe


def _text_problems(text: str, place: str) -> list[str]:
    where = place or "a text"
    if "\x00" in text:
        return [f"{where}: contains a NUL character, which no text may hold"]
    if not _encodable(text):
        return [f"{where}: contains a lone surrogate (broken Unicode), near {quote(_near(text))}"]
    return []


def _encodable(text: str) -> bool:
    """UTF-8 refuses exactly the lone surrogates (checked at C speed)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _near(text: str) -> str:
    """The text around its first lone surrogate."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return text[max(0, error.start - 10) :]
    return text


def _number_problems(number: float, place: str) -> list[str]:
    where = place or "a number"
    if isinstance(number, int) and abs(number) > MAX_INTEGER:
        digits = int(number.bit_length() * 0.30103) + 1
        return [f"{where}: a number of about {digits} digits is beyond any sensible value"]
    if isinstance(number, float) and abs(number) > MAX_NUMBER:
        return [f"{where}: {number:.3g} is beyond any sensible value (at most {MAX_NUMBER:.0e})"]
    return []
