"""The interview as the wizard sees it: the question to show next and what is still missing."""

from __future__ import annotations

import dataclasses
import datetime as dt

from app.accounts.interviews import keep_told_accounts
from app.analysis.validate import check_map
from app.interview.bank import Question, QuestionBank
from app.interview.followups import all_followups, unanswered
from app.interview.loader import default_bank
from app.interview.own_account import end_own_account
from app.interview.progress import NOT_GIVEN_KEY, InterviewState, interview_state, with_state
from app.interview.stages import settle
from app.process.model import Interview, Process

UNTITLED = "Untitled process"


def start_interview(
    process: Process | None = None, *, today: dt.date | None = None, currency: str = ""
) -> Process:
    """A new interview: on a fresh process, or a further interview of ``process``.

    The interview is dated ``today`` (it usually is); a fresh process counts costs in
    ``currency`` (the user's locale's, passed in by the window). A further interview gets its
    own ``Interview`` entry and starts again at Define with the questions about the process
    already answered kept as answered; each earlier interview keeps its account as told.
    """
    interview = Interview(date=today)
    if process is None:
        fresh = Process(name=UNTITLED, currency=currency or "USD", interviews=(interview,))
        return with_state(fresh, InterviewState())
    index = len(process.interviews)
    told = keep_told_accounts(end_own_account(process))  # as each person said it
    updated = dataclasses.replace(told, interviews=(*told.interviews, interview))
    bank = default_bank()
    answered = tuple(
        q.id for q in bank.define if q.fills.startswith("process.") and _given(updated, q)
    )
    return with_state(updated, InterviewState(answered=answered, interview_index=index))


def next_question(
    process: Process, state: InterviewState | None = None, bank: QuestionBank | None = None
) -> Question | None:
    """The question to show now; None once the interview is done.

    In the walk-through it is the step question the wizard was on (``save_draft``), else the
    first one, worded for the very first step when no step exists yet.
    """
    bank = bank or default_bank()
    state = settle(process, state or interview_state(process), bank)
    if state.stage == "done" or not state.question_id:
        return None
    question = bank.question(state.question_id)
    if question.stage == "steps" and not process.steps and question.first_prompt:
        return dataclasses.replace(question, prompt=question.first_prompt)
    return question


def missing_items(process: Process, bank: QuestionBank | None = None) -> tuple[str, ...]:
    """Everything still missing, one plain sentence each, in the order of the interview."""
    bank = bank or default_bank()
    state = interview_state(process)
    items = [q.missing for q in bank.define if q.missing and not _given(process, q, state)]
    items += _step_items(process, bank, state)
    items += [
        f"Follow-up not answered: {f.reason}." for f in unanswered(all_followups(process, bank))
    ]
    items += [q.missing for q in bank.check if q.missing and q.field not in state.check]
    items += [problem.message for problem in check_map(process) if problem.code != "empty"]
    return tuple(dict.fromkeys(items))


def _step_items(process: Process, bank: QuestionBank, state: InterviewState) -> list[str]:
    if not process.steps:
        return ["No steps yet: what happens first?"]
    items = []
    if not any(step.kind == "end" for step in process.steps):
        items.append("No end step yet: how does it finish?")
    questions = {q.field: q for q in bank.steps if q.missing}
    for step in process.steps:
        not_given = step.extra.get(NOT_GIVEN_KEY)
        for name in not_given if isinstance(not_given, list) else ():
            if name in questions:
                items.append(questions[name].missing.replace("{step}", step.name))
    names = {step.id: step.name for step in process.steps}
    for branch in state.branches:
        label = f" → '{branch.label}'" if branch.label else ""
        items.append(f"'{names.get(branch.source, branch.source)}'{label} is not followed yet.")
    return items


def _given(process: Process, question: Question, state: InterviewState | None = None) -> bool:
    owner, name = question.fills.split(".", 1)
    if owner == "interview":
        index = (state or interview_state(process)).interview_index
        interview = process.interviews[index] if index < len(process.interviews) else None
        return interview is not None and bool(getattr(interview, name))
    if name == "name":
        return bool(process.name.strip()) and process.name != UNTITLED
    if name == "rates":
        return bool(process.hourly_rate) or any(lane.hourly_rate for lane in process.lanes)
    return bool(getattr(process, name))
