"""Everything the sections read, computed once: the analysis, the map and the page frames."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from app.analysis.finding import Finding
from app.analysis.findings import find_findings
from app.analysis.metrics import Metrics, compute_metrics
from app.analysis.pareto import ParetoBar, wait_pareto
from app.analysis.unknowns import cost_gap, value_known
from app.analysis.wording import long_date, money, percent
from app.export.pdf.options import PageSize, PlanOptions
from app.process.model import Process

PCE_UNKNOWN = "not known: no step classified"


@dataclass(frozen=True, slots=True)
class Frame:
    """The printable area of a page in points: its size and the frame inside the margins."""

    page_width: float
    page_height: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class PlanContext:
    """One process, its analysis and the choices of the caller."""

    process: Process
    options: PlanOptions
    page_size: PageSize
    metrics: Metrics
    findings: tuple[Finding, ...]
    pareto: tuple[ParetoBar, ...]
    portrait: Frame
    landscape: Frame

    @property
    def today(self) -> dt.date:
        return self.options.today

    @property
    def author(self) -> str:
        """Who prepared the plan: the consultant's name, else the interviewers."""
        names = dict.fromkeys(i.interviewer.strip() for i in self.process.interviews)
        return self.options.author.strip() or ", ".join(name for name in names if name)

    @property
    def prepared(self) -> str:
        """``Prepared by Sam Whitfield, Lean & Co for Northfield`` ("" when neither is known)."""
        by = ", ".join(part for part in (self.author, self.options.company.strip()) if part)
        words = [f"Prepared by {by}" if by else "", f"for {self.organisation}"]
        if not self.organisation:
            words.pop()
        line = " ".join(word for word in words if word)
        return line[0].upper() + line[1:] if line else ""

    @property
    def organisation(self) -> str:
        return (self.options.organisation or self.process.organisation).strip()

    def money(self, amount: float) -> str:
        """An amount in the process's currency."""
        return money(amount, self.process.currency)

    def cost(self, amount: float) -> str:
        """A cost of hands-on time, or why it is not known (a lane without hourly cost)."""
        return cost_gap(self.process) or self.money(amount)

    def pce(self) -> str:
        """Process cycle efficiency, or "not known" when no step was classified."""
        return percent(self.metrics.pce) if value_known(self.process) else PCE_UNKNOWN

    def date(self, day: dt.date) -> str:
        """``31 March 2027``, whatever the machine's locale."""
        return long_date((day.day, day.month, day.year))


def analyse(
    process: Process, options: PlanOptions, portrait: Frame, landscape: Frame
) -> PlanContext:
    """Compute the analysis a plan needs."""
    metrics = compute_metrics(process)
    return PlanContext(
        process=process,
        options=options,
        page_size=options.resolved_page_size(),
        metrics=metrics,
        findings=find_findings(process, metrics),
        pareto=wait_pareto(process, metrics),
        portrait=portrait,
        landscape=landscape,
    )


PRINTED_EXTRA = ("simulation_scenarios", "noted_findings", "accounts")


def user_texts(process: Process) -> Iterator[str]:
    """Every piece of text a person typed into the process (for the glyph check)."""
    yield from _strings(
        [
            process.name,
            process.description,
            process.trigger,
            process.outcome,
            process.customer,
            process.customer_need,
            process.owner,
            process.organisation,
            process.problem,
            process.scope_in,
            process.scope_out,
            process.inputs,
        ]
    )
    for interview in process.interviews:
        yield from (interview.interviewee, interview.role, interview.interviewer, interview.notes)
    yield from (lane.name for lane in process.lanes)
    for step in process.steps:
        yield from (step.name, step.why, step.pain_points, step.notes, *step.systems)
    yield from (flow.label for flow in process.flows)
    for goal in process.goals:
        yield from (goal.metric, goal.unit, goal.owner, goal.measured_by, goal.statement)
        yield goal.baseline_source
    plan = [asdict(item) for item in process.actions]
    plan += [asdict(item) for item in process.root_causes]
    yield from _strings([plan, list(process.fishbone_categories), asdict(process.control)])
    if process.future_state is not None:
        yield from _strings([[s.name, s.why, s.notes] for s in process.future_state.steps])
    # what the newer sections print: scenario names, noted findings, the accounts as told
    yield from _strings([process.extra.get(key) for key in PRINTED_EXTRA])
    yield from _strings([interview.extra.get("account") for interview in process.interviews])


def _strings(value: Any) -> Iterator[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
