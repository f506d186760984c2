"""The process file (``*.walkthrough.json``): read, validate and write (interchange.md).

A file that breaks a rule is refused as a whole; ``ProcessFileError`` lists every broken
rule with its place. Writing then reading gives back the same snapshot, and reading then
writing gives back the same file (unknown keys are kept).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.process import atomic
from app.process.bounds import MAX_CURRENCY_LENGTH, quote, value_problems
from app.process.control import Control, control_from_document, control_to_document
from app.process.fields import (
    ObjectReader,
    Problems,
    describe,
    number_value,
    read_list,
    read_object,
)
from app.process.map_file import map_document, read_map
from app.process.model import DEFINE_TEXT_FIELDS, Goal, Interview, Process
from app.process.plan_file import (
    action_document,
    future_state_document,
    read_actions,
    read_fishbone_categories,
    read_future_state,
    read_root_causes,
    root_cause_document,
)

FORMAT_NAME = "walkthrough-process"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_LISTED_PROBLEMS = 12
MAX_MESSAGE = 280


class ProcessFileError(ValueError):
    """A process file that cannot be read; ``problems`` holds every place that is wrong."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(self._summary())

    def _summary(self) -> str:
        """One line under MAX_MESSAGE characters: the first problems, then how many more."""
        text = f"{self.source}: {self.problems[0]}"[: MAX_MESSAGE - 20]
        shown = 1
        for problem in self.problems[1:MAX_LISTED_PROBLEMS]:
            joined = f"{text}{'; also ' if shown == 1 else '; '}{problem}"
            if len(joined) > MAX_MESSAGE - 20:
                break
            text, shown = joined, shown + 1
        more = len(self.problems) - shown
        return f"{text} (and {more} more)" if more > 0 else text


def read_process_file(path: Path) -> Process:
    """Read and validate a process file; raise ProcessFileError naming every problem."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            megabytes = size / 1024 / 1024
            limit = MAX_FILE_BYTES // 1024 // 1024
            raise ProcessFileError(
                str(path),
                [f"the file is {megabytes:.1f} MB; process files over {limit} MB are refused"],
            )
        raw = path.read_bytes()
    except OSError as error:
        raise ProcessFileError(str(path), [f"cannot be read ({error.strerror})"]) from error
    return loads_process(raw, source=str(path))


def loads_process(raw: bytes | str, *, source: str = "the file") -> Process:
    """Parse the text of a process file."""
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as error:
        raise ProcessFileError(source, [f"is not UTF-8 text (byte {error.start})"]) from error
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        message = f"is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        raise ProcessFileError(source, [message]) from error
    except ValueError as error:
        raise ProcessFileError(source, [str(error)]) from error
    except RecursionError as error:
        raise ProcessFileError(source, ["is nested too deeply to be a process file"]) from error
    return process_from_document(data, source=source)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"is not valid JSON: {name} is not a number JSON allows")


def process_from_document(data: Any, *, source: str = "the file") -> Process:
    """Build a snapshot from a decoded process file; raise ProcessFileError if it breaks rules."""
    problems = Problems()
    if not isinstance(data, dict):
        raise ProcessFileError(source, [f"must hold a JSON object, not {describe(data)}"])
    unstorable = list(value_problems(data))
    if unstorable:
        raise ProcessFileError(source, unstorable)
    _check_header(data, problems)
    if problems:
        raise ProcessFileError(source, problems.items)
    process = _read_document(data, problems)
    if problems:
        raise ProcessFileError(source, problems.items)
    return process


def _check_header(data: Mapping[str, Any], problems: Problems) -> None:
    if data.get("format") != FORMAT_NAME:
        problems.add("format", f"must be '{FORMAT_NAME}', got {describe(data.get('format'))}")
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        problems.add(
            "version",
            f"the file is format version {version}; this Walkthrough reads up to "
            f"{FORMAT_VERSION}: update Walkthrough to open it",
        )
    elif version != FORMAT_VERSION:
        problems.add("version", f"must be {FORMAT_VERSION}, got {describe(version)}")


_TOP_LEVEL_KEYS = {
    "format",
    "version",
    "process",
    "interviews",
    "lanes",
    "steps",
    "flows",
    "goals",
    "actions",
    "root_causes",
    "fishbone_categories",
    "future_state",
    "control",
}


def _read_document(data: Mapping[str, Any], problems: Problems) -> Process:
    head = read_object(data.get("process"), "process", problems)
    reader = ObjectReader(head, "process", problems)
    lanes, steps, flows = read_map(data, problems)
    process = Process(
        **_read_process_fields(reader),
        interviews=tuple(read_list(data, "interviews", problems, _read_interview)),
        lanes=lanes,
        steps=steps,
        flows=flows,
        goals=tuple(read_list(data, "goals", problems, _read_goal)),
        actions=read_actions(data, problems),
        root_causes=read_root_causes(data, problems),
        fishbone_categories=read_fishbone_categories(data, problems),
        control=control_from_document(data.get("control"), "control", problems),
        extra=reader.extra(),
        file_extra={k: v for k, v in data.items() if k not in _TOP_LEVEL_KEYS},
    )
    return replace(process, future_state=read_future_state(data, process, problems))


def _read_process_fields(reader: ObjectReader) -> dict[str, Any]:
    fields: dict[str, Any] = {"name": reader.text("name", required=True)}
    fields.update({key: reader.text(key) for key in DEFINE_TEXT_FIELDS})
    fields["runs_per_year"] = reader.number("runs_per_year")
    fields["hourly_rate"] = reader.number("hourly_rate")
    fields["currency"] = reader.text("currency") or "USD"
    if len(fields["currency"]) > MAX_CURRENCY_LENGTH:
        reader.problems.add(
            "process.currency", f"is at most {MAX_CURRENCY_LENGTH} characters (a code as 'EUR')"
        )
    return fields


def _read_interview(reader: ObjectReader) -> Interview:
    return Interview(
        interviewee=reader.text("interviewee"),
        role=reader.text("role"),
        interviewer=reader.text("interviewer"),
        date=reader.date("date"),
        notes=reader.text("notes"),
        extra=reader.extra(),
    )


def _read_goal(reader: ObjectReader) -> Goal:
    return Goal(
        metric=reader.text("metric", required=True),
        baseline=reader.number("baseline", default=None),
        target=reader.number("target", default=None),
        unit=reader.text("unit"),
        due=reader.date("due"),
        owner=reader.text("owner"),
        measured_by=reader.text("measured_by"),
        statement=reader.text("statement"),
        direction=reader.choice("direction", ("decrease", "increase"), default=None),
        baseline_date=reader.date("baseline_date"),
        baseline_source=reader.text("baseline_source"),
        extra=reader.extra(),
    )


def process_to_document(process: Process) -> dict[str, Any]:
    """The process file's JSON object for a snapshot (ids are the snapshot's keys)."""
    head = {
        "name": process.name,
        **{key: getattr(process, key) for key in DEFINE_TEXT_FIELDS},
        "runs_per_year": number_value(process.runs_per_year),
        "hourly_rate": number_value(process.hourly_rate),
        "currency": process.currency,
        **process.extra,
    }
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "process": head,
        "interviews": [_interview_document(item) for item in process.interviews],
        **map_document(process.lanes, process.steps, process.flows),
        "goals": [_goal_document(goal) for goal in process.goals],
        "actions": [action_document(action) for action in process.actions],
        "root_causes": [root_cause_document(cause) for cause in process.root_causes],
        "fishbone_categories": list(process.fishbone_categories),
        "future_state": future_state_document(process.future_state),
        "control": None if process.control == Control() else control_to_document(process.control),
        **process.file_extra,
    }


def _interview_document(item: Interview) -> dict[str, Any]:
    return {
        "interviewee": item.interviewee,
        "role": item.role,
        "interviewer": item.interviewer,
        "date": item.date.isoformat() if item.date else "",
        "notes": item.notes,
        **item.extra,
    }


def _goal_document(goal: Goal) -> dict[str, Any]:
    return {
        "metric": goal.metric,
        "baseline": number_value(goal.baseline),
        "target": number_value(goal.target),
        "unit": goal.unit,
        "direction": goal.direction,
        "due": goal.due.isoformat() if goal.due else "",
        "owner": goal.owner,
        "measured_by": goal.measured_by,
        "statement": goal.statement,
        "baseline_date": goal.baseline_date.isoformat() if goal.baseline_date else "",
        "baseline_source": goal.baseline_source,
        **goal.extra,
    }


def storable_problems(process: Process) -> list[str]:
    """Every value of a snapshot no database may store, each with its place."""
    problems = value_problems(process_to_document(process))
    if len(process.currency) > MAX_CURRENCY_LENGTH:
        problems.append(f"process.currency: is at most {MAX_CURRENCY_LENGTH} characters")
    return problems


def check_storable(process: Process, *, stored: Process | None = None) -> None:
    """Refuse a snapshot holding a value no database may store, whichever database it is.

    What ``stored`` (the version saved before) already held is let through: data saved by an
    older Walkthrough stays editable; only new bad values are refused.
    """
    problems = storable_problems(process)
    if problems and stored is not None:
        known = set(storable_problems(stored))
        problems = [problem for problem in problems if problem not in known]
    if problems:
        raise ProcessFileError(f"the process {quote(process.name)}", problems)


def dumps_process(process: Process) -> str:
    """The text of a process file: UTF-8 JSON, 2-space indent, non-ASCII kept as typed."""
    return json.dumps(process_to_document(process), indent=2, ensure_ascii=False) + "\n"


def write_process_file(process: Process, path: Path) -> None:
    """Write a process file atomically: a half-written file never replaces a good one."""
    atomic.write_text(path, dumps_process(process))
