"""Their name on it: branding read from the app's settings file, printed on cover and headers."""

from __future__ import annotations

import struct
import subprocess
import zlib
from dataclasses import replace
from pathlib import Path

from app.export.pdf import write_plan_pdf
from app.export.pdf.branding import Branding, accent_or_empty, read_branding
from app.export.pdf.styles import ACCENT
from tests.export.test_pdf_support import OPTIONS, pdf_text, sample, tool


def test_branding_is_read_from_the_qsettings_ini_file(tmp_path: Path) -> None:
    ini = tmp_path / "settings.ini"
    ini.write_text(
        "[plan]\npaper=A4\n\n[branding]\naccent=#AA3300\ncompany=Lean & Co\n"
        'name="Sam Whitfield, \\"Lean\\" ü 😀 \\\\ x"\nlogo=/tmp/logo.png\n',
        encoding="utf-8",
    )
    assert read_branding(ini) == Branding(
        'Sam Whitfield, "Lean" ü 😀 \\ x', "Lean & Co", "/tmp/logo.png", "#aa3300"
    )


def test_missing_file_or_bad_colour_means_not_set(tmp_path: Path) -> None:
    assert read_branding(tmp_path / "none.ini") == Branding()
    assert accent_or_empty("red") == ""
    assert accent_or_empty(" #12ab9F ") == "#12ab9f"


def _logo(path: Path, width: int = 300, height: int = 100) -> Path:
    """A plain PNG written by hand (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xaa\x33\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
    path.write_bytes(png + chunk(b"IEND", b""))
    return path


def test_cover_and_every_page_header_say_who_prepared_it_for_whom(tmp_path: Path) -> None:
    options = replace(OPTIONS, author="Dana Reyes", company="Lean & Co", accent="#aa3300")
    path = tmp_path / "plan.pdf"
    pages = write_plan_pdf(sample("client-onboarding"), path, options=options).pages
    texts = pdf_text(path).split("\f")
    organisation = sample("client-onboarding").organisation.strip()
    cover = " ".join(texts[0].split())
    assert f"Prepared by Dana Reyes, Lean & Co for {organisation[:20]}" in cover
    for number in range(2, pages + 1):
        assert "Prepared by Dana Reyes, Lean & Co" in texts[number - 1], number


def test_the_accent_colours_headings_rules_and_maps(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    write_plan_pdf(sample("client-onboarding"), path, options=replace(OPTIONS, accent="#aa3300"))
    plain = tmp_path / "plain.pdf"
    subprocess.run(
        [tool("qpdf"), "--qdf", "--object-streams=disable", str(path), str(plain)], check=True
    )
    content = plain.read_bytes()
    assert content.count(b".666667 .2 0 rg") > 5  # the accent, #aa3300, as a fill colour
    assert b".121569 .372549 .478431" not in content  # the plan's own accent is gone
    assert ACCENT.hexval() == "0x1f5f7a"  # and is back for the next plan


def test_a_logo_goes_on_the_cover(tmp_path: Path) -> None:
    logo = _logo(tmp_path / "logo.png")
    path = tmp_path / "plan.pdf"
    write_plan_pdf(sample("client-onboarding"), path, options=replace(OPTIONS, logo=str(logo)))
    listed = subprocess.run(
        [tool("pdfimages"), "-list", "-f", "1", "-l", "1", str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "300   100" in listed
