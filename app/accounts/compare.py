"""Two accounts compared: the proposed matches and the differences, as data and as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.accounts.differences import Account, Difference, differences
from app.accounts.matching import Match, match_accounts


@dataclass(frozen=True, slots=True)
class Comparison:
    """What ``walkthrough compare`` prints."""

    first: Account
    second: Account
    matches: tuple[Match, ...]
    differences: tuple[Difference, ...]

    def to_json(self) -> dict[str, Any]:
        """The contract of interchange.md: ``matches`` and ``differences``."""
        return {
            "a": self.first.label,
            "b": self.second.label,
            "matches": [
                {
                    "a_step": _one_or_list(m.a),
                    "b_step": _one_or_list(m.b),
                    "confidence": m.confidence,
                    "confirmed": m.confirmed,
                }
                for m in self.matches
            ],
            "differences": [
                {"kind": d.kind, "steps": list(d.steps), "detail": d.detail}
                for d in self.differences
            ],
        }

    def to_text(self) -> str:
        """A short report for a person: the matches, then each difference on its line."""
        names_a = self.first.process.step_by_id()
        names_b = self.second.process.step_by_id()
        confirmed = sum(1 for m in self.matches if m.confirmed)
        settled = f"{confirmed} confirmed, the rest" if confirmed else "all"
        lines = [f"{len(self.matches)} steps matched ({settled} to confirm in the app):"]
        for m in self.matches:
            left = " + ".join(names_a[s].name for s in m.a)
            right = " + ".join(names_b[s].name for s in m.b)
            level = "by hand" if m.confidence <= 0 else f"{m.confidence:.0%}"
            lines.append(f"  {left}  =  {right}  ({level}{', confirmed' if m.confirmed else ''})")
        if not self.differences:
            lines.append("The accounts agree.")
        else:
            lines.append(f"{len(self.differences)} differences:")
            lines += [f"  {d.kind}: {d.detail}" for d in self.differences]
        return "\n".join(lines)


def compare_accounts(
    first: Account, second: Account, matches: tuple[Match, ...] | None = None
) -> Comparison:
    """The matches between two accounts (``matches``, else the app's proposals) and where the
    accounts differ."""
    matches = match_accounts(first.process, second.process) if matches is None else matches
    found = differences(first, second, matches)
    return Comparison(first, second, matches, tuple(found))


def _one_or_list(step_ids: tuple[str, ...]) -> str | list[str]:
    return step_ids[0] if len(step_ids) == 1 else list(step_ids)
