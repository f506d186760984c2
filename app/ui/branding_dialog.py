"""The consultant's branding, set once: name, company, logo (PNG/SVG) and accent colour.

Stored in the app's settings (group ``branding``), which the command line reads too
(``app.export.pdf.branding``); every plan export passes them on as PlanOptions.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.export.pdf.branding import KEYS, SECTION, Branding, accent_or_empty
from app.ui import settings

LOGO_FILTER = "Logo images (*.png *.svg *.jpg *.jpeg)"
SVG_LOGO_PIXELS = 640  # the longer side of an SVG logo drawn for the PDF


def stored_branding() -> Branding:
    """The branding saved in the settings (empty fields when nothing was set)."""
    store = settings.settings()
    values = [store.value(f"{SECTION}/{key}", "") for key in KEYS]
    found = Branding(*(value if isinstance(value, str) else "" for value in values))
    return Branding(found.name, found.company, found.logo, accent_or_empty(found.accent))


def store_branding(branding: Branding) -> None:
    store = settings.settings()
    for key, value in zip(KEYS, _values(branding), strict=True):
        store.setValue(f"{SECTION}/{key}", value.strip())
    store.sync()


def _values(branding: Branding) -> tuple[str, str, str, str]:
    return (branding.name, branding.company, branding.logo, branding.accent)


def printable_logo(path: str) -> str:
    """A logo the PDF can embed: PNG/JPEG as is, SVG drawn to a PNG; "" when unreadable."""
    if not path.strip() or not Path(path).is_file():
        return ""
    if not path.lower().endswith(".svg"):
        return path
    renderer = QSvgRenderer(path)
    if not renderer.isValid():
        return ""
    size = renderer.defaultSize().scaled(
        QSize(SVG_LOGO_PIXELS, SVG_LOGO_PIXELS), Qt.AspectRatioMode.KeepAspectRatio
    )
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    target = Path(tempfile.gettempdir()) / f"walkthrough-logo-{Path(path).stem}.png"
    return str(target) if image.save(str(target)) else ""


class BrandingDialog(QDialog):
    """Name, company, logo and accent colour; saved to the settings on OK."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your name on the plan")
        current = stored_branding()
        self.name = QLineEdit(current.name)
        self.company = QLineEdit(current.company)
        self.logo = QLineEdit(current.logo)
        self.accent = QLineEdit(current.accent)
        self.accent.setPlaceholderText("#1f5f7a (the plan's own)")
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Your name", self.name)
        form.addRow("Company", self.company)
        form.addRow("Logo (PNG or SVG)", self._with_button(self.logo, "Choose…", self._choose_logo))
        form.addRow("Accent colour", self._with_button(self.accent, "Pick…", self._pick_colour))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("The cover and every page header say “Prepared by … for …”."))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _with_button(self, field: QLineEdit, text: str, slot: object) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        button = QPushButton(text, box)
        button.clicked.connect(slot)
        row.addWidget(button)
        return box

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a logo", self.logo.text(), LOGO_FILTER)
        if path:
            self.logo.setText(path)

    def _pick_colour(self) -> None:
        start = QColor(self.accent.text().strip() or "#1f5f7a")
        colour = QColorDialog.getColor(start, self, "Accent colour")
        if colour.isValid():
            self.accent.setText(colour.name())

    def branding(self) -> Branding:
        """What the fields say now."""
        return Branding(
            self.name.text().strip(),
            self.company.text().strip(),
            self.logo.text().strip(),
            self.accent.text().strip(),
        )

    def accept(self) -> None:
        chosen = self.branding()
        problem = self._problem(chosen)
        if problem:
            self.problem.setText(problem)
            return
        store_branding(replace_accent(chosen))
        super().accept()

    def _problem(self, chosen: Branding) -> str:
        if chosen.accent and not accent_or_empty(chosen.accent):
            return f"Accent colour: '{chosen.accent}' is not a colour like #1f5f7a."
        if chosen.logo and not printable_logo(chosen.logo):
            return f"Logo: '{chosen.logo}' cannot be read as a PNG, JPEG or SVG image."
        return ""


def replace_accent(branding: Branding) -> Branding:
    """The branding with its accent written the one way (``#aa3300``)."""
    return Branding(
        branding.name, branding.company, branding.logo, accent_or_empty(branding.accent)
    )
