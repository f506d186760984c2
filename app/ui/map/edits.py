"""The map's edits as snapshot functions: a new ``Process`` out, nothing saved here (Qt-free)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from app.process.model import Process


def with_step_changes(process: Process, step_id: str, changes: dict[str, Any]) -> Process:
    """``process`` with one step's fields changed."""
    steps = tuple(
        replace(step, **changes) if step.id == step_id else step for step in process.steps
    )
    return replace(process, steps=steps)


def with_lane_moved(process: Process, lane_id: str, offset: int) -> Process:
    """``process`` with a lane moved ``offset`` places up (−) or down (+), clamped to the ends."""
    lanes = list(process.lanes)
    index = next((i for i, lane in enumerate(lanes) if lane.id == lane_id), None)
    if index is None:
        return process
    target = min(max(index + offset, 0), len(lanes) - 1)
    lanes.insert(target, lanes.pop(index))
    return replace(process, lanes=tuple(lanes))


def split_systems(text: str) -> tuple[str, ...]:
    """“ERP, Outlook ,, Excel” → ("ERP", "Outlook", "Excel")."""
    return tuple(part.strip() for part in text.split(",") if part.strip())
