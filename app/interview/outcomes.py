"""Checking the outcomes of a step as typed: who may branch, shares out of 10, known targets."""

from __future__ import annotations

from collections.abc import Sequence

from app.interview.drafts import END, LATER, NEXT, Outcome
from app.process.model import BRANCHING_KINDS, Process

SHARE_TOTAL = 10.0
TOLERANCE = 1e-6


def outcome_problem(process: Process, kind: str, name: str, outcomes: Sequence[Outcome]) -> str:
    """One sentence on what is wrong with ``outcomes``, or ``""`` when they can be wired."""
    if not outcomes:
        return ""
    if kind == "end":
        return f"'{name}' is an end: it has no way out, so it takes no outcomes."
    if len(outcomes) > 1 and kind not in BRANCHING_KINDS:
        return (
            f"Only a decision or an approval can go several ways: make '{name}' a decision, "
            "or keep one outcome."
        )
    return _target_problem(process, outcomes) or share_problem(outcomes)


def _target_problem(process: Process, outcomes: Sequence[Outcome]) -> str:
    known = process.step_by_id()
    for index, outcome in enumerate(outcomes):
        target = outcome.goes_to.strip()
        if target not in (NEXT, LATER, END) and target not in known:
            return f"Outcome {_label(outcome, index)} goes to '{target}', which is not a step."
    return ""


def share_problem(outcomes: Sequence[Outcome]) -> str:
    """Why the shares out of 10 cannot be right, or ``""``; blank shares share the rest."""
    if len(outcomes) < 2:
        return ""
    for index, outcome in enumerate(outcomes):
        if outcome.share is not None and not 0 <= outcome.share <= SHARE_TOTAL:
            return f"Outcome {_label(outcome, index)}: out of 10 takes a number from 0 to 10."
    given = [o.share for o in outcomes if o.share is not None]
    total = sum(given)
    listing = ", ".join(
        f"{_label(o, i)} {_number(o.share)}" for i, o in enumerate(outcomes) if o.share is not None
    )
    if len(given) == len(outcomes) and abs(total - SHARE_TOTAL) > TOLERANCE:
        return (
            f"The outcomes add up to {_number(total)} out of 10 ({listing}): out of 10 cases, "
            "each one takes one path, so they must add up to 10."
        )
    if total > SHARE_TOTAL + TOLERANCE:
        return f"The outcomes given already add up to {_number(total)} out of 10 ({listing})."
    return ""


def probabilities(outcomes: Sequence[Outcome]) -> list[float | None]:
    """Each outcome's probability (share / 10); None for one outcome or a blank share."""
    if len(outcomes) < 2:
        return [None] * len(outcomes)
    return [None if o.share is None else o.share / SHARE_TOTAL for o in outcomes]


def _label(outcome: Outcome, index: int) -> str:
    return f"'{outcome.label.strip()}'" if outcome.label.strip() else f"{index + 1}"


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
