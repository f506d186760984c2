"""The control plan printed whole: every column and the owner; trial limits marked, honest
"limits undefined", and verdicts in the chart's unit."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from app.export.pdf import write_plan_pdf
from app.process.control import ControlPlanRow
from app.process.model import Process
from tests.export.test_pdf_support import OPTIONS, pdf_text, sample
from tests.ui.control_fixtures import DAY, with_control_series


def _text(process: Process, tmp_path: Path) -> str:
    path = tmp_path / "plan.pdf"
    write_plan_pdf(process, path, options=OPTIONS)
    return " ".join(pdf_text(path).split())


def test_every_column_of_the_control_plan_and_its_owner_print(tmp_path: Path) -> None:
    process = with_control_series(sample("supplier-invoices"))
    row = ControlPlanRow(
        "lead_time",
        what="Days from invoice received to paid",
        how="Invoice log export, median of the week",
        frequency="Every Monday",
        who="AP clerk on duty",
        upper_limit=4 * DAY,
        reaction="Clear the approval queue the same day",
        notify="Finance manager",
    )
    process = replace(process, control=replace(process.control, plan=(row,)))
    text = _text(process, tmp_path)
    assert "Control owner: Dana Ortiz" in text
    for label, value in (
        ("What is measured", "Days from invoice received to paid"),
        ("How", "Invoice log export, median of the week"),
        ("How often", "Every Monday"),
        ("Who measures", "AP clerk on duty"),
        ("Limits", "at most 4 days"),
        ("Who is notified", "Finance manager"),
        ("Reaction", "Clear the approval queue the same day"),
    ):
        assert f"{label} {value}" in text, label


def test_few_baseline_points_give_marked_trial_limits(tmp_path: Path) -> None:
    process = with_control_series(sample("supplier-invoices"))
    kept = process.control.measurements[7:]  # 5 before go-live, 8 after
    process = replace(process, control=replace(process.control, measurements=kept))
    text = _text(process, tmp_path)
    assert "Trial limits (from 5 points)" in text
    assert "These are trial limits: they come from 5 points, and become firm from 12." in text


def test_one_baseline_point_is_not_called_every_value_the_same(tmp_path: Path) -> None:
    process = with_control_series(sample("supplier-invoices"))
    kept = process.control.measurements[11:]  # 1 before go-live, then differing values
    process = replace(process, control=replace(process.control, measurements=kept))
    text = _text(process, tmp_path)
    assert "Limits undefined" not in text
    assert "every value is the same" not in text
    assert "With one point only the centre line is drawn" in text


def test_a_met_verdict_prints_the_target_in_the_charts_unit(tmp_path: Path) -> None:
    process = with_control_series(sample("supplier-invoices"))
    goal = replace(process.goals[0], target=2.5 * DAY)
    process = replace(process, goals=(goal, *process.goals[1:]))
    text = _text(process, tmp_path)
    assert "Met: the last 3 values are all at or better than the target (2.5 days)." in text
    assert "(3,600)" not in text  # 2.5 days as raw minutes
    # The chart's dates are the plan's one long date too.
    assert "Go-live 15 January 2027" in text
    assert not re.search(r"\b\d{1,2} (Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}", text)
