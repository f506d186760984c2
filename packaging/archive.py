"""The download: the one-folder app packed as the platform expects it.

Linux gets ``walkthrough-<version>-linux-x86_64.tar.gz`` (one ``walkthrough-<version>/``
folder inside, permissions and symbolic links kept); Windows a ``.zip`` of the folder; macOS
a ``.zip`` of ``Walkthrough.app`` made by ``ditto``, which keeps the bundle's links.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import tarfile
from pathlib import Path

ARCHES = {"amd64": "x86_64", "x86_64": "x86_64", "arm64": "arm64", "aarch64": "arm64"}


def archive_stem(app_version: str) -> str:
    """``walkthrough-<version>-<os>-<arch>``, the name users download."""
    system = {"Darwin": "macos"}.get(platform.system(), platform.system().lower())
    machine = ARCHES.get(platform.machine().lower(), platform.machine().lower())
    return f"walkthrough-{app_version}-{system}-{machine}"


def pack(folder: Path, dist: Path, app_version: str) -> Path:
    """Write the archive for this platform into ``dist`` and return its path."""
    stem = archive_stem(app_version)
    system = platform.system()
    if system == "Darwin":
        target = dist / f"{stem}.zip"
        app = dist / "Walkthrough.app"
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(app), str(target)], check=True)
        return target
    if system == "Windows":
        base = dist / stem
        return Path(shutil.make_archive(str(base), "zip", folder.parent, folder.name))
    target = dist / f"{stem}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=f"walkthrough-{app_version}")
    return target
