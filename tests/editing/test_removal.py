"""Deleting steps keeps the way through, with the shares carried over."""

from __future__ import annotations

import pytest

from app.analysis.metrics import compute_metrics
from app.analysis.validate import check_map
from app.editing import Refusal
from app.editing.removal import delete_step, delete_steps
from app.process.model import Action, Process
from tests.editing.maps import pairs, quote_map


def done(result: Process | Refusal) -> Process:
    assert isinstance(result, Process), result
    return result


def test_a_step_in_a_line_is_bridged() -> None:
    after = done(delete_step(quote_map(), "s4"))
    assert ("s3", "s5") in pairs(after)
    bridged = next(f for f in after.flows if (f.source, f.target) == ("s3", "s5"))
    assert (bridged.label, bridged.probability) == ("ok", 0.8)
    assert check_map(after) == ()


def test_a_decision_passes_its_shares_on() -> None:
    after = done(delete_step(quote_map(), "s3"))
    # s2 → s3 (all of it) becomes s2 → s4 (8 in 10); the send-back s3 → s2 would loop on s2.
    assert pairs(after) == [("s1", "s2"), ("s2", "s4"), ("s4", "s5")]
    assert after.flows[1].probability == pytest.approx(0.8)


def test_the_loop_target_deleted_keeps_the_mark_on_the_bridge() -> None:
    after = done(delete_step(quote_map(), "s2"))
    assert sorted(pairs(after)) == [("s1", "s3"), ("s3", "s4"), ("s4", "s5")]
    metrics = compute_metrics(after)
    assert metrics.computable


def test_parallel_bridges_add_their_shares() -> None:
    proc = quote_map()
    proc = done(delete_step(done(delete_step(proc, "s4")), "s2"))
    assert pairs(proc) == [("s1", "s3"), ("s3", "s5")]


def test_the_only_start_is_refused_and_actions_forget_deleted_steps() -> None:
    refusal = delete_step(quote_map(), "s1")
    assert isinstance(refusal, Refusal)
    assert "start" in refusal.reason
    proc = quote_map()
    proc = Process(
        proc.name,
        lanes=proc.lanes,
        steps=proc.steps,
        flows=proc.flows,
        actions=(Action("a1", "eliminate", "Stop checking", steps=("s3", "s4")),),
    )
    assert done(delete_step(proc, "s3")).actions[0].steps == ("s4",)


def test_several_steps_at_once() -> None:
    after = done(delete_steps(quote_map(), ["s3", "s4"]))
    assert [s.id for s in after.steps] == ["s1", "s2", "s5"]
    assert check_map(after) == ()
    assert isinstance(delete_steps(quote_map(), ["s4", "s1"]), Refusal)


def test_deleting_an_end_asks_first() -> None:
    refusal = delete_step(quote_map(), "s5")
    assert refusal == Refusal(
        "Deleting 'Quote sent' would leave 'Send quote' with no way out.", confirmable=True
    )
    assert [s.id for s in done(delete_step(quote_map(), "s5", confirmed=True)).steps][-1] == "s4"


def test_flows_keep_their_index_where_they_can() -> None:
    # Deleting s3 frees two slots; the last flow fills one, so s4 → s5 keeps being drawn by
    # the same item, and every step's ways out stay in their order.
    after = done(delete_step(quote_map(), "s4"))
    assert pairs(after) == [("s1", "s2"), ("s2", "s3"), ("s3", "s5"), ("s3", "s2")]
    assert after.flows[3] == quote_map().flows[3]
