"""Small tools for database tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def set_revision(path: Path, revision: str) -> None:
    """Pretend the database is at another schema revision."""
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()


def table_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        names = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        counts = {
            name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in names
        }
    connection.close()
    return counts
