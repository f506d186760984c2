"""Scope and SIPOC from the Define answers, and who was interviewed."""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.analysis.wording import plain_number
from app.export.pdf.blocks import Cell, fields, heading, note, table
from app.export.pdf.context import PlanContext

MISSING = "–"


def scope(ctx: PlanContext) -> list[Flowable]:
    width = ctx.portrait.width
    story: list[Flowable] = [heading("Scope and SIPOC"), heading("SIPOC", 1)]
    story.append(table(_sipoc_header(), [_sipoc_row(ctx)], [width / 4] * 4))
    story += [heading("The process", 1), fields(_process_rows(ctx), width)]
    story += [heading("Who was interviewed", 1), *_interviews(ctx)]
    return story


def _sipoc_header() -> list[str]:
    return ["Suppliers and inputs", "Process", "Outputs", "Customers"]


def _text(value: str) -> str:
    return value.strip() or MISSING


def _sipoc_row(ctx: PlanContext) -> list[Cell]:
    process = ctx.process
    steps, lanes = len(process.steps), len(process.lanes)
    flow = f"Starts: {_text(process.trigger)}\n\n{steps} steps in {lanes} lanes"
    customers = _text(process.customer)
    if process.customer_need.strip():
        customers += f"\n\nNeeds: {process.customer_need.strip()}"
    return [_text(process.inputs), flow, _text(process.outcome), customers]


def _process_rows(ctx: PlanContext) -> list[tuple[str, Cell]]:
    process = ctx.process
    runs = plain_number(process.runs_per_year) if process.runs_per_year else MISSING
    rate = ctx.money(process.hourly_rate) if process.hourly_rate else MISSING
    return [
        ("Trigger", _text(process.trigger)),
        ("Done when", _text(process.outcome)),
        ("In scope", _text(process.scope_in)),
        ("Out of scope", _text(process.scope_out)),
        ("Runs per year", runs),
        ("Hourly rate (default)", rate),
        ("Process owner", _text(process.owner)),
    ]


def _interviews(ctx: PlanContext) -> list[Flowable]:
    interviews = ctx.process.interviews
    if not interviews:
        return [note("No interviews recorded: note who walked through the process, and when.")]
    width = ctx.portrait.width
    rows = [
        [
            _text(item.interviewee),
            _text(item.role),
            _text(item.interviewer),
            ctx.date(item.date) if item.date else MISSING,
            item.notes.strip(),
        ]
        for item in interviews
    ]
    widths = [0.16 * width, 0.16 * width, 0.14 * width, 0.14 * width, 0.40 * width]
    return [table(["Interviewee", "Role", "Interviewer", "Date", "Notes"], rows, widths)]
