"""A noted finding in the Analyze tab: listed with where it came from, removed and undone."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.analysis.noted import note_finding, noted_findings
from app.models.database import open_database
from app.models.transfer import add_samples
from app.ui.analyze_page import AnalyzePage
from app.ui.store import ProcessStore


def test_a_noted_finding_is_listed_removed_and_undone(qtbot: QtBot, tmp_path: Path) -> None:
    store = ProcessStore()
    database = open_database(tmp_path / "noted.sqlite")
    add_samples(database)
    store.set_database(database)
    summary = next(item for item in store.summaries() if item.name.startswith("Approve"))
    page = AnalyzePage(store)
    qtbot.addWidget(page)
    store.process_changed.connect(lambda pid: page.show_process(store.load(pid)))
    process = store.load(summary.id)
    step = process.steps[2].id
    noted = note_finding(
        process,
        title="Approvals wait 5.5 days, not 2",
        detail="Said 2 d, recorded 5.5 d.",
        step_ids=[step],
        source="evidence",
        origin=f"evidence:wait:{step}",
    )
    page.show_process(process)
    tree = page.analysis_view.findings
    computed = tree.topLevelItemCount()
    assert store.apply(noted, "Note a finding")
    assert tree.topLevelItemCount() == computed + 1
    last = tree.topLevelItem(tree.topLevelItemCount() - 1)
    assert last is not None
    assert last.text(0) == "Approvals wait 5.5 days, not 2"
    assert last.toolTip(0).endswith("Noted from the event log. Right-click to remove it.")

    page.remove_noted(noted_findings(store.load(summary.id))[0].note_id)
    assert noted_findings(store.load(summary.id)) == ()
    assert tree.topLevelItemCount() == computed
    store.undo_stack.undo()
    assert [f.title for f in noted_findings(store.load(summary.id))] == [
        "Approvals wait 5.5 days, not 2"
    ]
