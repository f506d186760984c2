"""The steps of a process as CSV, one row per step, for spreadsheets."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from app.process.model import Process

COLUMNS = (
    "id",
    "lane",
    "name",
    "kind",
    "touch_minutes",
    "wait_minutes",
    "value",
    "why",
    "habit",
    "systems",
    "rekeys_data",
    "pain_points",
    "notes",
)


def steps_csv(process: Process) -> str:
    """CSV text with a header; lanes by name, systems joined with '; '."""
    lanes = {lane.id: lane.name for lane in process.lanes}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for step in process.steps:
        writer.writerow(
            [
                step.id,
                lanes.get(step.lane, step.lane),
                step.name,
                step.kind,
                f"{step.touch_minutes:g}",
                f"{step.wait_minutes:g}",
                step.value or "",
                step.why,
                "yes" if step.habit else "no",
                "; ".join(step.systems),
                "yes" if step.rekeys_data else "no",
                step.pain_points,
                step.notes,
            ]
        )
    return buffer.getvalue()


def write_steps_csv(process: Process, path: Path) -> None:
    """Write the CSV with a byte-order mark, so spreadsheet programs read it as UTF-8."""
    path.write_text(steps_csv(process), encoding="utf-8-sig", newline="")
