"""Where an interview stands, kept in the snapshot so it survives the database and the file.

Everything lives under ``Process.extra["interview"]`` as plain JSON:

- ``stage``: ``"define"``, ``"steps"``, ``"check"`` or ``"done"``;
- ``question``: the id of the question the wizard is on (``""`` before the first);
- ``step``: the id of the step described last (its follow-ups show inline);
- ``answered``: ids of the Define and Check questions answered or skipped;
- ``interview``: the index in ``Process.interviews`` of the interview being held;
- ``pending``: flows waiting for the next step, each ``{"from", "label", "probability"}``;
- ``branches``: outcomes parked with "later", same shape, followed once the line ends;
- ``draft``: the step being typed (see ``drafts.py``), absent when none;
- ``check``: the cross-check answers ``end_to_end_minutes``, ``wip``, ``per_week``.

Follow-up answers are kept beside what they ask about: ``Step.extra["followups"]`` and
``Process.extra["followups"]``, each a dict rule id → answer text. Duration fields left blank
when a step was added are listed in ``Step.extra["not_given"]``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.interview.bank import STAGES, Stage
from app.interview.drafts import StepDraft, draft_from_json, draft_to_json
from app.process.model import Process

INTERVIEW_KEY = "interview"
FOLLOWUPS_KEY = "followups"
NOT_GIVEN_KEY = "not_given"


@dataclass(frozen=True, slots=True)
class OpenFlow:
    """A flow whose source is known and whose target is not described yet."""

    source: str
    label: str = ""
    probability: float | None = None


def _no_check() -> dict[str, float]:
    return {}


@dataclass(frozen=True, slots=True)
class InterviewState:
    """The progress of one interview (see the module docstring for its stored keys)."""

    stage: Stage = "define"
    question_id: str = ""
    step_id: str = ""
    answered: tuple[str, ...] = ()
    interview_index: int = 0
    pending: tuple[OpenFlow, ...] = ()
    branches: tuple[OpenFlow, ...] = ()
    draft: StepDraft | None = None
    check: Mapping[str, float] = field(default_factory=_no_check)

    def with_answered(self, question_id: str) -> InterviewState:
        """This state with ``question_id`` marked answered."""
        if question_id in self.answered:
            return self
        return dataclasses.replace(self, answered=(*self.answered, question_id))


def interview_state(process: Process) -> InterviewState:
    """The progress stored in ``process``; a fresh state when none (or unreadable data) is."""
    data = process.extra.get(INTERVIEW_KEY)
    if not isinstance(data, Mapping):
        return InterviewState()
    stage = data.get("stage")
    answered = data.get("answered")
    index = data.get("interview")
    return InterviewState(
        stage=stage if stage in STAGES else "define",
        question_id=_text(data.get("question")),
        step_id=_text(data.get("step")),
        answered=tuple(a for a in answered if isinstance(a, str))
        if isinstance(answered, list)
        else (),
        interview_index=index if isinstance(index, int) and not isinstance(index, bool) else 0,
        pending=_open_flows(data.get("pending")),
        branches=_open_flows(data.get("branches")),
        draft=draft_from_json(data.get("draft")),
        check=_check(data.get("check")),
    )


def with_state(process: Process, state: InterviewState) -> Process:
    """``process`` with ``state`` stored in its extra (other extra keys are kept)."""
    extra = {**process.extra, INTERVIEW_KEY: state_to_json(state)}
    return dataclasses.replace(process, extra=extra)


def state_to_json(state: InterviewState) -> dict[str, Any]:
    """The state as the plain JSON stored under ``Process.extra["interview"]``."""
    data: dict[str, Any] = {
        "stage": state.stage,
        "question": state.question_id,
        "step": state.step_id,
        "answered": list(state.answered),
        "interview": state.interview_index,
        "pending": [_open_flow_json(flow) for flow in state.pending],
        "branches": [_open_flow_json(flow) for flow in state.branches],
        "check": dict(state.check),
    }
    if state.draft is not None:
        data["draft"] = draft_to_json(state.draft)
    return data


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _open_flows(value: Any) -> tuple[OpenFlow, ...]:
    if not isinstance(value, list):
        return ()
    flows = []
    for item in value:
        if isinstance(item, Mapping) and isinstance(item.get("from"), str):
            label = _text(item.get("label"))
            flows.append(OpenFlow(item["from"], label, _number(item.get("probability"))))
    return tuple(flows)


def _open_flow_json(flow: OpenFlow) -> dict[str, Any]:
    return {"from": flow.source, "label": flow.label, "probability": flow.probability}


def _check(value: Any) -> dict[str, float]:
    if not isinstance(value, Mapping):
        return {}
    keys = ("end_to_end_minutes", "wip", "per_week")
    return {k: v for k in keys if (v := _number(value.get(k))) is not None}
