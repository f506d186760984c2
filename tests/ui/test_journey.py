"""A whole journey through the window: interview, map, analysis, goal, plan and BPMN."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.export.bpmn import read_bpmn
from app.process.model import Goal
from app.ui.main_window import MainWindow
from tests.ui.tabs import open_tab
from tests.ui.test_interview import describe_step, type_line


def test_from_interview_to_printed_plan(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.new_interview_action.trigger()
    page = window.process_page
    interview = page.interview_page
    assert page.tabs.currentWidget() is interview
    define = interview.define_page
    type_line(qtbot, define.rows["interviewee"].field, "Priya Shah")
    type_line(qtbot, define.rows["name"].field, "Approve supplier invoices")
    type_line(qtbot, define.rows["frequency"].field, "20 per week")
    interview.go_to("steps")
    walk = interview.walk_page
    describe_step(qtbot, walk, "Receive invoice", "Mailroom", touch="2 min")
    describe_step(
        qtbot,
        walk,
        "Match invoice to PO",
        "Accounts payable",
        touch="6 min",
        wait="4 h",
        kind="d",
        outcomes=(("Match", "8", "next step"), ("Mismatch", "2", "later")),
    )
    describe_step(
        qtbot,
        walk,
        "Approve invoice",
        "Budget holder",
        touch="5 min",
        wait="2 days",
        kind="a",
        outcomes=(("Approved", "9", "next step"), ("Rejected", "1", "Match invoice to PO")),
    )
    describe_step(qtbot, walk, "Pay invoice", "Finance", touch="2 min", wait="1 day")
    describe_step(qtbot, walk, "Invoice paid", "Finance", kind="e")
    describe_step(
        qtbot,
        walk,
        "Query supplier",
        "Accounts payable",
        touch="10 min",
        wait="1 day",
        kind="d",
        outcomes=(("Corrected", "", "Match invoice to PO"),),
    )
    assert interview.pages.currentWidget() is interview.check_page
    interview.check_page.finish.click()
    assert page.tabs.currentWidget() is page.map_page
    assert len(page.map_page.scene.steps) == 7  # the six described and the start event

    process = window.store.load(window.process_list.current_id())
    analysis = open_tab(page, page.analyze_page).analysis_view
    assert analysis.values["lead"].text() != "0 min"
    assert analysis.findings.topLevelItemCount() > 0
    goal = Goal(
        "lead_time",
        target=1440,
        unit="minutes",
        due=dt.date.today() + dt.timedelta(90),
        owner="Dana Ortiz",
        measured_by="weekly, from the invoice log",
    )
    open_tab(page, page.goals_view).save_goal(None, goal)
    assert window.store.load(process.id).goals[0].baseline is None  # measured when printed

    plan, diagram = tmp_path / "plan.pdf", tmp_path / "invoices.bpmn"
    window.export_file(window.store.load(process.id), plan)
    window.export_file(window.store.load(process.id), diagram)
    assert plan.read_bytes().startswith(b"%PDF-")
    assert [step.name for step in read_bpmn(diagram).process.steps] == [
        step.name for step in process.steps
    ]
