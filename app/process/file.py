"""The process file (``*.walkthrough.json``): read, validate and write (interchange.md).

A file that breaks a rule is refused as a whole; ``ProcessFileError`` lists every broken
rule with its place. Writing then reading gives back the same snapshot, and reading then
writing gives back the same file (unknown keys are kept).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from app.process.fields import ObjectReader, Problems, describe
from app.process.model import (
    LANE_KINDS,
    STEP_KINDS,
    VALUE_CLASSES,
    Flow,
    Goal,
    Interview,
    Lane,
    Process,
    Step,
)

FORMAT_NAME = "walkthrough-process"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_LISTED_PROBLEMS = 12


class ProcessFileError(ValueError):
    """A process file that cannot be read; ``problems`` holds every place that is wrong."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(self._summary())

    def _summary(self) -> str:
        head = f"{self.source}: {self.problems[0]}"
        if len(self.problems) == 1:
            return head
        shown = "; ".join(self.problems[1:MAX_LISTED_PROBLEMS])
        more = len(self.problems) - MAX_LISTED_PROBLEMS
        tail = f" (and {more} more)" if more > 0 else ""
        return f"{head}; also {shown}{tail}"


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
    "future_state",
    "control",
}


def _read_document(data: Mapping[str, Any], problems: Problems) -> Process:
    head = _object(data.get("process"), "process", problems)
    reader = ObjectReader(head, "process", problems)
    fields = _read_process_fields(reader)
    lanes = tuple(_read_list(data, "lanes", problems, _read_lane))
    steps = tuple(_read_list(data, "steps", problems, _read_step))
    flows = tuple(_read_list(data, "flows", problems, _read_flow))
    _check_references(lanes, steps, flows, problems)
    return Process(
        **fields,
        interviews=tuple(_read_list(data, "interviews", problems, _read_interview)),
        lanes=lanes,
        steps=steps,
        flows=flows,
        goals=tuple(_read_list(data, "goals", problems, _read_goal)),
        actions=tuple(_list_value(data, "actions", problems)),
        future_state=data.get("future_state"),
        control=data.get("control"),
        extra=reader.extra(),
        file_extra={k: v for k, v in data.items() if k not in _TOP_LEVEL_KEYS},
    )


def _read_process_fields(reader: ObjectReader) -> dict[str, Any]:
    texts = (
        "description",
        "trigger",
        "outcome",
        "customer",
        "customer_need",
        "owner",
        "organisation",
        "problem",
        "scope_in",
        "scope_out",
        "inputs",
    )
    fields: dict[str, Any] = {"name": reader.text("name", required=True)}
    fields.update({key: reader.text(key) for key in texts})
    fields["runs_per_year"] = reader.number("runs_per_year")
    fields["hourly_rate"] = reader.number("hourly_rate")
    fields["currency"] = reader.text("currency") or "USD"
    return fields


def _object(value: Any, place: str, problems: Problems) -> Mapping[str, Any]:
    if isinstance(value, dict):
        return value
    problems.add(
        place, "is required" if value is None else f"must be an object, got {describe(value)}"
    )
    return {}


def _list_value(data: Mapping[str, Any], key: str, problems: Problems) -> list[Any]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.add(key, f"must be a list, got {describe(value)}")
        return []
    return value


def _read_list(data: Mapping[str, Any], key: str, problems: Problems, read_item: Any) -> list[Any]:
    items = []
    for index, item in enumerate(_list_value(data, key, problems)):
        place = f"{key}[{index}]"
        if not isinstance(item, dict):
            problems.add(place, f"must be an object, got {describe(item)}")
            continue
        items.append(read_item(ObjectReader(item, place, problems)))
    return items


def _read_interview(reader: ObjectReader) -> Interview:
    return Interview(
        interviewee=reader.text("interviewee"),
        role=reader.text("role"),
        interviewer=reader.text("interviewer"),
        date=reader.date("date"),
        notes=reader.text("notes"),
        extra=reader.extra(),
    )


def _read_lane(reader: ObjectReader) -> Lane:
    return Lane(
        id=reader.text("id", required=True),
        name=reader.text("name", required=True),
        hourly_rate=reader.number("hourly_rate", default=None),
        kind=reader.choice("kind", LANE_KINDS, default="role"),
        extra=reader.extra(),
    )


def _read_step(reader: ObjectReader) -> Step:
    return Step(
        id=reader.text("id", required=True),
        lane=reader.text("lane", required=True),
        name=reader.text("name", required=True),
        kind=reader.choice("kind", STEP_KINDS, default="task"),
        touch_minutes=reader.number("touch_minutes"),
        wait_minutes=reader.number("wait_minutes"),
        value=reader.choice("value", VALUE_CLASSES, default=None),
        why=reader.text("why"),
        habit=reader.flag("habit"),
        systems=reader.text_list("systems"),
        rekeys_data=reader.flag("rekeys_data"),
        pain_points=reader.text("pain_points"),
        notes=reader.text("notes"),
        extra=reader.extra(),
    )


def _read_flow(reader: ObjectReader) -> Flow:
    return Flow(
        source=reader.text("from", required=True),
        target=reader.text("to", required=True),
        label=reader.text("label"),
        probability=reader.number("probability", default=None, maximum=1.0),
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


def _check_references(
    lanes: Sequence[Lane], steps: Sequence[Step], flows: Sequence[Flow], problems: Problems
) -> None:
    lane_ids = _unique_ids("lanes", [lane.id for lane in lanes], problems)
    step_ids = _unique_ids("steps", [step.id for step in steps], problems)
    for index, step in enumerate(steps):
        if step.lane and step.lane not in lane_ids:
            problems.add(f"steps[{index}].lane", f"no lane '{step.lane}'")
    for index, flow in enumerate(flows):
        for key, ref in (("from", flow.source), ("to", flow.target)):
            if ref and ref not in step_ids:
                problems.add(f"flows[{index}].{key}", f"no step '{ref}'")


def _unique_ids(key: str, ids: Sequence[str], problems: Problems) -> set[str]:
    seen: set[str] = set()
    for index, item_id in enumerate(ids):
        if item_id and item_id in seen:
            problems.add(f"{key}[{index}].id", f"'{item_id}' is used twice")
        seen.add(item_id)
    return seen


def process_to_document(process: Process) -> dict[str, Any]:
    """The process file's JSON object for a snapshot (ids are the snapshot's keys)."""
    head = {
        "name": process.name,
        **{key: getattr(process, key) for key in _PROCESS_TEXT_KEYS},
        "runs_per_year": _number(process.runs_per_year),
        "hourly_rate": _number(process.hourly_rate),
        "currency": process.currency,
        **process.extra,
    }
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "process": head,
        "interviews": [_interview_document(item) for item in process.interviews],
        "lanes": [_lane_document(lane) for lane in process.lanes],
        "steps": [_step_document(step) for step in process.steps],
        "flows": [_flow_document(flow) for flow in process.flows],
        "goals": [_goal_document(goal) for goal in process.goals],
        "actions": list(process.actions),
        "future_state": process.future_state,
        "control": process.control,
        **process.file_extra,
    }


_PROCESS_TEXT_KEYS = (
    "description",
    "trigger",
    "outcome",
    "customer",
    "customer_need",
    "owner",
    "organisation",
    "problem",
    "scope_in",
    "scope_out",
    "inputs",
)


def _number(value: float | None) -> float | int | None:
    """Whole numbers are written without '.0', so files stay as people wrote them."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _interview_document(item: Interview) -> dict[str, Any]:
    return {
        "interviewee": item.interviewee,
        "role": item.role,
        "interviewer": item.interviewer,
        "date": item.date.isoformat() if item.date else "",
        "notes": item.notes,
        **item.extra,
    }


def _lane_document(lane: Lane) -> dict[str, Any]:
    return {
        "id": lane.id,
        "name": lane.name,
        "hourly_rate": _number(lane.hourly_rate),
        "kind": lane.kind,
        **lane.extra,
    }


def _step_document(step: Step) -> dict[str, Any]:
    return {
        "id": step.id,
        "lane": step.lane,
        "name": step.name,
        "kind": step.kind,
        "touch_minutes": _number(step.touch_minutes),
        "wait_minutes": _number(step.wait_minutes),
        "value": step.value,
        "why": step.why,
        "habit": step.habit,
        "systems": list(step.systems),
        "rekeys_data": step.rekeys_data,
        "pain_points": step.pain_points,
        "notes": step.notes,
        **step.extra,
    }


def _flow_document(flow: Flow) -> dict[str, Any]:
    return {
        "from": flow.source,
        "to": flow.target,
        "label": flow.label,
        "probability": _number(flow.probability),
        **flow.extra,
    }


def _goal_document(goal: Goal) -> dict[str, Any]:
    return {
        "metric": goal.metric,
        "baseline": _number(goal.baseline),
        "target": _number(goal.target),
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


def dumps_process(process: Process) -> str:
    """The text of a process file: UTF-8 JSON, 2-space indent, non-ASCII kept as typed."""
    return json.dumps(process_to_document(process), indent=2, ensure_ascii=False) + "\n"


def write_process_file(process: Process, path: Path) -> None:
    """Write a process file atomically: a half-written file never replaces a good one."""
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(dumps_process(process), encoding="utf-8")
    temporary.replace(path)
