"""One soak worker: does one kind of work in a loop until it is killed.

It prints ``ready`` once its imports are done, so the soak can aim its kill at the work and
not at Python starting. Every edit or import it reports in the journal was committed first.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import replace
from pathlib import Path

from app.export.formats import export_process
from app.models import backup, repository
from app.models.database import ChangedElsewhereError, open_database
from app.models.saving import save_snapshot
from app.models.transfer import add_process, sample_processes
from app.process.model import Step

FIXTURE = Path(__file__).parents[2] / "tests" / "models" / "fixtures" / "schema-0001.sqlite"


def journal(path: Path, line: str) -> None:
    """Record a committed edit durably, after the commit returned."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def edits(folder: Path) -> None:
    database = open_database(folder / "soak.sqlite")
    print("ready", flush=True)
    with database.session() as session:
        process_id = repository.list_processes(session)[0].id
    for number in range(10**9):
        step_id = f"e{os.getpid()}-{number}"
        with database.session() as session:
            process, version = repository.load_versioned(session, process_id)
        lane = process.lanes[0].id
        edited = replace(process, steps=(*process.steps, Step(step_id, lane, "Soak edit")))
        try:
            with database.session(writing=True) as session:
                save_snapshot(session, edited, based_on=version)
        except ChangedElsewhereError:
            continue
        journal(folder / "journal", f"step {step_id}")


def imports(folder: Path) -> None:
    database = open_database(folder / "soak.sqlite")
    sample = sample_processes()[0]
    print("ready", flush=True)
    for number in range(10**9):
        name = f"Import {os.getpid()}-{number}"
        add_process(database, replace(sample, name=name))
        journal(folder / "journal", f"process {name}")


def exports(folder: Path) -> None:
    process = sample_processes()[1]
    print("ready", flush=True)
    while True:
        for suffix in (".walkthrough.json", ".csv", ".bpmn", ".pdf"):
            export_process(process, folder / f"export{suffix}")


def backups(folder: Path) -> None:
    open_database(folder / "soak.sqlite").close()
    print("ready", flush=True)
    while True:
        backup.take_backup(folder / "soak.sqlite", "manual")


def upgrades(folder: Path) -> None:
    legacy = folder / "legacy.sqlite"
    if not legacy.exists():
        shutil.copyfile(FIXTURE, legacy)
    print("ready", flush=True)
    open_database(legacy).close()
    print("upgraded", flush=True)


WORK = {"edits": edits, "imports": imports, "exports": exports, "backups": backups}
WORK["upgrades"] = upgrades

if __name__ == "__main__":
    WORK[sys.argv[1]](Path(sys.argv[2]))
