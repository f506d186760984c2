"""The question bank as typed, immutable data (read from ``resources/interview/questions.json``).

The JSON file holds, at the top level:

- ``format`` (``"walkthrough-question-bank"``) and ``version`` (1);
- ``frequency_runs_per_year``: runs per year for one run per ``day``/``week``/``month``/``year``
  (a working year: 250 days, 52 weeks, 12 months);
- ``default_end_name``: the name of an end step made for an outcome that goes to "the end";
- ``define``, ``steps``, ``check``: lists of questions for the three stages, asked in order.
  Each question has ``id`` (unique in the bank), ``prompt``, ``help``, ``fills`` (the field it
  fills, one of ``FILLS``), ``input`` (how it is typed, one of ``INPUT_KINDS``) and optionally
  ``required`` (an empty answer is refused), ``choices`` (for ``choice``), ``missing`` (the
  sentence "what is still missing" shows while unanswered; ``{step}`` is the step name for
  step questions) and ``first_prompt`` (the prompt for the very first step);
- ``followups``: the follow-up rules of method.md. Each has ``id`` (the key its answer is stored
  under), ``trigger`` (one of ``TRIGGERS``: the built-in test), ``thresholds`` (the test's
  numbers and phrases, see ``TRIGGERS``), ``reason`` (a sentence with ``{placeholders}`` saying
  why it fired), ``questions`` (what to ask) and optionally ``choice`` (a one-key answer that
  fills a field of the step, see app.interview.choices). Removing a rule switches it off.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from app.interview.choices import FollowUpChoice
from app.process.model import DEFINE_TEXT_FIELDS

Stage = Literal["define", "steps", "check", "done"]
STAGES: tuple[Stage, ...] = ("define", "steps", "check", "done")

INPUT_KINDS = frozenset(
    {"text", "longtext", "date", "number", "duration", "frequency", "choice", "lanes", "lane"}
    | {"list", "flag", "outcomes", "currency", "rates"}
)

FILLS: Mapping[str, frozenset[str]] = {
    "define": frozenset(
        {f"interview.{key}" for key in ("interviewee", "role", "interviewer", "date")}
        | {
            f"process.{key}"
            for key in ("name", *DEFINE_TEXT_FIELDS, "runs_per_year", "lanes", "currency", "rates")
        }
    ),
    "steps": frozenset(
        f"step.{key}"
        for key in (
            "name",
            "lane",
            "systems",
            "touch_minutes",
            "wait_minutes",
            "kind",
            "outcomes",
            "why",
            "habit",
            "rekeys_data",
            "pain_points",
        )
    ),
    "check": frozenset({"check.end_to_end_minutes", "check.wip", "check.per_week"}),
}

# Each trigger with the threshold keys it needs (name -> expected type) and the placeholders
# its reason may use.
TRIGGERS: Mapping[str, tuple[Mapping[str, type], frozenset[str]]] = {
    "wait": (
        {"min_wait_minutes": float, "min_wait_share": float},
        frozenset({"step", "wait", "touch"}),
    ),
    "approval": ({}, frozenset({"step"})),
    "sends_back": ({}, frozenset({"step", "target", "label"})),
    "lane_change": ({}, frozenset({"step", "from_lane", "to_lane"})),
    "rekeyed": ({"min_systems": int}, frozenset({"step", "what", "systems"})),
    "habit_why": (
        {"phrases": list, "fire_on_habit_flag": bool},
        frozenset({"step", "what", "phrase"}),
    ),
    "only_i_know": ({"phrases": list, "fields": list}, frozenset({"step", "phrase"})),
    "no_no_path": ({}, frozenset({"step", "kind"})),
    "implausible": (
        {"max_touch_minutes": float, "max_wait_minutes": float},
        frozenset({"step", "what", "typed", "guess"}),
    ),
    "sum_below_stated": ({"max_share_of_stated": float}, frozenset({"sum", "stated", "share"})),
}
PROCESS_TRIGGERS = frozenset({"sum_below_stated"})


def _no_thresholds() -> dict[str, Any]:
    return {}


@dataclass(frozen=True, slots=True)
class Question:
    """One question: what to ask, the help beside it, what it fills and how it is typed."""

    id: str
    stage: Stage
    prompt: str
    help: str
    fills: str
    input: str
    required: bool = False
    choices: tuple[str, ...] = ()
    missing: str = ""
    first_prompt: str = ""

    @property
    def field(self) -> str:
        """The name of the filled field without its owner: ``process.trigger`` → ``trigger``."""
        return self.fills.split(".", 1)[1]


@dataclass(frozen=True, slots=True)
class FollowUpRule:
    """A follow-up rule: when its trigger's test passes, ask its questions."""

    id: str
    trigger: str
    reason: str
    questions: tuple[str, ...]
    thresholds: Mapping[str, Any] = field(default_factory=_no_thresholds)
    choice: FollowUpChoice | None = None  # a one-key answer that fills a field of the step

    @property
    def per_process(self) -> bool:
        """True for rules about the whole process, False for rules about one step."""
        return self.trigger in PROCESS_TRIGGERS


@dataclass(frozen=True, slots=True)
class QuestionBank:
    """Every question by stage, the follow-up rules, and the frequency table."""

    define: tuple[Question, ...]
    steps: tuple[Question, ...]
    check: tuple[Question, ...]
    followups: tuple[FollowUpRule, ...]
    runs_per_year: Mapping[str, float]
    default_end_name: str = "Done"

    def questions(self, stage: Stage) -> tuple[Question, ...]:
        """The questions of one stage, in the order they are asked."""
        if stage == "done":
            return ()
        return {"define": self.define, "steps": self.steps, "check": self.check}[stage]

    def question(self, question_id: str) -> Question:
        """The question with this id; KeyError if the bank has none."""
        for question in (*self.define, *self.steps, *self.check):
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def rule(self, rule_id: str) -> FollowUpRule:
        """The follow-up rule with this id; KeyError if the bank has none."""
        for rule in self.followups:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)
