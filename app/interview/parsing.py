"""Reading typed answers that are not durations: numbers, dates, frequencies, lists of names.

Durations go through ``app.process.durations`` (the one parser). Each reader returns a value or
raises ``AnswerError`` with one sentence saying what was not understood.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from app.process.dates import environment_day_first, read_typed_date
from app.process.model import LaneKind


class AnswerError(ValueError):
    """An answer that cannot be read; the message is the sentence to show beside the field."""


_NUMBER = r"(\d+(?:[.,]\d+)?)"
_UNITS = {
    "day": "day",
    "days": "day",
    "d": "day",
    "working day": "day",
    "working days": "day",
    "week": "week",
    "weeks": "week",
    "wk": "week",
    "w": "week",
    "month": "month",
    "months": "month",
    "mo": "month",
    "year": "year",
    "years": "year",
    "yr": "year",
    "y": "year",
    "annum": "year",
}
_ADVERBS = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year"}
_ADVERBS["annually"] = "year"
_FREQUENCY = re.compile(
    rf"{_NUMBER}\s*(?:x|times)?\s*(?:(?:per|a|an|each|every|/|in\s+a)\s*)?(?P<unit>[a-z ]+?)\.?"
)


def read_number(text: str) -> float:
    """A number >= 0 as typed (``12``, ``2.5``, ``2,5``)."""
    cleaned = text.strip()
    if not re.fullmatch(_NUMBER, cleaned):
        raise AnswerError(f"'{cleaned}' is not a number: type one such as 12 or 2.5.")
    return float(cleaned.replace(",", "."))


def read_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """A date as typed ("today", 2026-11-20, 20/11/2026 by the locale, "20 Nov"); None if blank.

    A date without its year is the last such day: an interview is today or in the past.
    """
    try:
        return read_typed_date(
            text, day_first=environment_day_first(), today=today or dt.date.today(), past=True
        )
    except ValueError as error:
        raise AnswerError(str(error)) from None


def read_frequency(text: str, runs_per_year: Mapping[str, float]) -> float:
    """Runs per year from ``20 per week``, ``5 a day``, ``3/month``, ``weekly``."""
    cleaned = " ".join(text.strip().lower().split())
    if cleaned in _ADVERBS:
        return runs_per_year[_ADVERBS[cleaned]]
    match = _FREQUENCY.fullmatch(cleaned)
    unit = _UNITS.get(match.group("unit").strip()) if match else None
    unit = unit or (_ADVERBS.get(match.group("unit").strip()) if match else None)
    if match is None or unit is None:
        raise AnswerError(
            f"'{text.strip()}' is not a frequency: type a number per day, week, month or year, "
            "as in '20 per week'."
        )
    return float(match.group(1).replace(",", ".")) * runs_per_year[unit]


def read_share(text: str) -> float:
    """How often, as a probability: "1 in 5", "2 out of 10", "20 %", or a bare count out of 10."""
    cleaned = " ".join(text.strip().lower().replace(",", ".").split())
    if match := re.fullmatch(rf"{_NUMBER}\s*(?:in|of|out of|/)\s*{_NUMBER}", cleaned):
        part, whole = float(match.group(1)), float(match.group(2))
        share = part / whole if whole else -1.0
    elif match := re.fullmatch(rf"{_NUMBER}\s*(?:%|percent)", cleaned):
        share = float(match.group(1)) / 100
    elif match := re.fullmatch(_NUMBER, cleaned):
        share = float(match.group(1)) / 10
    else:
        raise AnswerError(f"'{text.strip()[:40]}' is not how often: type 2 (out of 10) or 1 in 5.")
    if not 0 < share < 1:
        raise AnswerError(
            f"'{text.strip()[:40]}': sometimes means more than never and less than always."
        )
    return share


def read_money(text: str) -> float:
    """An amount of money as typed: "45", "£45", "45.50 GBP", "1,200"; >= 0."""
    cleaned = re.sub(r"[^\d.,]", "", text.strip())
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", cleaned):
        cleaned = cleaned.replace(",", "")
    try:
        return read_number(cleaned)
    except AnswerError:
        raise AnswerError(f"'{text.strip()[:40]}' is not an amount: type one such as 45.") from None


_CURRENCY_WORDS = {
    "£": "GBP",
    "€": "EUR",
    "$": "USD",
    "¥": "JPY",
    "₹": "INR",
    "pound": "GBP",
    "pounds": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "dollar": "USD",
    "dollars": "USD",
}


def read_currency(text: str, current: str = "USD") -> str:
    """An ISO 4217 code ("gbp" → "GBP", "£" → "GBP"); blank keeps ``current``."""
    cleaned = text.strip()
    if not cleaned:
        return current
    code = _CURRENCY_WORDS.get(cleaned.lower(), cleaned.upper())
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise AnswerError(
            f"'{cleaned[:20]}' is not a currency: type a three-letter code such as GBP, EUR or USD."
        )
    return code


_PER_HOUR = r"(?:/\s*h(?:our|r)?|an hour|per hour|a hour|ph)"
_RATE = re.compile(
    rf"(?P<role>.*?)[\s:=]*(?P<amount>[£$€¥₹]?\s*\d[\d.,]*)\s*(?:[a-z]{{3}})?\s*{_PER_HOUR}?\.?",
    re.I,
)


def read_rates(text: str) -> list[tuple[str, float]]:
    """Hourly costs: ("", amount) for one figure for everyone, (role, amount) for a role's own."""
    found: list[tuple[str, float]] = []
    for part in re.split(r"[;\n]|,(?!\d{3}\b)", text):
        item = " ".join(part.split())
        if not item:
            continue
        match = _RATE.fullmatch(item)
        if match is None:
            raise AnswerError(
                f"'{item[:40]}' is not a role with its hourly cost: type 'Finance 55', or one "
                "amount for everyone."
            )
        found.append((match.group("role").strip(" -–:"), read_money(match.group("amount"))))
    return found


def read_names(text: str) -> list[str]:
    """Names separated by commas, semicolons or new lines; blanks and repeats dropped."""
    names: dict[str, str] = {}
    for part in re.split(r"[,;\n]", text):
        name = " ".join(part.split())
        if name and name.casefold() not in names:
            names[name.casefold()] = name
    return list(names.values())


def read_lane_name(text: str) -> tuple[str, LaneKind]:
    """A lane name and its kind: ``"ERP (system)"`` is the system lane ``ERP``."""
    match = re.fullmatch(r"(.*?)\s*\((system|role)\)", text.strip(), re.IGNORECASE)
    if match and match.group(1):
        kind: LaneKind = "system" if match.group(2).lower() == "system" else "role"
        return match.group(1), kind
    return text.strip(), "role"
