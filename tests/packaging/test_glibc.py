"""The glibc floor is read from the symbol versions the bundle's ELF files need."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from glibc import glibc_floor


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("objdump") is None,
    reason="needs Linux and binutils' objdump",
)
def test_the_floor_is_the_newest_version_a_file_needs(tmp_path: Path) -> None:
    shutil.copy(Path(sys.executable).resolve(), tmp_path / "python")
    (tmp_path / "notes.txt").write_text(
        "GLIBC_9.99 in a text file does not count", encoding="utf-8"
    )
    floor = glibc_floor(tmp_path)
    assert floor is not None
    assert (2, 2) <= floor < (9, 99)


def test_a_folder_without_binaries_has_no_floor(tmp_path: Path) -> None:
    (tmp_path / "NOTICE.txt").write_text("text", encoding="utf-8")
    assert glibc_floor(tmp_path) is None
