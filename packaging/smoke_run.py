"""Running the app for the smoke test: commands, and the window with its probe."""

from __future__ import annotations

import queue
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from smoke_checks import SmokeError

COMMAND_TIMEOUT_S = 180
WINDOW_TIMEOUT_S = 120


@dataclass(frozen=True)
class App:
    """How to start one build of the app (the bundle, or the virtualenv's Python), and where."""

    command: list[str]
    cwd: Path

    def run(self, arguments: list[str], env: dict[str, str]) -> str:
        """Run a command to completion; its output, or a failure naming what went wrong."""
        done = subprocess.run(
            [*self.command, *arguments],
            cwd=self.cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            raise SmokeError(
                f"`walkthrough {' '.join(arguments)}` exited {done.returncode}: "
                f"{done.stderr.strip()[-2000:]}"
            )
        return done.stdout


def window_ms(app: App, arguments: list[str], env: dict[str, str]) -> float:
    """Open the window, wait until its database is open, quit; milliseconds until it showed."""
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as errors:
        return _window_ms(app, arguments, env, errors)


def _window_ms(app: App, arguments: list[str], env: dict[str, str], errors: IO[str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        [*app.command, *arguments],
        cwd=app.cwd,
        env={**env, "WALKTHROUGH_SMOKE_WINDOW": "1"},
        stdout=subprocess.PIPE,
        stderr=errors,  # a file, not a pipe: Qt's warnings can never fill it and stall the app
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_forward, args=(process, lines), daemon=True).start()
    shown_ms = None
    try:
        while True:
            line = lines.get(timeout=WINDOW_TIMEOUT_S)
            if line == "shown" and shown_ms is None:
                shown_ms = (time.perf_counter() - started) * 1000
            if line.startswith("opened") or line == "":
                break
        code = process.wait(timeout=WINDOW_TIMEOUT_S)
    except (queue.Empty, subprocess.TimeoutExpired):
        process.kill()
        raise SmokeError(
            f"the window ({' '.join(arguments) or 'no arguments'}) did not "
            f"open its database within {WINDOW_TIMEOUT_S} s"
        ) from None
    if code != 0 or shown_ms is None or not line.startswith("opened"):
        errors.seek(0)
        message = errors.read()[-2000:]
        raise SmokeError(f"the window exited {code} before opening its database: {message}")
    return shown_ms


def _forward(process: subprocess.Popen[str], lines: queue.Queue[str]) -> None:
    """Hand the app's output lines to the waiting thread; an empty line means it closed."""
    assert process.stdout is not None
    for line in process.stdout:
        lines.put(line.strip() or " ")
    lines.put("")
