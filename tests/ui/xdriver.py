"""Drives the real application with real X events (run inside xvfb-run; see test_real_app).

It opens the app on a database that holds one process, and with the keyboard and mouse: selects
the process, puts the focus on its map, inserts a step on the flow after 'Write quote', connects
a send-back from the new step to 'Write quote', and deletes 'Send quote'; then ends the app.
Screenshots of each stage go to the output folder for a person to look at.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

APP_START_SECONDS = 60


def xdo(*args: str) -> str:
    """Run one xdotool command; its output."""
    done = subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=60)
    return done.stdout.strip()


def key(*names: str) -> None:
    for name in names:
        xdo("key", "--clearmodifiers", name)
        time.sleep(0.8)  # a CPU hog runs beside the app: give each key time to land


def type_text(text: str) -> None:
    xdo("type", "--delay", "40", text)
    time.sleep(0.6)


def shot(folder: Path, name: str) -> None:
    subprocess.run(["import", "-window", "root", str(folder / f"{name}.png")], timeout=60)


def window_geometry(window: str) -> tuple[int, int, int, int]:
    """x, y, width, height of an X window."""
    values = dict(
        line.split("=", 1) for line in xdo("getwindowgeometry", "--shell", window).splitlines()
    )
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def click(x: int, y: int) -> None:
    xdo("mousemove", "--sync", str(x), str(y))
    xdo("click", "1")
    time.sleep(0.6)


def main(database: str, out: str) -> int:
    folder = Path(out)
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen([sys.executable, "-m", "app", "--db", database, "open"], env=env)
    try:
        # By class: the title ("process — database — Walkthrough") is in _NET_WM_NAME, and
        # xdotool's --name reads WM_NAME, which stops at the first dash. The lowest id is the
        # main window (a due-reviews dialog may follow it).
        window = xdo("search", "--sync", "--onlyvisible", "--class", "Walkthrough")
        window = min(window.split(), key=int)
        time.sleep(2.0)
        xdo("windowsize", "--sync", window, "1366", "768")
        xdo("windowmove", "--sync", window, "0", "0")
        time.sleep(1.0)
        drive(window, folder)
    finally:  # every edit is already saved: no need to quit politely
        if app.poll() is None:
            app.terminate()
            app.wait(timeout=30)
    return 0


def drive(window: str, folder: Path) -> None:
    """The person's part: keys and clicks."""
    x, y, width, height = window_geometry(window)
    shot(folder, "0-start")
    # The process list is the column on the left: its first row is the process.
    click(x + 60, y + 82)
    time.sleep(1.5)  # the process opens on its map
    shot(folder, "1-process")
    # The map fills the middle of the window: a click on its empty lower right gives it focus.
    click(x + int(width * 0.72), y + int(height * 0.80))
    key("Tab", "Tab")  # the start, then 'Write quote'
    shot(folder, "2-selected")
    key("Insert")  # on the flow 'Write quote' → 'Check quote'
    time.sleep(1.0)
    key("F2")
    time.sleep(0.5)
    type_text("Proofread quote")
    key("Return")
    shot(folder, "3-inserted")
    key("ctrl+l")
    xdo("search", "--sync", "--onlyvisible", "--name", "Connect to")
    time.sleep(0.5)
    type_text("Write")
    key("Tab", "space", "Return")  # leave the completer, tick "sends work back", OK
    shot(folder, "4-connected")
    key("Tab", "Tab")  # 'Check quote', then 'Send quote'
    key("Delete")
    time.sleep(1.0)
    shot(folder, "5-deleted")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
