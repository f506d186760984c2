"""Findings: where the process loses time and money, one finding per cause.

Every finding counts minutes per run from the visits ``v(s)`` of the metrics, split into the
calendar time a case waits in queues (``wait_minutes_per_run``) and the hands-on time people
spend on it (``touch_minutes_per_run``); a reader can redo the sums by hand
(``minutes_per_run`` is their total, ``minutes_per_year`` that times the runs per year):

- wait: one per step in the 80 % focus of the wait Pareto, the longest ten at most (approvals
  have their own finding): ``v(s) · wait(s)``.
- approval: one per approval step: ``v(s) · (touch(s) + wait(s))``; its rejection rate is the
  probability of its rework flows.
- rework: one per rework flow a→b: the flow is taken ``n = v(a) · p(a→b)`` times per run, and
  each time the work goes again through the steps the first pass took from b to a (the
  depth-first search path, b and a included): ``n · Σ (touch + wait)`` over that path.
- handoff: one per pair of lanes work passes between: ``Σ v(a) · p(a→b) · wait(b)`` over the
  flows a→b from the one lane to the other, the time work sits after being passed on.
- habit: one per step done out of habit: ``v(s) · (touch(s) + wait(s))``, all that stopping it
  would save.
- rekeyed: one per step that types in data again: ``v(s) · touch(s)``.

One finding per cause: the wait in front of a step that has a wait or approval finding is
counted there only, so the handoff and habit findings leave it out (and say where it is).

``cost_per_year`` is money for hands-on time only (the touch minutes counted above, at the
step's lane rate): waiting costs no wages. ``work_minutes_per_year`` is that hands-on time a
year. ``cases_waiting`` is Little's law on the queue time: cases arriving per minute of the
calendar year (runs per year ÷ 525,600) × the minutes each waits, the cases sitting in these
queues at any moment.

The list is ranked by money a year when every working lane's hourly cost is known, by minutes
a year when not (``ranking``); ties fall back to minutes, then the kind order and the map order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from app.analysis.chain import Chain
from app.analysis.finding import Finding
from app.analysis.graph import DepthFirst
from app.analysis.metrics import Metrics, lane_rates
from app.analysis.noted import noted_findings
from app.analysis.pareto import wait_pareto
from app.analysis.structure import map_structure
from app.analysis.unknowns import cost_known
from app.analysis.validate import never_rejected
from app.analysis.wording import finding_figures, percent, quoted_names, times
from app.process.durations import format_duration
from app.process.model import Process, Step

Ranking = Literal["money", "time"]
MINUTES_PER_YEAR = 365 * 24 * 60  # waits are calendar time: a day is 24 h (method.md)
KIND_ORDER = ("rework", "approval", "wait", "handoff", "habit", "rekeyed")
# Wait findings are the steps in the 80 % focus of the wait Pareto, at most this many.
MAX_WAIT_FINDINGS = 10


@dataclass(frozen=True, slots=True)
class _Context:
    process: Process
    metrics: Metrics
    chain: Chain
    search: DepthFirst | None
    rates: dict[str, float]
    claimed: frozenset[str] = frozenset()  # steps whose wait a wait/approval finding counts
    approvals: frozenset[str] = frozenset()  # steps whose whole time an approval finding counts

    def visits(self, step: Step) -> float:
        return self.metrics.visits.get(step.id, 0.0)

    def money(self, step: Step, touch_runs: float) -> float:
        """Yearly cost of ``touch_runs`` × the step's touch time at its lane rate."""
        hours = touch_runs * step.touch_minutes / 60
        return hours * self.rates[step.lane] * self.process.runs_per_year

    def finding(
        self,
        kind: str,
        title: str,
        steps: list[Step],
        waste: str,
        *,
        wait: float = 0.0,
        touch: float = 0.0,
        cost: float = 0.0,
    ) -> Finding:
        """A finding of ``wait`` + ``touch`` minutes per run, with its yearly figures."""
        runs = self.process.runs_per_year
        minutes = wait + touch
        found = Finding(
            kind,
            title,
            tuple(s.id for s in steps),
            waste,
            minutes,
            minutes * runs,
            cost,
            "",
            wait_minutes_per_run=wait,
            touch_minutes_per_run=touch,
            work_minutes_per_year=touch * runs,
            cases_waiting=runs * wait / MINUTES_PER_YEAR,
        )
        return replace(found, detail=finding_figures(wait=wait, touch=touch, runs=runs))

    def unclaimed_wait(self, step: Step) -> float:
        """The step's wait, unless a wait or approval finding already counts it."""
        return 0.0 if step.id in self.claimed else step.wait_minutes


def find_findings(process: Process, metrics: Metrics) -> tuple[Finding, ...]:
    """All findings, the costliest first; none when the metrics could not be computed."""
    if not metrics.computable:
        return ()
    structure = map_structure(process)
    context = _Context(process, metrics, structure.chain, structure.search, lane_rates(process))
    waits = [*_waits(context), *_approvals(context)]
    approvals = frozenset(f.step_ids[0] for f in waits if f.kind == "approval")
    context = replace(context, claimed=frozenset(f.step_ids[0] for f in waits), approvals=approvals)
    found = [
        *waits,
        *_rework(context),
        *_handoffs(context),
        *_habits(context),
        *_rekeyed(context),
    ]
    by_money = ranking(process) == "money"
    ranked = sorted(found, key=lambda finding: _rank(context, finding, by_money))
    return (*ranked, *noted_findings(process))  # noted by a person: in the order noted


def ranking(process: Process) -> Ranking:
    """``money`` when the hourly cost of every lane that works is known, else ``time``.

    Ranked by money with some rates missing, the lanes without one would look free.
    """
    rates = [process.hourly_rate, *(lane.hourly_rate or 0.0 for lane in process.lanes)]
    known = cost_known(process) and any(rate > 0 for rate in rates)
    return "money" if known else "time"


def _rank(
    context: _Context, finding: Finding, by_money: bool
) -> tuple[float, float, float, int, int, str]:
    first = context.chain.position.get(finding.step_ids[0], -1) if finding.step_ids else -1
    kind = KIND_ORDER.index(finding.kind)
    money = -finding.cost_per_year if by_money else 0.0
    return (money, -finding.minutes_per_year, -finding.minutes_per_run, kind, first, finding.title)


def _waits(context: _Context) -> Iterator[Finding]:
    steps = context.process.step_by_id()
    focus = [bar for bar in wait_pareto(context.process, context.metrics) if bar.in_focus]
    waits = [bar for bar in focus if steps[bar.step_id].kind != "approval"]
    for bar in waits[:MAX_WAIT_FINDINGS]:
        step = steps[bar.step_id]
        title = f"Work waits {format_duration(step.wait_minutes)} before '{step.name}'"
        found = context.finding("wait", title + ".", [step], "Waiting", wait=bar.minutes_per_run)
        yield _add(found, f"{percent(bar.share)} of all waiting.")


def _approvals(context: _Context) -> Iterator[Finding]:
    rework = set(context.metrics.rework_flows)
    for index, step in enumerate(context.chain.steps):
        visits = context.visits(step)
        if step.kind != "approval" or visits <= 0:
            continue
        rejected = sum(e.probability for e in context.chain.edges[index] if e.flow in rework)
        minutes = visits * (step.touch_minutes + step.wait_minutes)
        title = f"Approval '{step.name}' holds work {format_duration(minutes)} per run"
        if rejected > 0:
            title += f" and sends {percent(rejected)} of it back"
        title += "."
        cost = context.money(step, visits)
        found = context.finding(
            "approval",
            title,
            [step],
            "Extra-processing",
            wait=visits * step.wait_minutes,
            touch=visits * step.touch_minutes,
            cost=cost,
        )
        sentence = (
            f"It waits {format_duration(step.wait_minutes)} and takes "
            f"{format_duration(step.touch_minutes)} of hands-on time each time."
        )
        if never_rejected(step) and len(context.chain.edges[index]) == 1:
            sentence += " It is never rejected: it adds waiting, not a check."
        yield _add(found, sentence)


def _rework(context: _Context) -> Iterator[Finding]:
    chain, search = context.chain, context.search
    if search is None:
        return
    for source, child in search.back_edges:
        edge = chain.edges[source][child]
        taken = context.visits(chain.steps[source]) * edge.probability
        if taken <= 0:
            continue
        path = [chain.steps[i] for i in search.tree_path(edge.target, source)]
        yield _rework_finding(context, path, edge.probability, taken)


def _rework_finding(
    context: _Context, path: list[Step], probability: float, taken: float
) -> Finding:
    one_pass = sum(step.touch_minutes + step.wait_minutes for step in path)
    wait = taken * sum(step.wait_minutes for step in path)
    touch = taken * sum(step.touch_minutes for step in path)
    sender, receiver = path[-1], path[0]
    title = f"Work goes back from '{sender.name}' to '{receiver.name}' {times(taken)} per run."
    cost = sum(context.money(step, taken) for step in path)
    found = context.finding("rework", title, path, "Defects", wait=wait, touch=touch, cost=cost)
    names = quoted_names([step.name for step in path])
    return _add(
        found,
        f"{percent(probability)} of the work leaving '{sender.name}' goes back; each time "
        f"{names} run again ({format_duration(one_pass)}).",
    )


def _handoffs(context: _Context) -> Iterator[Finding]:
    chain = context.chain
    pairs: dict[tuple[str, str], tuple[float, float, dict[str, Step]]] = {}
    for source, edges in enumerate(chain.edges):
        sender = chain.steps[source]
        for edge in edges:
            receiver = chain.steps[edge.target]
            taken = context.visits(sender) * edge.probability
            if receiver.lane == sender.lane or taken <= 0:
                continue
            count, minutes, steps = pairs.get((sender.lane, receiver.lane), (0.0, 0.0, {}))
            steps.setdefault(receiver.id, receiver)
            pairs[(sender.lane, receiver.lane)] = (
                count + taken,
                minutes + taken * context.unclaimed_wait(receiver),
                steps,
            )
    lanes = {lane.id: lane.name for lane in context.process.lanes}
    for (give, take), (count, minutes, steps) in pairs.items():
        title = (
            f"Work passes from {lanes.get(give, give)} to {lanes.get(take, take)} "
            f"{times(count)} per run."
        )
        receivers = list(steps.values())
        found = context.finding("handoff", title, receivers, "Transportation", wait=minutes)
        yield _add(found, _handoff_sentence(context, receivers))


def _handoff_sentence(context: _Context, receivers: list[Step]) -> str:
    own = [s.name for s in receivers if s.id not in context.claimed]
    counted = [s.name for s in receivers if s.id in context.claimed]
    parts = [f"It then waits at {quoted_names(own)}." if own else ""]
    if counted:
        parts.append(f"The wait at {quoted_names(counted)} is counted in its own finding.")
    return " ".join(part for part in parts if part)


def _habits(context: _Context) -> Iterator[Finding]:
    for step in context.chain.steps:
        visits = context.visits(step)
        if step.habit and visits > 0:
            title = f"'{step.name}' is done out of habit: what would break if it stopped?"
            if step.id in context.approvals:
                found = context.finding("habit", title, [step], "Overproduction")
                yield replace(found, detail="Its time and money are counted in its approval.")
                continue
            yield context.finding(
                "habit",
                title,
                [step],
                "Overproduction",
                wait=visits * context.unclaimed_wait(step),
                touch=visits * step.touch_minutes,
                cost=context.money(step, visits),
            )


def _rekeyed(context: _Context) -> Iterator[Finding]:
    for step in context.chain.steps:
        visits = context.visits(step)
        if step.rekeys_data and visits > 0:
            title = f"'{step.name}' types in data that already exists elsewhere."
            cost = context.money(step, visits)
            yield context.finding(
                "rekeyed",
                title,
                [step],
                "Extra-processing",
                touch=visits * step.touch_minutes,
                cost=cost,
            )


def _add(finding: Finding, sentence: str) -> Finding:
    """The finding with ``sentence`` put in front of its detail."""
    return replace(finding, detail=f"{sentence} {finding.detail}")
