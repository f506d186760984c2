"""``walkthrough evidence PROCESS --log FILE``: the arguments and the printed result."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the readers load only when the command runs, not when the app starts
    from app.evidence.columns import ColumnChoice
    from app.process.model import Process


def add_evidence_parser(commands: Any, db_help: str) -> argparse.ArgumentParser:
    """Add the ``evidence`` subcommand to ``commands`` (argparse's subparsers)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "evidence", help="check a process's map against an event log (CSV or XES)"
    )
    parser.add_argument("process", metavar="PROCESS", help="id, exact name or process file")
    parser.add_argument("--log", type=Path, required=True, metavar="FILE", help="CSV or XES")
    parser.add_argument("--json", action="store_true", help="print JSON")
    for role in ("case", "activity", "timestamp", "start", "resource", "cost"):
        parser.add_argument(f"--{role}", metavar="COLUMN", help=f"the CSV column of the {role}")
    parser.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS, help=db_help)
    return parser


def column_choice(args: argparse.Namespace) -> ColumnChoice:
    """The CSV columns named on the command line; the others are found by their header."""
    from app.evidence.columns import ColumnChoice

    return ColumnChoice(
        case=args.case,
        activity=args.activity,
        timestamp=args.timestamp,
        start=args.start,
        resource=args.resource,
        cost=args.cost,
    )


def run_evidence(args: argparse.Namespace, process: Process) -> str:
    """The text to print: JSON with ``--json``, else a few readable lines."""
    from app.evidence.gaps import gaps_json, large_gaps
    from app.evidence.read import read_event_log
    from app.evidence.report import evidence_json, gather_evidence
    from app.evidence.stored import stored_mapping
    from app.process.dates import environment_day_first

    log = read_event_log(args.log, column_choice(args), day_first=environment_day_first())
    evidence = gather_evidence(process, log, stored_mapping(process, log.name))
    payload = {**evidence_json(evidence), "gaps": gaps_json(process, large_gaps(evidence))}
    if args.json:
        return json.dumps(payload, indent=2, ensure_ascii=False)
    return evidence_summary(process, payload)


def evidence_summary(process: Process, payload: dict[str, Any]) -> str:
    """The evidence in a few lines for the terminal."""
    from app.process.durations import format_duration

    lead = payload["lead_time_minutes"]
    lines = [
        f"{process.name} against {payload['log']}",
        f"  {payload['cases']:,} cases, {payload['events']:,} events, "
        f"{len(payload['variants']):,} variants",
        f"  fitness     {payload['fitness']:.1%} of cases follow a path the map allows",
        f"  lead time   median {format_duration(lead['median'])}, "
        f"P85 {format_duration(lead['p85'])}, mean {format_duration(lead['mean'])}",
    ]
    lines += [f"  not in log  {name}" for name in payload["missing_in_log"]]
    lines += [f"  not in map  {name}" for name in payload["extra_in_log"]]
    lines += [_step_line(step) for step in payload["steps"] if step["ratio"] is not None]
    lines += [f"  large gap   {gap['title']}" for gap in payload["gaps"]]
    lines += [f"  note        {note}" for note in payload["notes"]]
    return "\n".join(lines)


def _step_line(step: dict[str, Any]) -> str:
    from app.process.durations import format_duration

    said = format_duration(step["said_wait_minutes"])
    recorded = format_duration(step["median_wait_minutes"])
    return f"  wait        {step['step']}: said {said}, recorded {recorded} (×{step['ratio']:.1f})"
