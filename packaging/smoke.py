"""Smoke test of the built bundle, run as a user would: copied away, with no Python around.

    python packaging/smoke.py dist/walkthrough --old-db tests/models/fixtures/schema-0001.sqlite
        [--venv-python build/bundle-venv/bin/python] [--runs 5]

Copies the one-folder app to a temporary folder outside the checkout and runs it there with
no virtualenv on PATH: ``--version``; ``sample``; ``export`` of a sample as PDF (every font
embedded), BPMN and PNG; the window on a fresh data folder, and on a copy of a database of
an older, released schema, which it must migrate with the data intact. With
``--venv-python`` it also times the window of the bundle against the virtualenv app, side
by side. Standard library only; on Linux run it under ``xvfb-run``. Exits 0 when all pass.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import smoke_checks as checks
from smoke_run import App, window_ms

HERE = Path(__file__).parent
SAMPLE = "Approve supplier invoices"


def clean_environment(data: Path) -> dict[str, str]:
    """The environment of a user's session: no virtualenv, no PYTHONPATH, its own data folder."""
    env = {k: v for k, v in os.environ.items() if k not in checks.PYTHON_VARIABLES}
    folders = env.get("PATH", "").split(os.pathsep)
    env["PATH"] = os.pathsep.join(f for f in folders if not checks.in_virtualenv(Path(f)))
    env["WALKTHROUGH_DATA_DIR"] = str(data)
    return env


def copy_bundle(bundle: Path, place: Path) -> App:
    """The bundle copied to ``place`` (symbolic links kept), ready to run from there."""
    target = place / "walkthrough"
    shutil.copytree(bundle, target, symlinks=True)
    name = "walkthrough.exe" if os.name == "nt" else "walkthrough"
    return App([str(target / name)], place)


def check_commands(app: App, env: dict[str, str], out: Path) -> None:
    """--version, sample and the three exports, each checked as the file a user would open."""
    checks.contents(Path(app.command[0]).parent)
    print("smoke: bundle contents (migrations, fonts, NOTICE): ok")
    checks.expect("--version", app.run(["--version"], env).startswith("walkthrough "))
    database = str(out / "samples.sqlite")
    app.run(["--db", database, "sample"], env)
    checks.expect("sample", SAMPLE in app.run(["--db", database, "list"], env))
    for suffix, check in (("pdf", checks.pdf), ("bpmn", checks.bpmn), ("png", checks.png)):
        target = out / f"plan.{suffix}"
        app.run(["--db", database, "export", SAMPLE, "--to", str(target)], env)
        check(target)
        print(f"smoke: export {suffix.upper()}: ok ({target.stat().st_size} bytes)")


def check_windows(app: App, env: dict[str, str], old_db: Path, place: Path) -> Path:
    """The window on a fresh data folder, then on an older database it must migrate."""
    fresh = Path(env["WALKTHROUGH_DATA_DIR"]) / "walkthrough.sqlite"
    checks.expect("fresh data folder", not fresh.exists())
    window_ms(app, [], env)
    head = checks.revision(fresh)
    print(f"smoke: window on a fresh data folder: ok (schema {head})")
    older = place / "older.sqlite"
    shutil.copyfile(old_db, older)
    before = checks.revision(older), checks.process_names(older)
    window_ms(app, ["--db", str(older)], env)
    after = checks.revision(older), checks.process_names(older)
    checks.expect(f"migrated {before[0]} to {head}", before[0] != head and after[0] == head)
    checks.expect("migrated data intact", after[1] == before[1])
    print(f"smoke: window migrated {before[0]} -> {head}, {len(after[1])} processes intact: ok")
    return fresh


def compare_startup(frozen: App, venv: App, env: dict[str, str], database: Path, runs: int) -> None:
    """Time to window of both apps, in pairs run back to back so both meet the same load.

    The ratio is the median of the pairs' ratios, which a busy machine disturbs far less than
    it disturbs either median alone.
    """
    arguments = ["--db", str(database)]
    window_ms(frozen, arguments, env), window_ms(venv, arguments, env)  # warm the disk cache
    pairs = [
        (window_ms(frozen, arguments, env), window_ms(venv, arguments, env)) for _ in range(runs)
    ]
    for name, times in (("bundle", [p[0] for p in pairs]), ("virtualenv", [p[1] for p in pairs])):
        print(
            f"budget  time to window, {name:<27} median {_median(times):5.0f} ms, "
            f"fastest {min(times):5.0f} ms  ({runs} runs)"
        )
    ratio = _median([bundle / virtualenv for bundle, virtualenv in pairs])
    verdict = "ok" if ratio <= 1.0 else "slower than the virtualenv app"
    label = "time to window, bundle / virtualenv"
    print(f"budget  {label:<43} {ratio:5.2f}  (at most 1.00)  {verdict}")


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def main(argv: list[str] | None = None) -> int:
    if isinstance(sys.stdout, io.TextIOWrapper):  # a Windows console cannot print every name
        sys.stdout.reconfigure(errors="replace")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--old-db", type=Path, required=True)
    parser.add_argument("--venv-python", type=Path)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="walkthrough-smoke-") as folder:
        place = Path(folder)
        env = clean_environment(place / "data")
        app = copy_bundle(args.bundle.resolve(), place)
        check_commands(app, env, place)
        fresh = check_windows(app, env, args.old_db.resolve(), place)
        if args.venv_python:
            venv = App([str(args.venv_python.absolute()), str(HERE / "entry.py")], place)
            compare_startup(app, venv, env, fresh, args.runs)
    print(f"smoke: all passed in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (checks.SmokeError, sqlite3.Error) as failure:
        print(f"smoke: FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
