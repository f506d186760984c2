"""User preferences (recent databases, window geometry) in an INI file in the data folder."""

from __future__ import annotations

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
