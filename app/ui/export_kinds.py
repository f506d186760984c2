"""The kinds of file a process can be exported to from the window: their menus and filters.

Kept apart from the export code so the menus are built without loading the file dialogs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExportKind:
    """One menu entry: its title, the file filter and the extension it writes."""

    title: str
    file_filter: str
    suffix: str
    menu_text: str


PROCESS_FILE = ExportKind(
    "Export process file",
    "Walkthrough process (*.walkthrough.json)",
    ".walkthrough.json",
    "&Process file (for another laptop)",
)
PLAN_PDF = ExportKind(
    "Export improvement plan", "PDF document (*.pdf)", ".pdf", "Improvement &plan (PDF)"
)
BPMN = ExportKind(
    "Export BPMN 2.0",
    "BPMN 2.0 diagram (*.bpmn)",
    ".bpmn",
    "&BPMN 2.0 (Camunda, bpmn.io, Signavio)",
)
STEPS_CSV = ExportKind(
    "Export steps as CSV", "Comma-separated values (*.csv)", ".csv", "&Steps as CSV (spreadsheet)"
)


def file_stem(name: str) -> str:
    """A file name from a process name: letters, digits, spaces, dashes; at most 80."""
    safe = "".join(char if char.isalnum() or char in " -_" else "_" for char in name).strip()
    return safe[:80] or "process"
