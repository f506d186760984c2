"""The bundle's licence check: every bundled package with its licence, and NOTICE.txt.

Run by ``bundle.py`` on the manifest the spec writes (the bundled modules and files). It fails
when a package's licence is GPL or AGPL with no other choice; LGPL (Qt through PySide6, which
links Qt dynamically, so users can swap the Qt libraries) and licences with a choice are fine.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from importlib.metadata import Distribution, distribution, distributions
from pathlib import Path, PurePath
from typing import Any

from system_libraries import system_licences

HERE = Path(__file__).parent
OWN_TEXTS = {
    # PySide6 wheels carry no licence file; Qt and PySide6 are used under the LGPL-3.0,
    # which is written as additions to the GPL-3.0.
    "pyside6-essentials": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "shiboken6": ("LGPL-3.0.txt", "GPL-3.0.txt"),
}
_GPL = re.compile(r"\b(A?GPL|GNU (AFFERO )?GENERAL PUBLIC)", re.IGNORECASE)
_LESSER = re.compile(r"\b(LGPL|LESSER|LIBRARY GENERAL|EXCEPTION)", re.IGNORECASE)
_LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)


@dataclass(frozen=True)
class Bundled:
    """One package in the bundle: its name and version, licence, and licence texts."""

    name: str
    licence: str
    texts: tuple[tuple[str, str], ...]  # (title, text)

    @property
    def gpl_only(self) -> bool:
        return gpl_only(self.licence)


def gpl_only(licence: str) -> bool:
    """Whether every choice a licence expression offers binds to the GPL or AGPL.

    ``OR`` and ``;`` (between the licences of a system package's files) separate choices;
    LGPL and GPL with an exception (Bootloader, Linux-syscall-note…) do not bind.
    """
    spaced = licence.replace("(", " ").replace(")", " ")
    choices = [c for c in re.split(r"\s+OR\s+|\s*;\s*", spaced, flags=re.I) if c.strip()]
    return bool(choices) and all(_binds_to_gpl(choice) for choice in choices)


def _binds_to_gpl(choice: str) -> bool:
    parts = re.split(r"\s+AND\s+", choice, flags=re.IGNORECASE)
    return any(_GPL.search(part) and not _LESSER.search(part) for part in parts)


def licence_of(dist: Distribution) -> str:
    """A distribution's licence: its SPDX expression, else its licence field or classifiers."""
    meta: Any = dist.metadata  # an email.message.Message underneath
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    field = (meta.get("License") or "").strip()
    if field and len(field) < 100 and "\n" not in field:
        return field
    return " OR ".join(classifiers) or (field.splitlines()[0] if field else "unknown")


def licence_texts(dist: Distribution) -> tuple[tuple[str, str], ...]:
    """The licence files a distribution ships, or the texts kept here for those without."""
    name = dist.metadata["Name"].lower().replace("_", "-")
    if name in OWN_TEXTS:
        return tuple(
            (title, (HERE / "licences" / title).read_text(encoding="utf-8"))
            for title in OWN_TEXTS[name]
        )
    files = [f for f in dist.files or [] if ".dist-info" in str(f) and _LICENCE_FILE.search(f.name)]
    return tuple(
        (f.name, Path(str(dist.locate_file(f))).read_text(encoding="utf-8", errors="replace"))
        for f in files
    )


def bundled_distributions(modules: list[str]) -> list[Distribution]:
    """The installed distributions that provide the bundled modules (dotted names or files)."""
    tops = {PurePath(module.replace("\\", "/")).parts[0].split(".")[0] for module in modules}
    found: dict[str, Distribution] = {}
    for dist in distributions():
        provided = _top_level_names(dist)
        if provided & tops:
            found.setdefault(dist.metadata["Name"].lower(), dist)
    return sorted(found.values(), key=lambda d: d.metadata["Name"].lower())


def _top_level_names(dist: Distribution) -> set[str]:
    names = set()
    for file in dist.files or []:
        top = file.parts[0]
        if top.endswith((".dist-info", ".egg-info", ".libs")) or top in ("..", "__pycache__"):
            continue
        names.add(top.removesuffix(".py").split(".")[0])
    return names


def python_runtime() -> Bundled:
    """The Python interpreter and standard library the bundle carries."""
    version = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    candidates = [
        Path(sys.base_prefix) / name for name in ("LICENSE.txt", f"lib/{version}/LICENSE.txt")
    ]
    texts = tuple(
        ("LICENSE.txt", p.read_text(encoding="utf-8", errors="replace"))
        for p in candidates
        if p.is_file()
    )
    return Bundled(f"Python {sys.version.split()[0]}", "PSF-2.0", texts[:1])


def bootloader() -> Bundled:
    """PyInstaller's bootloader, which is the ``walkthrough`` executable itself."""
    dist = distribution("pyinstaller")
    licence = "GPL-2.0-or-later WITH PyInstaller bootloader exception"
    return Bundled(f"PyInstaller {dist.version} bootloader", licence, licence_texts(dist))


def check(manifest: dict[str, Any]) -> list[Bundled]:
    """Every package in the bundle: Python, the Python distributions, the system libraries."""
    packages = [python_runtime(), bootloader()]
    # With noarchive the modules travel as .pyc files, so the files name them as well.
    bundled = manifest["modules"] + [destination for destination, _ in manifest["files"]]
    for dist in bundled_distributions(bundled):
        name = f"{dist.metadata['Name']} {dist.version}"
        packages.append(Bundled(name, licence_of(dist), licence_texts(dist)))
    packages += shipped_fonts(manifest["files"])
    packages += [
        Bundled(*entry) for entry in system_licences([src for _, src in manifest["files"]])
    ]
    return packages


def shipped_fonts(files: list[tuple[str, str]]) -> list[Bundled]:
    """The fonts Walkthrough ships in app/resources/fonts, each with its licence file."""
    found = []
    for destination, source in files:
        name = PurePath(destination.replace("\\", "/"))
        if name.parent.as_posix() == "app/resources/fonts" and name.name.endswith("-LICENSE.txt"):
            text = Path(source).read_text(encoding="utf-8", errors="replace")
            found.append(
                Bundled(
                    f"{name.name.removesuffix('-LICENSE.txt')} font",
                    _named(text),
                    ((name.name, text),),
                )
            )
    return sorted(found, key=lambda font: font.name)


def _named(text: str) -> str:
    """The licences a copyright file names on ``License:`` lines (DEP-5), else a pointer."""
    names = sorted({line[8:].strip() for line in text.splitlines() if line.startswith("License:")})
    return "; ".join(name for name in names if name) or "free licence, text in NOTICE.txt"


def notice(packages: list[Bundled]) -> str:
    """NOTICE.txt: what is inside, under which licences, with their full texts."""
    head = (HERE / "NOTICE.head.txt").read_text(encoding="utf-8")
    listing = "\n".join(f"  {p.name:<45} {p.licence}" for p in packages)
    texts = "\n\n".join(
        f"{'=' * 78}\n{p.name} — {title}\n{'=' * 78}\n\n{text.strip()}"
        for p in packages
        for title, text in p.texts
    )
    return f"{head.rstrip()}\n\n{listing}\n\n{texts}\n"


def main(manifest_path: str, notice_path: str) -> int:
    packages = check(json.loads(Path(manifest_path).read_text(encoding="utf-8")))
    print(f"{'package':<46} licence")
    for p in packages:
        print(f"{p.name:<46} {p.licence}{'   <-- GPL/AGPL only' if p.gpl_only else ''}")
    Path(notice_path).write_text(notice(packages), encoding="utf-8")
    refused = [p.name for p in packages if p.gpl_only]
    if refused:
        print(f"licence check failed: GPL/AGPL-only in the bundle: {', '.join(refused)}")
        return 1
    print(f"licence check passed: {len(packages)} packages, none GPL/AGPL-only")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
