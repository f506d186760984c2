"""Where steps sit in the step order (the file's order, which the layout reads left to right)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.process.model import Process, Step


def position_of(process: Process, step_id: str) -> int | None:
    """The index of a step in ``process.steps``, or None."""
    return next((i for i, step in enumerate(process.steps) if step.id == step_id), None)


def with_step_at(process: Process, step: Step, index: int) -> Process:
    """``process`` with ``step`` inserted at ``index`` of the step order."""
    steps = list(process.steps)
    steps.insert(index, step)
    return replace(process, steps=tuple(steps))


def move_in_order(process: Process, step_id: str, offset: int) -> Process:
    """``process`` with one step moved ``offset`` places earlier (−) or later (+), clamped."""
    index = position_of(process, step_id)
    if index is None:
        return process
    steps = list(process.steps)
    target = min(max(index + offset, 0), len(steps) - 1)
    steps.insert(target, steps.pop(index))
    return replace(process, steps=tuple(steps))


def step_ids(steps: Sequence[Step]) -> set[str]:
    """The ids of ``steps``."""
    return {step.id for step in steps}
