"""Adding, renaming, merging, deleting and reordering lanes."""

from __future__ import annotations

from app.editing import Refusal
from app.editing.lanes import add_lane, delete_lane, merge_lanes, move_lane_to, rename_lane
from app.process.model import Process
from tests.editing.maps import quote_map


def done(result: Process | Refusal) -> Process:
    assert isinstance(result, Process), result
    return result


def test_add_rename_delete() -> None:
    added = done(add_lane(quote_map(), " Finance ", after="sales"))
    assert [lane.name for lane in added.lanes] == ["Sales", "Finance", "Manager", "Legal"]
    renamed = done(rename_lane(added, added.lanes[1].id, "Accounts"))
    assert renamed.lanes[1].name == "Accounts"
    assert [ln.id for ln in done(delete_lane(renamed, "empty")).lanes] == ["sales", "l4", "boss"]


def test_refusals() -> None:
    assert add_lane(quote_map(), "sales") == Refusal("There is already a lane 'sales'.")
    assert add_lane(quote_map(), "") == Refusal(
        "A lane needs a name: the role, team or system that does the work."
    )
    assert delete_lane(quote_map(), "sales") == Refusal(
        "Lane 'Sales' has 4 steps: move them or merge the lane."
    )
    assert merge_lanes(quote_map(), "boss", "boss") == Refusal(
        "Lane 'Manager' cannot be merged into itself."
    )
    assert rename_lane(quote_map(), "x", "A") == Refusal("That lane is no longer on the map.")


def test_merge_moves_the_steps() -> None:
    merged = done(merge_lanes(quote_map(), "boss", "sales"))
    assert {step.lane for step in merged.steps} == {"sales"}
    assert [lane.id for lane in merged.lanes] == ["sales", "empty"]


def test_move_lane_to_a_place() -> None:
    moved = done(move_lane_to(quote_map(), "empty", 0))
    assert [lane.id for lane in moved.lanes] == ["empty", "sales", "boss"]
    assert [ln.id for ln in done(move_lane_to(quote_map(), "sales", 9)).lanes][-1] == "sales"
