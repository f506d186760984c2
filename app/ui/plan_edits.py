"""Edits of the improvement plan as snapshot functions: a new ``Process`` out, nothing saved.

Actions are replaced by id; root-cause notes by the key of their finding, and notes that end
up empty are dropped. A 5-whys node is named by its path: the indices from the top level down
(``(0, 2)`` is the third answer under the first why). Qt-free, like ``map/edits.py``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from app.process.model import FISHBONE_CATEGORIES, Action, Process, RootCause, WhyNode

WhyPath = tuple[int, ...]
_ACTION_ID = re.compile(r"a(\d+)")


class PlanEditError(ValueError):
    """An edit that cannot be made; the message says why in one sentence."""


# Actions


def new_action_id(process: Process) -> str:
    """``a<n>``, one above the highest ``a<n>`` in use."""
    numbers = [int(m.group(1)) for a in process.actions if (m := _ACTION_ID.fullmatch(a.id))]
    return f"a{max(numbers, default=0) + 1}"


def with_action(process: Process, action: Action) -> Process:
    """``process`` with ``action`` replacing the one with its id, or added at the end."""
    if any(item.id == action.id for item in process.actions):
        actions = tuple(action if item.id == action.id else item for item in process.actions)
    else:
        actions = (*process.actions, action)
    return replace(process, actions=actions)


def without_action(process: Process, action_id: str) -> Process:
    return replace(process, actions=tuple(a for a in process.actions if a.id != action_id))


# Root causes


def categories_of(process: Process) -> tuple[str, ...]:
    """The fishbone categories in use (the office defaults when none are stored)."""
    return process.fishbone_categories or FISHBONE_CATEGORIES


def root_cause_for(process: Process, finding_key: str) -> RootCause:
    """The notes on a finding, or empty notes when there are none yet."""
    found = (cause for cause in process.root_causes if cause.finding == finding_key)
    return next(found, RootCause(finding_key))


def is_empty(cause: RootCause) -> bool:
    has_causes = any(causes for causes in cause.fishbone.values())
    return not (cause.whys or has_causes or cause.conclusion.strip() or cause.extra)


def with_root_cause(process: Process, cause: RootCause) -> Process:
    """``process`` with the notes on ``cause.finding`` replaced (dropped when empty)."""
    others = [item for item in process.root_causes if item.finding != cause.finding]
    index = next(
        (i for i, item in enumerate(process.root_causes) if item.finding == cause.finding),
        len(others),
    )
    if not is_empty(cause):
        others.insert(index, cause)
    return replace(process, root_causes=tuple(others))


def with_fishbone_causes(cause: RootCause, category: str, causes: tuple[str, ...]) -> RootCause:
    """``cause`` with one category's list replaced; empty lists are left out."""
    fishbone = {key: value for key, value in cause.fishbone.items() if key != category}
    if causes:
        fishbone[category] = causes
    return replace(cause, fishbone=_ordered(fishbone, cause.fishbone))


def _ordered(
    fishbone: dict[str, tuple[str, ...]], before: Mapping[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    order = [key for key in before if key in fishbone]
    order += [key for key in fishbone if key not in order]
    return {key: fishbone[key] for key in order}


def with_category_renamed(process: Process, old: str, new: str) -> Process:
    """Rename a fishbone category in the list and in every root cause's fishbone."""
    new = new.strip()
    categories = categories_of(process)
    if old not in categories:
        raise PlanEditError(f"There is no fishbone category '{old}'.")
    if not new:
        raise PlanEditError("A fishbone category needs a name.")
    if new != old and new in categories:
        raise PlanEditError(f"There is already a fishbone category '{new}'.")
    renamed = tuple(new if name == old else name for name in categories)
    causes = tuple(
        replace(cause, fishbone={(new if k == old else k): v for k, v in cause.fishbone.items()})
        for cause in process.root_causes
    )
    return replace(process, fishbone_categories=renamed, root_causes=causes)


# The 5 whys, as a tree of WhyNode


def why_at(whys: tuple[WhyNode, ...], path: WhyPath) -> WhyNode:
    node = whys[path[0]]
    for index in path[1:]:
        node = node.children[index]
    return node


def _changed(whys: tuple[WhyNode, ...], path: WhyPath, change: WhyChange) -> tuple[WhyNode, ...]:
    """``whys`` with the siblings list holding ``path`` replaced by ``change(siblings)``."""
    if len(path) == 1:
        return change(whys)
    head, rest = path[0], path[1:]
    node = whys[head]
    updated = replace(node, children=_changed(node.children, rest, change))
    return (*whys[:head], updated, *whys[head + 1 :])


class WhyChange:
    """A change of one list of siblings; ``index`` is the last element of the path."""

    def __init__(self, index: int, node: WhyNode | None) -> None:
        self.index = index
        self.node = node

    def __call__(self, siblings: tuple[WhyNode, ...]) -> tuple[WhyNode, ...]:
        before, after = siblings[: self.index], siblings[self.index + 1 :]
        if self.node is None:
            return (*before, *after)
        return (*before, self.node, *after)


def with_why_text(whys: tuple[WhyNode, ...], path: WhyPath, text: str) -> tuple[WhyNode, ...]:
    node = replace(why_at(whys, path), text=text)
    return _changed(whys, path, WhyChange(path[-1], node))


def without_why(whys: tuple[WhyNode, ...], path: WhyPath) -> tuple[WhyNode, ...]:
    """Remove a why and everything that answers it."""
    return _changed(whys, path, WhyChange(path[-1], None))


def with_why_added(
    whys: tuple[WhyNode, ...], parent: WhyPath, text: str
) -> tuple[tuple[WhyNode, ...], WhyPath]:
    """Add an answer under ``parent`` (``()`` = a new top-level why); returns its path too."""
    if not parent:
        return (*whys, WhyNode(text)), (len(whys),)
    node = why_at(whys, parent)
    grown = replace(node, children=(*node.children, WhyNode(text)))
    return _changed(whys, parent, WhyChange(parent[-1], grown)), (*parent, len(node.children))


# The future state


def with_future_started(process: Process) -> Process:
    """``process`` with a future state that copies its current lanes, steps and flows."""
    from app.process.plan_file import future_base

    copy = replace(
        future_base(process), lanes=process.lanes, steps=process.steps, flows=process.flows
    )
    return replace(process, future_state=copy)


def without_future(process: Process) -> Process:
    return replace(process, future_state=None)


def with_approval_cut(process: Process, step_id: str) -> Process:
    """Remove an approval and keep the way work goes when it is approved.

    The approved way is the outgoing flow most often taken (a flow without a probability gets
    an equal share of what the others leave; the first wins a tie); the other ways out go, and
    the flows into the approval then pass on to the approved way's step, as a delete does.
    """
    from app.future.apply import remove_step

    return remove_step(process, step_id)
