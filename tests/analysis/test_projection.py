"""Before → after per metric, with the direction deciding what counts as better."""

from __future__ import annotations

import pytest

from app.analysis.metrics import compute_metrics
from app.analysis.projection import compare_metrics, project
from tests.analysis.builder import sequential


def test_shorter_waits_improve_lead_time_and_pce() -> None:
    before = sequential([10, 10], [100, 100], rate=60)
    after = sequential([10, 10], [20, 0], rate=60)
    changes = {change.metric: change for change in project(before, after)}
    lead = changes["lead_time"]
    assert (lead.before, lead.after, lead.delta) == (220, 40, -180)
    assert lead.improved
    assert not changes["touch_time"].improved  # unchanged is not an improvement
    assert changes["touch_time"].delta == 0
    assert list(changes) == [
        "lead_time", "touch_time", "wait_time", "value_added_time", "pce",
        "handoffs", "approvals", "cost_per_run", "annual_cost", "first_pass_yield",
    ]  # fmt: skip


def test_lower_yield_is_worse() -> None:
    good = compute_metrics(sequential([1]))
    changes = {c.metric: c for c in compare_metrics(good, compute_metrics(sequential([1], [5])))}
    assert changes["wait_time"].delta == pytest.approx(5)
    assert not changes["wait_time"].improved
    reverse = {c.metric: c for c in compare_metrics(compute_metrics(sequential([1], [5])), good)}
    assert reverse["wait_time"].improved
