"""The Analyze page shows the method's figures and ranks the findings."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from app.models.transfer import sample_processes
from app.process.model import Process
from app.ui.analysis_view import AnalysisView


def invoices() -> Process:
    return next(item for item in sample_processes() if item.name.startswith("Approve"))


def test_the_figures_are_those_of_the_method(qtbot: QtBot) -> None:
    view = AnalysisView()
    qtbot.addWidget(view)
    view.show_process(invoices())
    shown = {key: label.text() for key, label in view.values.items()}
    assert shown["lead"] == "5 days"
    assert shown["cost_run"] == "31.82 USD"
    assert shown["cost_year"] == "152,720 USD"
    assert shown["handoffs"] == "5.7"
    assert shown["fpy"] == "75 %"
    assert view.values["pce"].toolTip().startswith("Value-added time ÷ lead time")


def test_findings_are_ranked_and_clicking_one_names_its_steps(qtbot: QtBot) -> None:
    view = AnalysisView()
    qtbot.addWidget(view)
    view.show_process(invoices())
    assert view.findings.topLevelItemCount() >= 5
    first = view.findings.topLevelItem(0)
    assert first is not None
    # Rates are known, so the costliest in money comes first; waiting and work are apart.
    assert view.findings_box.title().startswith("Findings, by what they cost a year")
    assert first.text(0).startswith("Work goes back from 'Correct invoice in ERP'")
    assert [first.text(column) for column in (2, 3, 4)] == [
        "11.7 h per case, about 6.4 cases queued",
        "693 h",
        "31,200 USD",
    ]
    with qtbot.waitSignal(view.steps_highlighted) as signal:
        view.findings.setCurrentItem(first)
    assert signal.args == [("s5", "s6", "s7")]
    assert view.pareto.bars
    assert view.pareto.bars[0].in_focus


def test_an_empty_process_says_what_is_missing(qtbot: QtBot) -> None:
    view = AnalysisView()
    qtbot.addWidget(view)
    view.show_process(Process(name="Nothing yet"))
    assert view.problems_box.isVisibleTo(view)
    assert view.problems.text()
    assert view.findings.topLevelItemCount() == 0
    assert view.values["lead"].text() == "0 min"


def test_without_rates_the_list_says_by_time(qtbot: QtBot) -> None:
    view = AnalysisView()
    qtbot.addWidget(view)
    process = invoices()
    lanes = tuple(replace(lane, hourly_rate=None) for lane in process.lanes)
    view.show_process(replace(process, lanes=lanes, hourly_rate=0))
    assert view.findings_box.title().startswith("Findings, by time")
