"""Follow-up questions that fire on what was just captured, and their stored answers.

Answers are kept beside what they ask about, as rule id → text: ``Step.extra["followups"]``
for a step's rules, ``Process.extra["followups"]`` for the process rules. A rule that stops
firing keeps its answer (nothing typed is lost); it is just no longer listed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.accounts.questions import account_questions
from app.interview.bank import FollowUpRule, QuestionBank
from app.interview.choices import FollowUpChoice, choose, chosen_value
from app.interview.loader import default_bank
from app.interview.progress import FOLLOWUPS_KEY, interview_state
from app.interview.rules import STEP_TESTS, Placeholders, step_context, sum_below_stated
from app.process.model import Process


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A rule that fired: what to ask, why it fired, and the answer so far."""

    rule_id: str
    step_id: str | None
    questions: tuple[str, ...]
    reason: str
    answer: str = ""
    choice: FollowUpChoice | None = None
    chosen: str = ""  # the value the choice's field holds ("" = not said yet)


def followups_for_step(
    process: Process, step_id: str, bank: QuestionBank | None = None
) -> tuple[FollowUp, ...]:
    """The follow-ups that fire for one step, in the bank's order."""
    step = process.step_by_id().get(step_id)
    if step is None:
        return ()
    context = step_context(process, interview_state(process))
    answers = stored_answers(step.extra)
    fired = []
    for rule in (bank or default_bank()).followups:
        test = STEP_TESTS.get(rule.trigger)
        values = test(step, rule.thresholds, context) if test else None
        if values is not None:
            fired.append(_with_choice(_followup(rule, step.id, values, answers), rule, process))
    return tuple(fired)


def followups_for_process(
    process: Process, bank: QuestionBank | None = None
) -> tuple[FollowUp, ...]:
    """The follow-ups about the whole process (the end-to-end time gap)."""
    state = interview_state(process)
    answers = stored_answers(process.extra)
    fired = []
    for rule in (bank or default_bank()).followups:
        if rule.per_process:
            values = sum_below_stated(process, rule.thresholds, state)
            if values is not None:
                fired.append(_followup(rule, None, values, answers))
    fired += [  # asked because two accounts differ (Accounts tab)
        FollowUp(q.rule_id, None, (q.text,), q.reason, answers.get(q.rule_id, ""))
        for q in account_questions(process)
    ]
    return tuple(fired)


def all_followups(process: Process, bank: QuestionBank | None = None) -> tuple[FollowUp, ...]:
    """Every follow-up that fires: the process ones, then each step's in step order."""
    steps = (followups_for_step(process, step.id, bank) for step in process.steps)
    return followups_for_process(process, bank) + tuple(f for fs in steps for f in fs)


def answer_followup(process: Process, step_id: str | None, rule_id: str, text: str) -> Process:
    """Store (or, when blank, remove) the answer to a follow-up of a step or of the process."""
    if step_id is None:
        return dataclasses.replace(process, extra=_with_answer(process.extra, rule_id, text))
    if step_id not in process.step_by_id():
        raise KeyError(f"no step '{step_id}'")
    steps = tuple(
        dataclasses.replace(s, extra=_with_answer(s.extra, rule_id, text)) if s.id == step_id else s
        for s in process.steps
    )
    return dataclasses.replace(process, steps=steps)


def stored_answers(extra: Mapping[str, Any]) -> dict[str, str]:
    """The follow-up answers kept in an extra dict (bad entries skipped)."""
    answers = extra.get(FOLLOWUPS_KEY)
    if not isinstance(answers, Mapping):
        return {}
    return {k: v for k, v in answers.items() if isinstance(k, str) and isinstance(v, str)}


def _with_answer(extra: Mapping[str, Any], rule_id: str, text: str) -> dict[str, Any]:
    answers = stored_answers(extra)
    if text.strip():
        answers[rule_id] = text
    else:
        answers.pop(rule_id, None)
    updated = {k: v for k, v in extra.items() if k != FOLLOWUPS_KEY}
    return {**updated, FOLLOWUPS_KEY: answers} if answers else updated


def _followup(
    rule: FollowUpRule, step_id: str | None, values: Placeholders, answers: Mapping[str, str]
) -> FollowUp:
    reason = rule.reason.format_map(_Defaulting(values))
    questions = tuple(question.format_map(_Defaulting(values)) for question in rule.questions)
    return FollowUp(rule.id, step_id, questions, reason, answers.get(rule.id, ""))


def _with_choice(followup: FollowUp, rule: FollowUpRule, process: Process) -> FollowUp:
    if rule.choice is None or followup.step_id is None:
        return followup
    chosen = chosen_value(process, followup.step_id, rule.choice)
    return dataclasses.replace(followup, choice=rule.choice, chosen=chosen)


def choose_answer(process: Process, followup: FollowUp, key: str) -> Process:
    """The one-key answer ``key`` to a follow-up stored in its field ("" clears it)."""
    if followup.choice is None or followup.step_id is None:
        raise ValueError(f"the follow-up '{followup.rule_id}' has no one-key answer")
    return choose(process, followup.step_id, followup.choice, key)


class _Defaulting(dict[str, str]):
    """Placeholders with a blank for any the rule's test did not provide."""

    def __missing__(self, key: str) -> str:
        return ""


def unanswered(followups: tuple[FollowUp, ...]) -> tuple[FollowUp, ...]:
    """The follow-ups still without an answer."""
    return tuple(f for f in followups if not f.answer.strip())
