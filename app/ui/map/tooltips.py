"""A step's details as tooltip text (HTML, every user string escaped)."""

from __future__ import annotations

from html import escape

from app.process.durations import format_duration
from app.process.model import Step

VALUE_NAMES = {
    None: "unclassified",
    "value-added": "value-added",
    "business-necessary": "business-necessary",
    "non-value-added": "non-value-added",
}


def step_tooltip(step: Step, lane_name: str, visits: float) -> str:
    """Name, lane, kind, times, value class, why, systems, pain points and visits."""
    rows = [
        ("Lane", lane_name),
        ("Kind", step.kind),
        ("Touch", format_duration(step.touch_minutes)),
        ("Wait before", format_duration(step.wait_minutes)),
        ("Value", VALUE_NAMES.get(step.value, str(step.value))),
        ("Visits per run", f"{visits:.2f}".rstrip("0").rstrip(".")),
    ]
    optional = [
        ("Why", step.why),
        ("Systems", ", ".join(step.systems)),
        ("Pain points", step.pain_points),
        ("Habit", "yes, done out of habit" if step.habit else ""),
        ("Re-keyed data", "yes" if step.rekeys_data else ""),
    ]
    rows += [(label, text) for label, text in optional if text]
    body = "".join(
        f"<tr><td><i>{label}</i></td><td>{escape(text)}</td></tr>" for label, text in rows
    )
    name = escape(step.name) or "<i>(no name)</i>"
    return f"<p style='max-width:28em'><b>{name}</b></p><table>{body}</table>"
