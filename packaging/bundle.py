"""Build the standalone app: PyInstaller one-folder build, licence check, archive, budgets.

``make bundle`` runs this with a virtualenv that holds the app and PyInstaller (Linux); the
GitHub workflow runs the same on Windows and macOS. Writes into ``dist/``:
``walkthrough/`` (the one-folder app) and ``walkthrough-<version>-<os>-<arch>.tar.gz``
(Linux) or ``.zip`` (Windows, macOS: the ``Walkthrough.app``). Fails when the licence check
(run inside the spec) fails or a budget is exceeded: the folder at most 250 MB, the archive at
most 100 MB.
"""

from __future__ import annotations

import io
import json
import platform
import shutil
import subprocess
import sys
import time
import tomllib
from importlib.metadata import version
from pathlib import Path

import archive
from glibc import glibc_floor

HERE = Path(__file__).parent
ROOT = HERE.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
FOLDER_BUDGET_MB = 250
ARCHIVE_BUDGET_MB = 100
LINUX_EXTRAS = (
    "walkthrough.desktop",
    "install.sh",
    "icon/walkthrough.svg",
    "icon/walkthrough-256.png",
)


def unlisted_packages() -> list[str]:
    """Packages under app/ that pyproject.toml does not list, so the installed app lacks them."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "app").rglob("__init__.py")
    }
    return sorted(found - listed)


def run_pyinstaller() -> bool:
    """The one-folder build and its licence check (in the spec); whether both succeeded.

    It runs outside the checkout, so that `app` is the installed copy, migrations included.
    """
    WORK.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(DIST), "--workpath", str(WORK), str(HERE / "walkthrough.spec")]
    return subprocess.run(command, cwd=WORK, check=False).returncode == 0


def add_extras(folder: Path, notice: Path) -> None:
    """NOTICE.txt beside the executable too; on Linux the menu entry, its icon, the installer."""
    shutil.copy2(notice, folder / "NOTICE.txt")
    if platform.system() == "Linux":
        for name in LINUX_EXTRAS:
            shutil.copy2(HERE / name, folder / Path(name).name)


def size_mb(path: Path) -> float:
    """Size on disk of a file or a folder, in MB (symbolic links not followed)."""
    if path.is_file():
        return path.stat().st_size / 1e6
    files = (p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def budgets(folder: Path, packed: Path) -> list[str]:
    """Print the two size budgets; return the ones exceeded."""
    rows = [
        ("one-folder bundle", size_mb(folder), FOLDER_BUDGET_MB),
        (packed.name, size_mb(packed), ARCHIVE_BUDGET_MB),
    ]
    over = []
    for label, measured, budget in rows:
        verdict = "ok" if measured <= budget else "OVER BUDGET"
        print(f"budget  {label:<48} {measured:7.1f} MB  (at most {budget} MB)  {verdict}")
        if measured > budget:
            over.append(label)
    return over


def main() -> int:
    if isinstance(sys.stdout, io.TextIOWrapper):  # a Windows console cannot print every name
        sys.stdout.reconfigure(errors="replace")
    started = time.perf_counter()
    missing = unlisted_packages()
    if missing:
        print(f"pyproject.toml [tool.setuptools] packages lacks: {', '.join(missing)}")
        return 1
    if not run_pyinstaller():
        return 1
    folder = DIST / "walkthrough"
    manifest = WORK / "walkthrough" / "bundled.json"  # the spec writes both into its workpath
    add_extras(folder, WORK / "walkthrough" / "NOTICE.txt")
    app_version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    packed = archive.pack(folder, DIST, app_version)
    over = budgets(folder, packed)
    floor = glibc_floor(folder) if platform.system() == "Linux" else None
    if floor:
        print(
            f"runs on Linux with glibc {floor[0]}.{floor[1]} or newer (that of the build machine)"
        )
    took = time.perf_counter() - started
    print(f"bundle step took {took:.0f} s (walkthrough {version('walkthrough')})")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
