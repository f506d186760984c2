"""How large a log may be: kept in memory whole, so its size is bounded before reading."""

from __future__ import annotations

from pathlib import Path

from app.evidence.errors import EventLogError

MAX_LOG_BYTES = 200 * 1024 * 1024  # about 3 million events of a plain CSV


def check_size(path: Path, limit: int = MAX_LOG_BYTES) -> int:
    """The size of the file at ``path``; EventLogError when missing or larger than ``limit``."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise EventLogError(f"Cannot read {path.name} ({error.strerror}).") from error
    if size > limit:
        raise EventLogError(
            f"{path.name} is {size / 1024**2:,.0f} MB, more than the {limit / 1024**2:,.0f} MB "
            "a log may have here: keep only its case, activity and time columns, "
            "or a shorter date range."
        )
    return size
