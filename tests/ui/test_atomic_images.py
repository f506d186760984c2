"""Map pictures go through the same atomic helper: a failure leaves the old picture."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.models.transfer import sample_processes
from app.process import atomic
from app.ui.image_export import ImageExportError, export_map_image


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_a_failed_picture_leaves_the_old_one(
    qtbot: QtBot, tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / f"map{suffix}"
    target.write_bytes(b"old picture")

    def full_disk(_path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "sync_file", full_disk)
    with pytest.raises(ImageExportError, match=f"Cannot write {target}: No space left"):
        export_map_image(sample_processes()[0], target)
    assert target.read_bytes() == b"old picture"
    assert [path.name for path in tmp_path.iterdir()] == [target.name]
