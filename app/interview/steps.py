"""Adding a described step: read the draft, wire it into the map, say which follow-ups fire.

Wiring: the new step receives every flow waiting for "the next step" (the step described
before it, or each of its outcomes that go "next"); when none waits and a branch was parked
with "later", the first parked branch is followed into it. The first step described is kept as
it was typed, and a start event named after the trigger is drawn before it. After a step with
no outcomes, the next step follows it, except the share that it sometimes sends back to an
earlier step (``back_to``, a rework flow marked ``extra["rework"]``); an end step closes the
line. A role named for the first time takes the hourly cost typed with it. Nothing is changed
when the draft has errors.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.interview.bank import QuestionBank
from app.interview.drafts import END, LATER, NEXT, Outcome, StepDraft
from app.interview.followups import FollowUp, followups_for_step
from app.interview.ids import ensure_lane, new_step_id, same_name
from app.interview.loader import default_bank
from app.interview.outcomes import outcome_problem, probabilities
from app.interview.parsing import AnswerError, read_lane_name, read_money, read_names, read_share
from app.interview.progress import (
    NOT_GIVEN_KEY,
    InterviewState,
    OpenFlow,
    interview_state,
    with_state,
)
from app.interview.rules import habit_phrase_matches
from app.interview.stages import save_settled
from app.process.durations import DurationError, parse_duration
from app.process.model import STEP_KINDS, VALUE_CLASSES, Flow, Process, Step, StepKind

DRAFT_KINDS = ("task", "approval", "decision", "end", "start")
START_NAME = "Start"
SENT_BACK_LABEL = "sent back"
REWORK_KEY = "rework"  # a flow the user said sends work back (see app.analysis)
TOLD_IN_KEY = "interview"  # the index of the interview a step was told in (0 when absent)
FROM_TRIGGER_KEY = "from_trigger"  # a start event named after the Define trigger


def _no_errors() -> dict[str, str]:
    return {}


@dataclass(frozen=True, slots=True)
class AddStepResult:
    """The snapshot after adding a step, the new step's id and the follow-ups that fired.

    With ``errors`` (draft field → sentence: ``name``, ``lane``, ``touch``, ``wait``, ``kind``,
    ``outcomes``) nothing was added: ``process`` is the one given and ``step_id`` is empty.
    """

    process: Process
    step_id: str = ""
    followups: tuple[FollowUp, ...] = ()
    errors: Mapping[str, str] = field(default_factory=_no_errors)

    @property
    def ok(self) -> bool:
        """True when the step was added."""
        return not self.errors


def save_draft(process: Process, draft: StepDraft, question_id: str = "") -> Process:
    """Keep the step being typed (and the question the wizard is on) in the progress."""
    state = _in_steps(interview_state(process))
    state = dataclasses.replace(state, draft=draft, question_id=question_id or state.question_id)
    return with_state(process, state)


def _in_steps(state: InterviewState) -> InterviewState:
    """Describing a step moves a Define interview on to the walk-through (skipped Define
    questions stay listed by ``missing_items``)."""
    return dataclasses.replace(state, stage="steps") if state.stage == "define" else state


def current_draft(process: Process) -> StepDraft:
    """The step being typed, or an empty draft."""
    return interview_state(process).draft or StepDraft()


def draft_errors(process: Process, draft: StepDraft) -> dict[str, str]:
    """Every field of ``draft`` that cannot be read, with the sentence to show beside it."""
    errors: dict[str, str] = {}
    if not draft.name.strip():
        errors["name"] = "A step needs a name: what do you do? (verb + object)"
    if not draft.lane.strip():
        errors["lane"] = "Who does it? Pick a role or type a new one."
    for key in ("touch", "wait"):
        text = getattr(draft, key)
        try:
            if text.strip():
                parse_duration(text)
        except DurationError as error:
            errors[key] = str(error)
    if draft.kind not in DRAFT_KINDS:
        errors["kind"] = f"'{draft.kind}' is not a kind of step: task, approval, decision or end."
    problem = outcome_problem(process, draft.kind, draft.name.strip(), draft.outcomes)
    if problem:
        errors["outcomes"] = problem
    errors.update(_extra_errors(process, draft))
    return errors


def _extra_errors(process: Process, draft: StepDraft) -> dict[str, str]:
    """Errors in the answers beyond the step itself: value, hourly cost, sends back."""
    errors: dict[str, str] = {}
    if draft.value and draft.value not in VALUE_CLASSES:
        errors["value"] = f"'{draft.value}' is not a value class: {', '.join(VALUE_CLASSES)}."
    if draft.lane_rate.strip():
        errors.update(_unreadable("lane_rate", read_money, draft.lane_rate))
    if draft.back_to.strip() and not draft.outcomes:
        errors.update(_unreadable("back_share", read_share, draft.back_share))
        if draft.back_to not in process.step_by_id():
            errors["back_to"] = f"'{draft.back_to}' is not a step described so far."
    return errors


def _unreadable(key: str, read: Callable[[str], float], text: str) -> dict[str, str]:
    """``{key: why}`` when ``read`` cannot read ``text``, else nothing."""
    try:
        read(text)
    except AnswerError as error:
        return {key: str(error)}
    return {}


def add_step(process: Process, draft: StepDraft, bank: QuestionBank | None = None) -> AddStepResult:
    """Add the step ``draft`` describes, wired after the step before it (see the module doc)."""
    bank = bank or default_bank()
    errors = draft_errors(process, draft)
    if errors:
        return AddStepResult(process, errors=errors)
    lane_name, lane_kind = read_lane_name(draft.lane)
    updated, lane_id = ensure_lane(process, lane_name, lane_kind)
    updated = _with_lane_rate(updated, lane_id, draft.lane_rate)
    state = _in_steps(interview_state(process))
    if not updated.steps and draft.kind != "start":
        updated, state = _start_event(updated, state, lane_id)
    step = _tagged(_step(updated, draft, lane_id, bank), state.interview_index)
    updated = dataclasses.replace(updated, steps=(*updated.steps, step))
    updated, state = _wire_in(updated, state, step.id, draft.after)
    back = (draft.back_to, draft.back_share)
    updated, state = _wire_out(updated, state, step, draft.outcomes, bank, back)
    state = dataclasses.replace(state, step_id=step.id, draft=None, question_id="")
    updated = save_settled(updated, state, bank)
    return AddStepResult(updated, step.id, followups_for_step(updated, step.id, bank))


def _step(process: Process, draft: StepDraft, lane_id: str, bank: QuestionBank) -> Step:
    kind = _kind(draft.kind)
    not_given = [
        name
        for name, text in (("touch_minutes", draft.touch), ("wait_minutes", draft.wait))
        if not text.strip() and kind in ("task", "approval", "decision")
    ]
    extra: dict[str, Any] = {NOT_GIVEN_KEY: not_given} if not_given else {}
    return Step(
        id=new_step_id(process),
        lane=lane_id,
        name=draft.name.strip(),
        kind=kind,
        touch_minutes=_minutes(draft.touch),
        wait_minutes=_minutes(draft.wait),
        why=draft.why.strip(),
        habit=draft.habit or _habit_phrase(draft.why, bank),
        systems=tuple(read_names(draft.systems)),
        rekeys_data=draft.rekeys,
        pain_points=draft.pain_points.strip(),
        notes=draft.notes.strip(),
        value=next((v for v in VALUE_CLASSES if v == draft.value), None),
        extra=extra,
    )


def _tagged(step: Step, interview_index: int) -> Step:
    """A step told in a further interview remembers which (its account, app.accounts)."""
    if interview_index <= 0:
        return step
    return dataclasses.replace(step, extra={**step.extra, TOLD_IN_KEY: interview_index})


def _kind(kind: str) -> StepKind:
    return next(k for k in STEP_KINDS if k == kind)


def _with_lane_rate(process: Process, lane_id: str, typed: str) -> Process:
    """The lane's hourly cost as typed with the step (blank keeps what it had)."""
    if not typed.strip():
        return process
    rate = read_money(typed)
    lanes = tuple(
        dataclasses.replace(lane, hourly_rate=rate) if lane.id == lane_id else lane
        for lane in process.lanes
    )
    return dataclasses.replace(process, lanes=lanes)


def _start_event(
    process: Process, state: InterviewState, lane_id: str
) -> tuple[Process, InterviewState]:
    """The trigger as the start event, waiting for the first step described."""
    name = process.trigger.strip() or START_NAME
    start = Step(new_step_id(process), lane_id, name, "start", extra={FROM_TRIGGER_KEY: True})
    updated = dataclasses.replace(process, steps=(*process.steps, start))
    return updated, dataclasses.replace(state, pending=(OpenFlow(start.id),))


def _minutes(text: str) -> float:
    return parse_duration(text) if text.strip() else 0.0


def _habit_phrase(why: str, bank: QuestionBank) -> bool:
    rules = [rule for rule in bank.followups if rule.trigger == "habit_why"]
    return any(habit_phrase_matches(why, rule.thresholds.get("phrases", ())) for rule in rules)


def _wire_in(
    process: Process, state: InterviewState, step_id: str, after: str = ""
) -> tuple[Process, InterviewState]:
    """Flows into the new step: what waits for "the next step", else the first parked branch,
    else the step the user named as the one it follows (``after``)."""
    waiting, branches = state.pending, state.branches
    if not waiting and branches:
        waiting, branches = branches[:1], branches[1:]
    if not waiting and after in process.step_by_id() and after != step_id:
        waiting = (OpenFlow(after),)
    flows = tuple(Flow(o.source, step_id, o.label, o.probability) for o in waiting)
    updated = dataclasses.replace(process, flows=(*process.flows, *flows))
    return updated, dataclasses.replace(state, pending=(), branches=branches)


def _wire_out(
    process: Process,
    state: InterviewState,
    step: Step,
    outcomes: tuple[Outcome, ...],
    bank: QuestionBank,
    draft_back: tuple[str, str] = ("", ""),
) -> tuple[Process, InterviewState]:
    if not outcomes:
        return _wire_plain(process, state, step, draft_back)
    pending: list[OpenFlow] = []
    branches = list(state.branches)
    for outcome, probability in zip(outcomes, probabilities(outcomes), strict=True):
        target = outcome.goes_to.strip()
        label = outcome.label.strip()
        if target == NEXT:
            pending.append(OpenFlow(step.id, label, probability))
        elif target == LATER:
            branches.append(OpenFlow(step.id, label, probability))
        else:
            if target == END:
                process, target = _end_step(process, outcome.end_name, step.lane, bank, label)
            flow = Flow(step.id, target, label, probability)
            process = dataclasses.replace(process, flows=(*process.flows, flow))
    return process, dataclasses.replace(state, pending=tuple(pending), branches=tuple(branches))


def _wire_plain(
    process: Process, state: InterviewState, step: Step, back: tuple[str, str]
) -> tuple[Process, InterviewState]:
    """A step with one way on: to the next step, less the share it sends back, if any."""
    if step.kind == "end":
        return process, dataclasses.replace(state, pending=())
    back_to, share_text = back
    if not back_to.strip() or back_to not in process.step_by_id():
        return process, dataclasses.replace(state, pending=(OpenFlow(step.id),))
    share = read_share(share_text)
    rework = Flow(step.id, back_to, SENT_BACK_LABEL, share, extra={REWORK_KEY: True})
    updated = dataclasses.replace(process, flows=(*process.flows, rework))
    return updated, dataclasses.replace(state, pending=(OpenFlow(step.id, "", 1 - share),))


def _end_step(
    process: Process, name: str, lane: str, bank: QuestionBank, label: str = ""
) -> tuple[Process, str]:
    ends = [step for step in process.steps if step.kind == "end"]
    wanted = name.strip() or label.strip()
    for end in ends:
        if same_name(end.name, wanted) or (not wanted and end is ends[0]):
            return process, end.id
    end = Step(new_step_id(process), lane, wanted or bank.default_end_name, "end")
    return dataclasses.replace(process, steps=(*process.steps, end)), end.id


def needs_predecessor(process: Process) -> bool:
    """True when nothing waits for the next step: the wizard must ask which step it follows.

    That happens when every way out of the last step went to steps already described (and no
    branch is parked), or when a further interview starts on an existing map.
    """
    state = interview_state(process)
    return bool(process.steps) and not state.pending and not state.branches
