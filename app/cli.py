"""The ``walkthrough`` command (interchange.md): open the app, import, list, analyze, export.

Exit codes: 0 done; 2 bad input, with one clear line on stderr; 1 anything else, with the
log file's path. Heavy modules are imported inside the commands that need them, so that
opening the app does not pay for SQLAlchemy before its window shows.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import __version__

if TYPE_CHECKING:
    from app.export.pdf.options import PlanOptions
    from app.models.database import Database
    from app.process.model import Process

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
MAX_MESSAGE = 280  # with the "walkthrough: " prefix, under 300 characters


class UserError(Exception):
    """Bad input from the user: reported in one line, exit code 2."""


DB_HELP = "database file or SQLAlchemy URL (default: your database in the data folder)"


def build_app_parser() -> argparse.ArgumentParser:
    """The parser of the default command, opening the app: ``[--version] [--db PATH_OR_URL]``."""
    parser = argparse.ArgumentParser(
        prog="walkthrough",
        description="Interview, measure, map and improve a business process, offline.",
    )
    parser.add_argument("--version", action="version", version=f"walkthrough {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL", help=DB_HELP)
    parser.set_defaults(handler=command_open)
    return parser


def opens_the_app(argv: Sequence[str]) -> bool:
    """Whether the arguments only open the app (no command, or ``open``, with ``--db``)."""
    rest = list(argv[1:]) if argv[:1] == ["open"] else list(argv)
    if rest[:1] == ["--db"]:
        rest = rest[2:]
    elif rest[:1] and rest[0].startswith("--db="):
        rest = rest[1:]
    return not rest


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = build_app_parser()
    db_help = DB_HELP
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    opener = commands.add_parser("open", help="open the app (the default)")
    opener.set_defaults(handler=command_open)

    importer = commands.add_parser("import", help="import a process file; prints the new id")
    importer.add_argument("file", type=Path, metavar="FILE")
    importer.set_defaults(handler=command_import)

    lister = commands.add_parser("list", help="list the processes in the database")
    lister.add_argument("--json", action="store_true", help="print JSON")
    lister.set_defaults(handler=command_list)

    analyzer = commands.add_parser("analyze", help="print a process's metrics and findings")
    analyzer.add_argument("process", metavar="PROCESS", help="id, exact name or process file")
    analyzer.add_argument("--json", action="store_true", help="print JSON")
    analyzer.set_defaults(handler=command_analyze)

    exporter = commands.add_parser("export", help="write a process to a file (by extension)")
    exporter.add_argument("process", metavar="PROCESS", help="id, exact name or process file")
    exporter.add_argument("--to", type=Path, required=True, metavar="FILE")
    brand = "for a PDF plan (default: as set in the app, File > Export > Your name on the plan)"
    exporter.add_argument("--prepared-by", metavar="NAME", help=f"your name {brand}")
    exporter.add_argument("--company", metavar="NAME", help=f"your company {brand}")
    exporter.add_argument("--logo", metavar="FILE", help=f"a PNG or SVG logo {brand}")
    exporter.add_argument("--accent", metavar="#RRGGBB", help=f"the accent colour {brand}")
    exporter.set_defaults(handler=command_export)

    sampler = commands.add_parser("sample", help="add the built-in example processes")
    sampler.set_defaults(handler=command_sample)

    restorer = commands.add_parser(
        "restore", help="list the database's checked backups, newest first, or restore one"
    )
    restorer.add_argument("number", nargs="?", type=int, help="the backup to restore (its number)")
    restorer.set_defaults(handler=command_restore)
    from app.accounts.cli import add_compare_command
    from app.evidence.command import add_evidence_parser
    from app.simulation.cli import add_simulate_command

    comparer = add_compare_command(commands, command_compare)
    add_evidence_parser(commands, db_help).set_defaults(handler=command_evidence)
    for sub in (opener, importer, lister, analyzer, exporter, sampler, restorer, comparer):
        sub.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS, help=db_help)
    add_simulate_command(commands, db_help)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code.

    Opening the app parses its few options alone: the commands' parsers import their engines,
    which the window does not need before it shows.
    """
    arguments = sys.argv[1:] if argv is None else list(argv)
    opening = opens_the_app(arguments)
    if opening:
        arguments = arguments[1:] if arguments[:1] == ["open"] else arguments
    args = (build_app_parser() if opening else build_parser()).parse_args(arguments)
    if not opening:  # the app starts its log once its window shows (app/ui/application.py)
        _start_log()
    try:
        result: int = args.handler(args)
        return result
    except UserError as error:
        return _fail(str(error))
    except Exception as error:
        message = _user_message(error)
        if message is not None:
            return _fail(message)
        log_file = _start_log()  # at once, if the app failed before its window showed
        log.exception("command failed")
        print(f"walkthrough: unexpected error ({error}); details in {log_file}", file=sys.stderr)
        return EXIT_FAILED


def _start_log() -> Path:
    """Start the log file (once; again is harmless) and return its path."""
    from app.logs import setup_logging

    return setup_logging()


def _fail(message: str) -> int:
    print(f"walkthrough: {one_line(message)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def one_line(message: str, limit: int = MAX_MESSAGE) -> str:
    """A refusal as one printable line under ``limit`` characters, whatever the input held."""
    flat = " ".join(message.replace("\x00", " ").split())
    flat = flat.encode("utf-8", "replace").decode("utf-8")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _user_message(error: Exception) -> str | None:
    """The one-line message for errors that are the input's fault, else None."""
    from app.evidence.errors import EventLogError
    from app.export.bpmn import BpmnError
    from app.export.formats import UnsupportedFormatError
    from app.models.backup import BackupError
    from app.models.database import DatabaseError
    from app.models.repository import ProcessNotFoundError
    from app.process.file import ProcessFileError

    if isinstance(error, ProcessNotFoundError):
        return str(error.args[0])
    if isinstance(
        error, ProcessFileError | BpmnError | DatabaseError | UnsupportedFormatError | BackupError
    ):
        return str(error)
    if isinstance(error, EventLogError):
        return str(error)
    return None


def _open(args: argparse.Namespace) -> Database:
    from app.models.database import open_database

    database = open_database(getattr(args, "db", None))
    for notice in database.notices:
        print(f"walkthrough: note: {one_line(notice)}", file=sys.stderr)
    return database


def command_open(args: argparse.Namespace) -> int:
    """Open the desktop app."""
    problem = display_problem()
    if problem:
        return _fail(problem)
    from app.ui.application import run_app

    return run_app(database=getattr(args, "db", None))


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """Why no window can be shown here, or None when a display is available."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display to open a window on (DISPLAY is not set); run it under a virtual "
        "screen with: xvfb-run -a walkthrough"
    )


def command_import(args: argparse.Namespace) -> int:
    from app.export.formats import read_any_process
    from app.models.transfer import add_process

    process, report = read_any_process(args.file)  # a bad file is refused before the database
    database = _open(args)
    try:
        print(add_process(database, process))
    finally:
        database.close()
    for line in report:
        print(f"walkthrough: note: {line}", file=sys.stderr)
    return EXIT_OK


def command_list(args: argparse.Namespace) -> int:
    from app.models.repository import list_processes

    database = _open(args)
    try:
        with database.session() as session:
            summaries = list_processes(session)
    finally:
        database.close()
    if args.json:
        rows = [
            {
                "id": item.id,
                "name": item.name,
                "owner": item.owner,
                "steps": item.step_count,
                "updated_at": item.updated_at.isoformat(),
            }
            for item in summaries
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not summaries:
        print("No processes yet: 'walkthrough sample' adds two examples.")
    for item in summaries:
        print(f"{item.id}  {item.step_count:>4} steps  {item.name}")
    return EXIT_OK


def load_process_argument(args: argparse.Namespace) -> Process:
    """The process PROCESS names: a process file's path, else an id or exact name."""
    reference = args.process
    candidate = Path(reference)
    if reference.lower().endswith((".json", ".bpmn")) or candidate.is_file():
        from app.export.formats import read_any_process

        return read_any_process(candidate)[0]
    from app.models.repository import find_process_id, load_process

    database = _open(args)
    try:
        with database.session() as session:
            return load_process(session, find_process_id(session, reference))
    finally:
        database.close()


def command_compare(args: argparse.Namespace) -> int:
    """Print how two accounts of a process match and differ."""
    from app.accounts.cli import run_compare

    def load(reference: str, namespace: argparse.Namespace) -> Process:
        return load_process_argument(
            argparse.Namespace(**{**vars(namespace), "process": reference})
        )

    try:
        print(run_compare(args, load))
    except ValueError as error:
        raise UserError(str(error)) from None
    return EXIT_OK


def command_analyze(args: argparse.Namespace) -> int:
    from app.analysis.report import analysis_json

    process = load_process_argument(args)
    payload = analysis_json(process)
    if args.json:
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print(analysis_summary(process, payload))
    return EXIT_OK


def analysis_summary(process: Process, payload: dict[str, Any]) -> str:
    """The analysis as a few readable lines for the terminal."""
    from app.process.durations import format_duration

    lines = [
        process.name,
        f"  lead time   {format_duration(payload['lead_time_minutes'])}"
        f" (touch {format_duration(payload['touch_minutes'])},"
        f" wait {format_duration(payload['wait_minutes'])})",
        f"  PCE         {payload['pce']:.2%}   first-pass yield {payload['first_pass_yield']:.0%}",
        f"  handoffs    {payload['handoffs']:.2f}   approvals {payload['approvals']}",
        f"  cost        {payload['cost_per_run']:,.2f} {process.currency} per run,"
        f" {payload['annual_cost']:,.0f} {process.currency} per year",
    ]
    if payload["findings"]:
        lines.append(f"  findings, by {payload['findings_ranked_by']}:")
    lines += [f"  finding     {_finding_line(item, process)}" for item in payload["findings"][:5]]
    lines += [f"  problem     {item['message']}" for item in payload["problems"]]
    return "\n".join(lines)


def _finding_line(item: dict[str, Any], process: Process) -> str:
    """A finding's title, then its waiting per case, work a year and money kept apart."""
    from app.analysis.wording import money, per_case_wait, work_hours

    figures = []
    if item["wait_minutes_per_run"] > 0:
        figures.append(f"waits {per_case_wait(item['wait_minutes_per_run'])}")
    if item["work_minutes_per_year"] > 0:
        figures.append(f"{work_hours(item['work_minutes_per_year'])} a year")
    if item["cost_per_year"] > 0:
        figures.append(f"{money(item['cost_per_year'], process.currency)} a year")
    return str(item["title"]) + (f" ({'; '.join(figures)})" if figures else "")


def command_export(args: argparse.Namespace) -> int:
    from app.export.formats import export_process, format_for

    export_format = format_for(args.to)  # an unknown extension is refused before loading
    process = load_process_argument(args)
    try:
        if export_format.needs_qt:
            _export_with_qt(process, args.to)
            notes: list[str] = []
        else:
            notes = export_process(process, args.to, plan_options=plan_options(args))
    except OSError as error:
        raise UserError(f"cannot write {args.to} ({error.strerror})") from error
    print(args.to)
    for note in notes:
        print(f"walkthrough: note: {note}", file=sys.stderr)
    return EXIT_OK


def plan_options(args: argparse.Namespace) -> PlanOptions:
    """The plan's branding: the flags given, else what the app's settings hold."""
    from app.export.pdf.branding import accent_or_empty, read_branding
    from app.export.pdf.options import PlanOptions
    from app.models import paths

    stored = read_branding(paths.data_dir() / "settings.ini")
    accent = args.accent if args.accent is not None else stored.accent
    if accent and not accent_or_empty(accent):
        raise UserError(f"--accent: '{accent}' is not a colour like #1f5f7a")
    logo = args.logo if args.logo is not None else stored.logo
    return PlanOptions(
        author=args.prepared_by if args.prepared_by is not None else stored.name,
        company=args.company if args.company is not None else stored.company,
        logo=_printable_logo(logo),
        accent=accent_or_empty(accent),
    )


def _printable_logo(logo: str) -> str:
    """A logo the PDF can embed (an SVG is drawn to PNG with Qt, offscreen)."""
    if not logo:
        return ""
    if not Path(logo).is_file():
        raise UserError(f"--logo: cannot read {logo}")
    if not logo.lower().endswith(".svg"):
        return logo
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.ui.branding_dialog import printable_logo
    from app.ui.image_export import ensure_application

    ensure_application()
    drawn = printable_logo(logo)
    if not drawn:
        raise UserError(f"--logo: {logo} is not an SVG image Walkthrough can draw")
    return drawn


def _export_with_qt(process: Process, path: Path) -> None:
    """PNG/SVG of the map; Qt starts on its offscreen platform, so no display is needed.

    A picture drawn smaller than asked (to stay within the pixel budget) says so on stdout."""
    from app.ui.image_export import ImageExportError, export_map_image

    try:
        note = export_map_image(process, path).note
    except ImageExportError as error:
        raise UserError(str(error)) from error
    if note:
        print(note)


def command_evidence(args: argparse.Namespace) -> int:
    from app.evidence.command import run_evidence

    print(run_evidence(args, load_process_argument(args)))
    return EXIT_OK


def command_sample(args: argparse.Namespace) -> int:
    from app.models.transfer import add_samples

    database = _open(args)
    try:
        for name, process_id in add_samples(database):
            print(f"{process_id}  {name}" if process_id else f"already there: {name}")
    finally:
        database.close()
    return EXIT_OK


def command_restore(args: argparse.Namespace) -> int:
    """List the checked backups of a database file, or restore one (never opening the file)."""
    from app.models.backup import checked_backups, list_backups
    from app.models.database import resolve_url
    from app.models.restore import plan_restore, restore

    _url, path = resolve_url(getattr(args, "db", None))
    if path is None:
        raise UserError("only database files have backups here; a server is backed up by its admin")
    usable = checked_backups(path)
    if args.number is None:
        print_backups(path, usable, failing=len(list_backups(path)) - len(usable))
        return EXIT_OK
    if not 1 <= args.number <= len(usable):
        raise UserError(
            f"there is no backup number {args.number}; 'walkthrough restore' lists them"
        )
    plan = plan_restore(path, usable[args.number - 1][0])
    kept = restore(plan)
    print(f"Restored. {plan.sentence()}")
    if kept is not None:
        print(f"The replaced database is kept as {kept}.")
    return EXIT_OK


def print_backups(path: Path, usable: list[Any], *, failing: int) -> None:
    """The numbered list ``walkthrough restore N`` picks from."""
    if not usable:
        print(f"No usable backup of {path}.")
    for number, (item, contents) in enumerate(usable, start=1):
        print(
            f"{number:>3}  {item.taken_at:%Y-%m-%d %H:%M}  {item.reason:<14} {contents.summary()}"
        )
    if failing:
        print(f"({failing} backup(s) fail their check and are not listed.)")
