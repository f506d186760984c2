"""What differs between two snapshots of one process, in a few words a person can check."""

from __future__ import annotations

from app.process.bounds import quote
from app.process.model import DEFINE_TEXT_FIELDS, Process

MAX_LINES = 8
_HEAD_FIELDS = ("name", *DEFINE_TEXT_FIELDS, "runs_per_year", "hourly_rate", "currency")


def differences(theirs: Process, mine: Process) -> list[str]:
    """Lines such as “step 'Check invoice': renamed to 'Check'”, at most MAX_LINES."""
    lines = [
        f"{name.replace('_', ' ')}: {_short(getattr(theirs, name))} there, "
        f"{_short(getattr(mine, name))} here"
        for name in _HEAD_FIELDS
        if getattr(theirs, name) != getattr(mine, name)
    ]
    lines += _step_lines(theirs, mine)
    for label, attribute in (("flows", "flows"), ("goals", "goals"), ("actions", "actions")):
        if getattr(theirs, attribute) != getattr(mine, attribute):
            lines.append(f"the {label} differ")
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], f"and {len(lines) - MAX_LINES + 1} more differences"]
    return lines


def _step_lines(theirs: Process, mine: Process) -> list[str]:
    there = {step.id: step for step in theirs.steps}
    here = {step.id: step for step in mine.steps}
    lines = [f"step {quote(there[key].name)}: only there" for key in there if key not in here]
    lines += [f"step {quote(here[key].name)}: only here" for key in here if key not in there]
    for key in there.keys() & here.keys():
        if there[key] != here[key]:
            lines.append(f"step {quote(there[key].name)}: edited differently")
    return lines


def _short(value: object) -> str:
    return quote(value) if isinstance(value, str) else str(value)
