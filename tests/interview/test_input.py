"""Bad and unusual input: refused with a sentence and nothing changed, or kept exactly."""

from __future__ import annotations

import pytest

from app.interview import (
    Outcome,
    StepDraft,
    add_step,
    apply_check_answer,
    apply_define_answer,
    start_interview,
)
from app.process.durations import DurationError, parse_duration
from app.process.file import dumps_process, loads_process


@pytest.mark.parametrize("text", ["soon", "-5", "3 dayz"])
@pytest.mark.parametrize("field", ["touch", "wait"])
def test_unreadable_times_say_what_was_understood(text: str, field: str) -> None:
    process = start_interview()
    draft = StepDraft(name="Check", lane="AP", **{field: text})
    result = add_step(process, draft)
    with pytest.raises(DurationError) as error:
        parse_duration(text)
    assert result.errors == {field: str(error.value)}
    assert result.process is process
    assert not result.step_id


def test_unreadable_end_to_end_time_changes_nothing() -> None:
    process = start_interview()
    result = apply_check_answer(process, "end_to_end", "soon")
    assert result.error.startswith("'soon' is not a duration")
    assert result.process is process


def test_empty_step_name_is_refused() -> None:
    process = start_interview()
    result = add_step(process, StepDraft(name="   ", lane="AP"))
    assert "name" in result.errors
    assert result.process is process


def test_empty_process_name_is_refused() -> None:
    process = start_interview()
    result = apply_define_answer(process, "name", " ")
    assert result.error
    assert result.process is process


def test_outcomes_not_adding_up_to_ten_are_explained() -> None:
    process = add_step(start_interview(), StepDraft(name="Start", lane="AP")).process
    draft = StepDraft(
        name="Check",
        lane="AP",
        kind="decision",
        outcomes=(Outcome("OK", 7), Outcome("Wrong", 2)),
    )
    result = add_step(process, draft)
    assert result.errors["outcomes"].startswith(
        "The outcomes add up to 9 out of 10 ('OK' 7, 'Wrong' 2)"
    )
    assert result.process is process


def test_a_blank_share_takes_the_rest() -> None:
    process = add_step(start_interview(), StepDraft(name="Start", lane="AP")).process
    draft = StepDraft(
        name="Check", lane="AP", kind="decision", outcomes=(Outcome("OK", 7), Outcome("No", None))
    )
    assert add_step(process, draft).ok


def test_a_task_cannot_branch_and_an_unknown_target_is_named() -> None:
    process = add_step(start_interview(), StepDraft(name="Start", lane="AP")).process
    branching = StepDraft(name="Do", lane="AP", outcomes=(Outcome("a", 5), Outcome("b", 5)))
    assert "decision" in add_step(process, branching).errors["outcomes"]
    lost = StepDraft(name="Do", lane="AP", outcomes=(Outcome("a", None, "s42"),))
    assert "'s42', which is not a step" in add_step(process, lost).errors["outcomes"]


@pytest.mark.parametrize(
    ("text", "runs"), [("20 per week", 1040), ("5 a day", 1250), ("3/month", 36), ("weekly", 52)]
)
def test_frequency_becomes_runs_per_year(text: str, runs: float) -> None:
    result = apply_define_answer(start_interview(), "frequency", text)
    assert result.process.runs_per_year == runs


@pytest.mark.parametrize("text", ["often", "20", "20 per fortnight"])
def test_unreadable_frequency_is_refused(text: str) -> None:
    process = start_interview()
    result = apply_define_answer(process, "frequency", text)
    assert "not a frequency" in result.error
    assert result.process is process


def test_a_need_without_a_number_gets_a_nudge() -> None:
    result = apply_define_answer(start_interview(), "customer_need", "fast")
    assert result.ok
    assert "number" in result.note


LONG = 'Check the invoice & <PO> "twice" ' * 300
TEXTS = [LONG, "Prüfen 🧾✅", "בדיקת חשבונית", "مراجعة الفاتورة"]


@pytest.mark.parametrize("text", TEXTS)
def test_long_emoji_and_right_to_left_text_pass_unchanged(text: str) -> None:
    process = apply_define_answer(start_interview(), "name", text).process
    result = add_step(process, StepDraft(name=text, lane=text, why=text, pain_points=text))
    assert result.ok
    again = loads_process(dumps_process(result.process))
    step = again.step_by_id()[result.step_id]
    assert (again.name, step.name, step.why, step.pain_points) == (text.strip(),) * 4
    assert again.lanes[0].name == " ".join(text.split())
    assert again.lanes[0].id.isascii()


def test_lanes_from_other_scripts_get_unique_ids() -> None:
    result = apply_define_answer(start_interview(), "lanes", "محاسبة, בדיקה, 🧾, ERP (system)")
    lanes = result.process.lanes
    assert [lane.id for lane in lanes] == ["lane", "lane-2", "lane-3", "erp"]
    assert lanes[3].kind == "system"
