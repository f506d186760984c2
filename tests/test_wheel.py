"""The built wheel works outside the repository: migrations and resources travel with it."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


@pytest.mark.slow
def test_the_wheel_runs_from_another_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("walkthrough-*.whl")
    target = tmp_path / "venv"
    venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    site = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    # Install the wheel alone; borrow the dependencies (not `app`) from the test environment.
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "WALKTHROUGH_DATA_DIR": str(tmp_path / "data")}
    env.pop("PYTHONPATH", None)

    def walkthrough(*args: str) -> str:
        command = [str(target / "bin" / "walkthrough"), "--db", "w.sqlite", *args]
        result = subprocess.run(
            command, cwd=elsewhere, env=env, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    where = subprocess.check_output(
        [python, "-c", "import app; print(app.__file__)"], cwd=elsewhere, env=env, text=True
    )
    assert where.startswith(str(site))
    assert "Approve supplier invoices" in walkthrough("sample")
    assert "15 steps  Approve supplier invoices" in walkthrough("list")
