"""Typed reading of one JSON object, collecting every broken rule with its place.

The process file is refused as a whole when anything is wrong, and the user is told every
place at once (``steps[3].touch_minutes: must be a number >= 0, got "ten"``), so readers
record problems here instead of raising at the first one.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from app.process.bounds import MAX_NUMBER, quote

T = TypeVar("T")


@dataclass(slots=True)
class Problems:
    """The broken rules found so far, each as ``place: what is wrong``."""

    items: list[str] = field(default_factory=list)

    def add(self, place: str, message: str) -> None:
        self.items.append(f"{place}: {message}" if place else message)

    def __bool__(self) -> bool:
        return bool(self.items)


def describe(value: Any) -> str:
    """A short rendering of a bad value for a message."""
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return "a number too large to hold"
    text = str(value).lower()
    return text if len(text) <= 40 else text[:37] + "..."


@dataclass(slots=True)
class ObjectReader:
    """Reads typed fields from one JSON object at ``place``; unknown keys are kept as extra."""

    data: Mapping[str, Any]
    place: str
    problems: Problems
    known: set[str] = field(default_factory=set)

    def _get(self, key: str) -> Any:
        self.known.add(key)
        return self.data.get(key)

    def _bad(self, key: str, rule: str, value: Any) -> None:
        self.problems.add(f"{self.place}.{key}", f"{rule}, got {describe(value)}")

    def text(self, key: str, *, required: bool = False) -> str:
        value = self._get(key)
        if value is None:
            if required:
                self.problems.add(f"{self.place}.{key}", "is required")
            return ""
        if not isinstance(value, str):
            self._bad(key, "must be text", value)
            return ""
        if required and not value.strip():
            self.problems.add(f"{self.place}.{key}", "must not be empty")
        return value

    def number(self, key: str, *, default: float | None = 0.0, maximum: float | None = None) -> Any:
        """A finite number >= 0 (and <= ``maximum``); ``default`` when absent or null."""
        value = self._get(key)
        if value is None:
            return default
        bound = MAX_NUMBER if maximum is None else maximum
        if not _finite_number(value) or value < 0 or value > bound:
            limit = "" if maximum is None else f" and <= {maximum:g}"
            if _finite_number(value) and value > bound:
                limit = f" and <= {bound:g}"
            self._bad(key, f"must be a number >= 0{limit}", value)
            return default
        return float(value)

    def flag(self, key: str) -> bool:
        value = self._get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self._bad(key, "must be true or false", value)
            return False
        return value

    def choice(self, key: str, choices: Collection[str], *, default: str | None) -> Any:
        value = self._get(key)
        if value is None or (value == "" and default is None):
            return default
        if value not in choices:
            allowed = ", ".join(sorted(choices))
            self._bad(key, f"must be one of {allowed}", value)
            return default
        return value

    def date(self, key: str) -> dt.date | None:
        value = self._get(key)
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self._bad(key, "must be a date written YYYY-MM-DD", value)
        return None

    def text_list(self, key: str) -> tuple[str, ...]:
        value = self._get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self._bad(key, "must be a list of texts", value)
            return ()
        return tuple(value)

    def raw(self, key: str) -> Any:
        return self._get(key)

    def extra(self) -> dict[str, Any]:
        """The keys this reader did not ask for, kept so a round trip loses nothing."""
        return {key: value for key, value in self.data.items() if key not in self.known}


def _finite_number(value: Any) -> bool:
    """A JSON number Python can hold as a float (a huge integer overflows, so is not)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def number_value(value: float | None) -> float | int | None:
    """Whole numbers are written without '.0', so files stay as people wrote them."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def read_object(value: Any, place: str, problems: Problems) -> Mapping[str, Any]:
    """``value`` if it is a JSON object; else a problem at ``place`` and an empty object."""
    if isinstance(value, dict):
        return value
    problems.add(
        place, "is required" if value is None else f"must be an object, got {describe(value)}"
    )
    return {}


def list_value(
    data: Mapping[str, Any], key: str, problems: Problems, prefix: str = ""
) -> list[Any]:
    """The list under ``key`` (absent or null: empty); anything else is a problem."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.add(f"{prefix}{key}", f"must be a list, got {describe(value)}")
        return []
    return value


def read_list(
    data: Mapping[str, Any],
    key: str,
    problems: Problems,
    read_item: Callable[[ObjectReader], T],
    prefix: str = "",
) -> list[T]:
    """Each object of the list under ``key`` read by ``read_item`` at its place."""
    items = []
    for index, item in enumerate(list_value(data, key, problems, prefix)):
        place = f"{prefix}{key}[{index}]"
        if not isinstance(item, dict):
            problems.add(place, f"must be an object, got {describe(item)}")
            continue
        items.append(read_item(ObjectReader(item, place, problems)))
    return items
