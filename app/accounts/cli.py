"""``walkthrough compare A B`` and ``walkthrough compare PROCESS --interview N --interview M``."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from app.accounts.compare import compare_accounts
from app.accounts.decisions import matches_between
from app.accounts.differences import Account
from app.accounts.interviews import AccountError, account_of_interview
from app.process.model import Process

Loader = Callable[[str, argparse.Namespace], Process]


def add_compare_command(commands: Any, handler: Callable[[argparse.Namespace], int]) -> Any:
    """Register ``compare`` on the subcommands of ``walkthrough``."""
    parser = commands.add_parser(
        "compare", help="two accounts of one process: matched steps and where they differ"
    )
    parser.add_argument("first", metavar="A", help="process file, id or exact name")
    parser.add_argument("second", metavar="B", nargs="?", help="the other account (a process)")
    parser.add_argument(
        "--interview",
        type=int,
        action="append",
        default=[],
        metavar="N",
        help="with one PROCESS: compare its interviews N and M (give it twice)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=handler)
    return parser


def accounts_from(
    args: argparse.Namespace, load: Loader
) -> tuple[Account, Account, Process | None]:
    """The two accounts the arguments name, and the process when both are its interviews;
    ValueError with one sentence when they do not."""
    interviews: list[int] = args.interview
    if interviews:
        if args.second is not None or len(interviews) != 2:
            raise ValueError("give one PROCESS with --interview N --interview M, or two processes")
        process = load(args.first, args)
        try:
            first, second = (account_of_interview(process, n) for n in interviews)
        except AccountError as error:
            raise ValueError(str(error)) from None
        return first, second, process
    if args.second is None:
        raise ValueError("compare needs two accounts: A B, or PROCESS --interview N --interview M")
    one, other = load(args.first, args), load(args.second, args)
    return Account(_name(one, args.first), one), Account(_name(other, args.second), other), None


def run_compare(args: argparse.Namespace, load: Loader) -> str:
    """The comparison as the command prints it (JSON with ``--json``); two interviews of one
    process show the matches a person confirmed there as ``confirmed``."""
    first, second, process = accounts_from(args, load)
    decided = None if process is None else matches_between(process, first, second)
    comparison = compare_accounts(first, second, decided)
    if args.json:
        return json.dumps(comparison.to_json(), indent=2, ensure_ascii=False)
    return comparison.to_text()


def _name(process: Process, reference: str) -> str:
    interviewee = next((i.interviewee for i in process.interviews if i.interviewee.strip()), "")
    return interviewee.strip() or reference
