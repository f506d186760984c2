"""A finding: one place the process loses time, with its figures per run and per year."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Finding:
    """One place the process loses time; ``waste`` is one of the eight DOWNTIME wastes."""

    kind: str
    title: str
    step_ids: tuple[str, ...]
    waste: str
    minutes_per_run: float
    minutes_per_year: float
    cost_per_year: float
    detail: str
    wait_minutes_per_run: float = 0.0
    touch_minutes_per_run: float = 0.0
    work_minutes_per_year: float = 0.0
    cases_waiting: float = 0.0
    note_id: str = ""  # a noted finding's own id (app/analysis/noted.py)
    source: str = ""  # what a noted finding came from: "accounts", "evidence"

    @property
    def key(self) -> str:
        """A name that stays the same while the map does: ``wait:s9``, ``rework:s6,s5``;
        ``noted:<id>`` for a finding a person noted.

        Actions and root-cause notes refer to a finding by this key.
        """
        if self.note_id:
            return f"noted:{self.note_id}"
        return f"{self.kind}:{','.join(self.step_ids)}"
