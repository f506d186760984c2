"""The one-page summary: the problem, the headline figures, the three biggest findings, goals."""

from __future__ import annotations

from reportlab.platypus import Flowable, Table, TableStyle

from app.analysis.goals import goal_sentence
from app.export.pdf.bidi import ShapedParagraph
from app.export.pdf.blocks import heading, note, para, table
from app.export.pdf.context import PlanContext
from app.export.pdf.figures import duration
from app.export.pdf.fonts import REGULAR
from app.export.pdf.sections.findings import finding_figures, ranking_sentence
from app.export.pdf.styles import ACCENT, RULE, STYLES
from app.export.pdf.text import paragraph_text

TOP_FINDINGS = 3


def summary(ctx: PlanContext) -> list[Flowable]:
    story: list[Flowable] = [heading("Summary"), heading("The problem", 1)]
    problem = ctx.process.problem.strip()
    story.append(para(problem) if problem else note(_missing_problem()))
    story += [heading("The process today", 1), *_headline(ctx)]
    story += [heading("The three biggest findings", 1), *_top_findings(ctx)]
    story += [heading("Goals", 1), *_goals(ctx)]
    return story


def _missing_problem() -> str:
    return "No problem statement yet: say what goes wrong today and why fix it now (Define)."


def headline_figures(ctx: PlanContext) -> list[tuple[str, str]]:
    """The four figures an owner reads first."""
    metrics = ctx.metrics
    return [
        (duration(metrics.lead_time_minutes), "lead time, trigger to done"),
        (duration(metrics.touch_minutes), "hands-on (touch) time per run"),
        _known(ctx.pce(), "process cycle efficiency"),
        _known(ctx.cost(metrics.annual_cost), "cost of hands-on time a year"),
    ]


def _known(value: str, label: str) -> tuple[str, str]:
    """A headline figure; "not known: why" becomes "not known" over the label and the why."""
    if value.startswith("not known: "):
        return "not known", f"{label} ({value.removeprefix('not known: ')})"
    return value, label


def _headline(ctx: PlanContext) -> list[Flowable]:
    if not ctx.metrics.computable:
        reasons = " ".join(problem.message for problem in ctx.metrics.problems)
        return [note(f"The metrics cannot be computed yet. {reasons}".strip())]
    cells = [
        [
            ShapedParagraph(paragraph_text(value), STYLES.figure),
            ShapedParagraph(paragraph_text(label), STYLES.figure_label),
        ]
        for value, label in headline_figures(ctx)
    ]
    width = ctx.portrait.width / len(cells)
    grid = Table([cells], colWidths=[width] * len(cells), hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LINEABOVE", (0, 0), (-1, 0), 2, ACCENT),
                ("LINEBELOW", (0, 0), (-1, 0), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    runs = ctx.process.runs_per_year
    context = (
        f"{runs:,.0f} runs a year" if runs else "runs per year not given: yearly figures are 0"
    )
    return [grid, note(f"Measured on the current-state map; {context}.")]


def _top_findings(ctx: PlanContext) -> list[Flowable]:
    if not ctx.findings:
        return [note(_no_findings(ctx))]
    rows = [
        [str(number), finding.title, *finding_figures(ctx, finding)]
        for number, finding in enumerate(ctx.findings[:TOP_FINDINGS], start=1)
    ]
    header = ["#", "Finding", "Waiting", "Work a year", "Money a year"]
    table_ = table(header, rows, [ctx.portrait.width], right=(2, 3, 4))
    return [table_, note(f"{ranking_sentence(ctx)} {_money_note()}")]


def _no_findings(ctx: PlanContext) -> str:
    if not ctx.metrics.computable:
        return "No findings yet: the map must have a start step and a way to the end first."
    return "No findings: nothing on the map waits, loops back, changes hands or is done by habit."


def _money_note() -> str:
    return "Money counts hands-on time at each lane's rate; waiting delays the customer."


def _goals(ctx: PlanContext) -> list[Flowable]:
    if not ctx.process.goals:
        return [note("No goals yet: set at least one goal from a baseline to a target by a date.")]
    currency = ctx.process.currency
    return [para(goal_sentence(goal, currency=currency)) for goal in ctx.process.goals]
