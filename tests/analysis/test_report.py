"""The ``analyze --json`` payload: its keys, its figures and plain JSON values."""

from __future__ import annotations

import json

from app.analysis.report import analysis_json
from tests.analysis.test_findings import invoice_process

METRIC_KEYS = [
    "lead_time_minutes", "touch_minutes", "wait_minutes", "value_added_minutes", "pce",
    "handoffs", "approvals", "cost_per_run", "annual_cost", "first_pass_yield",
]  # fmt: skip


def test_keys_and_figures() -> None:
    payload = analysis_json(invoice_process())
    assert list(payload) == [
        *METRIC_KEYS,
        "visits",
        "findings",
        "pareto",
        "problems",
        "findings_ranked_by",
    ]
    assert payload["lead_time_minutes"] == 114.285714  # 80 / 0.7, rounded to 6 decimals
    assert payload["first_pass_yield"] == 0.7
    assert payload["approvals"] == 1
    assert payload["visits"] == {"S": 1.0, "A": 1.428571, "C": 1.428571, "E": 1.0}
    assert payload["findings"][0]["kind"] == "approval"
    assert payload["findings"][0]["key"] == "approval:C"
    assert set(payload["findings"][0]) == {
        "key", "kind", "title", "steps", "waste", "minutes_per_run", "minutes_per_year",
        "cost_per_year", "detail", "wait_minutes_per_run", "touch_minutes_per_run",
        "work_minutes_per_year", "cases_waiting",
    }  # fmt: skip
    assert payload["pareto"][0]["step"] == "C"
    assert payload["problems"] == []


def test_is_plain_json_and_deterministic() -> None:
    first = json.dumps(analysis_json(invoice_process()))
    assert first == json.dumps(analysis_json(invoice_process()))


def test_runs_false_leaves_visits_empty() -> None:
    assert analysis_json(invoice_process(), runs=False)["visits"] == {}


def test_problems_are_listed() -> None:
    from tests.analysis.builder import process, step

    payload = analysis_json(process([step("A")], []))
    assert [p["code"] for p in payload["problems"]] == ["no_start", "dead_end"]
    assert payload["problems"][1]["steps"] == ["A"]
    assert payload["findings"] == []
    assert payload["lead_time_minutes"] == 0
