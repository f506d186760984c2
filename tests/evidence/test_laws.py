"""Laws every log obeys, whatever its cases: shares add up, arcs count every move, bounds hold."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from app.evidence.compare import compare_log
from app.evidence.log import Event, EventLog
from app.evidence.stats import analyse_log
from tests.evidence.test_compare import MAPPING, hand_map

activity = st.sampled_from(["A", "B", "C", "X"])
event = st.builds(
    Event,
    activity,
    st.floats(0, 1e6, allow_nan=False),
    st.none() | st.floats(0, 1e6, allow_nan=False),
)
cases = st.dictionaries(
    st.text(min_size=1, max_size=3),
    st.lists(event, min_size=1, max_size=8),
    min_size=1,
    max_size=12,
)


def sorted_log(raw: dict[str, list[Event]]) -> EventLog:
    fixed = {
        case: sorted(
            (
                Event(e.activity, e.time, None if e.start is None else min(e.start, e.time))
                for e in events
            ),
            key=lambda e: e.time,
        )
        for case, events in raw.items()
    }
    return EventLog("law.csv", fixed)


@given(cases)
def test_shares_counts_and_bounds(raw: dict[str, list[Event]]) -> None:
    log = sorted_log(raw)
    figures = analyse_log(log)
    assert math.isclose(sum(v.share for v in figures.variants), 1.0)
    assert sum(v.count for v in figures.variants) == figures.cases == len(raw)
    assert sum(a.count for a in figures.arcs) == figures.events - figures.cases
    assert all(a.wait.median >= 0 and a.wait.median <= a.wait.p85 for a in figures.arcs)
    assert figures.lead_time.median <= figures.lead_time.p85
    assert 0 <= figures.rework_rate <= 1
    comparison = compare_log(hand_map(), figures, MAPPING)
    assert 0 <= comparison.fitness <= 1
    assert ("X" in figures.activities) == ("X" in comparison.extra_in_log)
