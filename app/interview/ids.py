"""Short, unique ids for new steps (``s1``, ``s2``…) and lanes (a slug of the name)."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from app.process.model import Lane, LaneKind, Process

MAX_SLUG = 24
_STEP_ID = re.compile(r"s(\d+)")


def new_step_id(process: Process, *, taken: frozenset[str] = frozenset()) -> str:
    """``s<n>`` with n one above the highest ``s<n>`` in use, skipping any id already taken."""
    used = {step.id for step in process.steps} | taken
    numbers = [int(m.group(1)) for i in used if (m := _STEP_ID.fullmatch(i))]
    number = max(numbers, default=0) + 1
    while f"s{number}" in used:
        number += 1
    return f"s{number}"


def lane_slug(name: str, taken: set[str] | frozenset[str]) -> str:
    """A short ASCII slug of ``name`` (``"Accounts payable"`` → ``"accounts-payable"``), unique
    among ``taken``; ``"lane"`` when the name has no ASCII letters (emoji, other scripts)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:MAX_SLUG].strip("-")
    slug = slug or "lane"
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def same_name(left: str, right: str) -> bool:
    """Names match ignoring case and surrounding or repeated spaces."""
    return " ".join(left.split()).casefold() == " ".join(right.split()).casefold()


def find_lane(process: Process, name: str) -> Lane | None:
    """The lane called ``name`` (or with that id), if there is one."""
    for lane in process.lanes:
        if same_name(lane.name, name):
            return lane
    return process.lane_by_id().get(name.strip())


def ensure_lane(process: Process, name: str, kind: LaneKind = "role") -> tuple[Process, str]:
    """The process with a lane called ``name`` (added when missing) and that lane's id."""
    lane = find_lane(process, name)
    if lane is not None:
        return process, lane.id
    lane_id = lane_slug(name, {lane.id for lane in process.lanes})
    new_lane = Lane(lane_id, " ".join(name.split()), kind=kind)
    return dataclasses.replace(process, lanes=(*process.lanes, new_lane)), lane_id
