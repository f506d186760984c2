"""``make soak``: random SIGKILLs during edits, imports, exports, backups and updates.

Reports committed edits lost and databases that do not open (both must be 0), export or
backup files left partial at their names and workers that crashed instead (also 0).
``SOAK_ROUNDS`` and ``SOAK_SEED`` set the number of kills and the seed. Exit 1 when the
budget is exceeded.
"""

from __future__ import annotations

import logging
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ACTIVITIES = ("edits", "imports", "exports", "backups", "upgrades")
FIXTURE = Path(__file__).parents[2] / "tests" / "models" / "fixtures" / "schema-0001.sqlite"
COLUMNS = ("kills", "finished", "crashed", "committed", "lost", "unopenable", "partial")


def main() -> int:
    logging.basicConfig(level=logging.ERROR)  # the repairs it provokes are logged as warnings
    rounds = int(os.environ.get("SOAK_ROUNDS", "60"))
    rng = random.Random(int(os.environ.get("SOAK_SEED", "15")))
    folder = Path(tempfile.mkdtemp(prefix="walkthrough-soak-"))
    os.environ["WALKTHROUGH_DATA_DIR"] = str(folder / "data")
    _seed_database(folder)
    tally: dict[str, Counter[str]] = {activity: Counter() for activity in ACTIVITIES}
    started = time.monotonic()
    lost_before = 0
    for number in range(rounds):
        activity = rng.choice(ACTIVITIES)
        tally[activity][_kill_during(activity, folder, rng)] += 1
        journal = folder / "journal"
        if journal.exists():
            tally[activity]["committed"] += len(journal.read_text("utf-8").splitlines())
            journal.rename(folder / f"journal-{number:05}")
        found = _check(activity, folder)
        found["lost"], lost_before = found["lost"] - lost_before, found["lost"]
        tally[activity] += found
    print(_table(tally, rounds, time.monotonic() - started))
    shutil.rmtree(folder, ignore_errors=True)
    failed = sum(
        row["crashed"] + row["lost"] + row["unopenable"] + row["partial"] for row in tally.values()
    )
    return 1 if failed else 0


def _seed_database(folder: Path) -> None:
    from app.models.database import open_database
    from app.models.transfer import add_samples

    database = open_database(folder / "soak.sqlite")
    add_samples(database)
    database.close()


def _kill_during(activity: str, folder: Path, rng: random.Random) -> str:
    """Start a worker, wait until it works, kill it at a random moment: 'kills' or 'crashed'."""
    if activity == "upgrades":
        legacy = folder / "legacy.sqlite"
        for leftover in folder.glob("legacy.sqlite*"):
            leftover.unlink()
        shutil.copyfile(FIXTURE, legacy)
    worker = subprocess.Popen(
        [sys.executable, "-m", "bench.soak.worker", activity, str(folder)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert worker.stdout is not None
    worker.stdout.readline()  # "ready"
    time.sleep(rng.uniform(0.0, 0.25 if activity == "upgrades" else 0.8))
    worker.kill()
    code = worker.wait()
    return {-9: "kills", 0: "finished"}.get(code, "crashed")  # an update may finish first


def _check(activity: str, folder: Path) -> Counter[str]:
    from bench.soak import checks

    found: Counter[str] = Counter()
    if activity == "upgrades":
        found["unopenable"] += 0 if checks.legacy_intact(folder / "legacy.sqlite") else 1
        return found
    journals = sorted(folder.glob("journal-*"))
    opens, lost = checks.database_holds(folder / "soak.sqlite", journals)
    found["unopenable"] += 0 if opens else 1
    found["lost"] = lost  # all missing so far: the caller keeps the new ones
    found["partial"] += checks.partial_exports(folder)
    found["partial"] += checks.bad_backups(folder / "soak.sqlite")
    return found


def _table(tally: dict[str, Counter[str]], rounds: int, seconds: float) -> str:
    lines = [f"Fault budget: {rounds} random SIGKILLs in {seconds:.0f} s", ""]
    lines.append(f"{'during':<10}" + "".join(f"{name:>11}" for name in COLUMNS))
    for activity, row in tally.items():
        lines.append(f"{activity:<10}" + "".join(f"{row[name]:>11}" for name in COLUMNS))
    total = sum(row["lost"] for row in tally.values())
    broken = sum(row["unopenable"] for row in tally.values())
    lines += [
        "",
        f"committed edits lost: {total} (budget 0); databases that do not open: "
        f"{broken} (budget 0)",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
