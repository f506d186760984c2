"""The improvement plan in a process file: actions, root-cause notes and the future state.

Shapes (all optional; interchange.md leaves them to the project):

- ``actions``: ``[{"id", "verb" (eliminate|combine|rearrange|simplify|automate), "title",
  "steps": [step ids], "finding" (a finding key such as "wait:s9"), "owner", "due"
  (YYYY-MM-DD or ""), "effort" (1-5), "impact_minutes_per_year" (number or null: estimated
  from the finding), "status" (open|done|dropped), "notes"}]``
- ``root_causes``: ``[{"finding", "whys": [{"text", "children": [...]}], "fishbone":
  {category: [causes]}, "conclusion"}]``; ``fishbone_categories``: the category names.
- ``future_state``: ``null`` or ``{"lanes": [...], "steps": [...], "flows": [...]}`` shaped
  like the current state, with its own ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from app.process.control import Control
from app.process.fields import ObjectReader, Problems, describe, number_value, read_list
from app.process.map_file import map_document, read_map, unique_ids
from app.process.model import (
    ACTION_STATUSES,
    ECRS_VERBS,
    FISHBONE_CATEGORIES,
    Action,
    Process,
    RootCause,
    WhyNode,
)

MAX_WHY_DEPTH = 12


def read_actions(data: Mapping[str, Any], problems: Problems) -> tuple[Action, ...]:
    actions = read_list(data, "actions", problems, _read_action)
    unique_ids("actions", [action.id for action in actions], problems)
    return tuple(actions)


def _read_action(reader: ObjectReader) -> Action:
    effort = reader.number("effort", default=3.0, maximum=5.0)
    if effort < 1 or effort != int(effort):
        reader.problems.add(
            f"{reader.place}.effort", f"must be a whole number from 1 to 5, got {describe(effort)}"
        )
    return Action(
        id=reader.text("id", required=True),
        verb=reader.choice("verb", ECRS_VERBS, default="simplify"),
        title=reader.text("title", required=True),
        steps=reader.text_list("steps"),
        finding=reader.text("finding"),
        owner=reader.text("owner"),
        due=reader.date("due"),
        effort=max(1, min(5, int(effort))),
        impact_minutes_per_year=reader.number("impact_minutes_per_year", default=None),
        status=reader.choice("status", ACTION_STATUSES, default="open"),
        notes=reader.text("notes"),
        extra=reader.extra(),
    )


def action_document(action: Action) -> dict[str, Any]:
    return {
        "id": action.id,
        "verb": action.verb,
        "title": action.title,
        "steps": list(action.steps),
        "finding": action.finding,
        "owner": action.owner,
        "due": action.due.isoformat() if action.due else "",
        "effort": action.effort,
        "impact_minutes_per_year": number_value(action.impact_minutes_per_year),
        "status": action.status,
        "notes": action.notes,
        **action.extra,
    }


def read_root_causes(data: Mapping[str, Any], problems: Problems) -> tuple[RootCause, ...]:
    return tuple(read_list(data, "root_causes", problems, _read_root_cause))


def _read_root_cause(reader: ObjectReader) -> RootCause:
    place = reader.place
    return RootCause(
        finding=reader.text("finding", required=True),
        whys=_read_whys(reader.raw("whys"), f"{place}.whys", reader.problems, 1),
        fishbone=_read_fishbone(reader.raw("fishbone"), f"{place}.fishbone", reader.problems),
        conclusion=reader.text("conclusion"),
        extra=reader.extra(),
    )


def _read_whys(value: Any, place: str, problems: Problems, depth: int) -> tuple[WhyNode, ...]:
    if value is None:
        return ()
    if depth > MAX_WHY_DEPTH:
        problems.add(place, f"goes deeper than {MAX_WHY_DEPTH} whys")
        return ()
    if not isinstance(value, list):
        problems.add(place, f"must be a list, got {describe(value)}")
        return ()
    nodes = []
    for index, item in enumerate(value):
        where = f"{place}[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("text", ""), str):
            problems.add(where, f"must be an object with a text, got {describe(item)}")
            continue
        children = _read_whys(item.get("children"), f"{where}.children", problems, depth + 1)
        nodes.append(WhyNode(item.get("text", ""), children))
    return tuple(nodes)


def _read_fishbone(value: Any, place: str, problems: Problems) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.add(place, f"must be an object, got {describe(value)}")
        return {}
    bones: dict[str, tuple[str, ...]] = {}
    for category, causes in value.items():
        if not isinstance(causes, list) or not all(isinstance(c, str) for c in causes):
            problems.add(f"{place}.{category}", f"must be a list of texts, got {describe(causes)}")
            continue
        bones[category] = tuple(causes)
    return bones


def why_document(node: WhyNode) -> dict[str, Any]:
    return {"text": node.text, "children": [why_document(child) for child in node.children]}


def root_cause_document(cause: RootCause) -> dict[str, Any]:
    return {
        "finding": cause.finding,
        "whys": [why_document(node) for node in cause.whys],
        "fishbone": {category: list(causes) for category, causes in cause.fishbone.items()},
        "conclusion": cause.conclusion,
        **cause.extra,
    }


def read_fishbone_categories(data: Mapping[str, Any], problems: Problems) -> tuple[str, ...]:
    value = data.get("fishbone_categories")
    if value is None:
        return FISHBONE_CATEGORIES
    if not isinstance(value, list) or not all(
        isinstance(item, str) and item.strip() for item in value
    ):
        problems.add("fishbone_categories", f"must be a list of names, got {describe(value)}")
        return FISHBONE_CATEGORIES
    return tuple(value)


def read_future_state(
    data: Mapping[str, Any], process: Process, problems: Problems
) -> Process | None:
    """The future-state map as a process of its own (the current one's Define data)."""
    value = data.get("future_state")
    if value is None:
        return None
    if not isinstance(value, dict):
        problems.add("future_state", f"must be an object or null, got {describe(value)}")
        return None
    lanes, steps, flows = read_map(value, problems, prefix="future_state.")
    extra = {key: item for key, item in value.items() if key not in ("lanes", "steps", "flows")}
    return replace(future_base(process), lanes=lanes, steps=steps, flows=flows, extra=extra)


def future_base(process: Process) -> Process:
    """What a future state shares with its process: the Define data, none of the plan."""
    return replace(
        process, id="", interviews=(), lanes=(), steps=(), flows=(), goals=(), actions=(),
        root_causes=(), fishbone_categories=FISHBONE_CATEGORIES, future_state=None,
        control=Control(), extra={}, file_extra={},
    )  # fmt: skip


def future_state_document(future: Process | None) -> dict[str, Any] | None:
    if future is None:
        return None
    return {**map_document(future.lanes, future.steps, future.flows), **future.extra}


def future_state_from_document(value: Any, process: Process) -> Process | None:
    """A stored future-state document read back; ValueError if it breaks a rule."""
    problems = Problems()
    future = read_future_state({"future_state": value}, process, problems)
    if problems:
        raise ValueError("; ".join(problems.items))
    return future


def read_whys(value: Any) -> tuple[WhyNode, ...]:
    """A stored 5-whys tree read back (stored trees were checked when they were written)."""
    problems = Problems()
    nodes = _read_whys(value, "whys", problems, 1)
    if problems:
        raise ValueError("; ".join(problems.items))
    return nodes
