"""The map's "Said vs recorded" overlay: off without a kept log, toggled by a click, tags
below each step's label with the figures kept with the process."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.evidence.columns import ColumnChoice
from app.evidence.read import read_event_log
from app.evidence.report import gather_evidence
from app.evidence.stored import with_stored_evidence
from app.models.database import open_database
from app.models.transfer import add_samples
from app.process.model import Process
from app.ui.map.evidence_marks import OFF_TIP, SAID_MEANING, label_bottom
from app.ui.map.legend import legend_rows
from app.ui.map.page import FUTURE_MAP, MapPage
from app.ui.store import ProcessStore
from tests.evidence.logs import INVOICE_LOG, write_csv


@pytest.fixture
def store(tmp_path: Path) -> ProcessStore:
    store = ProcessStore()
    database = open_database(tmp_path / "marks.sqlite")
    add_samples(database)
    store.set_database(database)
    return store


def invoices(store: ProcessStore) -> Process:
    summary = next(item for item in store.summaries() if item.name.startswith("Approve"))
    return store.load(summary.id)


def with_log(process: Process, tmp_path: Path) -> Process:
    columns = ColumnChoice(case="Ticket", activity="Step", timestamp="When")
    log = read_event_log(write_csv(tmp_path, INVOICE_LOG, "invoices.csv"), columns)
    return with_stored_evidence(process, gather_evidence(process, log))


def page_for(qtbot: QtBot, store: ProcessStore, process: Process) -> MapPage:
    page = MapPage(store)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.show_process(process)
    return page


def click_toggle(qtbot: QtBot, page: MapPage) -> None:
    button = page.toolbar.widgetForAction(page.evidence_marks.action)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_off_with_a_reason_when_no_log_is_kept(qtbot: QtBot, store: ProcessStore) -> None:
    page = page_for(qtbot, store, invoices(store))
    action = page.evidence_marks.action
    assert not action.isEnabled()
    assert action.toolTip() == OFF_TIP
    click_toggle(qtbot, page)
    assert page.evidence_marks.tags == {}


def test_a_click_draws_the_kept_figures_below_each_label(
    qtbot: QtBot, store: ProcessStore, tmp_path: Path
) -> None:
    process = with_log(invoices(store), tmp_path)
    page = page_for(qtbot, store, process)
    assert page.evidence_marks.action.isEnabled()
    assert "invoices.csv" in page.evidence_marks.action.toolTip()
    click_toggle(qtbot, page)
    assert ("said", SAID_MEANING) in legend_rows(page.look)
    tags = page.evidence_marks.tags
    work = {s.id: s for s in process.steps if s.kind not in ("start", "end")}
    assert set(tags) == set(work)
    by_name = {work[step_id].name: tag for step_id, tag in tags.items()}
    # "Post invoice to ledger": said 8 h; case 1 waited 1 h, case 2 25 h (median 13 h)
    assert by_name["Post invoice to ledger"].lines == ("wait 8 h → 13 h ×1.6",)
    assert by_name["Post invoice to ledger"].tone == "apart"
    assert by_name["Release payment run"].lines == ("not in the log",)
    assert by_name["Release payment run"].tone == "unseen"
    geometry = page.scene.model.geometry if page.scene.model else None
    assert geometry is not None
    for node in geometry.nodes:
        if node.step_id in tags:
            assert tags[node.step_id].y() >= label_bottom(node, page.look.line_height)
    click_toggle(qtbot, page)
    assert page.evidence_marks.tags == {}
    assert ("said", SAID_MEANING) not in legend_rows(page.look)


def test_the_map_said_is_redrawn_without_the_log(
    qtbot: QtBot, store: ProcessStore, tmp_path: Path
) -> None:
    process = with_log(invoices(store), tmp_path)
    page = page_for(qtbot, store, process)
    page.evidence_marks.action.setChecked(True)
    post = next(s for s in process.steps if s.name == "Post invoice to ledger")
    steps = tuple(replace(s, wait_minutes=300) if s.id == post.id else s for s in process.steps)
    page.show_process(replace(process, steps=steps))
    assert page.evidence_marks.tags[post.id].lines == ("wait 5 h → 13 h ×2.6",)
    assert page.evidence_marks.tags[post.id].tone == "far"


def test_the_future_map_has_no_toggle(qtbot: QtBot, store: ProcessStore) -> None:
    page = MapPage(store, target=FUTURE_MAP)
    qtbot.addWidget(page)
    assert page.evidence_marks.action not in page.toolbar.actions()
