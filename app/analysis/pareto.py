"""The Pareto of waiting: wait minutes per year by step, and the few steps that make 80 % of it."""

from __future__ import annotations

from dataclasses import dataclass

from app.analysis.metrics import Metrics
from app.process.model import Process

FOCUS_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class ParetoBar:
    """One step's waiting: ``v(s) · wait(s)`` per run, and that times the runs per year.

    ``share`` and ``cumulative_share`` are fractions of all waiting (computed per run, so
    they hold even when runs per year is not known). ``in_focus`` marks the bars up to and
    including the one where the cumulative share reaches 80 %.
    """

    step_id: str
    step_name: str
    minutes_per_run: float
    minutes_per_year: float
    share: float
    cumulative_share: float
    in_focus: bool


def wait_pareto(process: Process, metrics: Metrics) -> tuple[ParetoBar, ...]:
    """Steps that make work wait, longest first (ties in file order); empty if nothing waits."""
    waits = [
        (metrics.visits.get(step.id, 0.0) * step.wait_minutes, index)
        for index, step in enumerate(process.steps)
    ]
    ranked = sorted(((m, i) for m, i in waits if m > 0), key=lambda pair: (-pair[0], pair[1]))
    total = sum(minutes for minutes, _ in ranked)
    bars: list[ParetoBar] = []
    cumulative = 0.0
    for minutes, index in ranked:
        in_focus = cumulative < (FOCUS_SHARE - 1e-9) * total
        cumulative += minutes
        step = process.steps[index]
        bars.append(
            ParetoBar(
                step_id=step.id,
                step_name=step.name,
                minutes_per_run=minutes,
                minutes_per_year=minutes * process.runs_per_year,
                share=minutes / total,
                cumulative_share=cumulative / total,
                in_focus=in_focus,
            )
        )
    return tuple(bars)
