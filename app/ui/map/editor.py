"""The map's structural commands: each runs one pure edit of ``app.editing`` on the shown map
and saves the result as one undoable edit, or says in one sentence why it was not made.

A refusal the person may override (a deletion that cuts a step off) is asked about first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from app.editing import Refusal, flows, lanes, many, removal, steps
from app.editing.result import quoted
from app.process.model import Process, StepKind
from app.ui import messages

if TYPE_CHECKING:
    from app.ui.map.page import MapPage

Edit = Callable[[Process], "Process | Refusal"]
ConfirmedEdit = Callable[[Process, bool], "Process | Refusal"]


def ask_to_confirm(parent: QWidget, reason: str) -> bool:
    """Ask whether to make an edit the map checks advise against (patched in tests)."""
    answer = QMessageBox.question(
        parent,
        "Make this change?",
        f"{reason}\n\nMake the change anyway? The map will show the problem until it is fixed.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


class MapEditor:
    """Runs structural edits on the page's map; selects what an edit added."""

    def __init__(self, page: MapPage) -> None:
        self.page = page

    # The one path every command takes.

    def run(self, edit: ConfirmedEdit, text: str, *, select: list[str] | None = None) -> bool:
        """Make ``edit`` (asking first when it is refused but may be confirmed)."""
        process = self.page.process
        if process is None:
            return False
        result = edit(process, False)
        if isinstance(result, Refusal) and result.confirmable:
            if not ask_to_confirm(self.page, result.reason):
                return False
            result = edit(process, True)
        if isinstance(result, Refusal):
            messages.show_error(self.page, "Cannot change the map", result.reason)
            return False
        added = [s.id for s in result.steps if s.id not in process.step_by_id()]
        self.page.apply_map(result, text)
        chosen = added or select
        if chosen:
            self.page.select_steps(chosen)
        return True

    def plain(self, edit: Edit, text: str, *, select: list[str] | None = None) -> bool:
        """``run`` for an edit that never asks."""
        return self.run(lambda process, _ok: edit(process), text, select=select)

    def _name(self, step_id: str) -> str:
        process = self.page.process
        step = process.step_by_id().get(step_id) if process else None
        return quoted(step.name) if step else step_id

    # Steps

    def insert_after(self, step_id: str) -> bool:
        return self.plain(
            lambda p: steps.insert_after(p, step_id), f"Insert a step after {self._name(step_id)}"
        )

    def insert_before(self, step_id: str) -> bool:
        return self.plain(
            lambda p: steps.insert_before(p, step_id),
            f"Insert a step before {self._name(step_id)}",
        )

    def insert_on_flow(self, flow_index: int, lane: str | None = None) -> bool:
        return self.plain(lambda p: steps.insert_on_flow(p, flow_index, lane), "Insert a step")

    def duplicate(self, step_id: str) -> bool:
        return self.plain(
            lambda p: steps.duplicate_step(p, step_id), f"Duplicate {self._name(step_id)}"
        )

    def rename(self, step_id: str, name: str) -> bool:
        return self.plain(
            lambda p: steps.rename_step(p, step_id, name),
            f"Rename {self._name(step_id)}",
            select=[step_id],
        )

    def delete(self, step_ids: list[str]) -> bool:
        text = (
            f"Delete {self._name(step_ids[0])}"
            if len(step_ids) == 1
            else f"Delete {len(step_ids)} steps"
        )
        return self.run(lambda p, ok: removal.delete_steps(p, step_ids, confirmed=ok), text)

    def change_kind(self, step_ids: list[str], kind: StepKind) -> bool:
        """Change the kind; a step that now decides but has one way out is asked for another."""
        done = self.run(
            lambda p, ok: many.change_kinds(p, step_ids, kind, confirmed=ok),
            f"Make {self._names(step_ids)} {steps.with_article(kind)}",
            select=step_ids,
        )
        if done and kind in ("decision", "approval") and len(step_ids) == 1:
            self._ask_other_outcome(step_ids[0], kind)
        return done

    def _ask_other_outcome(self, step_id: str, kind: str) -> None:
        from app.ui.map import pickers

        process = self.page.process
        if process is None or sum(1 for f in process.flows if f.source == step_id) != 1:
            return
        question = "Where does rejected work go?" if kind == "approval" else "Where does 'no' go?"
        choices = pickers.step_choices(process, leaving_out=step_id)
        picked = pickers.pick_step(self.page, question, choices)
        if picked is not None:
            self.connect(step_id, picked[0], rework=picked[1])

    def mark_never_rejected(self, step_id: str) -> bool:
        """Say an approval is never turned down (a sign-off): its one way out is its story."""
        return self.plain(
            lambda p: steps.mark_never_rejected(p, step_id),
            f"Mark {self._name(step_id)} as never rejected",
            select=[step_id],
        )

    def move_to_lane(self, step_ids: list[str], lane_id: str) -> bool:
        lane = self.page.process.lane_by_id().get(lane_id) if self.page.process else None
        return self.plain(
            lambda p: steps.move_to_lane(p, step_ids, lane_id),
            f"Move {self._names(step_ids)} to {quoted(lane.name) if lane else lane_id}",
            select=step_ids,
        )

    def move_in_order(self, step_id: str, offset: int) -> bool:
        word = "earlier" if offset < 0 else "later"
        return self.plain(
            lambda p: steps.move_earlier_or_later(p, step_id, offset),
            f"Move {self._name(step_id)} {word}",
            select=[step_id],
        )

    def _names(self, step_ids: list[str]) -> str:
        return self._name(step_ids[0]) if len(step_ids) == 1 else f"{len(step_ids)} steps"

    # Flows

    def connect(self, source: str, target: str, *, rework: bool = False) -> bool:
        what = "a send-back" if rework else "a flow"
        return self.plain(
            lambda p: flows.connect(p, source, target, rework=rework),
            f"Connect {what} from {self._name(source)} to {self._name(target)}",
            select=[source],
        )

    def reconnect(
        self, index: int, *, source: str | None = None, target: str | None = None
    ) -> bool:
        return self.run(
            lambda p, ok: flows.reconnect(p, index, source=source, target=target, confirmed=ok),
            "Reconnect a flow",
        )

    def delete_flow(self, index: int) -> bool:
        return self.run(lambda p, ok: flows.delete_flow(p, index, confirmed=ok), "Delete a flow")

    def set_label(self, index: int, label: str) -> bool:
        return self.plain(lambda p: flows.set_label(p, index, label), "Edit a flow's label")

    def set_out_of_ten(self, index: int, out_of_ten: float | None) -> bool:
        return self.plain(
            lambda p: flows.set_out_of_ten(p, index, out_of_ten), "Edit how many take a flow"
        )

    def mark_send_back(self, index: int, on: bool) -> bool:
        text = "Mark a flow as sending work back" if on else "Unmark a send-back"
        return self.plain(lambda p: flows.mark_send_back(p, index, on), text)

    def share_equally(self, step_id: str) -> bool:
        return self.plain(
            lambda p: flows.share_equally(p, step_id),
            f"Share the ways out of {self._name(step_id)} equally",
            select=[step_id],
        )

    # Lanes

    def add_lane(self, name: str, after: str | None = None) -> bool:
        return self.plain(
            lambda p: lanes.add_lane(p, name, after=after), f"Add lane {quoted(name)}"
        )

    def rename_lane(self, lane_id: str, name: str) -> bool:
        return self.plain(lambda p: lanes.rename_lane(p, lane_id, name), "Rename a lane")

    def merge_lanes(self, lane_id: str, into: str) -> bool:
        return self.plain(lambda p: lanes.merge_lanes(p, lane_id, into), "Merge two lanes")

    def delete_lane(self, lane_id: str) -> bool:
        return self.plain(lambda p: lanes.delete_lane(p, lane_id), "Delete a lane")

    def move_lane_to(self, lane_id: str, index: int) -> bool:
        return self.plain(lambda p: lanes.move_lane_to(p, lane_id, index), "Move a lane")
