"""The branding dialog: set once, kept in the settings, read back the same by the CLI reader."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.export.pdf.branding import Branding, read_branding
from app.models import paths
from app.ui.branding_dialog import BrandingDialog, printable_logo, stored_branding

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80">'
    '<rect width="200" height="80" fill="#aa3300"/></svg>'
)


def test_the_branding_is_saved_and_read_back_without_qt(qtbot: QtBot, tmp_path: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text(SVG, encoding="utf-8")
    dialog = BrandingDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText('Sam Whitfield, "Lean" ü')
    dialog.company.setText("Lean & Co")
    dialog.logo.setText(str(logo))
    dialog.accent.setText("#AA3300")
    dialog.accept()
    expected = Branding('Sam Whitfield, "Lean" ü', "Lean & Co", str(logo), "#aa3300")
    assert stored_branding() == expected
    assert read_branding(paths.data_dir() / "settings.ini") == expected  # what the CLI reads


def test_a_bad_colour_is_named_and_nothing_is_saved(qtbot: QtBot) -> None:
    dialog = BrandingDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Sam")
    dialog.accent.setText("reddish")
    dialog.accept()
    assert dialog.problem.text() == "Accent colour: 'reddish' is not a colour like #1f5f7a."
    assert stored_branding() == Branding()


def test_an_svg_logo_is_drawn_to_a_png_for_the_pdf(qtbot: QtBot, tmp_path: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text(SVG, encoding="utf-8")
    png = printable_logo(str(logo))
    assert png.endswith(".png")
    assert Path(png).read_bytes().startswith(b"\x89PNG")
    assert printable_logo(str(tmp_path / "missing.png")) == ""
