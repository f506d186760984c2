"""The dialogs behind "Export map as image…" and "Print map…"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from app.process.model import Process
from app.ui import messages

IMAGE_FILTERS = "PNG image (*.png);;SVG image (*.svg)"
SCALES = {"1× (screen)": 1.0, "2× (sharp, HiDPI)": 2.0, "3× (print quality)": 3.0}


def suggested_name(process: Process) -> str:
    safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in process.name).strip()
    return (safe[:80] or "map") + " map.png"


def choose_image_export(parent: QWidget, process: Process) -> None:
    """Ask for a file (native dialog) and, for PNG, a scale; then write the picture."""
    from app.ui.export_folders import remember_folder, start_path

    path_text, chosen = QFileDialog.getSaveFileName(
        parent,
        "Export map as image",
        start_path("map image", suggested_name(process)),
        IMAGE_FILTERS,
    )
    if not path_text:
        return
    path = Path(path_text)
    if path.suffix.lower() not in (".png", ".svg"):
        path = path.with_suffix(".svg" if "svg" in chosen.lower() else ".png")
    remember_folder("map image", path)
    scale = 2.0
    if path.suffix.lower() == ".png":
        label, ok = QInputDialog.getItem(
            parent, "Image scale", "Pixels per map point:", list(SCALES), 1, False
        )
        if not ok:
            return
        scale = SCALES[label]
    export = getattr(parent, "export_image", None)
    if export is not None:
        export(path, scale)


def choose_print(parent: QWidget, process: Process) -> None:
    """The print dialog; the map is printed landscape, fitted to the page."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from app.ui.image_export import ImageExportError, export_scene, print_scene

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    try:
        print_scene(export_scene(process), printer)
    except ImageExportError as error:
        messages.show_error(parent, "Cannot print the map", str(error))
