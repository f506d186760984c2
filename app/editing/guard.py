"""The problems an edit must not create unasked: a step cut off from the start, or a dead end."""

from __future__ import annotations

from app.analysis.validate import check_map
from app.analysis.wording import quoted_names
from app.editing.result import Refusal
from app.process.model import Process

GUARDED_CODES = frozenset({"unreachable", "dead_end"})
HARMS = (("unreachable", "unreachable from the start"), ("dead_end", "with no way out"))


def guarded_problems(process: Process) -> set[tuple[str, str]]:
    """(code, step id) of every unreachable step and dead end of the map."""
    return {
        (problem.code, step_id)
        for problem in check_map(process)
        if problem.code in GUARDED_CODES
        for step_id in problem.step_ids
    }


def guard(before: Process, after: Process, doing: str) -> Process | Refusal:
    """``after``, or a confirmable refusal naming the steps ``doing`` would cut off."""
    new = guarded_problems(after) - guarded_problems(before)
    if not new:
        return after
    names = {step.id: step.name for step in before.steps}
    harms = []
    for code, harm in HARMS:
        cut = quoted_names([names[step_id] for c, step_id in sorted(new) if c == code])
        if cut:
            harms.append(f"{cut} {harm}")
    return Refusal(f"{doing} would leave {' and '.join(harms)}.", confirmable=True)
