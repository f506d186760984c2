"""The process-level cross-check: the steps' lead time against what the person says it takes,
and Little's law (lead time ≈ work in progress ÷ throughput; a week is 7 days of 24 h)."""

from __future__ import annotations

from dataclasses import dataclass

from app.interview.bank import QuestionBank
from app.interview.loader import default_bank
from app.interview.progress import interview_state
from app.interview.rules import steps_lead_minutes
from app.process.durations import MINUTES_PER_WEEK, format_duration
from app.process.model import Process


@dataclass(frozen=True, slots=True)
class CrossCheck:
    """The three figures compared, in minutes, and the sentence to show.

    ``ratio`` is steps ÷ stated; ``far_below`` is True when it is under the time-gap rule's
    ``max_share_of_stated``; ``little_minutes`` is WIP ÷ throughput.
    """

    steps_minutes: float
    stated_minutes: float | None
    ratio: float | None
    little_minutes: float | None
    far_below: bool
    sentence: str


def end_to_end_check(
    process: Process,
    stated_minutes: float | None = None,
    wip: float | None = None,
    per_week: float | None = None,
    bank: QuestionBank | None = None,
) -> CrossCheck:
    """Compare; figures left None are taken from the stored cross-check answers."""
    stored = interview_state(process).check
    stated = stated_minutes if stated_minutes is not None else stored.get("end_to_end_minutes")
    wip = wip if wip is not None else stored.get("wip")
    per_week = per_week if per_week is not None else stored.get("per_week")
    steps = steps_lead_minutes(process)
    ratio = steps / stated if stated else None
    little = wip / per_week * MINUTES_PER_WEEK if wip is not None and per_week else None
    far = ratio is not None and ratio < _gap_share(bank or default_bank())
    return CrossCheck(
        steps,
        stated,
        ratio,
        little,
        far,
        _sentence(steps, stated, ratio, far, wip, per_week, little),
    )


def _gap_share(bank: QuestionBank) -> float:
    shares = [float(r.thresholds["max_share_of_stated"]) for r in bank.followups if r.per_process]
    return shares[0] if shares else 0.5


def _sentence(
    steps: float,
    stated: float | None,
    ratio: float | None,
    far: bool,
    wip: float | None,
    per_week: float | None,
    little: float | None,
) -> str:
    parts = [f"The steps add up to {format_duration(steps)} of lead time."]
    if stated and ratio is not None:
        parts.append(
            f"From trigger to done takes about {format_duration(stated)}: "
            f"the steps explain {round(100 * ratio)} % of it."
        )
        if far:
            parts.append("Ask where else it spends time.")
    if little is not None and wip is not None and per_week:
        parts.append(
            f"Little's law: {_count(wip)} in progress ÷ {_count(per_week)} a week "
            f"≈ {format_duration(little)}."
        )
    return " ".join(parts)


def _count(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
