"""Logging to a file in the data folder, so a crash report can name where to look."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.models import paths

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(*, verbose: bool = False) -> Path:
    """Send log records to the rotating log file; return its path."""
    log_file = paths.log_path()
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for existing in root.handlers:
        if getattr(existing, "baseFilename", None) == str(log_file):
            return log_file
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return log_file
