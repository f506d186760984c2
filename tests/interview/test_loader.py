"""The question bank loads from the package and refuses bad data, naming the place."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.interview import QuestionBankError, load_question_bank
from app.interview.bank import FILLS, TRIGGERS
from app.interview.loader import parse_question_bank

SHIPPED = Path(__file__).parents[2] / "resources" / "interview" / "questions.json"


def shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SHIPPED.read_text(encoding="utf-8"))
    return data


def refused(data: Any) -> str:
    with pytest.raises(QuestionBankError) as error:
        parse_question_bank(json.dumps(data), source="bank.json")
    return str(error.value)


def test_the_shipped_bank_has_every_stage_and_rule() -> None:
    bank = load_question_bank()
    assert [q.id for q in bank.check] == ["end_to_end", "wip", "per_week"]
    assert {rule.trigger for rule in bank.followups} == set(TRIGGERS)
    assert bank.rule("waiting").thresholds == {"min_wait_minutes": 240, "min_wait_share": 0.5}
    assert bank.rule("time_gap").thresholds == {"max_share_of_stated": 0.5}
    assert bank.runs_per_year == {"day": 250, "week": 52, "month": 12, "year": 1}
    assert all(q.fills in FILLS[q.stage] for q in (*bank.define, *bank.steps, *bank.check))
    assert load_question_bank(SHIPPED) == bank


def test_bad_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bank.json"
    path.write_text("{\n  oops\n}", encoding="utf-8")
    with pytest.raises(QuestionBankError, match=r"bank.json: is not valid JSON: .* line 2"):
        load_question_bank(path)


def test_a_missing_file_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(QuestionBankError, match="cannot be read"):
        load_question_bank(tmp_path / "none.json")


def test_unknown_trigger_is_named_with_its_place() -> None:
    data = shipped()
    data["followups"][1]["trigger"] = "sometimes"
    assert "followups[1] ('approval').trigger: 'sometimes' is not one of" in refused(data)


def test_missing_threshold_is_named() -> None:
    data = shipped()
    del data["followups"][0]["thresholds"]["min_wait_minutes"]
    message = refused(data)
    assert "followups[0] ('waiting').thresholds.min_wait_minutes: must be a number >= 0" in message


def test_unknown_placeholder_in_a_reason() -> None:
    data = shipped()
    data["followups"][0]["reason"] = "waits {forever}"
    assert "unknown placeholder {forever}" in refused(data)


def test_bad_question_fields_are_all_listed() -> None:
    data = shipped()
    data["define"][2]["fills"] = "process.colour"
    data["steps"][0]["input"] = "telepathy"
    data["check"][0]["prompt"] = ""
    message = refused(data)
    assert "define[2] ('interviewer').fills: 'process.colour' is not a field" in message
    assert "steps[0] ('step_name').input: 'telepathy' is not one of" in message
    assert "check[0] ('end_to_end').prompt: is required" in message


def test_duplicate_ids_and_bad_frequency() -> None:
    data = shipped()
    data["define"][1]["id"] = "interviewee"
    data["frequency_runs_per_year"]["day"] = 0
    message = refused(data)
    assert "question id 'interviewee' is used twice" in message
    assert "frequency_runs_per_year.day: must be a number > 0" in message


def test_a_removed_rule_never_fires(tmp_path: Path) -> None:
    data = shipped()
    data["followups"] = [r for r in data["followups"] if r["id"] != "approval"]
    bank = parse_question_bank(json.dumps(data))
    with pytest.raises(KeyError):
        bank.rule("approval")
