"""The evidence as plain data: the keys ``walkthrough evidence --json`` prints (interchange.md)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.evidence.branches import BranchShare, branch_shares
from app.evidence.bulk import paused_gc
from app.evidence.cohorts import weekly_lead_times
from app.evidence.compare import Comparison, StepEvidence, compare_log
from app.evidence.log import EventLog
from app.evidence.mapping import as_mapping, propose_mapping
from app.evidence.stats import LogFigures, analyse_log
from app.evidence.timestamps import minutes_to_datetime
from app.process.model import Process


@dataclass(frozen=True, slots=True)
class Evidence:
    """A log, its figures, the mapping used and the comparison with the map."""

    log: EventLog
    figures: LogFigures
    mapping: dict[str, str]
    comparison: Comparison
    branches: tuple[BranchShare, ...] = ()


def gather_evidence(
    process: Process, log: EventLog, mapping: Mapping[str, str] | None = None
) -> Evidence:
    """Analyse ``log`` against ``process``; without ``mapping``, the proposed one is used."""
    with paused_gc():
        figures = analyse_log(log)
    chosen = (
        dict(mapping)
        if mapping is not None
        else as_mapping(propose_mapping(figures.activities, process))
    )
    return remap(process, Evidence(log, figures, {}, EMPTY), chosen)


def remap(process: Process, evidence: Evidence, mapping: Mapping[str, str]) -> Evidence:
    """The same log against ``process`` with another mapping: the figures are not recounted."""
    chosen = dict(mapping)
    figures = evidence.figures
    return Evidence(
        evidence.log,
        figures,
        chosen,
        compare_log(process, figures, chosen),
        branch_shares(process, figures, chosen),
    )


EMPTY = Comparison(0.0, 0, (), (), {}, ())


def evidence_json(evidence: Evidence) -> dict[str, Any]:
    """The documented keys, durations in minutes, shares between 0 and 1."""
    figures, comparison = evidence.figures, evidence.comparison
    names = {item.step.id: item.step.name for item in comparison.steps}
    return {
        "log": evidence.log.name,
        "date_range": _date_range(evidence.log),
        "cases": figures.cases,
        "events": figures.events,
        "variants": [
            {"path": list(v.path), "count": v.count, "share": v.share} for v in figures.variants
        ],
        "fitness": comparison.fitness,
        "missing_in_log": [step.name for step in comparison.missing_in_log],
        "extra_in_log": list(comparison.extra_in_log),
        "arcs": [
            {
                "from": arc.source,
                "to": arc.target,
                "count": arc.count,
                "median_wait_minutes": arc.wait.median,
                "p85_wait_minutes": arc.wait.p85,
                "in_map": comparison.arcs_in_map[arc.source, arc.target],
            }
            for arc in figures.arcs
        ],
        "steps": [_step_json(item) for item in comparison.steps],
        "lead_time_minutes": figures.lead_time.as_json(),
        "rework_rate": figures.rework_rate,
        "branches": [
            {
                "step": item.step.name,
                "to": item.target.name,
                "said_share": item.said,
                "recorded_share": item.recorded,
                "moves": item.moves,
            }
            for item in evidence.branches
        ],
        "weekly_lead_time_minutes": [
            {"week": week.monday.isoformat(), "cases": week.cases, "median": week.median_minutes}
            for week in weekly_lead_times(evidence.log)
        ],
        "mapping": {a: names.get(s, s) for a, s in sorted(evidence.mapping.items())},
        "notes": list(evidence.log.notes),
    }


def _step_json(item: StepEvidence) -> dict[str, Any]:
    return {
        "step": item.step.name,
        "id": item.step.id,
        "cases": item.cases,
        "median_wait_minutes": item.wait.median if item.wait else None,
        "p85_wait_minutes": item.wait.p85 if item.wait else None,
        "said_wait_minutes": item.step.wait_minutes,
        "ratio": item.wait_ratio,
        "median_touch_minutes": item.touch.median if item.touch else None,
        "said_touch_minutes": item.step.touch_minutes,
        "touch_ratio": item.touch_ratio,
    }


def _date_range(log: EventLog) -> list[str] | None:
    moments = log.date_range()
    if moments is None:
        return None
    return [minutes_to_datetime(m).isoformat() for m in moments]
