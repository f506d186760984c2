"""The action dialog's estimate: what the chosen verb plausibly changes, waiting apart from work."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.analysis.findings import find_findings
from app.analysis.metrics import compute_metrics
from app.process.model import Action
from app.ui.action_dialog import ActionDialog
from tests.export.test_pdf_support import sample


def test_the_estimate_follows_the_verb(qtbot: QtBot) -> None:
    process = sample("supplier-invoices")
    findings = find_findings(process, compute_metrics(process))
    dialog = ActionDialog(process, Action("a1", "eliminate", ""), findings, None)
    qtbot.addWidget(dialog)
    dialog.finding.setCurrentIndex(dialog.finding.findData("approval:s9"))
    dialog.verb.setCurrentIndex(dialog.verb.findData("eliminate"))
    assert dialog.impact.placeholderText() == (
        "est. 1.7 days less waiting per case; 320 h of work a year; 22,400 USD a year"
    )
    dialog.verb.setCurrentIndex(dialog.verb.findData("combine"))
    assert dialog.impact.placeholderText() == "est. 1.7 days less waiting per case"
