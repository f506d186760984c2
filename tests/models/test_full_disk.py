"""A full disk under the data folder: one sentence, the database untouched, nothing lost.

Runs on a 3 MB tmpfs where this machine lets the tests mount one (root, Linux); elsewhere it
skips and says why.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.models import repository
from app.models.database import DatabaseError, open_database
from app.models.saving import save_snapshot
from app.models.transfer import add_samples
from app.process.model import Step
from tests.models.helpers import table_counts


@pytest.fixture
def small_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "small"
    folder.mkdir()
    if not sys.platform.startswith("linux"):
        pytest.skip("a small disk is a Linux tmpfs here")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({mounted.stderr.decode().strip()[:80]})")
    monkeypatch.setenv("WALKTHROUGH_DATA_DIR", str(folder / "data"))
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path, *, room: int = 0) -> None:
    """Fill the disk to the last byte, then give back ``room`` bytes."""
    filler = folder / "filler"
    with contextlib.suppress(OSError), filler.open("wb") as handle:
        while True:
            handle.write(b"\0" * 4096)
            handle.flush()
    os.truncate(filler, max(0, filler.stat().st_size - room))


def test_a_full_disk_refuses_the_save_in_one_sentence_and_keeps_the_database(
    small_disk: Path,
) -> None:
    path = small_disk / "walkthrough.sqlite"
    database = open_database(path)
    add_samples(database)
    with database.session() as session:
        process_id = repository.list_processes(session)[0].id
        before, version = repository.load_versioned(session, process_id)
    _fill(small_disk)
    lane = before.lanes[0].id
    extra = tuple(Step(f"x{n}", lane, "A long step " * 200) for n in range(80))
    with pytest.raises(DatabaseError) as caught, database.session(writing=True) as session:
        save_snapshot(session, replace(before, steps=before.steps + extra), based_on=version)
    message = str(caught.value)
    assert "disk is full" in message
    assert "\n" not in message
    assert len(message) < 300
    with database.session() as session:
        assert repository.load_process(session, process_id) == before
    database.close()
    assert table_counts(path)["processes"] == 2


def test_a_full_disk_at_opening_skips_the_daily_backup_and_says_so(small_disk: Path) -> None:
    path = small_disk / "walkthrough.sqlite"
    database = open_database(path)
    add_samples(database)
    database.close()
    _fill(small_disk, room=64 * 1024)  # room to open, not to copy the database
    again = open_database(path)  # the daily backup cannot be written
    again.close()
    assert len(again.notices) == 1
    assert again.notices[0].startswith("Today's backup of walkthrough.sqlite could not be taken")
    assert table_counts(path)["processes"] == 2


def test_a_database_on_a_full_disk_is_refused_in_one_sentence_not_called_damaged(
    small_disk: Path,
) -> None:
    path = small_disk / "walkthrough.sqlite"
    database = open_database(path)
    add_samples(database)
    database.close()
    _fill(small_disk)
    with pytest.raises(DatabaseError, match="the disk may be full") as caught:
        open_database(path)
    assert not caught.value.damaged
    assert "\n" not in str(caught.value)
    (small_disk / "filler").unlink()  # space is back: everything is still there
    assert table_counts(path)["processes"] == 2
