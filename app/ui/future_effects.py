"""Which action changed what in the future state: one line per action, as it was applied."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import QTextBrowser, QWidget

from app.future.apply import EFFECTS_KEY
from app.process.model import Process

NOT_APPLIED = "#c62828"
HAND_MADE = "Made by hand: no actions applied yet. “Apply actions…” builds it from the plan."


class ActionEffects(QTextBrowser):
    """The effects kept in the future state by "Apply actions" (a note for a hand-made one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Which action changed what")
        self.setOpenLinks(False)

    def show_future(self, future: Process | None) -> None:
        effects = future.extra.get(EFFECTS_KEY) if future is not None else None
        if not isinstance(effects, Sequence) or isinstance(effects, str):
            self.setPlainText(HAND_MADE)
            return
        rows = [_row(effect) for effect in effects if isinstance(effect, Mapping)]
        self.setHtml("".join(rows) or html.escape(HAND_MADE))


def _row(effect: Mapping[str, Any]) -> str:
    verb = html.escape(str(effect.get("verb", "")).capitalize())
    title = html.escape(str(effect.get("title", "")))
    what = html.escape(str(effect.get("what", "")))
    if not effect.get("applied", False):
        what = f'<span style="color:{NOT_APPLIED}">{what}</span>'
    return f"<p style='margin:0 0 4px 0'><b>{verb}:</b> {title}<br>→ {what}</p>"
