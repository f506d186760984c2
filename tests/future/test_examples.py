"""The built-in examples show the whole method: a newcomer sees every tab working."""

from __future__ import annotations

import datetime as dt

from app.analysis.findings import find_findings
from app.analysis.goals import check_goal
from app.analysis.metrics import compute_metrics
from app.analysis.reviews import due_reviews
from app.future import apply_actions
from app.interview import interview_state
from app.models.transfer import sample_processes
from app.process.model import Process

TODAY = dt.date.today()


def worked_example() -> Process:
    """The example that carries the plan and control (there must be one)."""
    return next(p for p in sample_processes() if p.future_state is not None)


def test_the_interview_is_finished() -> None:
    assert interview_state(worked_example()).stage == "done"


def test_root_causes_and_actions_name_real_findings_and_steps() -> None:
    process = worked_example()
    keys = {f.key for f in find_findings(process, compute_metrics(process))}
    assert process.root_causes
    assert {cause.finding for cause in process.root_causes} <= keys
    assert len({action.verb for action in process.actions}) >= 4
    steps = set(process.step_by_id())
    assert all(set(action.steps) <= steps for action in process.actions)


def test_the_future_state_is_the_actions_applied_and_shorter() -> None:
    process = worked_example()
    applied = apply_actions(process)
    assert all(effect.applied for effect in applied.effects)
    assert process.future_state == applied.future
    before, after = compute_metrics(process), compute_metrics(applied.future)
    assert after.lead_time_minutes < before.lead_time_minutes


def test_goals_are_smart_and_control_has_a_review_done_and_one_due() -> None:
    process = worked_example()
    assert len(process.goals) >= 2
    assert all(
        check_goal(goal, today=min(TODAY, dt.date(2027, 6, 1))) == () for goal in process.goals
    )
    control = process.control
    assert control.go_live is not None
    assert any(review.done for review in control.reviews)
    assert due_reviews(control, TODAY)
    before = [m for m in control.measurements if m.day < control.go_live]
    assert len(before) >= 5
    assert len(control.measurements) - len(before) >= 10
