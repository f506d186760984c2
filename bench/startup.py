"""Time to window: the app against a bare PySide6 window, both measured in this run.

Each run is a fresh Python process, timed from its launch until it reports that its window
has been shown and the event loop has turned once (it also reports its peak memory); the
median over several runs is reported. With a display (``xvfb-run -a make bench``) both
windows open on it, as a user's would; without one, on Qt's offscreen platform.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.core import Report

REPORT_WHEN_SHOWN = """
import resource
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

def report_when_shown(window_class):
    original = window_class.show
    def show(self):
        original(self)
        def done():
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{peak:.1f}", flush=True)
            QApplication.quit()
        QTimer.singleShot(0, done)
    window_class.show = show
"""

BARE = (
    REPORT_WHEN_SHOWN
    + """
from PySide6.QtWidgets import QMainWindow
report_when_shown(QMainWindow)
app = QApplication([])
window = QMainWindow()
window.setWindowTitle("bare")
window.show()
app.exec()
"""
)

APP = (
    REPORT_WHEN_SHOWN
    + """
import sys
from app.ui import main_window
report_when_shown(main_window.MainWindow)
from app.cli import main
main(["--db", sys.argv[1]])
"""
)


def _run(script: str, database: Path) -> tuple[float, float]:
    """Milliseconds from launch to window, and peak memory in MB, of one fresh process."""
    env = {**os.environ}
    if not os.environ.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    # A user's runs find the bytecode compiled by the previous one (or by the installer);
    # with PYTHONDONTWRITEBYTECODE set every run would compile the app's sources again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-c", script, str(database)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    ) as process:
        assert process.stdout is not None
        line = process.stdout.readline()
        elapsed_ms = (time.perf_counter() - start) * 1000
        process.wait()
    if not line.strip():
        raise RuntimeError("the window never showed")
    return elapsed_ms, float(line)


def _median_of(script: str, database: Path, repeat: int) -> tuple[float, float]:
    runs = [_run(script, database) for _ in range(repeat)]
    return statistics.median(run[0] for run in runs), max(run[1] for run in runs)


def run(report: Report, *, repeat: int = 7) -> None:
    """Add the time-to-window rows and their ratio, and peak memory."""
    with tempfile.TemporaryDirectory() as folder:
        os.environ["WALKTHROUGH_DATA_DIR"] = folder
        database = Path(folder) / "bench.sqlite"
        _run(APP, database)  # create and migrate once; startup is measured on an existing db
        bare_ms, bare_mb = _median_of(BARE, database, repeat)
        app_ms, app_mb = _median_of(APP, database, repeat)
    report.add("window: bare PySide6", bare_ms, note=f"peak {bare_mb:.0f} MB")
    report.add("window: Walkthrough", app_ms, note=f"peak {app_mb:.0f} MB")
    shown_on = "display" if os.environ.get("DISPLAY") else "offscreen"
    report.add_ratio(
        "window: Walkthrough", "window: bare PySide6", note=f"goal: < 1.5 ({shown_on})"
    )
