"""Laws of the editing functions over random maps and random sequences of edits."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import partial

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
    flows = [Flow(a, b) for a, b in itertools.pairwise(ids)]
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
    steps = st.lists(step, max_size=3)
    choices: dict[str, Callable[[], Edit]] = {
        "insert_after": lambda: partial(insert_after, step_id=draw(step)),
        "insert_before": lambda: partial(insert_before, step_id=draw(step)),
        "insert_on_flow": lambda: partial(insert_on_flow, flow_index=draw(flow), lane=draw(lane)),
        "delete_step": lambda: partial(delete_step, step_id=draw(step)),
        "delete_steps": lambda: partial(delete_steps, step_ids=draw(steps)),
        "duplicate_step": lambda: partial(duplicate_step, step_id=draw(step)),
        "change_kind": lambda: partial(change_kind, step_id=draw(step), kind=draw(kind)),
        "change_kinds": lambda: partial(change_kinds, step_ids=draw(steps), kind=draw(kind)),
        "move_to_lane": lambda: partial(move_to_lane, step_ids=draw(steps), lane_id=draw(lane)),
        "move_in_order": lambda: partial(
            move_earlier_or_later, step_id=draw(step), offset=draw(st.integers(-3, 3))
        ),
        "connect": lambda: partial(
            connect, source=draw(step), target=draw(step), rework=draw(st.booleans())
        ),
        "reconnect": lambda: partial(reconnect, index=draw(flow), target=draw(step)),
        "delete_flow": lambda: partial(delete_flow, index=draw(flow)),
        "mark_send_back": lambda: partial(mark_send_back, index=draw(flow), on=draw(st.booleans())),
        "set_out_of_ten": lambda: partial(
            set_out_of_ten, index=draw(flow), out_of_ten=draw(st.integers(0, 10))
        ),
        "add_lane": lambda: partial(add_lane, name=draw(st.text(max_size=5))),
        "delete_lane": lambda: partial(delete_lane, lane_id=draw(lane)),
        "merge_lanes": lambda: partial(merge_lanes, lane_id=draw(lane), into=draw(lane)),
    }
    return choices[draw(st.sampled_from(sorted(choices)))]()


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
