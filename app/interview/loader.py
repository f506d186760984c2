"""Read and validate the question bank; every broken rule is reported with its place."""

from __future__ import annotations

import json
import string
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from app.interview.bank import (
    FILLS,
    INPUT_KINDS,
    STAGES,
    TRIGGERS,
    FollowUpRule,
    Question,
    QuestionBank,
    Stage,
)
from app.interview.choices import read_choice

BANK_FORMAT = "walkthrough-question-bank"
BANK_VERSION = 1
FREQUENCY_UNITS = ("day", "week", "month", "year")


class QuestionBankError(ValueError):
    """A question bank that cannot be used; ``problems`` lists each place and what is wrong."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(f"{source}: " + "; ".join(self.problems))


def load_question_bank(path: Path | None = None) -> QuestionBank:
    """The bank at ``path``, or the one shipped with the app; QuestionBankError on bad data."""
    if path is None:
        resource = files("app.resources.interview").joinpath("questions.json")
        return parse_question_bank(resource.read_text(encoding="utf-8"), source="questions.json")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QuestionBankError(str(path), [f"cannot be read ({error})"]) from error
    return parse_question_bank(text, source=str(path))


def parse_question_bank(text: str, *, source: str = "the question bank") -> QuestionBank:
    """Build a bank from the JSON text of a bank file."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        message = f"is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        raise QuestionBankError(source, [message]) from error
    problems: list[str] = []
    bank = _read_bank(data, problems)
    if problems or bank is None:
        raise QuestionBankError(source, problems or ["is not a question bank"])
    return bank


def _read_bank(data: Any, problems: list[str]) -> QuestionBank | None:
    if not isinstance(data, dict):
        problems.append("must hold a JSON object")
        return None
    if data.get("format") != BANK_FORMAT:
        problems.append(f"format: must be '{BANK_FORMAT}', got {data.get('format')!r}")
    if data.get("version") != BANK_VERSION:
        problems.append(f"version: must be {BANK_VERSION}, got {data.get('version')!r}")
    stages = {stage: _questions(data, stage, problems) for stage in STAGES[:3]}
    _unique([q.id for qs in stages.values() for q in qs], "question id", problems)
    rules = _rules(data, problems)
    _unique([rule.id for rule in rules], "follow-up id", problems)
    return QuestionBank(
        define=stages["define"],
        steps=stages["steps"],
        check=stages["check"],
        followups=rules,
        runs_per_year=_frequencies(data.get("frequency_runs_per_year"), problems),
        default_end_name=_text(data, "default_end_name", "", problems) or "Done",
    )


def _unique(ids: Sequence[str], what: str, problems: list[str]) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            problems.append(f"{what} '{item}' is used twice")
        seen.add(item)


def _text(data: Mapping[str, Any], key: str, place: str, problems: list[str]) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        problems.append(f"{place}{key}: must be text, got {value!r}")
        return ""
    return value


def _required_text(data: Mapping[str, Any], key: str, place: str, problems: list[str]) -> str:
    value = _text(data, key, place, problems)
    if not value.strip() and isinstance(data.get(key, ""), str):
        problems.append(f"{place}{key}: is required")
    return value


def _items(data: Mapping[str, Any], key: str, problems: list[str]) -> list[tuple[str, Any]]:
    value = data.get(key)
    if not isinstance(value, list):
        problems.append(f"{key}: must be a list, got {type(value).__name__}")
        return []
    return [(f"{key}[{index}]", item) for index, item in enumerate(value)]


def _questions(data: Mapping[str, Any], stage: Stage, problems: list[str]) -> tuple[Question, ...]:
    questions = []
    for place, item in _items(data, stage, problems):
        if not isinstance(item, dict):
            problems.append(f"{place}: must be an object")
            continue
        questions.append(_question(item, stage, _place(place, item), problems))
    return tuple(questions)


def _place(place: str, item: Mapping[str, Any]) -> str:
    item_id = item.get("id")
    return f"{place} ('{item_id}')." if isinstance(item_id, str) and item_id else f"{place}."


def _question(item: Mapping[str, Any], stage: Stage, place: str, problems: list[str]) -> Question:
    fills = _required_text(item, "fills", place, problems)
    if fills and fills not in FILLS[stage]:
        known = ", ".join(sorted(FILLS[stage]))
        problems.append(f"{place}fills: '{fills}' is not a field of this stage ({known})")
    kind = _required_text(item, "input", place, problems)
    if kind and kind not in INPUT_KINDS:
        problems.append(f"{place}input: '{kind}' is not one of {', '.join(sorted(INPUT_KINDS))}")
    choices = _text_list(item, "choices", place, problems)
    if kind == "choice" and not choices:
        problems.append(f"{place}choices: a 'choice' question needs its choices")
    required = item.get("required", False)
    if not isinstance(required, bool):
        problems.append(f"{place}required: must be true or false")
    return Question(
        id=_required_text(item, "id", place, problems),
        stage=stage,
        prompt=_required_text(item, "prompt", place, problems),
        help=_text(item, "help", place, problems),
        fills=fills if "." in fills else f"{stage}.{fills}",
        input=kind,
        required=required is True,
        choices=choices,
        missing=_text(item, "missing", place, problems),
        first_prompt=_text(item, "first_prompt", place, problems),
    )


def _text_list(
    item: Mapping[str, Any], key: str, place: str, problems: list[str]
) -> tuple[str, ...]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{place}{key}: must be a list of non-empty texts")
        return ()
    return tuple(value)


def _rules(data: Mapping[str, Any], problems: list[str]) -> tuple[FollowUpRule, ...]:
    rules = []
    for place, item in _items(data, "followups", problems):
        if not isinstance(item, dict):
            problems.append(f"{place}: must be an object")
            continue
        rules.append(_rule(item, _place(place, item), problems))
    return tuple(rules)


def _rule(item: Mapping[str, Any], place: str, problems: list[str]) -> FollowUpRule:
    trigger = _required_text(item, "trigger", place, problems)
    needed, placeholders = TRIGGERS.get(trigger, ({}, frozenset()))
    if trigger and trigger not in TRIGGERS:
        known = ", ".join(sorted(TRIGGERS))
        problems.append(f"{place}trigger: '{trigger}' is not one of {known}")
    reason = _required_text(item, "reason", place, problems)
    _check_placeholders(reason, placeholders, place, problems)
    questions = _text_list(item, "questions", place, problems)
    if not questions:
        problems.append(f"{place}questions: at least one question is needed")
    return FollowUpRule(
        id=_required_text(item, "id", place, problems),
        trigger=trigger,
        reason=reason,
        questions=questions,
        thresholds=_thresholds(item.get("thresholds", {}), needed, place, problems),
        choice=read_choice(item.get("choice"), place, problems),
    )


def _check_placeholders(
    text: str, allowed: frozenset[str], place: str, problems: list[str]
) -> None:
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as error:
        problems.append(f"{place}reason: {error}")
        return
    unknown = sorted(names - allowed)
    if unknown and allowed:
        problems.append(
            f"{place}reason: unknown placeholder {{{unknown[0]}}}; use {', '.join(sorted(allowed))}"
        )


def _thresholds(
    value: Any, needed: Mapping[str, type], place: str, problems: list[str]
) -> dict[str, Any]:
    if not isinstance(value, dict):
        problems.append(f"{place}thresholds: must be an object")
        return {}
    result: dict[str, Any] = {}
    for key, kind in needed.items():
        item = value.get(key)
        checked = _threshold(item, kind)
        if checked is None:
            problems.append(f"{place}thresholds.{key}: {_threshold_rule(kind)}, got {item!r}")
        else:
            result[key] = checked
    return result


def _threshold(value: Any, kind: type) -> Any:
    if kind is bool:
        return value if isinstance(value, bool) else None
    if kind is list:
        ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
        return tuple(v.strip().lower() for v in value) if ok and value else None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        return None
    if kind is int:
        return int(value) if float(value).is_integer() else None
    return float(value)


def _threshold_rule(kind: type) -> str:
    return {
        bool: "must be true or false",
        list: "must be a non-empty list of texts",
        int: "must be a whole number >= 0",
    }.get(kind, "must be a number >= 0")


def _frequencies(value: Any, problems: list[str]) -> dict[str, float]:
    if not isinstance(value, dict):
        problems.append("frequency_runs_per_year: must be an object with day, week, month, year")
        return {}
    result = {}
    for unit in FREQUENCY_UNITS:
        item = value.get(unit)
        if isinstance(item, bool) or not isinstance(item, int | float) or item <= 0:
            problems.append(f"frequency_runs_per_year.{unit}: must be a number > 0, got {item!r}")
        else:
            result[unit] = float(item)
    return result


@cache
def default_bank() -> QuestionBank:
    """The bank shipped with the app, read once."""
    return load_question_bank()
