"""The confirmed activity → step mapping, kept with the process in its ``extra`` JSON.

``process.extra["event_log"]`` holds ``{"log": name, "date_range": [first, last] (ISO),
"mapping": {activity: step id}}``, and once analysed the per-step figures of ``recorded``;
it travels in the process file and the database unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from app.evidence.log import EventLog
from app.evidence.recorded import recorded_steps_json
from app.evidence.report import Evidence
from app.evidence.timestamps import minutes_to_datetime
from app.process.model import Process

KEY = "event_log"


def stored_mapping(process: Process, log_name: str = "") -> dict[str, str] | None:
    """The mapping stored with ``process``, or None; ids of steps since deleted are dropped."""
    stored = process.extra.get(KEY)
    if not isinstance(stored, Mapping) or not isinstance(stored.get("mapping"), Mapping):
        return None
    steps = {step.id for step in process.steps}
    return {
        str(activity): step
        for activity, step in stored["mapping"].items()
        if isinstance(step, str) and step in steps
    }


def with_stored_mapping(process: Process, log: EventLog, mapping: Mapping[str, str]) -> Process:
    """``process`` carrying ``mapping`` (confirmed by a person) and the log it was made for."""
    moments = log.date_range()
    record: dict[str, Any] = {
        "log": log.name,
        "date_range": [minutes_to_datetime(m).isoformat() for m in moments] if moments else None,
        "mapping": dict(sorted(mapping.items())),
    }
    return replace(process, extra={**process.extra, KEY: record})


def with_stored_evidence(process: Process, evidence: Evidence) -> Process:
    """``process`` carrying the mapping of ``evidence`` and what the log recorded per step."""
    kept = with_stored_mapping(process, evidence.log, evidence.mapping)
    record = {
        **kept.extra[KEY],
        "cases": evidence.figures.cases,
        "steps": recorded_steps_json(evidence.comparison),
    }
    return replace(kept, extra={**kept.extra, KEY: record})
