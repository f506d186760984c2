"""Export a process from the window: the plan (PDF, in the background with Cancel), BPMN, CSV.

Slow work runs through the one worker helper; its progress comes back through a relay
object's signal, so the dialog is only touched on the GUI thread.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from app.ui import messages, settings
from app.ui.export_kinds import ExportKind, file_stem
from app.ui.worker import run_task

if TYPE_CHECKING:  # the process model loads after the window shows
    from app.process.model import Process


def choose_target(parent: QWidget, process: Process, kind: ExportKind) -> Path | None:
    """Ask where to write, through the native dialog; None when cancelled."""
    suggestion = file_stem(process.name) + kind.suffix
    path, _ = QFileDialog.getSaveFileName(parent, kind.title, suggestion, kind.file_filter)
    if not path:
        return None
    target = Path(path)
    if not target.name.lower().endswith(kind.suffix):
        target = target.with_name(target.name + kind.suffix)
    return target


def export_now(parent: QWidget, process: Process, path: Path) -> bool:
    """Write a quick export (process file, BPMN, CSV); say so if it fails."""
    from app.export.formats import export_process

    try:
        export_process(process, path)
    except OSError as error:
        messages.show_error(parent, "Cannot export", f"Cannot write {path}: {error.strerror}.")
        return False
    return True


class _Progress(QObject):
    """Carries the worker's progress to the GUI thread."""

    moved = Signal(int, str)


class PlanExport(QObject):
    """Writes the PDF plan in the background with a progress dialog and a Cancel button."""

    finished = Signal(object)  # the PlanReport, or None when cancelled or failed

    def __init__(self, parent: QWidget, process: Process, path: Path) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.process = process
        self.path = path
        self.stop = threading.Event()
        self.relay = _Progress(self)
        self.dialog = QProgressDialog("Preparing the plan…", "Cancel", 0, 100, parent)
        self.dialog.setWindowTitle("Export improvement plan")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.canceled.connect(self.stop.set)
        self.relay.moved.connect(self._moved)

    def start(self) -> None:
        from app.export.pdf import PlanOptions, write_plan_pdf
        from app.ui.branding_dialog import printable_logo, stored_branding

        author = next((i.interviewer for i in self.process.interviews if i.interviewer), "")
        paper = settings.paper_size()
        branding = stored_branding()
        options = PlanOptions(
            author=branding.name or author,
            company=branding.company,
            logo=printable_logo(branding.logo),
            accent=branding.accent,
            page_size="A4" if paper == "A4" else "Letter" if paper == "Letter" else None,
        )
        from app.process.atomic import replacing

        def write() -> object:
            with replacing(self.path) as temporary:  # the one atomic way every export is written
                return write_plan_pdf(
                    self.process,
                    temporary,
                    options=options,
                    progress=self.relay.moved.emit,
                    cancelled=self.stop.is_set,
                )

        run_task(write, self._done, self._failed)

    def _moved(self, percent: int, phase: str) -> None:
        self.dialog.setValue(percent)
        self.dialog.setLabelText(phase)

    def _done(self, report: object) -> None:
        self.dialog.close()
        self.finished.emit(report)

    def _failed(self, error: Exception) -> None:
        from app.export.pdf import PlanCancelled

        self.dialog.close()
        if not isinstance(error, PlanCancelled):
            if isinstance(error, OSError):
                text = f"Cannot write {self.path}: {error.strerror}."
                messages.show_error(self.parent_widget, "Cannot export the plan", text)
            else:
                messages.show_crash(self.parent_widget, error)
        self.finished.emit(None)


def plan_notes(report: object) -> str:
    """What the user should know about a written plan (text the font could not draw)."""
    missing = getattr(report, "missing_glyphs", ())
    unshaped = getattr(report, "unshaped_scripts", ())
    notes = []
    if missing:
        notes.append(f"The font has no shape for: {' '.join(missing)}")
    if unshaped:
        notes.append(f"{', '.join(unshaped)} text is printed unshaped, in the order typed.")
    return "\n".join(notes)


def show_import_report(parent: QWidget, name: str, report: tuple[str, ...]) -> None:
    """After an import: what could not be brought in as it was, and goals that are not SMART."""
    if not report:
        return
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Imported, with notes",
        f"{name} was imported. Worth knowing:",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setDetailedText("\n".join(report))
    box.setInformativeText("\n".join(f"• {line}" for line in report[:6]))
    box.exec()
