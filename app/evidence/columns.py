"""Which CSV column holds what: found by header name, or named by the person."""

from __future__ import annotations

from dataclasses import dataclass

from app.evidence.errors import EventLogError

# Header names that systems and process-mining tools export, lower-cased, by role.
ALIASES: dict[str, tuple[str, ...]] = {
    "case": ("case", "case id", "case_id", "caseid", "case:concept:name", "case number"),
    "activity": ("activity", "activity name", "concept:name", "event", "task", "step"),
    "timestamp": (
        "timestamp",
        "time:timestamp",
        "time",
        "end",
        "end timestamp",
        "end_time",
        "complete timestamp",
        "completed",
        "date",
    ),
    "start": ("start", "start timestamp", "start_time", "start time", "started"),
    "resource": ("resource", "org:resource", "user", "performer", "who"),
    "cost": ("cost", "cost:total", "amount"),
}
REQUIRED = ("case", "activity", "timestamp")
OPTIONAL = ("start", "resource", "cost")


@dataclass(frozen=True, slots=True)
class ColumnChoice:
    """Header names the person picked; None lets the reader find the column by its name."""

    case: str | None = None
    activity: str | None = None
    timestamp: str | None = None
    start: str | None = None
    resource: str | None = None
    cost: str | None = None


@dataclass(frozen=True, slots=True)
class ColumnIndexes:
    """Positions of each column in a row; -1 for an optional column the log lacks."""

    case: int
    activity: int
    timestamp: int
    start: int = -1
    resource: int = -1
    cost: int = -1
    header: tuple[str, ...] = ()


def resolve_columns(header: list[str], choice: ColumnChoice) -> ColumnIndexes:
    """The position of every role in ``header``; EventLogError naming a missing column."""
    lowered = [name.strip().lower() for name in header]
    found = {role: _find(role, lowered, getattr(choice, role), header) for role in ALIASES}
    return ColumnIndexes(**found, header=tuple(header))


def _find(role: str, lowered: list[str], picked: str | None, header: list[str]) -> int:
    if picked is not None:
        if picked.strip().lower() in lowered:
            return lowered.index(picked.strip().lower())
        raise EventLogError(
            f"The log has no column '{picked}' for the {role}; its columns are {_listed(header)}."
        )
    for alias in ALIASES[role]:
        if alias in lowered:
            return lowered.index(alias)
    if role in REQUIRED:
        raise EventLogError(
            f"The log has no {role} column (line 1 names {_listed(header)}): "
            f"name one '{role}' or pick it with --{role}."
        )
    return -1


def _listed(header: list[str]) -> str:
    names = [f"'{name}'" for name in header[:12]]
    more = f" and {len(header) - 12} more" if len(header) > 12 else ""
    return ", ".join(names) + more if names else "nothing"
