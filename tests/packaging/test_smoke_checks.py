"""The smoke test's file checks tell a good export from a bad one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import smoke_checks
from reportlab.pdfgen import canvas

from app.export.pdf.fonts import REGULAR, register_fonts


def _pdf(path: Path, font: str) -> Path:
    if font == REGULAR:
        register_fonts()
    page = canvas.Canvas(str(path), initialFontName=font)
    page.setFont(font, 12)
    page.drawString(72, 720, "Approve supplier invoices")
    page.save()
    return path


@pytest.fixture(params=["pdffonts", "standard library"])
def pdf_reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "pdffonts" and shutil.which("pdffonts") is None:
        pytest.skip("poppler's pdffonts is not installed")
    if request.param == "standard library":
        monkeypatch.setattr(smoke_checks.shutil, "which", lambda _: None)
    return str(request.param)


def test_a_pdf_with_embedded_fonts_passes(tmp_path: Path, pdf_reader: str) -> None:
    smoke_checks.pdf(_pdf(tmp_path / "plan.pdf", REGULAR))


def test_a_pdf_with_a_standard_font_fails(tmp_path: Path, pdf_reader: str) -> None:
    with pytest.raises(smoke_checks.SmokeError, match=r"embed|standard"):
        smoke_checks.pdf(_pdf(tmp_path / "plan.pdf", "Helvetica"))


def test_a_tiny_png_fails(tmp_path: Path) -> None:
    header = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + (10).to_bytes(4, "big") * 2
    (tmp_path / "map.png").write_bytes(header + b"\x08\x06\x00\x00\x00")
    with pytest.raises(smoke_checks.SmokeError, match="10x10"):
        smoke_checks.png(tmp_path / "map.png")


def test_bpmn_without_tasks_fails(tmp_path: Path) -> None:
    model = "http://www.omg.org/spec/BPMN/20100524/MODEL"
    xml = f'<definitions xmlns="{model}"><process id="p"/></definitions>'
    (tmp_path / "map.bpmn").write_text(xml, encoding="utf-8")
    with pytest.raises(smoke_checks.SmokeError, match="tasks"):
        smoke_checks.bpmn(tmp_path / "map.bpmn")


def test_a_virtualenv_folder_is_recognised(tmp_path: Path) -> None:
    (tmp_path / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    assert smoke_checks.in_virtualenv(tmp_path / "bin")
    assert not smoke_checks.in_virtualenv(Path("/usr/bin"))


def test_a_bundle_without_reportlab_fonts_fails(tmp_path: Path) -> None:
    for name in smoke_checks.BUNDLED:
        if "reportlab" not in name:
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text("", encoding="utf-8")
    with pytest.raises(smoke_checks.SmokeError, match=r"Vera\.ttf"):
        smoke_checks.contents(tmp_path)
