"""Laws of the editing functions over random maps and random sequences of edits."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from app.editing import Refusal
from app.editing.flows import connect, delete_flow, mark_send_back, reconnect, set_out_of_ten
from app.editing.guard import guarded_problems
from app.editing.lanes import add_lane, delete_lane, merge_lanes
from app.editing.many import change_kinds
from app.editing.removal import delete_step, delete_steps
from app.editing.steps import (
    change_kind,
    duplicate_step,
    insert_after,
    insert_before,
    insert_on_flow,
    move_earlier_or_later,
    move_to_lane,
)
from app.process.model import Flow, Lane, Process, Step

Edit = Callable[[Process], "Process | Refusal"]


@st.composite
def sound_maps(draw: st.DrawFn) -> Process:
    """start → t1 … tn → end in 1–3 lanes, some tasks sending work back to an earlier one."""
    count = draw(st.integers(1, 8))
    lanes = tuple(Lane(f"l{i}", f"Lane {i}") for i in range(draw(st.integers(1, 3))))
    lane = st.sampled_from([lane.id for lane in lanes])
    ids = ["s0", *(f"s{i}" for i in range(1, count + 1)), "end"]
    steps = (
        Step("s0", draw(lane), "Start", "start"),
        *(Step(ids[i], draw(lane), f"Task {i}") for i in range(1, count + 1)),
        Step("end", draw(lane), "Done", "end"),
    )
    flows = [Flow(a, b) for a, b in zip(ids, ids[1:], strict=False)]
    for i in range(2, count + 1):
        if draw(st.booleans()):
            back = draw(st.integers(1, i - 1))
            flows.append(Flow(ids[i], ids[back], probability=0.2, extra={"rework": True}))
    return Process("Random", id="p", lanes=lanes, steps=steps, flows=tuple(flows))


@st.composite
def edits(draw: st.DrawFn, process: Process) -> Edit:
    """One random edit that makes sense to try on ``process``."""
    step = st.sampled_from([s.id for s in process.steps])
    flow = st.integers(0, max(len(process.flows) - 1, 0))
    lane = st.sampled_from([ln.id for ln in process.lanes])
    kind = st.sampled_from(["task", "approval", "decision", "end"])
    choices: list[Edit] = [
        lambda p, s=draw(step): insert_after(p, s),
        lambda p, s=draw(step): insert_before(p, s),
        lambda p, f=draw(flow), ln=draw(lane): insert_on_flow(p, f, ln),
        lambda p, s=draw(step): delete_step(p, s),
        lambda p, ss=draw(st.lists(step, max_size=3)): delete_steps(p, ss),
        lambda p, s=draw(step): duplicate_step(p, s),
        lambda p, s=draw(step), k=draw(kind): change_kind(p, s, k),
        lambda p, ss=draw(st.lists(step, max_size=3)), k=draw(kind): change_kinds(p, ss, k),
        lambda p, ss=draw(st.lists(step, max_size=3)), ln=draw(lane): move_to_lane(p, ss, ln),
        lambda p, s=draw(step), o=draw(st.integers(-3, 3)): move_earlier_or_later(p, s, o),
        lambda p, a=draw(step), b=draw(step), r=draw(st.booleans()): connect(p, a, b, rework=r),
        lambda p, f=draw(flow), b=draw(step): reconnect(p, f, target=b),
        lambda p, f=draw(flow): delete_flow(p, f),
        lambda p, f=draw(flow), on=draw(st.booleans()): mark_send_back(p, f, on),
        lambda p, f=draw(flow), n=draw(st.integers(0, 10)): set_out_of_ten(p, f, n),
        lambda p, n=draw(st.text(max_size=5)): add_lane(p, n),
        lambda p, ln=draw(lane): delete_lane(p, ln),
        lambda p, a=draw(lane), b=draw(lane): merge_lanes(p, a, b),
    ]
    return draw(st.sampled_from(choices))


@given(st.data())
def test_law_no_accepted_edit_creates_a_problem_edits_refuse(data: st.DataObject) -> None:
    process = data.draw(sound_maps())
    for _ in range(data.draw(st.integers(1, 12))):
        if not process.steps or not process.flows:
            break
        result = data.draw(edits(process))(process)
        if isinstance(result, Refusal):
            assert result.reason.endswith(".")
            assert "\n" not in result.reason
            continue
        assert guarded_problems(result) <= guarded_problems(process)
        process = result


@given(st.data())
def test_law_edits_never_change_what_they_were_given(data: st.DataObject) -> None:
    process = data.draw(sound_maps())
    snapshot = repr(process)
    data.draw(edits(process))(process)
    assert repr(process) == snapshot
