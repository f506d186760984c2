"""What the plan cannot know is printed as "not known", never as 0 (as the app shows it)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.export.pdf import write_plan_pdf
from tests.export.test_pdf_support import OPTIONS, pdf_text, sample


def test_costs_without_hourly_rates_and_pce_without_values_are_not_known(tmp_path: Path) -> None:
    process = sample("supplier-invoices")
    lanes = tuple(replace(lane, hourly_rate=None) for lane in process.lanes)
    steps = tuple(replace(step, value=None) for step in process.steps)
    process = replace(process, lanes=lanes, steps=steps, hourly_rate=0)
    path = tmp_path / "plan.pdf"
    write_plan_pdf(process, path, options=OPTIONS)
    text = " ".join(pdf_text(path).split())
    summary = text[text.index("The process today") : text.index("The three biggest findings")]
    assert summary.count("not known") == 2  # the headline's PCE and cost, with their reasons
    assert "no hourly cost given" in summary
    assert "Cost per run not known: no hourly cost given" in text
    assert "ranked by time (the cost is not known: no hourly cost given)" in text
    assert "0 USD" not in text
