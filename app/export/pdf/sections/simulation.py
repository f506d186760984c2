"""The scenarios chosen in the Simulate tab, simulated again for the plan with their seed:
what each changes, the figures side by side with their units, what could not be simulated
and the command that reproduces them. No scenario chosen: nothing at all."""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.export.pdf.blocks import gap, heading, note, para, table
from app.export.pdf.context import PlanContext
from app.export.pdf.document import Cancelled, Progress
from app.export.pdf.options import PlanCancelled
from app.export.pdf.styles import STYLES
from app.process.model import Process
from app.simulation.describe import rerun_command, scenario_changes
from app.simulation.planned import PlannedRuns, run_planned
from app.simulation.saved import planned_scenarios
from app.simulation.simulate import SimulationCancelledError, SimulationOptions
from app.simulation.summary import queued_steps, result_rows

TITLE = "Tested before rollout: simulation"
QUEUE_ROWS = 6  # waits before queued steps printed; the command lists every one


def simulate_for_plan(process: Process, report: Progress, cancelled: Cancelled | None) -> None:
    """Run the chosen scenarios before the pages are laid out, so Cancel can stop them."""
    if not planned_scenarios(process):
        return
    report(2, "Simulating the scenarios chosen for the plan")

    def go_on(_done: int, _total: int) -> bool:
        return cancelled is None or not cancelled()

    try:
        run_planned(process, go_on)
    except SimulationCancelledError as error:
        raise PlanCancelled("The export was cancelled.") from error


def simulation(ctx: PlanContext) -> list[Flowable]:
    """The simulation section, or nothing when no scenario was chosen for the plan."""
    planned = run_planned(ctx.process)
    if not planned.runs:
        return []
    story: list[Flowable] = [heading(TITLE), para(_method(planned.options))]
    story.append(_scenarios_table(ctx, planned))
    story += _results(ctx, planned)
    warnings = _warnings(planned)
    if warnings:
        story += [gap(), *(para(text) for text in warnings)]
    story.append(heading("Re-running these figures", 1))
    story.append(note("With the process in the database, each line prints the same figures:"))
    story += [
        para(rerun_command(ctx.process, run.scenario, planned.options), STYLES.small)
        for run in planned.runs
    ]
    return story


def _method(options: SimulationOptions) -> str:
    return (
        "Before the change is rolled out, each scenario below was replayed case by case: cases "
        "arrive at random at the process's runs per year, follow the map's branches and rework "
        "loops, and queue for the people of each lane. Each scenario ran "
        f"{options.replications} independent replications of {options.cases:,} measured cases "
        f"(after {options.warmup:,} warm-up cases), seed {options.seed}. The 95 % interval is "
        "that of the mean lead time over the replications; P50, P85 and P95 are the times "
        "within which half, 85 % and 95 % of cases finish."
    )


def _scenarios_table(ctx: PlanContext, planned: PlannedRuns) -> Flowable:
    rows = [
        [run.scenario.name, "; ".join(scenario_changes(ctx.process, run.scenario))]
        for run in planned.runs
    ]
    return table(["Scenario", "What it changes"], rows, [ctx.portrait.width])


def _results(ctx: PlanContext, planned: PlannedRuns) -> list[Flowable]:
    found = [(run.scenario.name, run.result) for run in planned.runs if run.result is not None]
    if not found:
        return []
    rows = result_rows(found, ctx.process.currency, queues=QUEUE_ROWS)
    header = ["Figure", *(name for name, _ in found)]
    body = [[label, *cells] for label, cells in rows]
    right = tuple(range(1, len(header)))
    story: list[Flowable] = [
        heading("What the simulation gives", 1),
        table(header, body, [ctx.portrait.width], right=right, zebra=True),
    ]
    hidden = queued_steps([result for _, result in found]) - QUEUE_ROWS
    if hidden > 0:
        story.append(
            note(
                f"The {QUEUE_ROWS} longest simulated waits are shown; {hidden} more steps queue "
                "for people (the command below with --json lists every step)."
            )
        )
    return story


def _warnings(planned: PlannedRuns) -> list[str]:
    texts = [f"{run.scenario.name}: {run.problem}" for run in planned.runs if run.problem]
    for run in planned.runs:
        if run.result is not None:
            texts += [f"{run.scenario.name}: {text}." for text in run.result.warnings]
    return texts
