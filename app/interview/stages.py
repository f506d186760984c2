"""Moving through the stages: define → steps → check → done, and the question to ask next.

A stage ends by itself: Define when each of its questions is answered or skipped, the
walk-through when the line being described reaches an end and no branch is left to follow,
the cross-check when its three questions are answered. ``go_to_stage`` moves by hand.
"""

from __future__ import annotations

import dataclasses

from app.interview.bank import Question, QuestionBank, Stage
from app.interview.progress import InterviewState, interview_state, with_state
from app.process.model import Process


def settle(process: Process, state: InterviewState, bank: QuestionBank) -> InterviewState:
    """``state`` moved past every finished stage, on the question to ask next."""
    stage = state.stage
    while stage != "done" and _stage_finished(process, state, bank, stage):
        stage = _following(stage)
    return dataclasses.replace(state, stage=stage, question_id=_question_id(state, bank, stage))


def save_settled(process: Process, state: InterviewState, bank: QuestionBank) -> Process:
    """``process`` with ``state`` settled and stored."""
    return with_state(process, settle(process, state, bank))


def go_to_stage(process: Process, stage: Stage, bank: QuestionBank) -> Process:
    """Move the interview to ``stage`` by hand (back to Define, on to the check…)."""
    state = dataclasses.replace(interview_state(process), stage=stage, question_id="")
    question_id = _question_id(state, bank, stage)
    return with_state(process, dataclasses.replace(state, question_id=question_id))


def walk_closed(process: Process, state: InterviewState) -> bool:
    """True when the described line has reached an end and no branch waits to be followed."""
    has_end = any(step.kind == "end" for step in process.steps)
    return has_end and not state.pending and not state.branches


def _stage_finished(
    process: Process, state: InterviewState, bank: QuestionBank, stage: Stage
) -> bool:
    if stage == "steps":
        return walk_closed(process, state)
    return all(q.id in state.answered for q in bank.questions(stage))


_FOLLOWING: dict[Stage, Stage] = {"define": "steps", "steps": "check", "check": "done"}


def _following(stage: Stage) -> Stage:
    return _FOLLOWING.get(stage, "done")


def _question_id(state: InterviewState, bank: QuestionBank, stage: Stage) -> str:
    questions = bank.questions(stage)
    if stage == "steps":
        ids = [q.id for q in questions]
        return state.question_id if state.question_id in ids else (ids[0] if ids else "")
    return next((q.id for q in questions if q.id not in state.answered), "")


def first_unanswered(questions: tuple[Question, ...], state: InterviewState) -> Question | None:
    """The first of ``questions`` not answered yet."""
    return next((q for q in questions if q.id not in state.answered), None)
