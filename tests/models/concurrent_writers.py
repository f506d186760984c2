"""Two writers hammering one process: the probe of issue 15, as a reusable helper."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace

from app.models import repository
from app.models.database import ChangedElsewhereError, Database
from app.models.saving import save_snapshot
from app.process.model import Process, Step


@dataclass
class Tally:
    """What one writer saw: edits reported saved, clear refusals, anything else."""

    saved: list[str] = field(default_factory=list)
    refused: int = 0
    errors: list[str] = field(default_factory=list)


def add_step(process: Process, step_id: str) -> Process:
    """An edit whose survival can be checked afterwards: one new step."""
    step = Step(id=step_id, lane=process.lanes[0].id, name=f"Step {step_id}", touch_minutes=1)
    return replace(process, steps=(*process.steps, step))


def write(database: Database, process_id: str, tag: str, edits: int, tally: Tally) -> None:
    """Load, edit, save against the loaded version; a refusal means load again and retry."""
    attempts = 0
    while len(tally.saved) < edits and attempts < edits * 20:
        attempts += 1
        step_id = f"{tag}{len(tally.saved)}"
        try:
            with database.session() as session:
                process, version = repository.load_versioned(session, process_id)
            with database.session(writing=True) as session:
                save_snapshot(session, add_step(process, step_id), based_on=version)
        except ChangedElsewhereError:
            tally.refused += 1
            continue
        except Exception as error:  # anything but the clear refusal is what the test counts
            tally.errors.append(f"{type(error).__name__}: {error}")
            continue
        tally.saved.append(step_id)


def hammer(first: Database, second: Database, process_id: str, edits: int) -> list[Tally]:
    """Run two writers on two connections at once until each saved ``edits`` edits."""
    tallies = [Tally(), Tally()]
    threads = [
        threading.Thread(target=write, args=(database, process_id, tag, edits, tally))
        for database, tag, tally in zip((first, second), ("a", "b"), tallies, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tallies
