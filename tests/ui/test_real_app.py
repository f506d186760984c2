"""The real application under Xvfb, driven with real key and mouse events (xdotool), with a CPU
hog beside it: insert a step on a flow, connect a send-back, delete a step; the result is read
back through ``walkthrough export``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.process.file import write_process_file
from tests.editing.maps import quote_map

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
MISSING = [tool for tool in ("xvfb-run", "xdotool", "import") if shutil.which(tool) is None]


def walkthrough(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return done.stdout


@pytest.mark.skipif(bool(MISSING), reason=f"needs {', '.join(MISSING)} to drive the real app")
def test_editing_the_map_with_real_keys_and_mouse(tmp_path: Path) -> None:
    database = str(tmp_path / "real.sqlite")
    source = tmp_path / "quote.walkthrough.json"
    write_process_file(quote_map(), source)
    walkthrough("--db", database, "import", str(source))
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        subprocess.run(
            [
                "xvfb-run",
                "-a",
                "-s",
                "-screen 0 1366x768x24",
                sys.executable,
                str(ROOT / "tests" / "ui" / "xdriver.py"),
                database,
                str(tmp_path),
            ],
            cwd=ROOT,
            check=True,
            timeout=300,
        )
    finally:
        hog.kill()
        hog.wait()
    out = tmp_path / "out.walkthrough.json"
    walkthrough("--db", database, "export", "Issue a quote", "--to", str(out))
    saved = json.loads(out.read_text(encoding="utf-8"))
    names = {step["id"]: step["name"] for step in saved["steps"]}
    ids = {name: step_id for step_id, name in names.items()}
    flows = {(names[f["from"]], names[f["to"]]): f for f in saved["flows"]}
    assert "Send quote" not in ids  # deleted, its way through kept
    assert ("Check quote", "Quote sent") in flows
    assert ("Write quote", "Proofread quote") in flows  # inserted on the flow
    assert ("Proofread quote", "Check quote") in flows
    assert ("Write quote", "Check quote") not in flows
    assert flows[("Proofread quote", "Write quote")].get("rework") is True  # the send-back
    assert len(saved["steps"]) == 5
