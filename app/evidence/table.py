"""The said-against-recorded table as text, for the Evidence page: one row per step."""

from __future__ import annotations

from dataclasses import dataclass

from app.evidence.branches import BranchShare
from app.evidence.compare import StepEvidence
from app.evidence.figures import Spread
from app.evidence.recorded import recorded_log
from app.evidence.report import Evidence
from app.evidence.said_recorded import SaidRecorded, StepMark, ratio_text, step_marks
from app.process.durations import format_duration
from app.process.model import Process, Step

HEADERS = (
    "Step",
    "Cases",
    "Wait said",
    "Wait recorded",
    "×",
    "Hands-on said",
    "Hands-on recorded",
    "×",
)
HEADER_TIPS = {
    "Wait recorded": "The median wait before the step over the cases the log recorded",
    "Hands-on recorded": "The median time from start to end, when the log records both",
    "×": "Recorded ÷ said",
}
NOT_SEEN = "—"


@dataclass(frozen=True, slots=True)
class SummaryLine:
    """One labelled figure of the summary above the table."""

    label: str
    value: str


def step_rows(evidence: Evidence) -> list[tuple[str, ...]]:
    """Every step of the map with its said and recorded waits and hands-on times."""
    return [_row(item) for item in evidence.comparison.steps]


def kept_rows(process: Process) -> list[tuple[str, ...]]:
    """The same rows from what the process keeps of its last log (no log read this session)."""
    marks = step_marks(process) or {}
    steps = process.step_by_id()
    return [_kept_row(steps[step_id], mark) for step_id, mark in marks.items()]


def _kept_row(step: Step, mark: StepMark) -> tuple[str, ...]:
    said = {item.measure: item for item in mark.comparisons}
    return (
        step.name,
        f"{mark.cases:,}",
        format_duration(step.wait_minutes),
        *_recorded(said.get("wait")),
        format_duration(step.touch_minutes),
        *_recorded(said.get("touch")),
    )


def _recorded(item: SaidRecorded | None) -> tuple[str, str]:
    """The recorded median and its ratio to what was said, or "—" for what is not known."""
    if item is None:
        return NOT_SEEN, NOT_SEEN
    return format_duration(item.recorded), item.ratio_text() or NOT_SEEN


def kept_sentence(process: Process) -> str:
    """What the process keeps of its last log, and how to see the rest; '' when nothing."""
    kept = recorded_log(process)
    if kept is None:
        return ""
    source = ", ".join(part for part in (f"{kept.cases:,} cases", kept.period()) if part)
    return (
        f"Kept with the process from {kept.log or 'its last event log'} ({source}): what it "
        "recorded per step, drawn on the Map by “Said vs recorded”. Import it again, or a newer "
        "log, to see its variants, fitness and large gaps."
    )


def summary_lines(evidence: Evidence) -> list[SummaryLine]:
    """Cases, events, variants, fitness, lead time and what each side lacks, as text."""
    figures, comparison = evidence.figures, evidence.comparison
    lead = figures.lead_time
    lacking = [arc for arc in figures.arcs if not comparison.arcs_in_map[arc.source, arc.target]]
    return [
        SummaryLine(
            "Log",
            f"{figures.cases:,} cases, {figures.events:,} events, "
            f"{len(figures.variants):,} variants",
        ),
        SummaryLine("Fitness", f"{comparison.fitness:.1%} of cases follow a path the map allows"),
        SummaryLine(
            "Lead time",
            f"median {format_duration(lead.median)}, P85 "
            f"{format_duration(lead.p85)}, mean {format_duration(lead.mean)}",
        ),
        SummaryLine("Rework", f"{figures.rework_rate:.1%} of cases repeat an activity"),
        SummaryLine("Never seen", ", ".join(s.name for s in comparison.missing_in_log) or "none"),
        SummaryLine("Not in the map", ", ".join(comparison.extra_in_log) or "none"),
        SummaryLine("Branches", "; ".join(_branch(b) for b in evidence.branches) or "none"),
        SummaryLine(
            "Moves not in the map",
            ", ".join(
                f"{a.source} → {a.target} ({a.count / figures.cases:.0%})" for a in lacking[:8]
            )
            or "none",
        ),
    ]


def _branch(share: BranchShare) -> str:
    recorded = f"{share.recorded:.0%}" if share.recorded is not None else NOT_SEEN
    return f"{share.step.name} → {share.target.name}: said {share.said:.0%}, recorded {recorded}"


def _row(item: StepEvidence) -> tuple[str, ...]:
    return (
        item.step.name,
        f"{item.cases:,}",
        format_duration(item.step.wait_minutes),
        _median(item.wait),
        _times(item.wait_ratio),
        format_duration(item.step.touch_minutes),
        _median(item.touch),
        _times(item.touch_ratio),
    )


def _median(spread: Spread | None) -> str:
    return format_duration(spread.median) if spread is not None else NOT_SEEN


def _times(ratio: float | None) -> str:
    return ratio_text(ratio) if ratio is not None else NOT_SEEN
