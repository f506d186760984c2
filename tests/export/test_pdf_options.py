"""Options that need no ReportLab: paper size from the locale, a cheap package import."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.export.pdf import PlanOptions, locale_page_size


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("en_US.UTF-8", "Letter"),
        ("fr_CA", "Letter"),
        ("es-MX", "Letter"),
        ("en_PH.UTF-8", "Letter"),
        ("en_GB.UTF-8", "A4"),
        ("de_DE@euro", "A4"),
        ("C", "A4"),
        ("", "A4"),
    ],
)
def test_locale_page_size(name: str, size: str) -> None:
    assert locale_page_size(name) == size


def test_chosen_page_size_wins_over_the_locale() -> None:
    assert PlanOptions(page_size="Letter").resolved_page_size() == "Letter"
    assert PlanOptions(page_size="A4").resolved_page_size() == "A4"


def test_importing_the_package_does_not_load_reportlab() -> None:
    code = "import sys, app.export.pdf; print('reportlab' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("value", ["C", "C.UTF-8", "POSIX"])
def test_the_c_locale_names_no_country_so_the_paper_is_a4(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", value)
    assert locale_page_size() == "A4"
