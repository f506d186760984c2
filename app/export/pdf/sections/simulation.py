"""The scenarios chosen in the Simulate tab, simulated again for the plan with their seed:
what each changes, the figures side by side with their units, what could not be simulated
and the command that reproduces them. No scenario chosen: nothing at all."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from app.export.pdf.blocks import gap, heading, note, para, table
from app.export.pdf.context import PlanContext
from app.export.pdf.document import Cancelled, Progress
from app.export.pdf.options import PlanCancelled
from app.export.pdf.styles import STYLES
from app.process.model import Process
from app.simulation.describe import rerun_command, scenario_changes
from app.simulation.planned import PlannedRuns, run_planned
from app.simulation.results import SimulationResult
from app.simulation.saved import planned_scenarios
from app.simulation.simulate import SimulationCancelledError, SimulationOptions
from app.simulation.summary import queued_steps, result_rows, wait_rows

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
    commands = [
        para(rerun_command(ctx.process, run.scenario, planned.options), STYLES.small)
        for run in planned.runs
    ]
    rerun = [
        heading("Re-running these figures", 1),
        note("With the process in the database, each line prints the same figures:"),
    ]
    story.append(KeepTogether([*rerun, *commands[:1]]))  # the heading never ends a page
    return story + commands[1:]


def _method(options: SimulationOptions) -> str:
    return (
        "Before the change is rolled out, each scenario below was replayed case by case: cases "
        "arrive at random at the process's runs per year, follow the map's branches and rework "
        "loops, and queue for the people of each lane. Where a lane has a number of people, "
        "the waits typed before its steps are replaced by the queues those people produce "
        "(unless the wait is for something outside); other waits are kept as typed. "
        "Each scenario ran "
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
    names = [name for name, _ in found]
    rows = result_rows(found, ctx.process.currency, queues=0)
    right = tuple(range(1, len(names) + 1))
    width = [ctx.portrait.width]
    story: list[Flowable] = [
        heading("What the simulation gives", 1),
        table(["Figure", *names], [[label, *cells] for label, cells in rows], width, right=right),
    ]
    return story + _waits(ctx, [result for _, result in found], names)


def _waits(ctx: PlanContext, found: list[SimulationResult], names: list[str]) -> list[Flowable]:
    """The interview's wait before each queued step beside the queue the staffing explains."""
    rows = wait_rows(found, QUEUE_ROWS)
    if not rows:
        return []
    right = tuple(range(1, len(names) + 2))
    story: list[Flowable] = [
        heading("Waits: what the interview said, what the staffing explains", 1),
        table(
            ["Wait before", "Interview", *names],
            [[f"'{step}'", said, *cells] for step, said, cells in rows],
            [ctx.portrait.width],
            right=right,
        ),
    ]
    hidden = queued_steps(found) - len(rows)
    if hidden > 0:
        story.append(
            note(
                f"The {len(rows)} longest simulated waits are shown; {hidden} more steps queue "
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
