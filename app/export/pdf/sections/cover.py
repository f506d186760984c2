"""The cover: what the plan is about, for whom, by whom and when."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer
from reportlab.platypus.flowables import HRFlowable

from app.export.pdf.blocks import fields, markup, para
from app.export.pdf.context import PlanContext
from app.export.pdf.styles import ACCENT, STYLES
from app.export.pdf.text import paragraph_text


def cover(ctx: PlanContext) -> list[Flowable]:
    process = ctx.process
    width = ctx.portrait.width
    story: list[Flowable] = [
        Spacer(1, ctx.portrait.height * 0.18),
        HRFlowable(width=60, thickness=3, color=ACCENT, hAlign="LEFT", spaceAfter=14),
        para("IMPROVEMENT PLAN", STYLES.cover_kicker),
        markup(paragraph_text(process.name.strip() or "Untitled process"), STYLES.cover_title),
    ]
    if process.description.strip():
        story.append(para(process.description.strip(), STYLES.cover_line))
    story += [Spacer(1, 36), fields(_cover_rows(ctx), width * 0.75)]
    return story


def _cover_rows(ctx: PlanContext) -> list[tuple[str, str]]:
    process = ctx.process
    rows = [
        ("Organisation", ctx.organisation or "–"),
        ("Process owner", process.owner.strip() or "–"),
        ("Prepared by", ctx.options.author.strip() or _interviewers(ctx) or "–"),
        ("Date", ctx.date(ctx.today)),
    ]
    return rows


def _interviewers(ctx: PlanContext) -> str:
    names = dict.fromkeys(i.interviewer.strip() for i in ctx.process.interviews)
    return ", ".join(name for name in names if name)
