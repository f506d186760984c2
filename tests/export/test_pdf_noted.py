"""A noted finding prints in the findings table, after the computed ones and never cut off."""

from __future__ import annotations

from pathlib import Path

from app.analysis.findings import find_findings
from app.analysis.metrics import compute_metrics
from app.analysis.noted import note_finding
from app.export.pdf import write_plan_pdf
from app.export.pdf.sections.findings import MAX_FINDINGS
from tests.export.test_pdf_support import OPTIONS, pdf_text, sample


def test_a_noted_finding_prints_even_when_the_list_is_cut(tmp_path: Path) -> None:
    process = sample("client-onboarding")
    assert len(find_findings(process, compute_metrics(process))) > MAX_FINDINGS
    process = note_finding(
        process,
        title="Approvals wait longer than said",
        detail="Said 2 d, recorded 5.5 d.",
        step_ids=[process.steps[2].id],
        source="evidence",
        minutes_per_run=5040,
    )
    path = tmp_path / "plan.pdf"
    write_plan_pdf(process, path, options=OPTIONS)
    text = " ".join(pdf_text(path).split())
    assert "Approvals wait longer than said" in text
    assert "Noted from the event log." in text
    assert "1 smaller finding is not listed." in text


def test_what_the_newer_sections_print_is_checked_for_glyphs() -> None:
    from dataclasses import replace

    from app.export.pdf.context import user_texts
    from app.process.model import Interview

    process = sample("client-onboarding")
    scenarios = [{"name": "Scenario 中", "in_plan": True}]
    process = replace(process, extra={**process.extra, "simulation_scenarios": scenarios})
    process = note_finding(process, title="Noted 🫠", detail="", step_ids=[], source="evidence")
    told = {"on_map": False, "lanes": [], "steps": [{"name": "Étape ש"}], "flows": []}
    process = replace(process, interviews=(Interview("Ana", extra={"account": told}),))
    texts = set(user_texts(process))
    assert {"Scenario 中", "Noted 🫠", "Étape ש"} <= texts
