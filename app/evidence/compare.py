"""Said against recorded: the map people described checked against the cases a log holds."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from app.evidence.figures import Spread, spread
from app.evidence.paths import AllowedPaths, allowed_paths
from app.evidence.stats import LogFigures
from app.process.model import Process, Step


@dataclass(frozen=True, slots=True)
class StepEvidence:
    """One step: what the interview said against what the log recorded (minutes)."""

    step: Step
    cases: int
    wait: Spread | None
    touch: Spread | None

    @property
    def wait_ratio(self) -> float | None:
        """Recorded median wait ÷ the wait people said; None when either is missing or 0."""
        return _ratio(self.wait, self.step.wait_minutes)

    @property
    def touch_ratio(self) -> float | None:
        """Recorded median hands-on time ÷ the hands-on time people said."""
        return _ratio(self.touch, self.step.touch_minutes)


@dataclass(frozen=True, slots=True)
class Comparison:
    """Fitness, what each side lacks, and each step said against recorded."""

    fitness: float
    fitting_cases: int
    missing_in_log: tuple[Step, ...]
    extra_in_log: tuple[str, ...]
    arcs_in_map: dict[tuple[str, str], bool]
    steps: tuple[StepEvidence, ...]


def compare_log(process: Process, figures: LogFigures, mapping: Mapping[str, str]) -> Comparison:
    """A log's ``figures`` against the map of ``process``; ``mapping``: activity → step."""
    known = {step.id for step in process.steps}
    mapping = {activity: step for activity, step in mapping.items() if step in known}
    paths = allowed_paths(process, set(mapping.values()))
    fitting = sum(v.count for v in figures.variants if _fits(v.path, mapping, paths))
    seen = {mapping[a] for a in figures.activities if a in mapping}
    return Comparison(
        fitness=fitting / figures.cases,
        fitting_cases=fitting,
        missing_in_log=tuple(
            s for s in process.steps if s.kind not in ("start", "end") and s.id not in seen
        ),
        extra_in_log=tuple(a for a in figures.activities if a not in mapping),
        arcs_in_map={
            (arc.source, arc.target): _arc_in_map(arc.source, arc.target, mapping, paths)
            for arc in figures.arcs
        },
        steps=_step_evidence(process, figures, mapping),
    )


def _fits(path: tuple[str, ...], mapping: Mapping[str, str], paths: AllowedPaths) -> bool:
    if any(activity not in mapping for activity in path):
        return False
    return paths.allows([mapping[activity] for activity in path])


def _arc_in_map(source: str, target: str, mapping: Mapping[str, str], paths: AllowedPaths) -> bool:
    if source not in mapping or target not in mapping:
        return False
    return paths.allows_arc(mapping[source], mapping[target])


def _step_evidence(
    process: Process, figures: LogFigures, mapping: Mapping[str, str]
) -> tuple[StepEvidence, ...]:
    """Waits and hands-on times pooled over every activity mapped to each step.

    The wait before an event does not depend on the mapping, so pooling the activities' own
    waits gives the step's; its cases are counted over the variants.
    """
    activities: dict[str, list[str]] = defaultdict(list)
    for activity, step in mapping.items():
        if activity in figures.activities:
            activities[step].append(activity)
    return tuple(
        _one_step(step, figures, activities[step.id])
        for step in process.steps
        if step.kind not in ("start", "end")
    )


def _one_step(step: Step, figures: LogFigures, activities: list[str]) -> StepEvidence:
    found = [figures.activities[activity] for activity in activities]
    wanted = set(activities)
    cases = sum(v.count for v in figures.variants if wanted.intersection(v.path))
    waits = [value for item in found for value in item.wait_values]
    touches = [value for item in found for value in item.touch_values]
    return StepEvidence(step, cases, spread(waits), spread(touches))


def _ratio(recorded: Spread | None, said: float) -> float | None:
    if recorded is None or said <= 0:
        return None
    return recorded.median / said
