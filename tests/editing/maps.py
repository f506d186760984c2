"""Small maps the editing tests start from."""

from __future__ import annotations

from app.process.model import Flow, Lane, Process, Step


def quote_map() -> Process:
    """start → write → check (decision: 8 ok → send, 2 back → write) → sent (end)."""
    lanes = (Lane("sales", "Sales"), Lane("boss", "Manager"), Lane("empty", "Legal"))
    steps = (
        Step("s1", "sales", "Quote asked", "start"),
        Step("s2", "sales", "Write quote", touch_minutes=30),
        Step("s3", "boss", "Check quote", "decision", touch_minutes=5),
        Step("s4", "sales", "Send quote"),
        Step("s5", "sales", "Quote sent", "end"),
    )
    flows = (
        Flow("s1", "s2"),
        Flow("s2", "s3"),
        Flow("s3", "s4", "ok", 0.8),
        Flow("s3", "s2", "fix", 0.2, extra={"rework": True}),
        Flow("s4", "s5"),
    )
    return Process("Issue a quote", id="p1", lanes=lanes, steps=steps, flows=flows)


def pairs(process: Process) -> list[tuple[str, str]]:
    """(source, target) of every flow, in order."""
    return [(flow.source, flow.target) for flow in process.flows]
