"""Root causes in the Analyze tab: the 5 whys tree (branching, edit, remove, undo), the fishbone
with categories renamed in place, and the conclusion; each edit saved at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.models.database import open_database
from app.models.transfer import add_samples
from app.process.model import FISHBONE_CATEGORIES, Process, RootCause, WhyNode
from app.ui.analyze_page import AnalyzePage
from app.ui.store import ProcessStore

KEY = "approval:s9"


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path) -> AnalyzePage:
    store = ProcessStore()
    database = open_database(tmp_path / "causes.sqlite")
    add_samples(database)
    store.set_database(database)
    summary = next(item for item in store.summaries() if item.name.startswith("Approve"))
    widget = AnalyzePage(store)
    qtbot.addWidget(widget)
    store.process_changed.connect(lambda pid: widget.show_process(store.load(pid)))
    widget.show_process(store.load(summary.id))
    widget.analysis_view.select_finding(KEY)
    return widget


def saved(page: AnalyzePage) -> Process:
    process = page.root_causes.process
    assert process is not None
    return page.root_causes.store.load(process.id)


def notes(page: AnalyzePage) -> RootCause:
    return next(cause for cause in saved(page).root_causes if cause.finding == KEY)


def type_why(page: AnalyzePage, text: str) -> None:
    """Type into the chosen why as the editor would, then commit it."""
    item = page.root_causes.whys.currentItem()
    assert item is not None
    item.setText(0, text)
    QApplication.processEvents()  # the edit is saved on the next turn of the event loop


def test_choosing_a_finding_shows_its_notes_and_does_not_leave_the_page(
    page: AnalyzePage, qtbot: QtBot
) -> None:
    panel = page.root_causes
    assert panel.finding is not None
    assert panel.finding.key == KEY
    assert panel.title.text().startswith("Root cause of: Approval 'Approve invoice'")
    assert not panel.notes_box.isHidden()
    with qtbot.waitSignal(page.steps_highlighted) as signal:
        panel.map_button.click()
    assert signal.args == [("s9",)]


def test_whys_grow_deeper_branch_are_edited_and_removed_with_undo(page: AnalyzePage) -> None:
    panel = page.root_causes
    panel.ask_why()
    type_why(page, "The budget holder approves every invoice by e-mail")
    panel.ask_why()
    type_why(page, "Policy says every invoice needs approval <b>&</b> 😀")
    panel.add_branch()
    type_why(page, "Nobody set a threshold")
    assert notes(page).whys == (
        WhyNode(
            "The budget holder approves every invoice by e-mail",
            (
                WhyNode("Policy says every invoice needs approval <b>&</b> 😀"),
                WhyNode("Nobody set a threshold"),
            ),
        ),
    )
    top = panel.whys.topLevelItem(0)
    assert top is not None
    assert top.childCount() == 2
    panel.select_path((0, 0))
    panel.remove_why()
    assert notes(page).whys[0].children == (WhyNode("Nobody set a threshold"),)
    panel.store.undo_stack.undo()
    assert len(notes(page).whys[0].children) == 2
    top = panel.whys.topLevelItem(0)
    assert top is not None
    assert top.childCount() == 2


def test_more_than_five_whys_are_fine(page: AnalyzePage) -> None:
    for number in range(7):
        page.root_causes.ask_why()
        type_why(page, f"why {number + 1}")
    node = notes(page).whys[0]
    depth = 1
    while node.children:
        node, depth = node.children[0], depth + 1
    assert (depth, node.text) == (7, "why 7")


def test_fishbone_causes_and_the_conclusion_are_saved(page: AnalyzePage) -> None:
    panel = page.root_causes
    box = panel.fishbone["Policies"]
    box.causes.setPlainText("Approval limit unclear\n\n  All invoices routed  ")
    box.causes.editing_finished.emit()
    panel.conclusion.setPlainText("No approval threshold — finance can set one")
    panel.conclusion.editing_finished.emit()
    cause = notes(page)
    assert cause.fishbone == {"Policies": ("Approval limit unclear", "All invoices routed")}
    assert cause.conclusion == "No approval threshold — finance can set one"
    panel.store.undo_stack.undo()
    assert notes(page).conclusion == ""
    assert panel.conclusion.toPlainText() == ""


def test_renaming_a_category_renames_it_everywhere(page: AnalyzePage) -> None:
    panel = page.root_causes
    box = panel.fishbone["Policies"]
    box.causes.setPlainText("Approval limit unclear")
    box.causes.editing_finished.emit()
    box.name.setText("Rules ✓")
    box.name.editingFinished.emit()
    process = saved(page)
    assert process.fishbone_categories[1] == "Rules ✓"
    assert len(process.fishbone_categories) == len(FISHBONE_CATEGORIES)
    assert notes(page).fishbone == {"Rules ✓": ("Approval limit unclear",)}
    assert list(panel.fishbone)[1] == "Rules ✓"
    assert panel.fishbone["Rules ✓"].causes.toPlainText() == "Approval limit unclear"
    panel.store.undo_stack.undo()
    assert saved(page).fishbone_categories == FISHBONE_CATEGORIES


def test_a_duplicate_category_name_is_refused(page: AnalyzePage, errors: list[str]) -> None:
    box = page.root_causes.fishbone["Policies"]
    box.name.setText("Measurement")
    box.name.editingFinished.emit()
    assert errors == ["There is already a fishbone category 'Measurement'."]
    assert saved(page).fishbone_categories == FISHBONE_CATEGORIES
    assert box.name.text() == "Policies"


def test_notes_follow_the_chosen_finding(page: AnalyzePage) -> None:
    panel = page.root_causes
    panel.ask_why()
    type_why(page, "Only for the approval")
    page.analysis_view.select_finding("wait:s11")
    assert panel.finding is not None
    assert panel.finding.key == "wait:s11"
    assert panel.whys.topLevelItemCount() == 0
    page.analysis_view.select_finding(KEY)
    assert panel.whys.topLevelItemCount() == 1


def test_a_why_typed_just_before_another_process_opens_is_saved_to_its_own_process(
    page: AnalyzePage,
) -> None:
    panel = page.root_causes
    store = panel.store
    panel.ask_why()
    invoices = saved(page)
    other = store.load(next(s.id for s in store.summaries() if s.id != invoices.id))
    item = panel.whys.currentItem()
    assert item is not None
    item.setText(0, "Nobody set a threshold")
    page.show_process(other)  # the window opens another process at once
    QApplication.processEvents()  # the edit is saved on the next turn of the event loop
    (cause,) = (c for c in store.load(invoices.id).root_causes if c.finding == KEY)
    assert cause.whys == (WhyNode("Nobody set a threshold"),)
    assert store.load(other.id).root_causes == other.root_causes
