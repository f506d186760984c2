"""Findings ranked by money a year (or by time when no rate is known), their waste and steps,
waiting per case kept apart from hours of work; then the Pareto of waiting."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether

from app.analysis.finding import Finding
from app.analysis.findings import ranking
from app.analysis.noted import noted_from
from app.analysis.unknowns import cost_gap
from app.analysis.wording import finding_figures as wording_figures
from app.analysis.wording import hours_per_year, plain_number, quoted_names
from app.export.pdf.bidi import ShapedParagraph
from app.export.pdf.blocks import gap, heading, markup, note, para, table
from app.export.pdf.chart import ParetoChart
from app.export.pdf.context import PlanContext
from app.export.pdf.figures import duration
from app.export.pdf.styles import STYLES
from app.export.pdf.text import bold, paragraph_text
from app.process.model import RootCause, WhyNode

MAX_FINDINGS = 25


def findings(ctx: PlanContext) -> list[Flowable]:
    story: list[Flowable] = [heading("Findings")]
    if not ctx.findings:
        story.append(note(_none(ctx)))
    else:
        story.append(para(ranking_sentence(ctx)))
        story.append(_table(ctx))
        hidden = len(ctx.findings) - len(listed(ctx.findings))
        if hidden > 0:
            story.append(note(f"{plain_number(hidden)} smaller {_findings(hidden)} not listed."))
    story += _pareto(ctx)
    story += root_causes(ctx)
    return story


def root_causes(ctx: PlanContext) -> list[Flowable]:
    """The root-cause notes of the findings that have them, in the order of the findings."""
    title = heading("Root causes", 1)
    causes = _noted_causes(ctx)
    if not causes:
        text = (
            "No root-cause notes yet: ask 5 whys on the top findings, or use the "
            "fishbone, and record the cause the team controls."
        )
        return [title, note(text)]
    blocks = [_cause(ctx, cause) for cause in causes]
    blocks[0] = [title, *blocks[0]]
    return [KeepTogether(block) for block in blocks]


def _noted_causes(ctx: PlanContext) -> list[RootCause]:
    rank = {finding.key: index for index, finding in enumerate(ctx.findings)}
    noted = [cause for cause in ctx.process.root_causes if not _empty(cause)]
    return sorted(noted, key=lambda cause: rank.get(cause.finding, len(rank)))


def _empty(cause: RootCause) -> bool:
    has_causes = any(causes for causes in cause.fishbone.values())
    return not (cause.whys or has_causes or cause.conclusion.strip())


def _cause(ctx: PlanContext, cause: RootCause) -> list[Flowable]:
    finding = next((f for f in ctx.findings if f.key == cause.finding), None)
    title = finding.title if finding else f"{cause.finding} (no longer on the map)"
    story: list[Flowable] = [gap(4), markup(bold(paragraph_text(title)), STYLES.body)]
    if cause.whys:
        story.append(markup(bold("5 whys"), _indented(1)))
        story += _whys(cause.whys, 1)
    fishbone = [(name, items) for name, items in _categories(ctx, cause) if items]
    if fishbone:
        story.append(markup(bold("Fishbone"), _indented(1)))
        for name, items in fishbone:
            text = bold(paragraph_text(name)) + ": " + "; ".join(map(paragraph_text, items))
            story.append(markup(text, _indented(2)))
    if cause.conclusion.strip():
        text = bold("Root cause the team controls: ") + paragraph_text(cause.conclusion.strip())
        story.append(markup(text, _indented(1)))
    return story


def _categories(ctx: PlanContext, cause: RootCause) -> list[tuple[str, tuple[str, ...]]]:
    """The categories in the process's order, then any others the notes still carry."""
    order = list(ctx.process.fishbone_categories)
    order += [name for name in cause.fishbone if name not in order]
    return [(name, tuple(cause.fishbone.get(name, ()))) for name in order]


def _whys(nodes: tuple[WhyNode, ...], depth: int) -> list[Flowable]:
    story: list[Flowable] = []
    for node in nodes:
        text = bold(f"Why {depth}:") + " " + paragraph_text(node.text)
        story.append(markup(text, _indented(depth + 1)))
        story += _whys(node.children, depth + 1)
    return story


def _indented(level: int) -> ParagraphStyle:
    """The body style moved in by ``level`` steps (deep trees stop moving at eight)."""
    indent = 14 * min(level, 8)
    return ParagraphStyle(f"indent{level}", parent=STYLES.body, leftIndent=indent, spaceAfter=2)


def _none(ctx: PlanContext) -> str:
    if not ctx.metrics.computable:
        return "No findings yet: the map needs a start step and a way to the end first."
    return "No findings: nothing on the map waits, loops back, changes hands or is done by habit."


def ranking_sentence(ctx: PlanContext) -> str:
    """How the list is ordered, and why waiting and work are counted apart."""
    if ranking(ctx.process) == "money":
        order = "Where the process loses money and time, ranked by money a year"
    else:
        gap = cost_gap(ctx.process) or "not known"
        order = f"Where the process loses time, ranked by time (the cost is {gap})"
    return (
        f"{order}. Waiting is calendar time a case sits in a queue, with the cases queued "
        "on average (Little's law); it costs no wages. Work is hands-on hours a year."
    )


FINDING_HEADER = ["#", "Finding, waste and steps", "Waiting", "Work a year", "Money a year"]


def _findings(count: int) -> str:
    return "finding is" if count == 1 else "findings are"


def listed(found: tuple[Finding, ...]) -> list[Finding]:
    """The largest computed findings, then every finding a person noted (never cut off)."""
    computed = [finding for finding in found if not finding.note_id]
    return [*computed[:MAX_FINDINGS], *(finding for finding in found if finding.note_id)]


def _table(ctx: PlanContext) -> Flowable:
    rows = [_row(ctx, number, finding) for number, finding in enumerate(listed(ctx.findings), 1)]
    return table(FINDING_HEADER, rows, [ctx.portrait.width], right=(2, 3, 4))


def _row(ctx: PlanContext, number: int, finding: Finding) -> list[str | Flowable]:
    names = ctx.process.step_by_id()
    steps = quoted_names([names[i].name for i in finding.step_ids if i in names])
    text = bold(paragraph_text(finding.title))
    cause = cause_sentence(finding, ctx.process.runs_per_year)
    if cause:
        text += "<br/>" + paragraph_text(cause)
    if steps:
        text += "<br/>" + paragraph_text(f"Steps: {steps}")
    text += "<br/>" + paragraph_text(f"Waste: {finding.waste}")
    if finding.note_id:
        text += "<br/>" + paragraph_text(noted_from(finding))
    return [str(number), ShapedParagraph(text, STYLES.cell), *finding_figures(ctx, finding)]


def cause_sentence(finding: Finding, runs: float) -> str:
    """The finding's detail without its figures, which the table's columns already show."""
    figures = wording_figures(
        wait=finding.wait_minutes_per_run, touch=finding.touch_minutes_per_run, runs=runs
    )
    return finding.detail.removesuffix(figures).strip()


def finding_figures(ctx: PlanContext, finding: Finding) -> list[str]:
    """Waiting per case (and cases queued), hours of work a year, money a year."""
    waiting = "–"
    if finding.wait_minutes_per_run > 0:
        waiting = f"{duration(finding.wait_minutes_per_run)} per case"
        if ctx.process.runs_per_year > 0:
            waiting += f"\n{queued(finding.cases_waiting)}"
    work = hours_per_year(finding.work_minutes_per_year) if finding.work_minutes_per_year else "–"
    cost = ctx.money(finding.cost_per_year) if finding.cost_per_year else "–"
    return [waiting, work, cost]


def queued(cases: float) -> str:
    """``≈ 12 queued`` (Little's law), ``< 1 queued``."""
    if cases < 0.95:
        return "< 1 queued"
    return f"≈ {plain_number(cases, decimals=0 if cases >= 10 else 1)} queued"


def _pareto(ctx: PlanContext) -> list[Flowable]:
    title = heading("The Pareto of waiting", 1)
    if not ctx.pareto:
        return [title, note("Nothing waits on the current map, so there is no Pareto of waiting.")]
    focus = sum(1 for bar in ctx.pareto if bar.in_focus)
    text = (
        "Each bar is one step's share of all waiting time, labelled with the calendar time a "
        "case waits there; the line adds them up. The "
        f"{focus} dark bar{'s' if focus != 1 else ''} up to the 80 % line are where to look first."
    )
    chart = ParetoChart(ctx.pareto, ctx.portrait.width)
    return [KeepTogether([title, para(text), chart])]
