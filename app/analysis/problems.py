"""A problem found in a map: reported to the person, never raised."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong or missing in the map, in one plain sentence that names its steps."""

    code: str
    message: str
    step_ids: tuple[str, ...] = ()
