"""One save in the open window at 9, 60 and 300 steps: the database write alone, then the
whole save as the user waits for it (the write, the tab in view redrawn, the process list
refreshed), against the write measured in the same run. Hidden tabs catch up only when they
come into view, so the whole save grows with the map in view, not with the twelve tabs."""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING

from bench.core import Report, median_ms
from bench.generate import looped_process

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

SIZES = (9, 60, 300)


def run(report: Report) -> None:
    """Add the save rows; Qt runs on its offscreen platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.models.database import open_database
    from app.ui.application import create_application
    from app.ui.main_window import MainWindow

    create_application()
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow()
        window.store.set_database(open_database(Path(folder) / "bench.sqlite"))
        window.resize(1366, 768)
        window.show()
        for size in SIZES:
            _rows(report, window, size)
        window.close()
        window.store.set_database(None)


def _rows(report: Report, window: MainWindow, size: int) -> None:
    store = window.store
    [process_id] = store.add_processes([looped_process(size, max(1, size // 20))], "Add")
    window.process_list.select(process_id)
    page = window.process_page
    page.tabs.setCurrentWidget(page.map_page)
    owners = count()

    def write() -> None:
        store.write_snapshot(replace(store.load(process_id), owner=f"w{next(owners)}"))

    def save() -> None:
        store.apply(replace(store.load(process_id), owner=f"s{next(owners)}"), "Edit owner")

    write_row = f"save ({size} steps): the database write alone"
    report.add(write_row, median_ms(write, repeat=9))
    report.add(f"save ({size} steps): in the window, Map in view", median_ms(save, repeat=9))
    report.add_ratio(
        f"save ({size} steps): in the window, Map in view", write_row, note="hidden tabs wait"
    )
