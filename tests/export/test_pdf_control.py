"""The control section of the plan: completed reviews print their verdict and the I-MR chart."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import replace
from pathlib import Path

from app.analysis.reviews import complete_review
from app.export.pdf import write_plan_pdf
from tests.export.test_pdf_support import OPTIONS, pdf_text, sample, tool
from tests.ui.control_fixtures import with_control_series


def _flat(text: str) -> str:
    return " ".join(text.split())


def _page_of(path: Path, needle: str) -> str:
    pages = int(
        next(
            line.split()[-1]
            for line in subprocess.run(
                [tool("pdfinfo"), str(path)], check=True, capture_output=True, text=True
            ).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    for number in range(1, pages + 1):
        text = subprocess.run(
            [tool("pdftotext"), "-f", str(number), "-l", str(number), str(path), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        if needle in text:
            return _flat(text)
    return ""


def test_a_completed_review_prints_its_verdict_answers_and_chart(tmp_path: Path) -> None:
    process = with_control_series(sample("supplier-invoices"))
    control = complete_review(
        process.control,
        "day30",
        done_on=dt.date(2027, 2, 16),
        verdict="fading",
        answers={"followed": "Only two clerks of three use the new inbox."},
        notes="Retrain the Friday cover.",
    )
    path = tmp_path / "plan.pdf"
    write_plan_pdf(replace(process, control=control), path, options=OPTIONS)
    page = _page_of(path, "30-day review held")
    assert "30-day review held 16 February 2027" in page
    assert "Fading: the gain is slipping back." in page
    assert "Only two clerks of three use the new inbox." in page
    assert "Retrain the Friday cover." in page
    # The chart: its title, line labels, go-live marker and signals as of the review day.
    for expected in (
        "Individuals chart (I-MR) of lead time",
        "UCL 6.9 days",
        "LCL 3.5 days",
        "Centre 5.2 days",
        "Target 2 days",
        "Go-live 15 January 2027",
        "Moving range",  # the moving-range strip, with MR̄ and its limit in the metric's unit
        "MR̄ 15.3 h",
        "UCL 2.1 days",
    ):
        assert expected in page, expected
    # The verdict speaks the chart's unit, not raw minutes.
    assert "Holding: no signal of concern since go-live" in page
    text = _flat(pdf_text(path))
    assert (
        "The baseline is the 12 points before go-live on 15 January 2027. Centre 5.2 days, "
        "limits 3.5 days to 6.9 days (average moving range 15.3 h). Moving-range limit 2.1 days. "
        "Firm limits."
    ) in text
    assert "Concern: 1 point beyond the upper limit (4 December 2026)." in text
    assert "12 February 2027" in page  # the last point before the review …
    assert "5 March 2027" not in page  # … and none after it
    assert "Where it stands" in _flat(pdf_text(path))  # newer measurements get today's chart


def test_without_measurements_there_is_no_chart(tmp_path: Path) -> None:
    process = with_control_series(sample("supplier-invoices"))
    control = complete_review(
        replace(process.control, measurements=()),
        "day30",
        done_on=dt.date(2027, 2, 16),
        verdict="holding",
        answers={},
    )
    path = tmp_path / "plan.pdf"
    write_plan_pdf(replace(process, control=control), path, options=OPTIONS)
    text = _flat(pdf_text(path))
    assert "Holding: the gain is in place." in text
    assert "Individuals chart" not in text
    assert "Where it stands" not in text
