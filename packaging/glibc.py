"""The oldest glibc the Linux bundle runs on: the newest symbol version any of its files needs.

Libraries copied from the build machine carry its glibc's symbol versions, so the machine a
bundle is built on sets the oldest Linux it runs on; ``bundle.py`` prints that floor.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

_VERSION = re.compile(r"GLIBC_(\d+)\.(\d+)")


def glibc_floor(folder: Path) -> tuple[int, int] | None:
    """The highest ``GLIBC_x.y`` the bundle's executable and libraries ask for (None: unknown)."""
    if shutil.which("objdump") is None:
        return None
    elves = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and _is_elf(p)]
    found: set[tuple[int, int]] = set()
    for path in elves:
        command = ["objdump", "-T", str(path)]
        symbols = subprocess.run(command, capture_output=True, text=True, check=False)
        found |= {(int(a), int(b)) for a, b in _VERSION.findall(symbols.stdout)}
    return max(found, default=None)


def _is_elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"
