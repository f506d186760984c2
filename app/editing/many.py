"""Edits of several selected steps at once, each one edit."""

from __future__ import annotations

from app.editing.guard import guard
from app.editing.result import Edited, Refusal
from app.editing.steps import change_kind
from app.process.model import Process, StepKind


def change_kinds(
    process: Process, step_ids: list[str], kind: StepKind, *, confirmed: bool = False
) -> Edited:
    """Several steps changed to ``kind``; refused (nothing changed) if any one is, or if that
    leaves a step leading nowhere, unless ``confirmed``."""
    result: Edited = process
    for step_id in step_ids:
        if isinstance(result, Refusal):
            return result
        result = change_kind(result, step_id, kind, confirmed=True)
    if isinstance(result, Refusal) or confirmed:
        return result
    return guard(process, result, f"Making {len(set(step_ids))} steps {kind}s")
