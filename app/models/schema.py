"""The schema revisions this Walkthrough knows, without importing Alembic.

Startup compares the database's revision with ``HEAD_REVISION`` and imports Alembic only
when they differ. A test checks this list against ``migrations/versions``.
"""

from __future__ import annotations

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_plan_control",
    "0003_process_version",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
