"""The one error an event log raises: a sentence that names what is wrong and where."""

from __future__ import annotations


class EventLogError(ValueError):
    """A log that cannot be read as a whole; nothing of it is kept."""


class ImportCancelledError(Exception):
    """The person pressed Cancel while the log was being read."""
