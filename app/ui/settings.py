"""User preferences (recent databases, window geometry) in an INI file in the data folder."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QSettings

from app.models import paths

MAX_RECENT = 8


def settings() -> QSettings:
    """The settings file; following the data folder keeps tests and portable use apart."""
    return QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def recent_databases() -> list[str]:
    value = settings().value("recent_databases", [])
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(item) for item in value]
    return []


def remember_database(label: str) -> None:
    """Put a database at the top of the recent list."""
    recent = [label] + [item for item in recent_databases() if item != label]
    settings().setValue("recent_databases", recent[:MAX_RECENT])


def last_process(database_label: str) -> str:
    """The process last shown for a database ('' when none)."""
    value = settings().value(f"last_process/{_key(database_label)}", "")
    return value if isinstance(value, str) else ""


def remember_process(database_label: str, process_id: str) -> None:
    settings().setValue(f"last_process/{_key(database_label)}", process_id)


def _key(label: str) -> str:
    """A settings key for a database: INI keys cannot hold slashes or colons."""
    return hashlib.sha256(label.encode()).hexdigest()[:16]


PAPER_CHOICES = ("", "A4", "Letter")  # "" follows the locale


def paper_size() -> str:
    """The paper the plan is printed on: "A4", "Letter", or "" to follow the locale."""
    value = settings().value("plan/paper", "")
    return value if value in PAPER_CHOICES else ""


def set_paper_size(value: str) -> None:
    settings().setValue("plan/paper", value if value in PAPER_CHOICES else "")


def interview_field(process_id: str) -> str:
    """Where the cursor was in a process's interview ("stage:field"), or ''."""
    value = settings().value(f"interview_field/{_key(process_id)}", "")
    return value if isinstance(value, str) else ""


def remember_interview_field(process_id: str, place: str) -> None:
    settings().setValue(f"interview_field/{_key(process_id)}", place)
