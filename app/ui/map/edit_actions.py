"""The map's editing commands as window actions with their shortcuts (listed in the help page).

They act on the steps selected on the map and work while the map or the step list has focus,
so Delete in a text field never deletes a step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from app.ui.map import menus

if TYPE_CHECKING:
    from app.ui.map.page import MapPage

# (name, text, shortcut, on the toolbar); Delete is handled as a key (see interaction.py).
EDIT_COMMANDS = (
    ("insert_after", "Insert step", "Ins", True),
    ("insert_before", "Insert step before", "Shift+Ins", False),
    ("delete", "Delete", "", True),
    ("duplicate", "Duplicate", "Ctrl+D", False),
    ("rename", "Rename", "F2", False),
    ("connect", "Connect to…", "Ctrl+L", True),
    ("earlier", "Move earlier", "Ctrl+Shift+Left", False),
    ("later", "Move later", "Ctrl+Shift+Right", False),
    ("add_lane", "Add lane…", "", True),
)


def build_edit_actions(page: MapPage) -> dict[str, QAction]:
    """One action per editing command, on the map view and the step list."""
    slots = _slots(page)
    actions: dict[str, QAction] = {}
    for name, text, key, on_toolbar in EDIT_COMMANDS:
        action = QAction(text, page)
        if key:
            action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(
            text.rstrip("…") + (f" ({key})" if key else " (Del)" if name == "delete" else "")
        )
        action.triggered.connect(lambda _checked=False, slot=slots[name]: slot())
        page.view.addAction(action)
        page.steps.addAction(action)
        if on_toolbar:
            page.toolbar.addAction(action)
        actions[name] = action
    return actions


def _slots(page: MapPage) -> dict[str, Callable[[], object]]:
    editor = page.editor

    def one(run: Callable[[str], object]) -> Callable[[], object]:
        return lambda: run(page.selected[0]) if len(page.selected) == 1 else None

    return {
        "insert_after": one(editor.insert_after),
        "insert_before": one(editor.insert_before),
        "delete": lambda: editor.delete(page.selected) if page.selected else None,
        "duplicate": one(editor.duplicate),
        "rename": one(page.rename_in_place),
        "connect": one(lambda step_id: menus.connect_from(page, step_id)),
        "earlier": one(lambda step_id: editor.move_in_order(step_id, -1)),
        "later": one(lambda step_id: editor.move_in_order(step_id, 1)),
        "add_lane": lambda: menus.ask_new_lane(page, None),
    }
