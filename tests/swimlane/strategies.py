"""Random processes for the layout laws: any lanes, steps and flows, cycles and dangling ends."""

from __future__ import annotations

from hypothesis import strategies as st

from app.process.model import STEP_KINDS, Flow, Lane, Process, Step

LANE_IDS = ("a", "b", "c", "d", "ghost")
STEP_IDS = tuple(f"s{i}" for i in range(14))
names = st.text(max_size=40) | st.sampled_from(
    ("", "Approve 🧾", "مراجعة الطلب", "審査する", "x" * 300)
)


@st.composite
def processes(draw: st.DrawFn) -> Process:
    """A process whose lanes may be empty or missing and whose flows may loop or dangle."""
    lane_ids = draw(st.lists(st.sampled_from(LANE_IDS[:-1]), max_size=4, unique=True))
    lanes = tuple(Lane(lane_id, draw(names)) for lane_id in lane_ids)
    step_ids = draw(st.lists(st.sampled_from(STEP_IDS), max_size=12))
    steps = tuple(
        Step(
            step_id,
            draw(st.sampled_from(LANE_IDS)),
            draw(names),
            kind=draw(st.sampled_from(STEP_KINDS)),
        )
        for step_id in step_ids
    )
    endpoint = st.sampled_from((*step_ids, "missing") if step_ids else ("missing",))
    probability = st.none() | st.floats(-0.5, 2.0) | st.just(float("nan"))
    flows = tuple(
        Flow(draw(endpoint), draw(endpoint), draw(names), draw(probability))
        for _ in range(draw(st.integers(0, 24)))
    )
    return Process(name="random", lanes=lanes, steps=steps, flows=flows)
