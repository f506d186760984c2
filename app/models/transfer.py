"""Moving processes between files and the database as whole transactions."""

from __future__ import annotations

from dataclasses import replace
from importlib.resources import files

from app.models import repository
from app.models.database import Database
from app.process.file import loads_process
from app.process.model import Process


def add_process(database: Database, process: Process) -> str:
    """Add a snapshot as a new process (a fresh id) in one transaction."""
    with database.session(writing=True) as session:
        return repository.insert_process(session, replace(process, id=""))


def sample_processes() -> list[Process]:
    """The built-in example processes shipped in resources/samples."""
    folder = files("app.resources.samples")
    names = sorted(item.name for item in folder.iterdir() if item.name.endswith(".json"))
    return [loads_process(folder.joinpath(name).read_bytes(), source=name) for name in names]


def add_samples(database: Database) -> list[tuple[str, str | None]]:
    """Add every sample not yet in the database by name: (name, new id or None if present)."""
    added: list[tuple[str, str | None]] = []
    with database.session(writing=True) as session:
        present = {summary.name for summary in repository.list_processes(session)}
        for process in sample_processes():
            if process.name in present:
                added.append((process.name, None))
                continue
            added.append((process.name, repository.insert_process(session, process)))
    return added
