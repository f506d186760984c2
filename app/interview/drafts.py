"""A step as typed in the interview, before it is read: every field is the person's own text.

A draft is kept in the interview progress while it is typed (so a half-described step survives
a restart) and read into a ``Step`` by ``add_step``. Outcome targets (``Outcome.goes_to``):

- ``"next"``: the next step described (the flow is wired when it is added);
- ``"later"``: a branch followed later, once the current line reaches an end;
- ``"end"``: an end step; ``end_name`` (else the outcome's label) names it: an existing end of
  that name, else a new one, so "Paid" and "Dropped" are two ends; an outcome with neither goes
  to the first end step (or a new one named after the bank's ``default_end_name``);
- any other text: the id of an existing step (an earlier one makes a rework loop).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

NEXT = "next"
LATER = "later"
END = "end"


@dataclass(frozen=True, slots=True)
class Outcome:
    """One way out of a decision or approval: its label, how many out of 10, where it goes."""

    label: str
    share: float | None = None
    goes_to: str = NEXT
    end_name: str = ""


@dataclass(frozen=True, slots=True)
class StepDraft:
    """A step as typed: times are text (``"2h 30m"``), systems comma-separated."""

    name: str = ""
    lane: str = ""
    systems: str = ""
    touch: str = ""
    wait: str = ""
    kind: str = "task"
    outcomes: tuple[Outcome, ...] = ()
    why: str = ""
    habit: bool = False
    rekeys: bool = False
    pain_points: str = ""
    notes: str = ""
    after: str = ""  # the step it follows, when nothing is waiting for the next step
    value: str = ""  # does the customer care: a value class, or "" when not asked
    lane_rate: str = ""  # the hourly cost of a role that has none yet, as typed
    back_to: str = ""  # a plain step that sometimes sends work back: the earlier step's id
    back_share: str = ""  # …and how often, as typed ("1 in 5", "2", "20 %")


def draft_to_json(draft: StepDraft) -> dict[str, Any]:
    """The draft as plain JSON values (for ``Process.extra``)."""
    data = asdict(draft)
    data["outcomes"] = [asdict(outcome) for outcome in draft.outcomes]
    return data


def draft_from_json(data: Any) -> StepDraft | None:
    """A draft read back from JSON; None when the data is not a draft."""
    if not isinstance(data, Mapping):
        return None
    texts = (
        "name",
        "lane",
        "systems",
        "touch",
        "wait",
        "kind",
        "why",
        "pain_points",
        "notes",
        "after",
        "value",
        "lane_rate",
        "back_to",
        "back_share",
    )
    values: dict[str, Any] = {k: data[k] for k in texts if isinstance(data.get(k), str)}
    values.update({k: data[k] for k in ("habit", "rekeys") if isinstance(data.get(k), bool)})
    outcomes = data.get("outcomes")
    if isinstance(outcomes, list):
        values["outcomes"] = tuple(o for o in map(_outcome_from_json, outcomes) if o is not None)
    return StepDraft(**values)


def _outcome_from_json(data: Any) -> Outcome | None:
    if not isinstance(data, Mapping) or not isinstance(data.get("label"), str):
        return None
    share = data.get("share")
    number = isinstance(share, int | float) and not isinstance(share, bool) and share >= 0
    return Outcome(
        label=data["label"],
        share=float(share) if number and share is not None else None,
        goes_to=str(data.get("goes_to") or NEXT),
        end_name=str(data.get("end_name") or ""),
    )
