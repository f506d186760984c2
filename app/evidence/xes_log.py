"""An XES event log (IEEE 1849) read as a stream, safely: no DTD, no entities, no fetching.

Each ``<trace>`` is a case named by its ``concept:name``; each ``<event>`` an activity (its
``concept:name``) at ``time:timestamp``. A ``lifecycle:transition`` of ``start`` followed by a
``complete`` of the same activity gives one event with its start; other transitions are left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml.ElementTree import iterparse  # type: ignore[import-untyped]

from app.evidence.errors import EventLogError
from app.evidence.limits import check_size
from app.evidence.log import Event, EventLog, LogBuilder, Progress, report_progress
from app.evidence.timestamps import parse_timestamp

_DONE = ("complete", "")


def read_xes_log(path: Path, *, progress: Progress | None = None) -> EventLog:
    """Every event of the XES file at ``path``; EventLogError naming the trace when one is bad."""
    size = check_size(path)
    try:
        with path.open("rb") as file:
            return _read(file, path.name, size, progress)
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


def _read(file: IO[bytes], name: str, size: int, progress: Progress | None) -> EventLog:
    builder = LogBuilder(name)
    skipped = 0
    traces = 0
    for _, element in iterparse(file, events=("end",), forbid_dtd=True):
        tag = _local(element.tag)
        if tag != "trace":
            continue
        traces += 1
        skipped += _add_trace(builder, element, traces)
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


def _add_trace(builder: LogBuilder, trace: Element, number: int) -> int:
    """Add one trace's events to ``builder``; how many events it left out."""
    case = _attributes(trace).get("concept:name") or f"trace {number}"
    started: dict[str, float] = {}
    skipped = 0
    for position, child in enumerate(c for c in trace if _local(c.tag) == "event"):
        values = _attributes(child)
        activity = values.get("concept:name", "").strip()
        if not activity:
            raise EventLogError(f"Trace '{case}', event {position + 1} has no concept:name.")
        time = _moment(values.get("time:timestamp", ""), case, position)
        transition = values.get("lifecycle:transition", "").lower()
        if transition == "start":
            started[activity] = time
        elif transition in _DONE:
            start = started.pop(activity, None)
            resource = builder.intern(values.get("org:resource", ""))
            builder.add(case, Event(builder.intern(activity), time, start, resource))
        else:
            skipped += 1
    return skipped


def _attributes(element: Element) -> dict[str, str]:
    """The key → value of an element's direct attribute children (string, date, …)."""
    return {
        child.get("key", ""): child.get("value", "")
        for child in element
        if _local(child.tag) != "event"
    }


def _moment(text: str, case: str, position: int) -> float:
    try:
        return parse_timestamp(text, day_first=True)
    except ValueError as error:
        where = f"Trace '{case}', event {position + 1}"
        raise EventLogError(f"{where}, time:timestamp: {error}") from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
