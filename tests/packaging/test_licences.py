"""The licence check refuses GPL/AGPL-only packages and accepts LGPL and licence choices."""

from __future__ import annotations

from importlib.metadata import distribution
from pathlib import Path

import licences
import pytest


@pytest.mark.parametrize(
    "licence",
    [
        "GPL-3.0-only",
        "AGPL-3.0-or-later",
        "GNU General Public License v2 (GPLv2)",
        "MIT AND GPL-2.0-only",
        "GPL-2+; GPL-3+",
        "(GPL-2.0-only OR AGPL-3.0-only)",
    ],
)
def test_gpl_only_licences_are_refused(licence: str) -> None:
    assert licences.gpl_only(licence)


@pytest.mark.parametrize(
    "licence",
    [
        "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",  # PySide6 and shiboken6
        "GNU Lesser General Public License v3 (LGPLv3)",
        "MIT",
        "BSD-3-clause; GPL-2+",  # a system package whose files differ
        "GPL-2.0-or-later WITH PyInstaller bootloader exception",
        "Apache-2.0 OR BSD-2-Clause",
        "see its copyright file",
    ],
)
def test_lgpl_permissive_and_choices_are_accepted(licence: str) -> None:
    assert not licences.gpl_only(licence)


def test_an_empty_licence_is_not_called_gpl() -> None:
    assert not licences.gpl_only("")


def test_the_notice_lists_each_package_and_carries_its_texts() -> None:
    packages = [
        licences.Bundled("PySide6_Essentials 6.11", "LGPL-3.0-only", (("LGPL-3.0.txt", "LGPL"),)),
        licences.Bundled("alembic 1.20", "MIT", (("LICENSE", "Permission is hereby"),)),
    ]
    text = licences.notice(packages)
    assert "dynamically" in text  # the LGPL note on replacing Qt's libraries
    assert "alembic 1.20" in text
    assert "Permission is hereby" in text
    assert text.index("PySide6_Essentials 6.11") < text.index("alembic 1.20")


def test_pyside6_gets_the_lgpl_text_its_wheel_lacks() -> None:
    texts = licences.licence_texts(distribution("PySide6_Essentials"))
    assert [title for title, _ in texts] == ["LGPL-3.0.txt", "GPL-3.0.txt"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in texts[0][1]


def test_bundled_modules_map_to_their_distributions() -> None:
    found = licences.bundled_distributions(["sqlalchemy.orm", "alembic", "json"])
    assert {dist.metadata["Name"].lower() for dist in found} == {"sqlalchemy", "alembic"}


def test_bundled_files_map_to_their_distributions() -> None:
    """With PyInstaller's noarchive the modules arrive as .pyc files, not module names."""
    files = ["reportlab/fonts/Vera.ttf", "typing_extensions.pyc", "base_library.zip"]
    found = licences.bundled_distributions(files)
    assert {dist.metadata["Name"].lower() for dist in found} == {"reportlab", "typing_extensions"}


def test_the_fonts_walkthrough_ships_are_listed_with_their_texts(tmp_path: Path) -> None:
    licence = tmp_path / "Example-LICENSE.txt"
    licence.write_text("Files: *\nLicense: OFL-1.1\n", encoding="utf-8")
    files = [
        ("app/resources/fonts/Example-LICENSE.txt", str(licence)),
        ("app/resources/fonts/Example.ttf", str(tmp_path / "Example.ttf")),
        ("reportlab/fonts/bitstream-vera-license.txt", str(licence)),
    ]
    (font,) = licences.shipped_fonts(files)
    assert (font.name, font.licence) == ("Example font", "OFL-1.1")
    assert font.texts == (("Example-LICENSE.txt", "Files: *\nLicense: OFL-1.1\n"),)
