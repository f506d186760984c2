"""Shared helpers for the interview tests: the shipped bank and small hand-made maps."""

from __future__ import annotations

from collections.abc import Sequence

from app.interview import InterviewState, default_bank, with_state
from app.process.model import Flow, Lane, Process, Step

BANK = default_bank()


def make_process(
    steps: Sequence[Step], flows: Sequence[Flow] = (), state: InterviewState | None = None
) -> Process:
    """A process whose lanes are the ones its steps use, with interview progress stored."""
    lanes = tuple(Lane(lane, f"Lane {lane}") for lane in dict.fromkeys(s.lane for s in steps))
    process = Process(name="Hand-made", lanes=lanes, steps=tuple(steps), flows=tuple(flows))
    return with_state(process, state or InterviewState(stage="steps"))


def rule_ids(followups: Sequence[object]) -> set[str]:
    return {getattr(f, "rule_id") for f in followups}  # noqa: B009
