"""An interrupted interview resumes at the same question, with the step being typed."""

from __future__ import annotations

from app.interview import (
    Outcome,
    StepDraft,
    add_step,
    apply_define_answer,
    current_draft,
    interview_state,
    next_question,
    save_draft,
    start_interview,
)
from app.process.file import dumps_process, loads_process
from app.process.model import Process


def reopen(process: Process) -> Process:
    return loads_process(dumps_process(process))


def test_resume_in_define() -> None:
    process = start_interview()
    for question_id, text in (("interviewee", "Priya"), ("role", "Clerk"), ("interviewer", "Sam")):
        process = apply_define_answer(process, question_id, text).process
    before = next_question(process)
    again = reopen(process)
    assert before is not None
    assert next_question(again) == before
    assert before.id == "date"
    assert interview_state(again) == interview_state(process)


def test_resume_mid_step_keeps_the_draft_and_the_question() -> None:
    process = start_interview()
    process = add_step(process, StepDraft(name="Start", lane="AP")).process
    draft = StepDraft(
        name="Check", lane="AP", touch="soon", kind="decision", outcomes=(Outcome("OK", 6),)
    )
    process = save_draft(process, draft, "step_touch")
    again = reopen(process)
    assert current_draft(again) == draft
    question = next_question(again)
    assert question is not None
    assert question.id == "step_touch"
    assert next_question(again) == next_question(process)


def test_adding_the_step_clears_the_draft() -> None:
    process = save_draft(start_interview(), StepDraft(name="Start", lane="AP"), "step_lane")
    process = add_step(process, current_draft(process)).process
    assert current_draft(process) == StepDraft()
    question = next_question(process)
    assert question is not None
    assert question.id == "step_name"


def test_unreadable_progress_starts_afresh() -> None:
    process = Process(name="Odd", extra={"interview": {"stage": 7, "pending": "x", "draft": []}})
    state = interview_state(process)
    assert state.stage == "define"
    assert state.pending == ()
    assert state.draft is None
