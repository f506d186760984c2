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
            usage = resource.getrusage(resource.RUSAGE_SELF)
            cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000
            print(f"{usage.ru_maxrss / 1024:.1f} {cpu_ms:.1f}", flush=True)
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


def _run(script: str, database: Path) -> tuple[float, float, float]:
    """Milliseconds from launch to window, peak memory in MB, and the CPU milliseconds spent
    until the window showed (steadier than the wall clock on a busy machine)."""
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
    peak_mb, cpu_ms = (float(value) for value in line.split())
    return elapsed_ms, peak_mb, cpu_ms


def _medians(runs: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Median wall time, highest peak memory, median CPU time."""
    wall, peak, cpu = zip(*runs, strict=True)
    return statistics.median(wall), max(peak), statistics.median(cpu)


def run(report: Report, *, repeat: int = 7) -> None:
    """Add the time-to-window rows and their ratio, and peak memory."""
    with tempfile.TemporaryDirectory() as folder:
        os.environ["WALKTHROUGH_DATA_DIR"] = folder
        database = Path(folder) / "bench.sqlite"
        _run(APP, database)  # create and migrate once; startup is measured on an existing db
        bare_runs, app_runs = [], []
        for _ in range(repeat):  # alternated, so a burst of load falls on both alike
            bare_runs.append(_run(BARE, database))
            app_runs.append(_run(APP, database))
    bare_ms, bare_mb, bare_cpu = _medians(bare_runs)
    app_ms, app_mb, app_cpu = _medians(app_runs)
    shown_on = "display" if os.environ.get("DISPLAY") else "offscreen"
    report.add("window: bare PySide6", bare_ms, note=f"peak {bare_mb:.0f} MB")
    report.add("window: Walkthrough", app_ms, note=f"peak {app_mb:.0f} MB")
    report.add_ratio(
        "window: Walkthrough", "window: bare PySide6", note=f"goal: < 1.5 ({shown_on})"
    )
    report.add("window CPU: bare PySide6", bare_cpu, note="CPU time until shown")
    report.add("window CPU: Walkthrough", app_cpu, note="CPU time until shown")
    report.add_ratio("window CPU: Walkthrough", "window CPU: bare PySide6", note="goal: < 1.5")
