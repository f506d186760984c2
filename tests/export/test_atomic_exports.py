"""Every export is atomic: a kill or an error while writing leaves the old file or none."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from app.export.formats import export_process
from app.models.transfer import sample_processes
from app.process import atomic

SUFFIXES = (".walkthrough.json", ".csv", ".bpmn", ".pdf")
OLD = b"the export from yesterday\n"


def _export_killed_before_rename(target: Path) -> None:
    """Fork: the child exports and is killed once the temporary file is written in full."""
    child = os.fork()
    if child == 0:  # pragma: no cover - the child never returns
        atomic.sync_file = lambda _path: os.kill(os.getpid(), signal.SIGKILL)  # type: ignore[assignment]
        try:
            export_process(sample_processes()[0], target)
        finally:
            os._exit(0)
    _pid, status = os.waitpid(child, 0)
    assert os.WIFSIGNALED(status), "the export was not killed"


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_killed_export_leaves_the_old_file(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"plan{suffix}"
    target.write_bytes(OLD)
    _export_killed_before_rename(target)
    assert target.read_bytes() == OLD


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")
def test_a_killed_first_export_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "steps.csv"
    _export_killed_before_rename(target)
    assert not target.exists()


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_failed_export_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / f"plan{suffix}"
    target.write_bytes(OLD)

    def full_disk(_path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "sync_file", full_disk)
    with pytest.raises(OSError, match="No space"):
        export_process(sample_processes()[0], target)
    assert target.read_bytes() == OLD
    assert sorted(path.name for path in tmp_path.iterdir()) == [target.name]


def test_an_export_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "process.walkthrough.json"
    target.write_bytes(OLD)
    export_process(sample_processes()[0], target)
    assert target.read_bytes().startswith(b'{\n  "format": "walkthrough-process"')
    assert [path.name for path in tmp_path.iterdir()] == [target.name]
