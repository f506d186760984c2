"""A save redraws the tab in view; the hidden tabs catch up when they come into view."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from app.process.model import Process
from app.ui.main_window import MainWindow
from app.ui.process_page import ProcessPage


def counted(
    show: Callable[[Process], None], name: str, drawn: list[str]
) -> Callable[[Process], None]:
    def counting(process: Process) -> None:
        drawn.append(name)
        show(process)

    return counting


def shown_owner(page: ProcessPage) -> str:
    editor = page.define_view.editors["owner"]
    return str(editor.text())  # type: ignore[attr-defined]


def test_hidden_tabs_catch_up_when_they_come_into_view(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.add_samples()
    page = window.process_page
    page.tabs.setCurrentWidget(page.map_page)
    drawn: list[str] = []
    for view in (page.map_page, page.steps_table, page.define_view):
        page._viewers[view] = counted(page._viewers[view], type(view).__name__, drawn)
    process = window.store.load(window.process_list.current_id())
    assert window.store.apply(replace(process, owner="Bo Lindqvist"), "Edit owner")
    assert drawn == ["MapPage"]
    assert shown_owner(page) != "Bo Lindqvist"

    page.tabs.setCurrentWidget(page.define_view)
    assert drawn == ["MapPage", "DefineView"]
    assert shown_owner(page) == "Bo Lindqvist"
    page.tabs.setCurrentWidget(page.map_page)  # up to date already: not drawn again
    assert drawn == ["MapPage", "DefineView"]


def test_bringing_all_up_to_date_draws_every_hidden_tab_once(window: MainWindow) -> None:
    window.add_samples()
    page = window.process_page
    latest: Process = window.store.load(window.process_list.current_id())
    page.bring_all_up_to_date()
    assert page._behind == set()
    assert shown_owner(page) == latest.owner
