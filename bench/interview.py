"""Keystrokes of the scripted 9-step interview against issue 11's aim.

The aim: no more keys than the characters of the answers plus two per field. The count is of
the very script the real-application test types (bench/interview_script.py).
"""

from __future__ import annotations

from bench.core import Report
from bench.interview_script import interview_actions, keystrokes


def run(report: Report) -> None:
    """Add the keystroke row to ``report`` (a count, not a time)."""
    keys, characters, fields = keystrokes(interview_actions())
    allowed = characters + 2 * fields
    report.add_count(
        "interview keystrokes, 9 steps",
        keys,
        unit="keys",
        note=(
            f"{characters} answer characters + 2 × {fields} fields = {allowed} allowed "
            f"({keys - characters} keys beyond the answers)"
        ),
    )
