"""Laws of add_step on any sequence of drafts: unique ids, sound flows, nothing lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.interview import END, LATER, NEXT, Outcome, StepDraft, add_step, start_interview
from app.process.file import dumps_process, loads_process

LANES = st.sampled_from(["AP", "Budget holder", "ap", "🧾", "محاسبة", "ERP (system)"])
TIMES = st.sampled_from(["", "5", "2h 30m", "3 days", "soon", "-5"])
TARGETS = st.sampled_from([NEXT, LATER, END, "s1", "s2", "s3"])
# NUL is refused by the process layer (no database may store it everywhere); typing cannot make it.
TYPED = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")


@st.composite
def drafts(draw: st.DrawFn) -> StepDraft:
    kind = draw(st.sampled_from(["task", "decision", "approval", "end"]))
    count = draw(st.integers(0, 3)) if kind in ("decision", "approval") else draw(st.integers(0, 1))
    outcomes = tuple(
        Outcome(
            draw(st.text(TYPED, max_size=8)),
            draw(st.none() | st.integers(0, 10).map(float)),
            draw(TARGETS),
            draw(st.sampled_from(["", "Done", "Paid"])),
        )
        for _ in range(count)
    )
    return StepDraft(
        name=draw(st.text(TYPED, max_size=20)),
        lane=draw(LANES),
        touch=draw(TIMES),
        wait=draw(TIMES),
        kind=kind,
        outcomes=outcomes if kind != "end" else (),
    )


@given(st.lists(drafts(), max_size=12))
def test_adding_steps_keeps_ids_unique_flows_sound_and_earlier_steps(
    items: list[StepDraft],
) -> None:
    process = start_interview()
    for draft in items:
        result = add_step(process, draft)
        if not result.ok:
            assert result.process is process
            continue
        after = result.process
        assert after.steps[: len(process.steps)] == process.steps
        assert after.flows[: len(process.flows)] == process.flows
        process = after
        step_ids = [s.id for s in process.steps]
        lane_ids = [lane.id for lane in process.lanes]
        assert len(set(step_ids)) == len(step_ids)
        assert len(set(lane_ids)) == len(lane_ids)
        assert all(s.lane in lane_ids for s in process.steps)
        assert all(f.source in step_ids and f.target in step_ids for f in process.flows)
    assert loads_process(dumps_process(process)) == process
