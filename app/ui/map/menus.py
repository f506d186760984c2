"""The map's context menus: on steps (one or several), on a flow, on a lane.

Every entry runs one command of the page's ``MapEditor``; entries that need more (which step
to connect to, a label) ask through ``pickers`` first.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from app.analysis.chain import sends_work_back
from app.analysis.problems import Problem, quick_fixes
from app.editing.steps import EDITABLE_KINDS
from app.process.model import StepKind
from app.ui import messages
from app.ui.map import pickers

if TYPE_CHECKING:
    from app.ui.map.page import MapPage

KIND_WORDS = {"task": "Task", "approval": "Approval", "decision": "Decision", "end": "End"}


def entry(menu: QMenu, text: str, slot: Callable[[], object], shortcut: str = "") -> QAction:
    """A menu entry running ``slot`` (the shortcut is shown; the page's actions own the keys)."""
    action = menu.addAction(text)
    action.triggered.connect(lambda _checked=False: slot())
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    return action


def step_menu(page: MapPage, step_ids: list[str]) -> QMenu:
    """The menu of one step, or of several selected steps."""
    menu = QMenu(page)
    if len(step_ids) == 1:
        _add_problem_fixes(page, menu, step_ids[0])
        _add_single_step_entries(page, menu, step_ids[0])
    _add_kind_menu(page, menu, step_ids)
    _add_lane_menu(page, menu, step_ids)
    menu.addSeparator()
    words = "Delete step" if len(step_ids) == 1 else f"Delete {len(step_ids)} steps"
    entry(menu, words, lambda: page.editor.delete(step_ids), "Del")
    return menu


def _add_single_step_entries(page: MapPage, menu: QMenu, step_id: str) -> None:
    editor = page.editor
    entry(menu, "Insert step after", lambda: editor.insert_after(step_id), "Ins")
    entry(menu, "Insert step before", lambda: editor.insert_before(step_id), "Shift+Ins")
    entry(menu, "Duplicate", lambda: editor.duplicate(step_id), "Ctrl+D")
    entry(menu, "Rename", lambda: page.rename_in_place(step_id), "F2")
    menu.addSeparator()
    entry(menu, "Connect to…", lambda: connect_from(page, step_id), "Ctrl+L")
    entry(menu, "Connect a send-back to…", lambda: connect_from(page, step_id, rework=True))
    entry(menu, "Move earlier", lambda: editor.move_in_order(step_id, -1), "Ctrl+Shift+Left")
    entry(menu, "Move later", lambda: editor.move_in_order(step_id, 1), "Ctrl+Shift+Right")


def _add_kind_menu(page: MapPage, menu: QMenu, step_ids: list[str]) -> None:
    kinds = menu.addMenu("Change kind to")
    current = {s.kind for s in page.process.steps if s.id in step_ids} if page.process else set()
    for kind in EDITABLE_KINDS:
        action = entry(kinds, KIND_WORDS[kind], partial(page.editor.change_kind, step_ids, kind))
        action.setEnabled(current != {kind})


def _add_lane_menu(page: MapPage, menu: QMenu, step_ids: list[str]) -> None:
    if page.process is None:
        return
    lanes = menu.addMenu("Move to lane")
    used = {s.lane for s in page.process.steps if s.id in step_ids}
    for lane in page.process.lanes:
        action = entry(lanes, lane.name, partial(page.editor.move_to_lane, step_ids, lane.id))
        action.setEnabled(used != {lane.id})


def _add_problem_fixes(page: MapPage, menu: QMenu, step_id: str) -> None:
    problems = [p for p in page.problems if step_id in p.step_ids]
    for problem in problems:
        title = menu.addAction(problem.message)
        title.setEnabled(False)
        step = page.process.step_by_id().get(step_id) if page.process else None
        kind = step.kind if step else ""
        for fix in quick_fixes(problem, kind):
            entry(menu, f"    {fix.label}", partial(apply_fix, page, fix.key, step_id))
    if problems:
        menu.addSeparator()


def apply_fix(page: MapPage, key: str, step_id: str) -> bool:
    """Run the quick fix ``key`` on ``step_id`` (see ``analysis.problems.QUICK_FIXES``)."""
    editor = page.editor
    kinds: dict[str, StepKind] = {
        "make_end": "end",
        "make_task": "task",
        "make_decision": "decision",
    }
    if key in kinds:
        return editor.change_kind([step_id], kinds[key])
    if key == "connect_to":
        return connect_from(page, step_id)
    if key == "connect_from":
        return connect_into(page, step_id)
    if key == "delete":
        return editor.delete([step_id])
    if key == "share_equally":
        return editor.share_equally(step_id)
    if key == "never_rejected":
        return editor.mark_never_rejected(step_id)
    return False


def problems_of(page: MapPage, step_id: str) -> list[Problem]:
    """The problems the map shows on one step."""
    return [p for p in page.problems if step_id in p.step_ids]


def connect_from(page: MapPage, step_id: str, *, rework: bool = False) -> bool:
    """Ask which step ``step_id`` leads to, then connect them."""
    if page.process is None:
        return False
    choices = pickers.step_choices(page.process, leaving_out=step_id)
    picked = pickers.pick_step(page, "Connect to…", choices, send_back=rework)
    return picked is not None and page.editor.connect(step_id, picked[0], rework=picked[1])


def connect_into(page: MapPage, step_id: str) -> bool:
    """Ask which step leads to ``step_id``, then connect them."""
    if page.process is None:
        return False
    choices = pickers.step_choices(page.process, leaving_out=step_id)
    picked = pickers.pick_step(page, "Connect from…", choices)
    return picked is not None and page.editor.connect(picked[0], step_id, rework=picked[1])


def flow_menu(page: MapPage, index: int) -> QMenu | None:
    """The menu of one flow."""
    if page.process is None or not 0 <= index < len(page.process.flows):
        return None
    flow = page.process.flows[index]
    editor = page.editor
    menu = QMenu(page)
    entry(menu, "Insert step on this flow", lambda: editor.insert_on_flow(index), "Ins")
    entry(menu, "Label…", lambda: _ask_label(page, index))
    entry(menu, "How many out of 10…", lambda: _ask_share(page, index))
    marked = menu.addAction("Sends work back")
    marked.setCheckable(True)
    marked.setChecked(sends_work_back(flow))
    marked.toggled.connect(lambda on: editor.mark_send_back(index, on))
    entry(menu, "Move its start to…", lambda: _reconnect(page, index, "source"))
    entry(menu, "Move its end to…", lambda: _reconnect(page, index, "target"))
    menu.addSeparator()
    entry(menu, "Delete flow", lambda: editor.delete_flow(index), "Del")
    return menu


def _ask_label(page: MapPage, index: int) -> None:
    assert page.process is not None
    text = pickers.ask_text(
        page,
        "Flow label",
        "Label (an outcome, such as 'approved'):",
        page.process.flows[index].label,
    )
    if text is not None:
        page.editor.set_label(index, text)


def _ask_share(page: MapPage, index: int) -> None:
    assert page.process is not None
    current = page.process.flows[index].probability
    shown = "" if current is None else f"{current * 10:g}"
    text = pickers.ask_text(
        page,
        "How many out of 10",
        "How many out of 10 take this way? (empty: share equally)",
        shown,
    )
    if text is None:
        return
    try:
        value = pickers.parse_out_of_ten(text)
    except ValueError as error:
        messages.show_error(page, "Cannot change the map", str(error))
        return
    page.editor.set_out_of_ten(index, value)


def _reconnect(page: MapPage, index: int, end: str) -> None:
    assert page.process is not None
    choices = pickers.step_choices(page.process)
    picked = pickers.pick_step(
        page, "Move the flow's " + ("start" if end == "source" else "end"), choices
    )
    if picked is not None:
        page.editor.reconnect(index, **{end: picked[0]})


def lane_menu(page: MapPage, lane_id: str) -> QMenu | None:
    """The menu of a lane: rename, add, merge, delete, move."""
    if page.process is None:
        return None
    ids = [lane.id for lane in page.process.lanes]
    if lane_id not in ids:
        return None
    editor, index = page.editor, ids.index(lane_id)
    menu = QMenu(page)
    entry(menu, "Rename lane…", lambda: _ask_lane_name(page, lane_id))
    entry(menu, "Add a lane below…", lambda: ask_new_lane(page, lane_id))
    merge = menu.addMenu("Merge into")
    for lane in page.process.lanes:
        if lane.id != lane_id:
            entry(merge, lane.name, partial(editor.merge_lanes, lane_id, lane.id))
    merge.setEnabled(len(ids) > 1)
    entry(menu, "Delete lane", lambda: editor.delete_lane(lane_id))
    menu.addSeparator()
    up = entry(menu, "Move lane up", lambda: page.move_lane(lane_id, -1))
    down = entry(menu, "Move lane down", lambda: page.move_lane(lane_id, 1))
    up.setEnabled(index > 0)
    down.setEnabled(index < len(ids) - 1)
    return menu


def _ask_lane_name(page: MapPage, lane_id: str) -> None:
    assert page.process is not None
    lane = page.process.lane_by_id()[lane_id]
    name = pickers.ask_text(page, "Rename lane", "Lane (a role, team or system):", lane.name)
    if name is not None:
        page.editor.rename_lane(lane_id, name)


def ask_new_lane(page: MapPage, after: str | None) -> None:
    name = pickers.ask_text(page, "Add a lane", "Lane (a role, team or system):")
    if name is not None:
        page.editor.add_lane(name, after)
