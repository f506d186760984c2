"""The Evidence tab's large gaps: "Make it a finding" by a real click, "already a finding"
after; the figures kept with the process for the map when the mapping is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.analysis.findings import find_findings
from app.analysis.metrics import compute_metrics
from app.evidence.recorded import recorded_log
from app.models.database import open_database
from app.models.transfer import add_samples
from app.ui.evidence_gaps import ALREADY, MAKE
from app.ui.evidence_page import EvidencePage
from app.ui.store import ProcessStore
from tests.evidence.logs import write_csv
from tests.ui.test_evidence_page import LOG, picked

NEWER = LOG.replace("2026-01-06 10:00", "2026-01-08 10:00")


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path) -> EvidencePage:
    store = ProcessStore()
    database = open_database(tmp_path / "gaps.sqlite")
    add_samples(database)
    store.set_database(database)
    summary = next(item for item in store.summaries() if item.name.startswith("Approve"))
    view = EvidencePage(store)
    qtbot.addWidget(view)
    store.process_changed.connect(lambda process_id: view.show_process(store.load(process_id)))
    view.show_process(store.load(summary.id))
    view.show()
    return view


def row_of(page: EvidencePage, origin: str) -> int:
    return next(r for r, gap in enumerate(page.gaps.gaps) if gap.origin == origin)


def test_a_gap_made_a_finding_by_a_click_says_so_after(page: EvidencePage, tmp_path: Path) -> None:
    picked(page, write_csv(tmp_path, LOG))
    assert page.tables.tabText(1) == f"Large gaps ({len(page.gaps.gaps)})"
    row = row_of(page, "evidence:extra:Phone the supplier")
    assert page.gaps.item(row, 0).text() == "'Phone the supplier' is recorded but not on the map"
    button = page.gaps.button(row)
    assert (button.text(), button.isEnabled()) == (MAKE, True)
    page.tables.setCurrentIndex(1)
    QtBot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.process is not None
    saved = page.store.load(page.process.id)
    noted = [f for f in find_findings(saved, compute_metrics(saved)) if f.kind == "noted"]
    assert [(f.title, f.source) for f in noted] == [
        ("'Phone the supplier' is recorded but not on the map", "evidence")
    ]
    again = page.gaps.button(row_of(page, "evidence:extra:Phone the supplier"))
    assert (again.text(), again.isEnabled()) == (ALREADY, False)
    page.note_gap(page.gaps.gaps[row_of(page, "evidence:extra:Phone the supplier")])
    assert len(page.store.load(page.process.id).extra["noted_findings"]) == 1  # never twice


def test_a_longer_wait_carries_its_figures_and_its_extra_minutes(
    page: EvidencePage, tmp_path: Path
) -> None:
    picked(page, write_csv(tmp_path, NEWER, "newer.csv"))
    assert page.process is not None
    post = next(s for s in page.process.steps if s.name == "Post invoice to ledger")
    gap = page.gaps.gaps[row_of(page, f"evidence:wait:{post.id}")]
    # said 8 h; case 1 waited 1 h, case 2 47 h (after phoning the supplier on 6 Jan 11:00)
    assert gap.title == "Wait before 'Post invoice to ledger': said 8 h, recorded 1 day"
    assert gap.detail == (
        "Wait: said 8 h, recorded 1 day median over 2 cases, 5 Jan 2026 to 8 Jan 2026, "
        "log newer.csv (×3.0). The log adds 16 h a run to what the map says."
    )
    assert gap.minutes_per_run == 16 * 60  # both cases reach it: 24 h recorded − 8 h said


def test_keeping_the_mapping_keeps_what_the_log_recorded(
    page: EvidencePage, tmp_path: Path
) -> None:
    picked(page, write_csv(tmp_path, LOG))
    assert page.process is not None
    page.save_mapping()
    kept = recorded_log(page.store.load(page.process.id))
    assert kept is not None
    assert (kept.log, kept.cases, kept.period()) == ("log.csv", 2, "5 Jan 2026 to 7 Jan 2026")
    post = next(s for s in page.process.steps if s.name == "Post invoice to ledger")
    assert kept.steps[post.id].wait_minutes == 13 * 60


def test_a_newer_log_refreshes_the_kept_figures(page: EvidencePage, tmp_path: Path) -> None:
    picked(page, write_csv(tmp_path, LOG))
    assert page.process is not None
    page.save_mapping()
    picked(page, write_csv(tmp_path, NEWER, "newer.csv"))
    kept = recorded_log(page.store.load(page.process.id))
    assert kept is not None
    assert kept.log == "newer.csv"
    post = next(s for s in page.process.steps if s.name == "Post invoice to ledger")
    assert kept.steps[post.id].wait_minutes == (1 + 47) * 60 / 2
