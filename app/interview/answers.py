"""Applying a typed answer to a Define or Check question: a new snapshot, or one error sentence.

What each answer fills is the question's ``fills`` (see ``bank.py``). An answer that cannot be
read changes nothing; a blank answer to an optional question clears the field and counts as
skipped. The ``lanes`` answer adds the lanes it names and removes listed-before lanes no step
uses, so a typo can be fixed by answering again; lanes with steps are never removed here.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from app.interview.bank import Question, QuestionBank
from app.interview.ids import ensure_lane, find_lane, same_name
from app.interview.loader import default_bank
from app.interview.parsing import (
    AnswerError,
    read_currency,
    read_date,
    read_frequency,
    read_lane_name,
    read_names,
    read_number,
    read_rates,
)
from app.interview.progress import interview_state, with_state
from app.interview.stages import save_settled
from app.interview.steps import FROM_TRIGGER_KEY, START_NAME
from app.process.durations import DurationError, parse_duration
from app.process.model import Interview, Process

MAX_RUNS_PER_DAY = 10_000  # more is asked about (issue: "99999999 per day")


@dataclass(frozen=True, slots=True)
class AnswerResult:
    """The snapshot after an answer; on a bad answer the unchanged one and ``error``.

    ``note`` is a gentle nudge that does not refuse the answer (a need without a number).
    """

    process: Process
    error: str = ""
    note: str = ""

    @property
    def ok(self) -> bool:
        """True when the answer was taken."""
        return not self.error


def apply_define_answer(
    process: Process, question_id: str, raw_text: str, bank: QuestionBank | None = None
) -> AnswerResult:
    """Fill the Define field of ``question_id`` from ``raw_text`` and move the interview on."""
    return _apply(process, question_id, raw_text, bank or default_bank(), "define")


def apply_check_answer(
    process: Process, question_id: str, raw_text: str, bank: QuestionBank | None = None
) -> AnswerResult:
    """Store a cross-check answer (end-to-end time, work in progress, per week)."""
    return _apply(process, question_id, raw_text, bank or default_bank(), "check")


def _apply(
    process: Process, question_id: str, raw_text: str, bank: QuestionBank, stage: str
) -> AnswerResult:
    question = bank.question(question_id)
    if question.stage != stage:
        raise ValueError(f"'{question_id}' is a {question.stage} question, not a {stage} one")
    if question.required and not raw_text.strip():
        return AnswerResult(process, error=f"An answer is needed: {question.prompt}")
    try:
        updated = _fill(process, question, raw_text, bank)
    except (AnswerError, DurationError) as error:
        return AnswerResult(process, error=str(error))
    state = interview_state(updated).with_answered(question_id)
    note = _note(question, raw_text, updated, bank)
    return AnswerResult(save_settled(updated, state, bank), note=note)


def _note(question: Question, raw_text: str, process: Process, bank: QuestionBank) -> str:
    need = question.fills == "process.customer_need" and raw_text.strip()
    if need and not re.search(r"\d", raw_text):
        return "Push it to a number if you can: 'within 2 working days'."
    if question.fills == "process.runs_per_year":
        return _frequency_note(process.runs_per_year, bank)
    return ""


def _frequency_note(runs_per_year: float, bank: QuestionBank) -> str:
    """A "did you mean …?" for a frequency no office process has; never a refusal."""
    per_day = runs_per_year / bank.runs_per_year["day"]
    if per_day <= MAX_RUNS_PER_DAY:
        return ""
    return (
        f"That is {per_day:,.0f} runs a working day. Did you mean {per_day:,.0f} a week, "
        "a month or a year? Type it again if so; it is kept as it is otherwise."
    )


def _fill(process: Process, question: Question, raw_text: str, bank: QuestionBank) -> Process:
    owner, name = question.fills.split(".", 1)
    if owner == "interview":
        return _fill_interview(process, name, raw_text)
    if owner == "check":
        return _fill_check(process, question, raw_text)
    if name == "lanes":
        return fill_lanes(process, raw_text)
    if name == "currency":
        return dataclasses.replace(process, currency=read_currency(raw_text, process.currency))
    if name == "rates":
        return fill_rates(process, raw_text)
    if name == "runs_per_year":
        runs = read_frequency(raw_text, bank.runs_per_year) if raw_text.strip() else 0.0
        return dataclasses.replace(process, runs_per_year=runs)
    values: dict[str, Any] = {name: raw_text.strip()}
    updated = dataclasses.replace(process, **values)
    return _start_follows_trigger(updated) if name == "trigger" else updated


def _start_follows_trigger(process: Process) -> Process:
    """The start event the interview drew from the trigger takes the trigger's new wording."""
    name = process.trigger.strip() or START_NAME
    steps = tuple(
        dataclasses.replace(step, name=name) if step.extra.get(FROM_TRIGGER_KEY) else step
        for step in process.steps
    )
    return dataclasses.replace(process, steps=steps)


def _fill_interview(process: Process, name: str, raw_text: str) -> Process:
    value: Any = read_date(raw_text) if name == "date" else raw_text.strip()
    index = interview_state(process).interview_index
    interviews = list(process.interviews)
    while len(interviews) <= index:
        interviews.append(Interview())
    interviews[index] = dataclasses.replace(interviews[index], **{name: value})
    return dataclasses.replace(process, interviews=tuple(interviews))


def _fill_check(process: Process, question: Question, raw_text: str) -> Process:
    state = interview_state(process)
    check = dict(state.check)
    if not raw_text.strip():
        check.pop(question.field, None)
    elif question.input == "duration":
        check[question.field] = parse_duration(raw_text)
    else:
        check[question.field] = read_number(raw_text)
    return with_state(process, dataclasses.replace(state, check=check))


def fill_rates(process: Process, raw_text: str) -> Process:
    """Hourly costs: a bare amount is the process rate, "Name amount" a role's own (the role is
    added when it is new). Roles left out of the answer lose the rate they had."""
    process_rate = 0.0
    rates: dict[str, float] = {}
    updated = process
    for role, amount in read_rates(raw_text):
        if not role:
            process_rate = amount
            continue
        updated, lane_id = ensure_lane(updated, role)
        rates[lane_id] = amount
    lanes = tuple(
        dataclasses.replace(lane, hourly_rate=rates.get(lane.id)) for lane in updated.lanes
    )
    return dataclasses.replace(updated, lanes=lanes, hourly_rate=process_rate)


def fill_lanes(process: Process, raw_text: str) -> Process:
    """Add each named lane that is missing; drop unnamed lanes that no step uses."""
    named = [read_lane_name(name) for name in read_names(raw_text)]
    used = {step.lane for step in process.steps}
    kept = tuple(
        lane
        for lane in process.lanes
        if lane.id in used or any(same_name(lane.name, n) for n, _ in named)
    )
    updated = dataclasses.replace(process, lanes=kept)
    for name, kind in named:
        if find_lane(updated, name) is None:
            updated, _ = ensure_lane(updated, name, kind)
    return updated
