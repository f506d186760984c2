"""The large gaps between the map and the log, each ready to become a noted finding.

Large: a wait or hands-on time recorded ×2 or more (or ×0.5 or less) of what was said; a step
the log never records; an activity the map lacks; a move between mapped steps the map does not
allow; a branch share off by more than 0.15. Each names where it came from (``origin``) so the
Evidence tab shows "already a finding" instead of adding it twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.analysis.noted import note_finding
from app.evidence.branches import BranchShare
from app.evidence.recorded import RecordedLog
from app.evidence.report import Evidence
from app.evidence.said_recorded import MEASURE_WORDS, SaidRecorded, step_comparisons
from app.evidence.timestamps import minutes_to_datetime
from app.process.durations import format_duration
from app.process.model import Process, Step

BRANCH_OFF_BY = 0.15
SOURCE = "evidence"
STRUCTURE_WASTE = "Extra-processing"


@dataclass(frozen=True, slots=True)
class Gap:
    """One large gap, worded as the finding it would become."""

    origin: str
    title: str
    detail: str
    step_ids: tuple[str, ...] = ()
    minutes_per_run: float = 0.0
    waste: str = "Waiting"


def large_gaps(evidence: Evidence) -> tuple[Gap, ...]:
    """Every large gap of ``evidence``: times first, then what either side lacks, branches."""
    about = log_about(evidence)
    return (
        *_time_gaps(evidence, about),
        *_unseen_steps(evidence, about),
        *_extra_activities(evidence, about),
        *_extra_moves(evidence, about),
        *_branch_gaps(evidence, about),
    )


def gaps_json(process: Process, gaps: tuple[Gap, ...]) -> list[dict[str, object]]:
    """The gaps for ``walkthrough evidence --json``: steps by name, as the other keys."""
    names = {step.id: step.name for step in process.steps}
    return [
        {
            "origin": gap.origin,
            "title": gap.title,
            "detail": gap.detail,
            "steps": [names.get(step_id, step_id) for step_id in gap.step_ids],
            "minutes_per_run": gap.minutes_per_run,
        }
        for gap in gaps
    ]


def with_gap_noted(process: Process, gap: Gap) -> Process:
    """``process`` with ``gap`` as a noted finding (source "evidence")."""
    return note_finding(
        process,
        title=gap.title,
        detail=gap.detail,
        step_ids=gap.step_ids,
        source=SOURCE,
        waste=gap.waste,
        minutes_per_run=gap.minutes_per_run,
        origin=gap.origin,
    )


def log_about(evidence: Evidence) -> RecordedLog:
    """The log's name, dates and cases, to say where a figure comes from."""
    moments = evidence.log.date_range()
    first, last = (minutes_to_datetime(m).date() for m in moments) if moments else (None, None)
    return RecordedLog(evidence.log.name, first, last, evidence.figures.cases, {})


def _time_gaps(evidence: Evidence, about: RecordedLog) -> list[Gap]:
    gaps = []
    for item in evidence.comparison.steps:
        for said in step_comparisons(item):
            if said.closeness == "far":
                gaps.append(_time_gap(item.step, said, about))
    return gaps


def _time_gap(step: Step, said: SaidRecorded, about: RecordedLog) -> Gap:
    words = "Wait before" if said.measure == "wait" else "Hands-on time of"
    ratio = f" ({said.ratio_text()})" if said.ratio is not None else ""
    extra = max(0.0, said.recorded - said.said) * said.cases / about.cases
    more = (
        f" The log adds {format_duration(extra)} a run to what the map says."
        if said.measure == "wait" and extra > 0
        else ""
    )
    return Gap(
        origin=f"evidence:{said.measure}:{step.id}",
        title=f"{words} '{step.name}': {said.text()}",
        detail=f"{MEASURE_WORDS[said.measure].capitalize()}: {said.text()} "
        f"{about.source(said.cases)}{ratio}.{more}",
        step_ids=(step.id,),
        minutes_per_run=extra if said.measure == "wait" else 0.0,
        waste="Waiting" if said.measure == "wait" else STRUCTURE_WASTE,
    )


def _unseen_steps(evidence: Evidence, about: RecordedLog) -> list[Gap]:
    where = ", ".join(part for part in (f"log {about.log}", about.period()) if part)
    return [
        Gap(
            origin=f"evidence:missing:{step.id}",
            title=f"'{step.name}' never appears in the log",
            detail=f"None of the {about.cases:,} cases ({where}) records '{step.name}': "
            "it is skipped, done outside the system, or no activity is mapped to it.",
            step_ids=(step.id,),
            waste=STRUCTURE_WASTE,
        )
        for step in evidence.comparison.missing_in_log
    ]


def _extra_activities(evidence: Evidence, about: RecordedLog) -> list[Gap]:
    gaps = []
    for activity in evidence.comparison.extra_in_log:
        figures = evidence.figures.activities[activity]
        gaps.append(
            Gap(
                origin=f"evidence:extra:{activity}",
                title=f"'{activity}' is recorded but not on the map",
                detail=f"{_cases_share(figures.cases, about)} record '{activity}' "
                f"({figures.events:,} events, log {about.log}), which no step of the map shows.",
                waste=STRUCTURE_WASTE,
            )
        )
    return gaps


def _extra_moves(evidence: Evidence, about: RecordedLog) -> list[Gap]:
    mapping, gaps = evidence.mapping, []
    for arc in evidence.figures.arcs:
        if arc.source not in mapping or arc.target not in mapping:
            continue  # an activity the map lacks is a gap of its own
        if evidence.comparison.arcs_in_map[arc.source, arc.target]:
            continue
        gaps.append(
            Gap(
                origin=f"evidence:move:{arc.source}\u2192{arc.target}",
                title=f"'{arc.source}' is followed by '{arc.target}', which the map does not allow",
                detail=f"{arc.count:,} times in {about.cases:,} cases (log {about.log}) "
                f"'{arc.target}' came straight after '{arc.source}', "
                f"after a median wait of {format_duration(arc.wait.median)}.",
                step_ids=tuple(dict.fromkeys((mapping[arc.source], mapping[arc.target]))),
                waste=STRUCTURE_WASTE,
            )
        )
    return gaps


def _branch_gaps(evidence: Evidence, about: RecordedLog) -> list[Gap]:
    return [
        _branch_gap(share, about)
        for share in evidence.branches
        if share.recorded is not None and abs(share.recorded - share.said) > BRANCH_OFF_BY
    ]


def _branch_gap(share: BranchShare, about: RecordedLog) -> Gap:
    assert share.recorded is not None
    step, target = share.step, share.target
    return Gap(
        origin=f"evidence:branch:{step.id}:{target.id}",
        title=f"After '{step.name}', {share.recorded:.0%} go to '{target.name}', "
        f"not {share.said:.0%}",
        detail=f"People said {share.said:.0%} of the work goes from '{step.name}' to "
        f"'{target.name}'; the log records {share.recorded:.0%} ({share.moves:,} moves, "
        f"log {about.log}{', ' + about.period() if about.period() else ''}).",
        step_ids=(step.id, target.id),
        waste=STRUCTURE_WASTE,
    )


def _cases_share(cases: int, about: RecordedLog) -> str:
    share = cases / about.cases if about.cases else 0.0
    percent = "<1%" if 0 < share < 0.005 else f"{share:.0%}"
    return f"{cases:,} of {about.cases:,} case{'' if about.cases == 1 else 's'} ({percent})"
