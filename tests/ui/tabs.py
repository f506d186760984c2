"""Looking at a tab as a person does: by bringing it into view first (hidden tabs catch up
with the latest snapshot only when they come into view)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

from app.ui.process_page import ProcessPage

View = TypeVar("View", bound=QWidget)


def open_tab(page: ProcessPage, view: View) -> View:
    """Bring ``view`` into view in ``page`` and return it."""
    page.tabs.setCurrentWidget(view)
    return view
