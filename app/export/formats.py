"""Which file a process is written to, chosen by the file's extension (interchange.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.process.csv_table import write_steps_csv
from app.process.file import write_process_file
from app.process.model import Process


class UnsupportedFormatError(ValueError):
    """An extension Walkthrough does not write (yet); the message says which ones it does."""


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One kind of file a process can be exported to."""

    suffixes: tuple[str, ...]
    description: str
    needs_qt: bool = False
    available: bool = True


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat((".walkthrough.json", ".json"), "process file"),
    ExportFormat((".csv",), "steps as CSV"),
    ExportFormat((".pdf",), "improvement plan (PDF)", available=False),
    ExportFormat((".bpmn",), "BPMN 2.0 with diagram", available=False),
    ExportFormat((".png", ".svg"), "swimlane map image", needs_qt=True),
)

_WRITERS: dict[str, Callable[[Process, Path], None]] = {
    ".json": write_process_file,
    ".walkthrough.json": write_process_file,
    ".csv": write_steps_csv,
}


def format_for(path: Path) -> ExportFormat:
    """The export format a path asks for by its extension."""
    name = path.name.lower()
    for export_format in FORMATS:
        if any(name.endswith(suffix) for suffix in export_format.suffixes):
            if not export_format.available:
                raise UnsupportedFormatError(
                    f"{path.name}: exporting the {export_format.description} is not built yet; "
                    f"available now: {available_suffixes()}."
                )
            return export_format
    raise UnsupportedFormatError(
        f"{path.name}: unknown file type; use one of {available_suffixes()}."
    )


def available_suffixes() -> str:
    return ", ".join(suffix for item in FORMATS if item.available for suffix in item.suffixes)


def export_process(process: Process, path: Path) -> None:
    """Write ``process`` to ``path`` in the format its extension names (no Qt formats)."""
    format_for(path)
    name = path.name.lower()
    suffix = ".walkthrough.json" if name.endswith(".walkthrough.json") else path.suffix.lower()
    _WRITERS[suffix](process, path)
