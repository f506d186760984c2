"""The map as a picture: PNG (HiDPI-sharp, at a chosen scale) or SVG, and printing.

The same scene the window shows is drawn, in the light theme on white paper. It works with
no display: when no Qt application runs yet, one is started on the offscreen platform. A PNG
stays within ``MAX_PIXELS`` (and ``MAX_SIDE`` per side): a bigger map is drawn at a smaller
scale, and the result says which. A failure raises one sentence with its real reason.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsScene

from app.process.atomic import replacing
from app.process.model import Process
from app.swimlane.style import DEFAULT_STYLE
from app.ui.map.look import make_look
from app.ui.map.scene import MapScene, build_model
from app.ui.map.text import FontMeasure

MARGIN = 24.0
MAX_PIXELS = 40_000_000
MIN_PRINT_TEXT = 6.0
MAX_SIDE = 30_000


class ImageExportError(ValueError):
    """The picture could not be written; the message says where and why."""


@dataclass(frozen=True, slots=True)
class ImageResult:
    """A written picture: where, its size in pixels, and the scale used against the one asked."""

    path: Path
    width: int
    height: int
    scale: float
    asked: float

    @property
    def note(self) -> str:
        """One sentence when the picture was drawn smaller than asked, else ""."""
        if self.scale >= self.asked - 1e-9:
            return ""
        return (
            f"{self.path.name}: the map is drawn at {self.scale:.0%} of screen size (not "
            f"{self.asked:.0%}) to stay within {MAX_PIXELS // 1_000_000} megapixels "
            f"({self.width} × {self.height} pixels)."
        )


def fitted_scale(width: float, height: float, asked: float) -> float:
    """``asked``, or less so that the picture stays within the pixel budget."""
    area = max(width * height, 1.0)
    budget = min(asked, math.sqrt(MAX_PIXELS / area), MAX_SIDE / max(width, height, 1.0))
    return max(budget, 0.01)


def check_folder(path: Path) -> None:
    """Refuse, with the reason, a path whose folder is missing or cannot be written."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ImageExportError(f"Cannot write {path}: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK):
        raise ImageExportError(f"Cannot write {path}: the folder {folder} is read-only.")
    if path.is_dir():
        raise ImageExportError(f"Cannot write {path}: it is a folder.")


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


def export_map_image(process: Process, path: Path, *, scale: float = 2.0) -> ImageResult:
    """Write the map of ``process`` to ``path``: PNG (at ``scale``, or less) or SVG.

    The picture is written beside ``path`` and renamed over it, so a killed export leaves the
    old file or none, never a partial picture.
    """
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ImageExportError(f"{path.name}: a map picture must end in .png or .svg.")
    check_folder(path)
    ensure_application()
    scene = export_scene(process)
    try:
        with replacing(path) as temporary:
            if suffix == ".svg":
                result = _write_svg(scene, temporary, process.name)
            else:
                result = _write_png(scene, temporary, scale)
    except ImageExportError as error:
        raise ImageExportError(str(error).replace(str(temporary), str(path))) from error
    except OSError as error:
        raise ImageExportError(f"Cannot write {path}: {error.strerror or error}.") from error
    return replace(result, path=path)


def picture_area(scene: QGraphicsScene) -> QRectF:
    """The scene's drawn area with a margin: what a picture or a print shows."""
    return scene.itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def _write_png(scene: QGraphicsScene, path: Path, asked: float) -> ImageResult:
    source = picture_area(scene)
    scale = fitted_scale(source.width(), source.height(), asked)
    size = QSize(
        max(1, math.floor(source.width() * scale)), max(1, math.floor(source.height() * scale))
    )
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise ImageExportError(
            f"Cannot write {path}: there is not enough memory for a picture of "
            f"{size.width()} × {size.height()} pixels."
        )
    image.setDotsPerMeterX(round(2835 * scale))
    image.setDotsPerMeterY(round(2835 * scale))
    image.fill(QColor("white"))
    image.setText("Description", f"Swimlane map drawn at {scale:.0%} of screen size")
    painter = QPainter(image)
    _render(painter, scene, QRectF(0, 0, size.width(), size.height()), source)
    painter.end()
    if not image.save(str(path)):
        raise ImageExportError(f"Cannot write {path}: {_write_failure(path)}")
    return ImageResult(path, size.width(), size.height(), scale, asked)


def _write_failure(path: Path) -> str:
    """Why a file could not be written, as far as the system can tell."""
    try:
        with path.open("ab"):
            pass
    except OSError as error:
        return f"{error.strerror or error}."
    return "the picture could not be encoded."


def _write_svg(scene: QGraphicsScene, path: Path, title: str) -> ImageResult:
    from PySide6.QtSvg import QSvgGenerator

    source = picture_area(scene)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setTitle(title)
    generator.setDescription(f"Swimlane map of “{title}”, made by Walkthrough")
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    painter = QPainter()
    if not painter.begin(generator):
        raise ImageExportError(f"Cannot write {path}: {_write_failure(path)}")
    painter.fillRect(QRectF(0, 0, source.width(), source.height()), QColor("white"))
    _render(painter, scene, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    if not path.exists():
        raise ImageExportError(f"Cannot write {path}: {_write_failure(path)}")
    width, height = round(source.width()), round(source.height())
    return ImageResult(path, width, height, 1.0, 1.0)


def _render(painter: QPainter, scene: QGraphicsScene, target: QRectF, source: QRectF) -> None:
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.clearSelection()
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)


def print_scene(scene: QGraphicsScene, printer: object) -> None:
    """Print ``scene`` landscape inside the page margins: on one page when its text stays at
    6 points or more there, else its sections (of a folded map), as many to a page as fit."""
    from PySide6.QtPrintSupport import QPrinter

    assert isinstance(printer, QPrinter)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(printer):
        raise ImageExportError("The printer could not be started.")
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    legible = MIN_PRINT_TEXT / DEFAULT_STYLE.font_size * printer.resolution() / 72
    sources = print_pages(scene, page.width(), page.height(), legible)
    for number, source in enumerate(sources):
        if number:
            printer.newPage()
        scale = min(page.width() / source.width(), page.height() / source.height())
        target = QRectF(0, 0, source.width() * scale, source.height() * scale)
        _render(painter, scene, target, source)
    painter.end()


def print_pages(scene: QGraphicsScene, width: float, height: float, legible: float) -> list[QRectF]:
    """The part of the scene each printed page shows (scene units), in reading order."""
    whole = picture_area(scene)
    model = getattr(scene, "model", None)
    sections = model.geometry.sections if model is not None else ()
    fit = min(width / whole.width(), height / whole.height())
    if fit >= legible or not sections:
        return [whole]
    scale = min(width / whole.width(), max(legible, fit))
    pages: list[QRectF] = []
    top = bottom = sections[0].title_rect.y
    for section in sections:
        if (section.rect.bottom - top) * scale > height and bottom > top:
            pages.append(QRectF(whole.x(), top, whole.width(), bottom - top))
            top = section.title_rect.y
        bottom = section.rect.bottom
    pages.append(QRectF(whole.x(), top, whole.width(), bottom - top + MARGIN))
    return pages
