"""Noted findings: kept in the process, listed after the computed ones, keyed by their id."""

from __future__ import annotations

from dataclasses import replace

import jsonschema

from app.analysis.findings import find_findings
from app.analysis.metrics import compute_metrics
from app.analysis.noted import drop_noted, note_finding, noted_findings, noted_origins
from app.process.file import process_from_document, process_to_document
from tests.analysis.test_findings import invoice_process
from tests.process.test_file import SCHEMA


def test_a_noted_finding_joins_the_computed_ones_last() -> None:
    before = invoice_process()
    computed = find_findings(before, compute_metrics(before))
    after = note_finding(
        before,
        title="Approvals wait longer than the manager said",
        detail="Said 1 h, recorded 5.5 h median over 812 cases.",
        step_ids=["C"],
        source="evidence",
        minutes_per_run=270,
        origin="evidence:wait:C",
    )
    found = find_findings(after, compute_metrics(after))
    assert found[: len(computed)] == computed
    noted = found[-1]
    assert noted.kind == "noted"
    assert noted.source == "evidence"
    assert noted.key == f"noted:{noted.note_id}"
    assert len(noted.note_id) == 12
    assert noted.step_ids == ("C",)
    # 270 min a run × 100 runs a year; no wages: waiting is calendar time
    assert noted.minutes_per_year == 27_000
    assert noted.cost_per_year == 0
    assert noted.detail == "Said 1 h, recorded 5.5 h median over 812 cases."
    assert before.extra == {}, "the snapshot given is not changed"


def test_origins_say_what_is_already_a_finding_and_dropping_removes_it() -> None:
    proc = note_finding(
        invoice_process(), title="T", detail="", step_ids=[], source="accounts", origin="a:1"
    )
    proc = note_finding(proc, title="U", detail="", step_ids=[], source="accounts", origin="a:2")
    assert noted_origins(proc) == {"a:1", "a:2"}
    first = noted_findings(proc)[0]
    proc = drop_noted(proc, first.note_id)
    assert [f.title for f in noted_findings(proc)] == ["U"]
    proc = drop_noted(proc, noted_findings(proc)[0].note_id)
    assert "noted_findings" not in proc.extra
    assert noted_origins(proc) == frozenset()


def test_a_step_deleted_since_is_left_out_and_the_file_keeps_the_note() -> None:
    proc = note_finding(
        invoice_process(), title="Gone", detail="d", step_ids=["A", "zz"], source="accounts"
    )
    assert noted_findings(proc)[0].step_ids == ("A",)
    document = process_to_document(proc)
    jsonschema.validate(document, SCHEMA)
    again = process_from_document(document)
    assert noted_findings(again) == noted_findings(proc)


def test_hostile_stored_values_read_as_nothing_rather_than_failing() -> None:
    base = invoice_process()
    bad = [{"id": "x", "minutes_per_run": "lots"}, {"no": "id"}, 7, {"id": "y", "steps": [1]}]
    proc = note_finding(base, title="ok", detail="", step_ids=[], source="s")
    proc = replace(proc, extra={"noted_findings": bad})
    found = noted_findings(proc)
    assert [f.note_id for f in found] == ["x", "y"]
    assert found[0].minutes_per_run == 0
    assert found[0].title == "Noted finding"
