"""Connecting, reconnecting, deleting and describing flows."""

from __future__ import annotations

import pytest

from app.analysis.chain import sends_work_back
from app.editing import Refusal
from app.editing.flows import (
    connect,
    delete_flow,
    mark_send_back,
    reconnect,
    set_label,
    set_out_of_ten,
)
from app.process.model import Process
from tests.editing.maps import pairs, quote_map


def done(result: Process | Refusal) -> Process:
    assert isinstance(result, Process), result
    return result


def test_connect_adds_a_flow_and_can_mark_it_as_a_send_back() -> None:
    after = done(connect(quote_map(), "s4", "s2", rework=True))
    assert pairs(after)[-1] == ("s4", "s2")
    assert sends_work_back(after.flows[-1])


@pytest.mark.parametrize(
    ("source", "target", "reason"),
    [
        ("s2", "s2", "'Write quote' cannot lead to itself."),
        ("s5", "s2", "'Quote sent' is an end: work stops there."),
        ("s2", "s1", "Nothing leads into the start 'Quote asked'."),
        ("s1", "s2", "'Quote asked' already leads to 'Write quote'."),
        ("s1", "nope", "Both steps must be on this map to connect them."),
    ],
)
def test_connections_that_make_no_sense_are_refused(source: str, target: str, reason: str) -> None:
    assert connect(quote_map(), source, target) == Refusal(reason)


def test_reconnect_either_end_keeps_label_and_share() -> None:
    after = done(reconnect(quote_map(), 3, target="s5"))
    flow = after.flows[3]
    assert (flow.source, flow.target, flow.label, flow.probability) == ("s3", "s5", "fix", 0.2)
    assert isinstance(reconnect(quote_map(), 3, target="s3"), Refusal)
    clash = reconnect(quote_map(), 2, target="s2")
    assert clash == Refusal("'Check quote' already leads to 'Write quote'.")
    assert reconnect(quote_map(), 4, source="s2") == Refusal(
        "Moving the flow from 'Send quote' to 'Quote sent' would leave 'Send quote' with no way "
        "out.",
        confirmable=True,
    )
    moved = done(reconnect(quote_map(), 4, source="s2", confirmed=True))
    assert pairs(moved)[4] == ("s2", "s5")


def test_deleting_a_needed_flow_is_refused_unless_confirmed() -> None:
    refusal = delete_flow(quote_map(), 4)
    assert refusal == Refusal(
        "Deleting the flow from 'Send quote' to 'Quote sent' would leave 'Quote sent' "
        "unreachable from the start and 'Send quote' with no way out.",
        confirmable=True,
    )
    confirmed = done(delete_flow(quote_map(), 4, confirmed=True))
    assert ("s4", "s5") not in pairs(confirmed)


def test_deleting_a_spare_flow_is_fine() -> None:
    after = done(delete_flow(quote_map(), 3))
    assert ("s3", "s2") not in pairs(after)


def test_labels_shares_and_marks() -> None:
    after = done(set_label(quote_map(), 2, "  approved "))
    assert after.flows[2].label == "approved"
    after = done(set_out_of_ten(after, 2, 7))
    assert after.flows[2].probability == pytest.approx(0.7)
    assert done(set_out_of_ten(after, 2, None)).flows[2].probability is None
    assert set_out_of_ten(after, 2, 11) == Refusal(
        "How many out of 10 must be from 0 to 10, not 11."
    )
    unmarked = done(mark_send_back(after, 3, False))
    assert not sends_work_back(unmarked.flows[3])
    assert sends_work_back(done(mark_send_back(unmarked, 3, True)).flows[3])
    assert set_label(quote_map(), 9, "x") == Refusal("That flow is no longer on the map.")


def test_share_equally_forgets_the_given_shares() -> None:
    from app.analysis.validate import check_map
    from app.editing.flows import share_equally

    bad = done(set_out_of_ten(quote_map(), 2, 9))
    assert [p.code for p in check_map(bad)] == ["probabilities_over_one"]
    fixed = done(share_equally(bad, "s3"))
    assert [f.probability for f in fixed.flows if f.source == "s3"] == [None, None]
    assert check_map(fixed) == ()
