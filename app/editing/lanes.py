"""Adding, renaming, merging, deleting and reordering lanes (roles and systems)."""

from __future__ import annotations

from dataclasses import replace

from app.editing.result import Edited, Refusal, fresh_id, quoted
from app.process.model import Lane, Process


def add_lane(process: Process, name: str, *, after: str | None = None) -> Edited:
    """A new lane, after the lane ``after`` (else last)."""
    refusal = _name_refusal(process, name, None)
    if refusal is not None:
        return refusal
    lane = Lane(fresh_id("l", {lane.id for lane in process.lanes}), name.strip())
    lanes = list(process.lanes)
    ids = [existing.id for existing in lanes]
    lanes.insert(ids.index(after) + 1 if after in ids else len(lanes), lane)
    return replace(process, lanes=tuple(lanes))


def rename_lane(process: Process, lane_id: str, name: str) -> Edited:
    """A lane with another name."""
    if lane_id not in process.lane_by_id():
        return Refusal("That lane is no longer on the map.")
    refusal = _name_refusal(process, name, lane_id)
    if refusal is not None:
        return refusal
    lanes = tuple(
        replace(ln, name=name.strip()) if ln.id == lane_id else ln for ln in process.lanes
    )
    return replace(process, lanes=lanes)


def merge_lanes(process: Process, lane_id: str, into: str) -> Edited:
    """Every step of ``lane_id`` moved into ``into``, and ``lane_id`` removed."""
    lanes = process.lane_by_id()
    if lane_id not in lanes or into not in lanes:
        return Refusal("Both lanes must be on the map to merge them.")
    if lane_id == into:
        return Refusal(f"Lane {quoted(lanes[lane_id].name)} cannot be merged into itself.")
    steps = tuple(replace(s, lane=into) if s.lane == lane_id else s for s in process.steps)
    remaining = tuple(lane for lane in process.lanes if lane.id != lane_id)
    return replace(process, steps=steps, lanes=remaining)


def delete_lane(process: Process, lane_id: str) -> Edited:
    """An empty lane removed; a lane with steps is refused."""
    lane = process.lane_by_id().get(lane_id)
    if lane is None:
        return Refusal("That lane is no longer on the map.")
    count = sum(1 for step in process.steps if step.lane == lane_id)
    if count:
        steps = "1 step" if count == 1 else f"{count} steps"
        return Refusal(f"Lane {quoted(lane.name)} has {steps}: move them or merge the lane.")
    return replace(process, lanes=tuple(ln for ln in process.lanes if ln.id != lane_id))


def move_lane_to(process: Process, lane_id: str, index: int) -> Edited:
    """A lane moved to position ``index`` (clamped) of the lane order."""
    lanes = list(process.lanes)
    ids = [lane.id for lane in lanes]
    if lane_id not in ids:
        return Refusal("That lane is no longer on the map.")
    lane = lanes.pop(ids.index(lane_id))
    lanes.insert(min(max(index, 0), len(lanes)), lane)
    return replace(process, lanes=tuple(lanes))


def _name_refusal(process: Process, name: str, lane_id: str | None) -> Refusal | None:
    if not name.strip():
        return Refusal("A lane needs a name: the role, team or system that does the work.")
    clash = [ln for ln in process.lanes if ln.name.casefold() == name.strip().casefold()]
    if any(ln.id != lane_id for ln in clash):
        return Refusal(f"There is already a lane {quoted(name.strip())}.")
    return None
