"""An XES event log (IEEE 1849) read as a stream, safely: no DTD, no entities, no fetching.

A file whose prolog holds no DTD goes to the C parser of the standard library (``xml_guard``);
any other to defusedxml's, which refuses a DTD as it parses.

Each ``<trace>`` is a case named by its ``concept:name``; each ``<event>`` an activity (its
``concept:name``) at ``time:timestamp``. A ``lifecycle:transition`` of ``start`` followed by a
``complete`` of the same activity gives one event with its start; other transitions are left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, cast
from xml.etree.ElementTree import Element, ParseError
from xml.etree.ElementTree import iterparse as fast_iterparse

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml.ElementTree import iterparse  # type: ignore[import-untyped]

from app.evidence.errors import EventLogError
from app.evidence.limits import check_size
from app.evidence.log import Event, EventLog, LogBuilder, Progress, report_progress
from app.evidence.timestamps import timestamp_reader
from app.evidence.xml_guard import HEAD_BYTES, prolog_verdict

_DONE = ("complete", "")


def read_xes_log(path: Path, *, progress: Progress | None = None) -> EventLog:
    """Every event of the XES file at ``path``; EventLogError naming the trace when one is bad."""
    size = check_size(path)
    try:
        with path.open("rb") as file:
            verdict = prolog_verdict(file.read(HEAD_BYTES))
            file.seek(0)
            if verdict == "dtd":
                raise DefusedXmlException("DTD")
            parse = fast_iterparse if verdict == "plain" else _defused_iterparse
            return _read(parse(file, events=("end",)), file, path.name, size, progress)
    except ParseError as error:
        line = error.position[0]
        raise EventLogError(f"{path.name}, line {line}: this is not well-formed XML.") from None
    except DefusedXmlException as error:
        raise EventLogError(
            f"{path.name} declares a DTD or XML entities ({type(error).__name__}): "
            "an event log needs neither, so it is refused."
        ) from None
    except OSError as error:
        raise EventLogError(f"Cannot read {path.name} ({error.strerror}).") from error


def _defused_iterparse(file: IO[bytes], events: tuple[str, ...]) -> Iterator[tuple[str, Element]]:
    """The pure-Python parser of defusedxml: slower, refusing DTDs as it meets them."""
    return cast(Iterator[tuple[str, Element]], iterparse(file, events=events, forbid_dtd=True))


def _read(
    parsed: Iterator[tuple[str, Element]],
    file: IO[bytes],
    name: str,
    size: int,
    progress: Progress | None,
) -> EventLog:
    builder = LogBuilder(name)
    read_time = timestamp_reader(day_first=True)
    skipped = 0
    traces = 0
    for _, element in parsed:
        tag = element.tag
        if not tag.endswith("trace") or _local(tag) != "trace":  # endswith: the cheap test
            continue
        traces += 1
        skipped += _add_trace(builder, element, traces, read_time)
        element.clear()
        if traces % 512 == 0:
            report_progress(progress, file.tell() / max(size, 1))
    if not builder.cases:
        raise EventLogError(f"{name} has no trace with events: is it an XES event log?")
    report_progress(progress, 1.0)
    log = builder.finish()
    if skipped:
        note = f"{skipped} event(s) with other lifecycle transitions (schedule, …) were left out."
        return EventLog(log.name, log.cases, (*log.notes, note))
    return log


def _add_trace(
    builder: LogBuilder, trace: Element, number: int, read_time: Callable[[str], float]
) -> int:
    """Add one trace's events to ``builder``; how many events it left out."""
    events = [child for child in trace if child.tag.endswith("event") and _is_event(child)]
    case = _case_name(trace) or f"trace {number}"
    started: dict[str, float] = {}
    skipped = 0
    for position, event in enumerate(events):
        values = _event_values(event)
        activity = values[0].strip()
        if not activity:
            raise EventLogError(f"Trace '{case}', event {position + 1} has no concept:name.")
        time = _moment(read_time, values[1], case, position)
        transition = values[2].lower()
        if transition == "start":
            started[activity] = time
        elif transition in _DONE:
            start = started.pop(activity, None)
            resource = builder.intern(values[3])
            builder.add(case, Event(builder.intern(activity), time, start, resource))
        else:
            skipped += 1
    return skipped


def _is_event(element: Element) -> bool:
    return _local(element.tag) == "event"


def _case_name(trace: Element) -> str:
    """The trace's own concept:name (its attributes stand before its events)."""
    for child in trace:
        if child.get("key") == "concept:name" and _local(child.tag) != "event":
            return child.get("value", "")
    return ""


def _event_values(event: Element) -> list[str]:
    """[concept:name, time:timestamp, lifecycle:transition, org:resource] of one event."""
    values = ["", "", "", ""]
    for child in event:
        slot = _SLOTS.get(child.get("key", ""))
        if slot is not None:
            values[slot] = child.get("value", "")
    return values


_SLOTS = {"concept:name": 0, "time:timestamp": 1, "lifecycle:transition": 2, "org:resource": 3}


def _moment(read_time: Callable[[str], float], text: str, case: str, position: int) -> float:
    try:
        return read_time(text)
    except ValueError as error:
        where = f"Trace '{case}', event {position + 1}"
        raise EventLogError(f"{where}, time:timestamp: {error}") from None


_LOCAL_NAMES: dict[str, str] = {}


def _local(tag: str) -> str:
    """'trace' of '{http://www.xes-standard.org/}trace', remembered: a log uses a few tags."""
    local = _LOCAL_NAMES.get(tag)
    if local is None:
        local = tag.rsplit("}", 1)[-1]
        if len(_LOCAL_NAMES) < 256:
            _LOCAL_NAMES[tag] = local
    return local
