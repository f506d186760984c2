"""Shared libraries PyInstaller copies from the build machine, with their Debian licences.

On Linux the bundle carries libraries such as libxcb or libfontconfig from the system; each is
traced to its Debian package, whose ``copyright`` file names the licences (DEP-5 ``License:``
lines) and is copied into NOTICE.txt. Elsewhere the bundled libraries come with Python or Qt.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

Entry = tuple[str, str, tuple[tuple[str, str], ...]]  # name, licence, (title, text) pairs


def system_licences(sources: list[str]) -> list[Entry]:
    """One entry per Debian package that a bundled library outside Python came from."""
    paths = [Path(s) for s in sources if _is_system_library(Path(s))]
    if not paths or shutil.which("dpkg") is None:
        return []
    packages = _debian_packages(paths)
    grouped: dict[str, list[str]] = {}
    for path in paths:
        grouped.setdefault(packages.get(path.name, "unknown"), []).append(path.name)
    return [_entry(package, sorted(set(names))) for package, names in sorted(grouped.items())]


def _is_system_library(path: Path) -> bool:
    """A shared library from outside the build's virtualenv and Python installation."""
    inside_python = any(path.is_relative_to(prefix) for prefix in {sys.prefix, sys.base_prefix})
    return path.is_absolute() and ".so" in path.name and not inside_python


def _debian_packages(paths: list[Path]) -> dict[str, str]:
    """File name → Debian package, asked of dpkg once (usr-merged paths tried both ways)."""
    queries: list[str] = []
    for path in paths:
        real = str(path.resolve())
        queries += [real, real.removeprefix("/usr")] if real.startswith("/usr/") else [real]
        queries += [str(path), "/usr" + str(path)] if not str(path).startswith("/usr/") else []
    done = subprocess.run(["dpkg", "-S", *queries], capture_output=True, text=True, check=False)
    found: dict[str, str] = {}
    for line in done.stdout.splitlines():
        package, _, file = line.partition(": ")
        found.setdefault(Path(file).name, package.split(":")[0])
    resolved = {path.name: found.get(path.name) or found.get(path.resolve().name) for path in paths}
    return {name: package for name, package in resolved.items() if package}


def _entry(package: str, names: list[str]) -> Entry:
    copyright_file = Path("/usr/share/doc") / package / "copyright"
    text = (
        copyright_file.read_text(encoding="utf-8", errors="replace")
        if copyright_file.is_file()
        else ""
    )
    licences = sorted(
        {line[8:].strip() for line in text.splitlines() if line.startswith("License:")}
    )
    licence = "; ".join(name for name in licences if name) or "see its copyright file"
    title = f"{package} (Debian): {', '.join(names)}"
    return title, licence, ((f"{package} copyright", text),) if text else ()
