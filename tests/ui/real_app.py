"""The real application in its own process on a virtual X screen, driven by real key events.

pytest-qt calls widgets directly and never types the way a person does; this drives the app
the way xdotool (and so a person) does: X key events, at full speed, through the window
system, with the cursor wherever the app put it. Tests using it skip, saying why, when Xvfb
or xdotool is missing.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

TOOLS = ("Xvfb", "xdotool")
WINDOW_TIMEOUT_S = 60.0
EXIT_TIMEOUT_S = 60.0


def missing_tools() -> str:
    """Why a real-window test cannot run here ("" when it can)."""
    absent = [tool for tool in TOOLS if shutil.which(tool) is None]
    return f"needs {' and '.join(absent)} (apt-get install xvfb xdotool)" if absent else ""


@contextmanager
def virtual_screen(size: str = "1366x768") -> Iterator[str]:
    """An Xvfb screen of ``size`` on a free display number; yields its DISPLAY value.

    A random number far from the usual :0–:99 keeps clear of other virtual screens
    (``xvfb-run -a`` and friends) that may start and stop beside it.
    """
    number = next(n for n in random.sample(range(200, 900), 700) if not _display_taken(n))
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", f"{size}x24", "-nolisten", "tcp", "-noreset"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while not _display_taken(number):
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Xvfb did not start on :{number}")
            time.sleep(0.05)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _display_taken(number: int) -> bool:
    return Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists()


@contextmanager
def cpu_hog() -> Iterator[None]:
    """Keep one core busy, as a laptop running other things would be."""
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        yield
    finally:
        hog.kill()
        hog.wait()


class RealApp:
    """The app started as ``python -m app`` on ``database`` and shown on ``display``."""

    def __init__(self, display: str, database: Path, data_dir: Path) -> None:
        self.display = display
        self.database = database
        self.env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "WALKTHROUGH_DATA_DIR": str(data_dir),
            "LANG": "en_GB.UTF-8",
            "LC_ALL": "",
            "LC_TIME": "",
            "LC_MONETARY": "",
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.window = ""
        self.log = data_dir / "app-output.txt"

    def start(self) -> None:
        command = [sys.executable, "-m", "app", "--db", str(self.database)]
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        self.window = self._wait_for_window()
        self.xdotool("windowfocus", "--sync", self.window)

    def _wait_for_window(self) -> str:
        deadline = time.monotonic() + WINDOW_TIMEOUT_S
        while time.monotonic() < deadline:
            # the title names the database once it is open: the app is ready for keys. The
            # title is "process — walkthrough.sqlite — Walkthrough"; xdotool's --name reads the
            # legacy WM_NAME, which stops at the first dash, so the window is found by class.
            found = self.xdotool("search", "--onlyvisible", "--class", "Walkthrough", check=False)
            for window in found.split():
                name = self.xdotool("getwindowname", window, check=False)
                if self.database.name in name:
                    return window
            if self.process is not None and self.process.poll() is not None:
                pytest.fail(f"the app exited at start: {self.output()}")
            time.sleep(0.2)
        pytest.fail("the app's window did not appear")

    def xdotool(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, check=False
        )
        if check and result.returncode != 0:
            pytest.fail(f"xdotool {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout

    def perform(self, actions: Sequence[tuple[str, str]]) -> None:
        """Type and press as fast as X takes it (``--delay 0``)."""
        for kind, text in actions:
            if kind == "type":
                self.xdotool("type", "--delay", "0", "--", text)
            else:
                self.xdotool("key", "--delay", "0", text)

    def quit(self) -> None:
        """Ctrl+Q, queued behind every key typed: the app handles them all before it exits."""
        self.xdotool("key", "ctrl+q")
        assert self.process is not None
        try:
            self.process.wait(timeout=EXIT_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            pytest.fail(f"the app did not quit: {self.output()}")

    def output(self) -> str:
        """The end of what the app printed."""
        if not self.log.exists():
            return ""
        return self.log.read_text(encoding="utf-8", errors="replace")[-2000:]

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def cli(database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``walkthrough --db DATABASE ARGS…`` in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "app", "--db", str(database), *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
