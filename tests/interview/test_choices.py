"""The waiting follow-up's one-key answer: what the wait is for, stored as the step's
``wait_for`` exactly as the staffing fields keep it, changed or cleared by one key."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from app.interview import QuestionBankError, choose_answer, followups_for_step, load_question_bank
from app.process.model import Step
from app.process.staffing import wait_for
from tests.interview.helpers import make_process


def waiting_followup(process: Any) -> Any:
    (followup,) = [f for f in followups_for_step(process, "s1") if f.rule_id == "waiting"]
    return followup


def long_wait() -> Any:
    return make_process([Step("s1", "ap", "Key invoice", "task", 8, 780)])


def test_the_waiting_followup_offers_queue_or_outside() -> None:
    followup = waiting_followup(long_wait())
    assert followup.choice is not None
    assert [(o.key, o.value) for o in followup.choice.options] == [("q", "queue"), ("o", "outside")]
    assert followup.chosen == ""


@pytest.mark.parametrize(("key", "stored"), [("q", "queue"), ("O", "outside")])
def test_one_key_stores_wait_for(key: str, stored: str) -> None:
    process = choose_answer(long_wait(), waiting_followup(long_wait()), key)
    step = process.steps[0]
    assert wait_for(step) == stored
    assert step.extra["wait_for"] == stored
    assert waiting_followup(process).chosen == stored


def test_another_key_changes_it_and_none_clears_it() -> None:
    process = choose_answer(long_wait(), waiting_followup(long_wait()), "q")
    process = choose_answer(process, waiting_followup(process), "o")
    assert wait_for(process.steps[0]) == "outside"
    cleared = choose_answer(process, waiting_followup(process), "")
    assert "wait_for" not in cleared.steps[0].extra


def test_a_key_that_is_no_answer_says_which_are() -> None:
    with pytest.raises(ValueError, match=r"'x' is not an answer .* press Q or O"):
        choose_answer(long_wait(), waiting_followup(long_wait()), "x")


def test_other_extras_of_the_step_are_kept() -> None:
    step = Step("s1", "ap", "Key invoice", "task", 8, 780, extra={"touch_best_minutes": 5})
    process = make_process([step])
    chosen = choose_answer(process, waiting_followup(process), "q")
    assert chosen.steps[0].extra == {"touch_best_minutes": 5, "wait_for": "queue"}


def bank_with_choice(tmp_path: Path, choice: Any) -> Path:
    data = json.loads(files("app.resources.interview").joinpath("questions.json").read_text())
    data["followups"][0]["choice"] = choice
    path = tmp_path / "bank.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("choice", "problem"),
    [
        ("queue", "followups[0] ('waiting').choice: must be an object"),
        ({"fills": "step.name", "prompt": "?", "options": []}, "choice.fills: must be one of"),
        ({"fills": "step.wait_for", "prompt": " ", "options": []}, "choice.prompt: is required"),
        (
            {"fills": "step.wait_for", "prompt": "?", "options": [{"key": "q"}]},
            "choice.options: must list at least two options",
        ),
        (
            {
                "fills": "step.wait_for",
                "prompt": "?",
                "options": [
                    {"key": "q", "value": "queue", "label": "Q"},
                    {"key": "Q", "value": "outside", "label": "O"},
                ],
            },
            "choice.options[1].key: 'q' is used twice",
        ),
        (
            {
                "fills": "step.wait_for",
                "prompt": "?",
                "options": [
                    {"key": "q", "value": "queue", "label": "Q"},
                    {"key": "o", "value": "never", "label": "O"},
                ],
            },
            "choice.options[1].value: must be one of queue, outside",
        ),
    ],
)
def test_a_bad_choice_in_the_bank_is_named(tmp_path: Path, choice: Any, problem: str) -> None:
    with pytest.raises(QuestionBankError) as refused:
        load_question_bank(bank_with_choice(tmp_path, choice))
    assert problem in str(refused.value)
