"""Noted findings: the ones a person makes from evidence the analysis cannot see by itself.

A difference between two interviewees' accounts, or a gap between what was said and what the
event log recorded, becomes a finding when the user says so. It is kept in the process's
``extra["noted_findings"]`` (a list of plain dicts, so the process file carries it as it is) and
joins the computed findings: the Analyze tab lists it, actions and root causes refer to it by its
key ``noted:<id>``, and the plan prints it.

``origin`` names what it was made from ("evidence:wait:s4", "accounts:time:s3"), so the screen it
came from can say "already a finding" instead of adding it twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

from app.analysis.finding import Finding
from app.analysis.wording import queue_cases
from app.process.model import Process

EXTRA_KEY = "noted_findings"
DEFAULT_WASTE = "Waiting"
SOURCES = {"accounts": "two accounts that differ", "evidence": "the event log"}


def note_finding(
    process: Process,
    *,
    title: str,
    detail: str,
    step_ids: Sequence[str],
    source: str,
    waste: str = DEFAULT_WASTE,
    minutes_per_run: float = 0.0,
    origin: str = "",
) -> Process:
    """The process with one more noted finding (a new snapshot; ``process`` is untouched)."""
    note = {
        "id": uuid.uuid4().hex[:12],
        "title": title.strip() or "Noted finding",
        "detail": detail.strip(),
        "steps": [str(step_id) for step_id in step_ids],
        "source": source,
        "waste": waste,
        "minutes_per_run": max(0.0, float(minutes_per_run)),
        "origin": origin,
    }
    return _with_notes(process, [*_stored(process), note])


def drop_noted(process: Process, note_id: str) -> Process:
    """The process without the noted finding ``note_id`` (unchanged if there is none)."""
    kept = [note for note in _stored(process) if note.get("id") != note_id]
    return _with_notes(process, kept)


def noted_origins(process: Process) -> frozenset[str]:
    """What the noted findings were made from, to show "already a finding"."""
    return frozenset(str(note.get("origin", "")) for note in _stored(process)) - {""}


def noted_from(finding: Finding) -> str:
    """Where a noted finding came from, as a sentence ("" for a computed finding)."""
    if not finding.note_id:
        return ""
    return f"Noted from {SOURCES.get(finding.source, finding.source or 'your notes')}."


def noted_findings(process: Process) -> tuple[Finding, ...]:
    """The noted findings as findings, in the order they were noted."""
    return tuple(_finding(process, note) for note in _stored(process))


def _finding(process: Process, note: Mapping[str, Any]) -> Finding:
    """One stored note as a finding; a step no longer on the map is left out of its steps.

    Its detail is the person's (or the screen's) own sentence: ``minutes_per_run`` may be a
    difference (the wait the log adds to what was said), so no "a case waits" is added to it.
    """
    known = {step.id for step in process.steps}
    steps = tuple(str(s) for s in note.get("steps", ()) if str(s) in known)
    minutes = _number(note.get("minutes_per_run"))
    runs = process.runs_per_year
    found = Finding(
        "noted",
        str(note.get("title", "")) or "Noted finding",
        steps,
        str(note.get("waste", "")) or DEFAULT_WASTE,
        minutes,
        minutes * runs,
        0.0,
        str(note.get("detail", "")),
        wait_minutes_per_run=minutes,
        cases_waiting=queue_cases(runs, minutes),
    )
    return replace(found, note_id=str(note.get("id", "")), source=str(note.get("source", "")))


def _stored(process: Process) -> Iterator[Mapping[str, Any]]:
    value = process.extra.get(EXTRA_KEY)
    if isinstance(value, list):
        yield from (note for note in value if isinstance(note, Mapping) and note.get("id"))


def _with_notes(process: Process, notes: list[Mapping[str, Any]]) -> Process:
    extra = dict(process.extra)
    if notes:
        extra[EXTRA_KEY] = [dict(note) for note in notes]
    else:
        extra.pop(EXTRA_KEY, None)
    return replace(process, extra=extra)


def _number(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if number > 0 and number == number and number != float("inf") else 0.0
