"""``walkthrough simulate`` (interchange.md): its arguments, its JSON and its terminal summary.

Bad arguments exit 2 with one line on stderr, not argparse's usage dump.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from app.process.staffing import DAY_NAMES, WorkingHours, read_hours
from app.simulation.results import SimulationResult, StepResult

MAX_CASES = 1_000_000
MAX_REPLICATIONS = 1000


def add_simulate_command(commands: Any, db_help: str) -> argparse.ArgumentParser:
    """Add the ``simulate`` subcommand to ``commands`` (argparse's subparsers)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "simulate", help="simulate a process under demand and staffing (discrete events)"
    )
    parser.error = _one_line_error  # type: ignore[method-assign]
    _refuse_unknown_arguments(parser)
    parser.add_argument("process", metavar="PROCESS", help="id, exact name or process file")
    parser.add_argument(
        "--state", choices=("current", "future"), default="current", help="which map (current)"
    )
    cases, warmup = "measured cases per replication (1000)", "cases before measuring (200)"
    parser.add_argument("--cases", type=_whole(1, MAX_CASES), default=1000, metavar="N", help=cases)
    parser.add_argument(
        "--replications", type=_whole(1, MAX_REPLICATIONS), default=10, metavar="R",
        help="independent runs, for the 95 %% interval (10)",
    )  # fmt: skip
    parser.add_argument(
        "--warmup", type=_whole(0, MAX_CASES), default=200, metavar="W", help=warmup
    )
    parser.add_argument(
        "--seed", type=_whole(0, 2**63), default=1, metavar="S", help="same seed, same bytes (1)"
    )
    parser.add_argument(
        "--demand", type=_factor, default=1.0, metavar="FACTOR", help="1.3 = 30 %% more runs (1)"
    )
    parser.add_argument(
        "--people", type=_people, action="append", default=[], metavar="LANE=N",
        help="people in a lane (id or name); repeat for several lanes",
    )  # fmt: skip
    parser.add_argument(
        "--time", type=_step_time, action="append", default=[], metavar="STEP=MIN[,BEST,WORST]",
        help="a step's hands-on minutes (id or name), optionally best and worst; repeatable",
    )  # fmt: skip
    parser.add_argument(
        "--hours", type=_hours, action="append", default=[], metavar="LANE=DAYS@HH:MM-HH:MM",
        help="a lane's working hours, e.g. ap=mon,tue,wed,thu,fri@09:00-17:00 (or always)",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS, help=db_help)
    parser.set_defaults(handler=command_simulate)
    return parser


def _one_line_error(message: str) -> NoReturn:
    print(f"walkthrough simulate: {message}", file=sys.stderr)
    sys.exit(2)


def _refuse_unknown_arguments(parser: argparse.ArgumentParser) -> None:
    """Unknown arguments of ``simulate`` get one line too (the main parser would dump usage)."""
    parse_known = parser.parse_known_args

    def parse(*args: Any, **kwargs: Any) -> Any:
        namespace, extras = parse_known(*args, **kwargs)
        if extras:
            _one_line_error(f"unrecognized arguments: {' '.join(extras)}")
        return namespace, extras

    parser.parse_known_args = parse  # type: ignore[method-assign]


def _whole(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            message = f"must be a whole number from {low} to {high:,}, not {text!r}"
            raise argparse.ArgumentTypeError(message)
        return value

    return parse


def _factor(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value <= 1000:
        raise argparse.ArgumentTypeError(
            f"must be a number above 0 (1.3 = 30 % more), not {text!r}"
        )
    return value


def _people(text: str) -> tuple[str, int]:
    lane, _, count = text.rpartition("=")
    if not lane or not count.isdigit():
        raise argparse.ArgumentTypeError(f"must be LANE=N with N a whole number, not {text!r}")
    return lane, int(count)


def _step_time(text: str) -> tuple[str, tuple[float, ...]]:
    step, _, minutes = text.rpartition("=")
    try:
        numbers = [float(part) for part in minutes.split(",")]
    except ValueError:
        numbers = []
    if not step or len(numbers) not in (1, 3) or not all(0 <= n < math.inf for n in numbers):
        raise argparse.ArgumentTypeError(
            f"must be STEP=MINUTES or STEP=TYPICAL,BEST,WORST in minutes, not {text!r}"
        )
    return step, tuple(numbers)


def _hours(text: str) -> tuple[str, WorkingHours | None]:
    lane, _, spec = text.rpartition("=")
    if lane and spec == "always":
        return lane, None
    days, _, window = spec.partition("@")
    start, _, end = window.partition("-")
    hours = read_hours({"days": days.split(","), "start": start, "end": end})
    if not lane or hours is None or len(hours.days) != len(days.split(",")):
        raise argparse.ArgumentTypeError(
            f"must be LANE=DAYS@HH:MM-HH:MM (days among {', '.join(DAY_NAMES)}) "
            f"or LANE=always, not {text!r}"
        )
    return lane, hours


def command_simulate(args: argparse.Namespace) -> int:
    """Simulate the process PROCESS names and print the result."""
    from app.cli import UserError, load_process_argument
    from app.simulation.model import SimulationError
    from app.simulation.scenario import Scenario, StepTime, apply_scenario
    from app.simulation.simulate import SimulationOptions, simulate

    process = load_process_argument(args)
    scenario = Scenario(
        state=args.state,
        demand=args.demand,
        people=dict(args.people),
        step_times={step: StepTime(*minutes) for step, minutes in args.time},
        hours=dict(args.hours),
    )
    options = SimulationOptions(args.cases, args.replications, args.warmup, args.seed)
    try:
        result = simulate(apply_scenario(process, scenario), options)
    except SimulationError as error:
        raise UserError(str(error)) from error
    if args.json:
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        print(simulation_summary(process.name, result))
    return 0


def simulation_summary(name: str, result: SimulationResult) -> str:
    """The result as a few readable lines for the terminal."""
    from app.process.durations import format_duration as duration

    lines = [f"{name}: {result.replications} × {result.cases} cases, seed {result.seed}"]
    lead = result.lead_time
    if lead is not None:
        low, high = lead.ci95 or (lead.mean, lead.mean)
        lines.append(
            f"  lead time   {duration(lead.mean)} (95 % CI {duration(low)}–{duration(high)});"
            f" P50 {duration(lead.p50)}, P85 {duration(lead.p85)}, P95 {duration(lead.p95)}"
        )
        lines.append(f"  analytic    {duration(result.analytic_lead_time_minutes)}")
        lines.append(
            f"  throughput  {result.throughput_per_day or 0:.2f} a day, WIP {result.wip or 0:.1f}"
        )
    for role in result.roles:
        used = "—" if role.utilisation is None else f"{role.utilisation:.0%}"
        lines.append(f"  role        {role.name}: {_people_text(role.people)}, {used} busy")
    lines += [_said_and_simulated(step, result) for step in result.steps if step.queue_of]
    lines += [f"  warning     {text}" for text in result.warnings]
    return "\n".join(lines)


def _people_text(people: int) -> str:
    return f"{people} {'person' if people == 1 else 'people'}"


def _said_and_simulated(step: StepResult, result: SimulationResult) -> str:
    """The interviewed wait before a queued step beside the one its role's staffing explains."""
    from app.process.durations import format_duration as duration

    role = next(role for role in result.roles if role.lane == step.queue_of)
    explains = "—" if step.mean_wait_minutes is None else duration(step.mean_wait_minutes)
    return (
        f"  wait        the interview says {duration(step.interviewed_wait_minutes)} before "
        f"'{step.name}'; {_people_text(role.people)} in {role.name} at this volume "
        f"explains {explains}"
    )
