"""``walkthrough export … --to plan.pdf`` carries the consultant's branding: flags, else the
app's settings."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.cli import main
from app.models import paths
from tests.export.test_pdf_support import SAMPLES, tool

SAMPLE = str(SAMPLES / "client-onboarding.walkthrough.json")


def _text(path: Path) -> str:
    done = subprocess.run([tool("pdftotext"), str(path), "-"], capture_output=True, text=True)
    return " ".join(done.stdout.split())


def test_flags_put_the_consultant_on_the_plan(tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    code = main(["export", SAMPLE, "--to", str(target), "--prepared-by", "Dana Reyes",
                 "--company", "Lean & Co", "--accent", "#aa3300"])  # fmt: skip
    assert code == 0
    assert "Prepared by Dana Reyes, Lean & Co for" in _text(target)


def test_without_flags_the_apps_settings_are_used(tmp_path: Path) -> None:
    ini = paths.data_dir() / "settings.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text("[branding]\nname=Sam Whitfield\ncompany=Whitfield Lean\n", encoding="utf-8")
    target = tmp_path / "plan.pdf"
    assert main(["export", SAMPLE, "--to", str(target)]) == 0
    assert "Prepared by Sam Whitfield, Whitfield Lean for" in _text(target)


def test_a_bad_colour_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export", SAMPLE, "--to", str(tmp_path / "p.pdf"), "--accent", "red"])
    assert code == 2
    assert "--accent: 'red' is not a colour like #1f5f7a" in capsys.readouterr().err
    assert not (tmp_path / "p.pdf").exists()


def test_an_svg_logo_is_drawn_onto_the_cover(tmp_path: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80">'
        '<rect width="200" height="80" fill="#aa3300"/></svg>',
        encoding="utf-8",
    )
    target = tmp_path / "plan.pdf"
    assert main(["export", SAMPLE, "--to", str(target), "--logo", str(logo)]) == 0
    listed = subprocess.run(
        [tool("pdfimages"), "-list", "-f", "1", "-l", "1", str(target)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert len(listed.splitlines()) >= 3  # a header, a rule and the logo


def test_an_unreadable_logo_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.png"
    assert main(["export", SAMPLE, "--to", str(tmp_path / "p.pdf"), "--logo", str(missing)]) == 2
    assert f"--logo: cannot read {missing}" in capsys.readouterr().err
