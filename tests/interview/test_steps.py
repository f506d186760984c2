"""Wiring a new step in: what waits for it, parked branches, and the step the user names."""

from __future__ import annotations

from app.interview import Outcome, StepDraft, add_step, start_interview


def test_when_nothing_waits_the_next_step_follows_the_step_named() -> None:
    from app.interview import needs_predecessor

    process = start_interview()
    process = add_step(process, StepDraft(name="Receive", lane="Mailroom")).process
    process = add_step(process, StepDraft(name="Check", lane="AP")).process
    looping = StepDraft(
        name="Decide",
        lane="AP",
        kind="decision",
        outcomes=(Outcome("Again", 5, "s1"), Outcome("Recheck", 5, "s2")),
    )
    process = add_step(process, looping).process
    assert needs_predecessor(process)
    result = add_step(process, StepDraft(name="File it", lane="AP", after="s2"))
    assert ("s2", result.step_id) in {(flow.source, flow.target) for flow in result.process.flows}
    assert not needs_predecessor(result.process)
