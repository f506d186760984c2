"""Findings ranked by what they cost a year, their waste and steps, and the Pareto of waiting."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from app.analysis.findings import Finding
from app.analysis.wording import quoted_names
from app.export.pdf.blocks import heading, note, para, table
from app.export.pdf.chart import ParetoChart
from app.export.pdf.context import PlanContext
from app.export.pdf.figures import hours_per_year
from app.export.pdf.styles import STYLES
from app.export.pdf.text import bold, paragraph_text

MAX_FINDINGS = 25


def findings(ctx: PlanContext) -> list[Flowable]:
    story: list[Flowable] = [heading("Findings")]
    if not ctx.findings:
        story.append(note(_none(ctx)))
    else:
        story.append(para("Where the process loses time, the costliest first."))
        story.append(_table(ctx))
        hidden = len(ctx.findings) - MAX_FINDINGS
        if hidden > 0:
            story.append(note(f"{hidden} smaller findings are not listed."))
    story += _pareto(ctx)
    story.append(heading("Root causes", 1))
    story.append(
        note(
            "No root-cause notes yet: ask 5 whys on the top findings, or use the "
            "fishbone, and record the cause the team controls."
        )
    )
    return story


def _none(ctx: PlanContext) -> str:
    if not ctx.metrics.computable:
        return "No findings yet: the map needs a start step and a way to the end first."
    return "No findings: nothing on the map waits, loops back, changes hands or is done by habit."


def _table(ctx: PlanContext) -> Flowable:
    width = ctx.portrait.width
    rows = [
        _row(ctx, number, finding)
        for number, finding in enumerate(ctx.findings[:MAX_FINDINGS], start=1)
    ]
    widths = [0.05 * width, 0.43 * width, 0.20 * width, 0.15 * width, 0.17 * width]
    header = ["#", "Finding and steps", "Waste", "Time a year", "Money a year"]
    return table(header, rows, widths, right=(3, 4))


def _row(ctx: PlanContext, number: int, finding: Finding) -> list[str | Flowable]:
    names = ctx.process.step_by_id()
    steps = quoted_names([names[i].name for i in finding.step_ids if i in names])
    text = bold(paragraph_text(finding.title)) + "<br/>" + paragraph_text(finding.detail)
    if steps:
        text += "<br/>" + paragraph_text(f"Steps: {steps}")
    return [
        str(number),
        Paragraph(text, STYLES.cell),
        finding.waste,
        hours_per_year(finding.minutes_per_year),
        ctx.money(finding.cost_per_year),
    ]


def _pareto(ctx: PlanContext) -> list[Flowable]:
    title = heading("The Pareto of waiting", 1)
    if not ctx.pareto:
        return [title, note("Nothing waits on the current map, so there is no Pareto of waiting.")]
    focus = sum(1 for bar in ctx.pareto if bar.in_focus)
    text = (
        f"Each bar is one step's share of all waiting time; the line adds them up. The "
        f"{focus} dark bar{'s' if focus != 1 else ''} up to the 80 % line are where to look first."
    )
    chart = ParetoChart(ctx.pareto, ctx.portrait.width)
    return [KeepTogether([title, para(text), chart])]
