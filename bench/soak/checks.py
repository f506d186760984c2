"""After each kill: does the database open, is every committed edit there, is every file whole?"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from app.export.bpmn.read import read_bpmn
from app.models import backup, repository
from app.models.database import DatabaseError, open_database
from app.process.file import read_process_file

EXPECTED_LEGACY = {"Approve supplier invoices": 15, "Onboard a new client": 17}


def database_holds(path: Path, journals: list[Path]) -> tuple[bool, int]:
    """(opens, how many of the committed edits in the journals are missing)."""
    lines = [line for journal in journals for line in journal.read_text("utf-8").splitlines()]
    try:
        database = open_database(path)
    except DatabaseError:
        return False, len(lines)
    try:
        with database.session() as session:
            summaries = repository.list_processes(session)
            steps = {
                step.id
                for item in summaries
                for step in repository.load_process(session, item.id).steps
            }
    finally:
        database.close()
    names = {item.name for item in summaries}
    present = {f"process {name}" for name in names} | {f"step {step}" for step in steps}
    return True, sum(1 for line in lines if line not in present)


def legacy_intact(path: Path) -> bool:
    """The killed update left a database that opens, updated, with its data."""
    try:
        database = open_database(path)
    except DatabaseError:
        return False
    with database.session() as session:
        held = {item.name: item.step_count for item in repository.list_processes(session)}
    database.close()
    return held == EXPECTED_LEGACY


def partial_exports(folder: Path) -> int:
    """Export files at their names that are not whole."""
    return sum(1 for path in folder.glob("export.*") if not _whole(path))


def _whole(path: Path) -> bool:
    try:
        if path.name.endswith(".json"):
            read_process_file(path)
        elif path.suffix == ".bpmn":
            read_bpmn(path)
        elif path.suffix == ".csv":
            rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
            return len(rows) > 1 and path.read_bytes().endswith(b"\n")
        elif path.suffix == ".pdf":
            data = path.read_bytes()
            return data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    except ValueError:
        return False
    return True


def bad_backups(database_path: Path) -> int:
    """Backups at their names that fail their check."""
    bad = 0
    for item in backup.list_backups(database_path):
        try:
            backup.read_contents(item.path)
        except backup.BackupError:
            bad += 1
    return bad
