"""The window shows before anything slow loads: no database or PDF library at startup."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import opens_the_app


def test_the_window_module_loads_no_heavy_library() -> None:
    code = (
        "import sys, app.cli, app.ui.application\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sqlalchemy', 'alembic', 'reportlab', 'defusedxml'})\n"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


SHOWN = """
import os, sys
from app.ui import main_window
original = main_window.MainWindow.show
def show(self):
    original(self)
    print(" ".join(sorted(sys.modules)), flush=True)
    os._exit(0)
main_window.MainWindow.show = show
from app.cli import main
main(["--db", sys.argv[1]])
"""


def test_until_the_window_shows_no_command_engine_log_file_or_data_folder_loads(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WALKTHROUGH_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", SHOWN, str(tmp_path / "db.sqlite")],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    loaded = set(result.stdout.split())
    assert "app.ui.main_window" in loaded
    not_yet = {"app.simulation", "app.accounts", "app.evidence", "logging.handlers", "platformdirs"}
    assert loaded & not_yet == set()
    assert not (tmp_path / "walkthrough.log").exists(), "the log starts once the window shows"


@pytest.mark.parametrize(
    ("argv", "opens"),
    [
        ([], True),
        (["open"], True),
        (["--db", "x.sqlite"], True),
        (["--db=x.sqlite"], True),
        (["open", "--db", "x.sqlite"], True),
        (["--version"], False),
        (["--help"], False),
        (["list"], False),
        (["--db", "x.sqlite", "list"], False),
        (["simulate", "p"], False),
    ],
)
def test_only_plain_opening_skips_the_commands_parsers(argv: list[str], opens: bool) -> None:
    assert opens_the_app(argv) is opens


def test_the_faster_feature_check_answers_as_pyside_does() -> None:
    import shibokensupport.feature as feature  # type: ignore[import-not-found]

    import app.ui.main_window  # noqa: F401  (app.ui installs the faster check)

    faster = feature._mod_uses_pyside
    assert getattr(faster, "byte_search", False)
    modules = [m for m in list(sys.modules.values()) if getattr(m, "__file__", None)]
    original = inspect.getclosurevars(faster).nonlocals["original"]
    answers = {m.__name__: faster(m) for m in modules}
    assert answers == {m.__name__: original(m) for m in modules}
    assert answers["app.ui.main_window"] is True
    assert answers["json"] is False


@pytest.mark.parametrize(
    "argv", [[], ["open"], ["--db", "x.sqlite"], ["open", "--db", "x.sqlite"], ["--db=x.sqlite"]]
)
def test_every_plain_opening_reaches_the_app(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import cli

    opened: list[object] = []
    monkeypatch.setattr(cli, "command_open", lambda args: opened.append(args.db) or 0)
    assert cli.main(argv) == 0
    assert opened == ["x.sqlite" if argv[1:] or argv[:1] == ["--db=x.sqlite"] else None]
