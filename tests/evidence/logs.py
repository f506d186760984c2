"""Event logs written for the tests: hand-made rows and logs generated from a map."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from pathlib import Path

from app.evidence.columns import ColumnChoice
from app.evidence.log import EventLog
from app.evidence.read import read_event_log

DAY0 = dt.datetime(2026, 1, 5, 9, 0)
# Two invoices against the sample "Approve supplier invoices": the second skips the approval.
INVOICE_LOG = """
Ticket;Step;When
1;Key invoice into ERP;2026-01-05 09:00
1;Approve invoice;2026-01-07 09:00
1;Post invoice;2026-01-07 10:00
2;Key invoice into ERP;2026-01-05 09:00
2;Post invoice;2026-01-06 10:00
"""


def write_csv(folder: Path, text: str, name: str = "log.csv") -> Path:
    """``text`` (its lines stripped of indentation) as a CSV file in ``folder``."""
    path = folder / name
    lines = [line.strip() for line in text.strip().splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_csv_text(folder: Path, text: str, columns: ColumnChoice | None = None) -> EventLog:
    return read_event_log(write_csv(folder, text), columns)


def case_rows(case: str, path: Sequence[str], waits: Sequence[float]) -> list[str]:
    """CSV rows of one case: each activity ``waits[i]`` minutes after the one before."""
    moment = DAY0
    rows = []
    for activity, wait in zip(path, waits, strict=True):
        moment += dt.timedelta(minutes=wait)
        rows.append(f"{case},{activity},{moment:%Y-%m-%d %H:%M}")
    return rows


def generated_log(folder: Path, paths: Sequence[tuple[Sequence[str], int]], seed: int = 7) -> Path:
    """A CSV with ``count`` cases of each path, waits drawn at random, rows shuffled."""
    rng = random.Random(seed)
    rows: list[str] = []
    number = 0
    for path, count in paths:
        for _ in range(count):
            number += 1
            waits = [rng.uniform(1, 600) for _ in path]
            rows += case_rows(f"C{number:04d}", path, waits)
    rng.shuffle(rows)
    return write_csv(folder, "\n".join(["case,activity,timestamp", *rows]))
