"""Fixtures for the Control tab tests: the invoices sample in a temporary database."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.models.database import open_database
from app.models.transfer import add_samples
from app.process.model import Process
from app.ui.control.page import ControlPage
from app.ui.store import ProcessStore
from tests.ui.control_fixtures import TODAY


@pytest.fixture
def store(tmp_path: Path) -> ProcessStore:
    result = ProcessStore()
    database = open_database(tmp_path / "control.sqlite")
    add_samples(database)
    result.set_database(database)
    return result


def invoices(store: ProcessStore) -> Process:
    summary = next(item for item in store.summaries() if item.name.startswith("Approve"))
    return store.load(summary.id)


@pytest.fixture
def page(qtbot: QtBot, store: ProcessStore) -> ControlPage:
    """The Control tab on the invoices sample, refreshed after every edit like the window."""
    widget = ControlPage(store, today=TODAY)
    qtbot.addWidget(widget)
    store.process_changed.connect(lambda process_id: widget.show_process(store.load(process_id)))
    widget.show_process(invoices(store))
    return widget
