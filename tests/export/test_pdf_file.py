"""The plan file itself: the user's normal permissions, and bookmarks that open their sections."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from app.export.pdf import write_plan_pdf
from tests.export.test_pdf_support import OPTIONS, pdf_text, sample, tool


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_the_file_gets_the_users_normal_permissions(tmp_path: Path, umask: int, mode: int) -> None:
    previous = os.umask(umask)
    try:
        path = tmp_path / "plan.pdf"
        write_plan_pdf(sample("client-onboarding"), path, options=OPTIONS)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == mode


def outline(path: Path) -> list[dict[str, object]]:
    result = subprocess.run(
        [tool("qpdf"), "--json", str(path)], check=True, capture_output=True, text=True
    )
    found: list[dict[str, object]] = []

    def walk(items: list[dict[str, object]]) -> None:
        for item in items:
            found.append(item)
            walk(item["kids"])  # type: ignore[arg-type]

    walk(json.loads(result.stdout)["outlines"])
    return found


def test_every_bookmark_opens_the_page_its_section_is_on(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    write_plan_pdf(sample("supplier-invoices"), path, options=OPTIONS)
    pages = pdf_text(path).split("\f")
    entries = outline(path)
    assert len(entries) > 10
    for entry in entries:
        page = int(entry["destpageposfrom1"])  # type: ignore[call-overload]
        title = str(entry["title"])
        assert " ".join(title.split()) in " ".join(pages[page - 1].split()), title
    assert {int(e["destpageposfrom1"]) for e in entries} != {1}  # type: ignore[call-overload]


def test_emoji_are_drawn_from_the_bundled_emoji_font(tmp_path: Path) -> None:
    process = replace(sample("client-onboarding"), problem="Clients wait 🦄 and ✅ 😀")
    path = tmp_path / "plan.pdf"
    report = write_plan_pdf(process, path, options=OPTIONS)
    assert report.missing_glyphs == ()
    fonts = subprocess.run(
        [tool("pdffonts"), str(path)], check=True, capture_output=True, text=True
    ).stdout
    assert "Symbola" in fonts  # the emoji font, embedded
    assert "Clients wait 🦄 and ✅ 😀" in pdf_text(path)
