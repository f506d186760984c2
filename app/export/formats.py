"""Which file a process is written to, chosen by the file's extension (interchange.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.export.pdf.options import PlanOptions
from app.process.atomic import replacing
from app.process.csv_table import write_steps_csv
from app.process.file import write_process_file
from app.process.model import Process


class UnsupportedFormatError(ValueError):
    """An extension Walkthrough does not write; the message says which ones it does."""


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One kind of file a process can be exported to."""

    suffixes: tuple[str, ...]
    description: str
    needs_qt: bool = False


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat((".walkthrough.json", ".json"), "process file"),
    ExportFormat((".csv",), "steps as CSV"),
    ExportFormat((".pdf",), "improvement plan (PDF)"),
    ExportFormat((".bpmn",), "BPMN 2.0 with diagram"),
    ExportFormat((".png", ".svg"), "swimlane map image", needs_qt=True),
)


def _write_plan(process: Process, path: Path, options: PlanOptions | None = None) -> list[str]:
    from app.export.pdf import write_plan_pdf  # ReportLab loads on first export

    report = write_plan_pdf(process, path, options=options)
    notes = []
    if report.missing_glyphs:
        notes.append(f"the font cannot draw: {' '.join(report.missing_glyphs)}")
    if report.unshaped_scripts:
        notes.append(f"{', '.join(report.unshaped_scripts)} text is drawn unshaped, in typed order")
    return notes


def _write_bpmn(process: Process, path: Path) -> list[str]:
    from app.export.bpmn import write_bpmn

    write_bpmn(process, path)
    return []


def _quiet(writer: Callable[[Process, Path], None]) -> Callable[[Process, Path], list[str]]:
    def write(process: Process, path: Path) -> list[str]:
        writer(process, path)
        return []

    return write


_WRITERS: dict[str, Callable[[Process, Path], list[str]]] = {
    ".json": _quiet(write_process_file),
    ".walkthrough.json": _quiet(write_process_file),
    ".csv": _quiet(write_steps_csv),
    ".pdf": _write_plan,
    ".bpmn": _write_bpmn,
}


def format_for(path: Path) -> ExportFormat:
    """The export format a path asks for by its extension."""
    name = path.name.lower()
    for export_format in FORMATS:
        if any(name.endswith(suffix) for suffix in export_format.suffixes):
            return export_format
    raise UnsupportedFormatError(f"{path.name}: unknown file type; use one of {all_suffixes()}.")


def all_suffixes() -> str:
    return ", ".join(suffix for item in FORMATS for suffix in item.suffixes)


def export_process(
    process: Process, path: Path, *, plan_options: PlanOptions | None = None
) -> list[str]:
    """Write ``process`` to ``path`` by its extension (not the Qt image formats), atomically.

    ``plan_options`` (paper, branding) are used for a PDF plan. Returns notes worth telling
    the user (text the PDF font cannot draw, for example).
    """
    format_for(path)
    name = path.name.lower()
    suffix = ".walkthrough.json" if name.endswith(".walkthrough.json") else path.suffix.lower()
    with replacing(path) as temporary:
        if suffix == ".pdf":
            return _write_plan(process, temporary, plan_options)
        return _WRITERS[suffix](process, temporary)


def read_any_process(path: Path) -> tuple[Process, tuple[str, ...]]:
    """A process from a process file or a BPMN file, and notes on what the import found.

    The notes say what a BPMN import had to leave out, and which goals are not SMART (an
    omitted baseline is measured on the map). Raises ProcessFileError or BpmnError (both
    ValueErrors) naming the file and the place.
    """
    from app.analysis.goals import settle_imported_goals

    if path.name.lower().endswith(".bpmn"):
        from app.export.bpmn import read_bpmn

        imported = read_bpmn(path)
        process, report = imported.process, imported.report
    else:
        from app.process.file import read_process_file

        process, report = read_process_file(path), ()
    process, goal_notes = settle_imported_goals(process, dt.date.today())
    return process, (*report, *goal_notes)
