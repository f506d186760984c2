"""The map as a picture: PNG (HiDPI-sharp, at a chosen scale) or SVG, and printing.

The same scene the window shows is drawn, in the light theme on white paper. It works with
no display: when no Qt application runs yet, one is started on the offscreen platform.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsScene

from app.process.atomic import replacing
from app.process.model import Process
from app.ui.map.look import make_look
from app.ui.map.scene import MapScene, build_model
from app.ui.map.text import FontMeasure

MARGIN = 24.0


class ImageExportError(ValueError):
    """The picture could not be written; the message says where and why."""


def ensure_application() -> QApplication:
    """The running Qt application, or a new one on the offscreen platform (no display needed)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication(["walkthrough"])


def export_scene(process: Process) -> MapScene:
    """A light-themed scene of ``process`` for pictures and print."""
    look = make_look()
    scene = MapScene(look)
    scene.show_map(build_model(process, FontMeasure(look.font)))
    return scene


def export_map_image(process: Process, path: Path, *, scale: float = 2.0) -> None:
    """Write the map of ``process`` to ``path``: PNG (at ``scale``) or SVG, by extension."""
    suffix = path.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise ImageExportError(f"{path.name}: a map picture must end in .png or .svg.")
    ensure_application()
    scene = export_scene(process)
    try:
        with replacing(path) as temporary:  # a killed export leaves no partial picture
            if suffix == ".svg":
                _write_svg(scene, temporary, process.name)
            else:
                _write_png(scene, temporary, scale)
    except ImageExportError as error:
        raise ImageExportError(str(error).replace(str(temporary), str(path))) from error
    except OSError as error:
        raise ImageExportError(f"Cannot write {path}: {error.strerror or error}.") from error


def _source(scene: QGraphicsScene) -> QRectF:
    return scene.itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def _write_png(scene: QGraphicsScene, path: Path, scale: float) -> None:
    source = _source(scene)
    size = QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(round(2835 * scale))
    image.setDotsPerMeterY(round(2835 * scale))
    image.fill(QColor("white"))
    painter = QPainter(image)
    _render(painter, scene, QRectF(0, 0, size.width(), size.height()), source)
    painter.end()
    if not image.save(str(path)):
        raise ImageExportError(f"Cannot write {path}: the folder may not exist or be read-only.")


def _write_svg(scene: QGraphicsScene, path: Path, title: str) -> None:
    from PySide6.QtSvg import QSvgGenerator

    source = _source(scene)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setTitle(title)
    generator.setDescription(f"Swimlane map of “{title}”, made by Walkthrough")
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    painter = QPainter()
    if not painter.begin(generator):
        raise ImageExportError(f"Cannot write {path}: the folder may not exist or be read-only.")
    painter.fillRect(QRectF(0, 0, source.width(), source.height()), QColor("white"))
    _render(painter, scene, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    if not path.exists():
        raise ImageExportError(f"Cannot write {path}: the folder may not exist or be read-only.")


def _render(painter: QPainter, scene: QGraphicsScene, target: QRectF, source: QRectF) -> None:
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.clearSelection()
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)


def print_scene(scene: QGraphicsScene, printer: object) -> None:
    """Print ``scene`` on one landscape page, fitted inside the page margins."""
    from PySide6.QtPrintSupport import QPrinter

    assert isinstance(printer, QPrinter)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(printer):
        raise ImageExportError("The printer could not be started.")
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    _render(painter, scene, QRectF(0, 0, page.width(), page.height()), _source(scene))
    painter.end()
