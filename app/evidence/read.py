"""One entry point for any event log: XES by its extension, CSV otherwise."""

from __future__ import annotations

from pathlib import Path

from app.evidence.bulk import paused_gc
from app.evidence.columns import ColumnChoice
from app.evidence.csv_log import read_csv_log
from app.evidence.log import EventLog, Progress
from app.evidence.xes_log import read_xes_log


def read_event_log(
    path: Path,
    columns: ColumnChoice | None = None,
    *,
    day_first: bool = True,
    progress: Progress | None = None,
) -> EventLog:
    """The log at ``path``; EventLogError with one sentence naming what and where if it is bad."""
    with paused_gc():
        if path.suffix.lower() == ".xes":
            return read_xes_log(path, progress=progress)
        return read_csv_log(path, columns, day_first=day_first, progress=progress)
