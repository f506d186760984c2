"""What an action says it changes in its steps, kept in ``Action.extra["future_change"]``.

Eliminate and combine need nothing more than the action's steps. Rearrange, simplify and
automate say what becomes of those steps: a new name, lane, touch time or wait (minutes),
re-keying stopped, or (rearrange) the step it now comes before. In the process file this is
``"future_change": {"lane": "ap", "touch_minutes": 2, "before": "s4"}`` on the action.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.process.model import Action

CHANGE_KEY = "future_change"


@dataclass(frozen=True, slots=True)
class StepChange:
    """The new values an action gives its steps; None leaves a field as it is."""

    name: str | None = None
    lane: str | None = None
    touch_minutes: float | None = None
    wait_minutes: float | None = None
    rekeys_data: bool | None = None
    before: str | None = None

    def is_empty(self) -> bool:
        return self == StepChange()


def change_of(action: Action) -> StepChange:
    """The change an action states; fields of the wrong type are ignored, never a crash."""
    value = action.extra.get(CHANGE_KEY)
    if not isinstance(value, Mapping):
        return StepChange()
    return StepChange(
        name=_text(value.get("name")),
        lane=_text(value.get("lane")),
        touch_minutes=_minutes(value.get("touch_minutes")),
        wait_minutes=_minutes(value.get("wait_minutes")),
        rekeys_data=_flag(value.get("rekeys_data")),
        before=_text(value.get("before")),
    )


def change_document(change: StepChange) -> dict[str, Any]:
    """The change as stored on the action: only the fields it sets."""
    fields = {
        "name": change.name,
        "lane": change.lane,
        "touch_minutes": change.touch_minutes,
        "wait_minutes": change.wait_minutes,
        "rekeys_data": change.rekeys_data,
        "before": change.before,
    }
    return {key: value for key, value in fields.items() if value is not None}


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _flag(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def _minutes(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if value >= 0 else None
