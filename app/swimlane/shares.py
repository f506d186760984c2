"""Branch shares for edge labels: "No — 2 in 10".

The rule is method.md's: given probabilities are kept, the remainder is shared equally among
the flows without one, and a total that is not 1 is scaled to 1. Unusable numbers (negative,
NaN, infinite) count as not given.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

DASH = " — "


def effective_probabilities(given: Sequence[float | None]) -> tuple[float, ...]:
    """The probability each branch is taken, from the probabilities the user gave."""
    if not given:
        return ()
    kept = [_usable(value) for value in given]
    known = sum(value for value in kept if value is not None)
    missing = sum(1 for value in kept if value is None)
    remainder = max(0.0, 1.0 - known) / missing if missing else 0.0
    shares = [remainder if value is None else value for value in kept]
    total = sum(shares)
    if total <= 0:
        return tuple(1.0 / len(shares) for _ in shares)
    return tuple(share / total for share in shares)


def share_text(probability: float) -> str:
    """A probability as a natural frequency: 0.2 → "2 in 10", 0.25 → "25 in 100"."""
    for denominator in (10, 100):
        count = probability * denominator
        if abs(count - round(count)) < 1e-9:
            return f"{round(count)} in {denominator}"
    tenths = math.floor(probability * 10 + 0.5)
    if 1 <= tenths <= 9:
        return f"{tenths} in 10"
    hundredths = min(99, max(1, math.floor(probability * 100 + 0.5)))
    return f"{hundredths} in 100"


def branch_label(label: str, probability: float) -> str:
    """The label of one branch with its share, e.g. "No — 2 in 10" (just the share if unnamed)."""
    name = " ".join(label.split())
    share = share_text(probability)
    return f"{name}{DASH}{share}" if name else share


def _usable(value: float | None) -> float | None:
    if value is None or not math.isfinite(value) or value < 0:
        return None
    return float(value)
