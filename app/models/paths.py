"""Where Walkthrough keeps its files: the platform data folder (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Walkthrough"
DATABASE_FILE = "walkthrough.sqlite"


def data_dir() -> Path:
    """The user's data folder; ``WALKTHROUGH_DATA_DIR`` overrides it (tests, portable use)."""
    override = os.environ.get("WALKTHROUGH_DATA_DIR")
    if override:
        return Path(override).expanduser().resolve()
    import platformdirs  # here: the window shows before anything needs the data folder

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    """The embedded default database."""
    return data_dir() / DATABASE_FILE


def log_path() -> Path:
    """The log file every run appends to."""
    return data_dir() / "walkthrough.log"


def backups_dir() -> Path:
    """Where automatic backups of SQLite databases are kept."""
    return data_dir() / "backups"
