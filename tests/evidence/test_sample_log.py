"""The worked example's event log and what the example keeps of it are the generator's."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.sample_log import SAMPLE, SAMPLE_LOG, keep_in_sample, write_sample_log


def test_the_shipped_log_is_the_one_the_generator_writes(tmp_path: Path) -> None:
    written = tmp_path / "log.csv"
    assert write_sample_log(written) == 2123
    assert written.read_bytes() == SAMPLE_LOG.read_bytes()


def test_the_example_keeps_what_its_log_recorded(tmp_path: Path) -> None:
    copy = tmp_path / SAMPLE.name
    shutil.copyfile(SAMPLE, copy)
    keep_in_sample(SAMPLE_LOG, copy)
    assert copy.read_text(encoding="utf-8") == SAMPLE.read_text(encoding="utf-8")
