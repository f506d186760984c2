"""The cover: what the plan is about, for whom, by whom and when."""

from __future__ import annotations

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Spacer
from reportlab.platypus.flowables import HRFlowable

from app.export.pdf.blocks import fields, markup, para
from app.export.pdf.context import PlanContext
from app.export.pdf.styles import ACCENT, STYLES
from app.export.pdf.text import paragraph_text

LOGO_BOX = (160.0, 64.0)  # the largest the logo is drawn, in points (width, height)


def cover(ctx: PlanContext) -> list[Flowable]:
    process = ctx.process
    width = ctx.portrait.width
    logo = logo_image(ctx.options.logo)
    story: list[Flowable] = [] if logo is None else [logo, Spacer(1, 24)]
    story += [
        Spacer(1, ctx.portrait.height * (0.18 if logo is None else 0.08)),
        HRFlowable(width=60, thickness=3, color=ACCENT, hAlign="LEFT", spaceAfter=14),
        para("IMPROVEMENT PLAN", STYLES.cover_kicker),
        markup(paragraph_text(process.name.strip() or "Untitled process"), STYLES.cover_title),
    ]
    if process.description.strip():
        story.append(para(process.description.strip(), STYLES.cover_line))
    prepared = ctx.prepared
    if prepared:
        story += [Spacer(1, 18), para(prepared, STYLES.cover_line)]
    story += [Spacer(1, 24), fields(_cover_rows(ctx), width * 0.75)]
    return story


def _cover_rows(ctx: PlanContext) -> list[tuple[str, str]]:
    process = ctx.process
    by = ", ".join(part for part in (ctx.author, ctx.options.company.strip()) if part)
    rows = [
        ("Organisation", ctx.organisation or "–"),
        ("Process owner", process.owner.strip() or "–"),
        ("Prepared by", by or "–"),
        ("Date", ctx.date(ctx.today)),
    ]
    return rows


def logo_image(path: str) -> Image | None:
    """The consultant's logo scaled into ``LOGO_BOX``, or None when unset or unreadable."""
    if not path.strip():
        return None
    try:
        reader = ImageReader(path)
        width, height = reader.getSize()
    except (OSError, ValueError):
        return None
    scale = min(LOGO_BOX[0] / width, LOGO_BOX[1] / height, 1.0)
    return Image(path, width=width * scale, height=height * scale, hAlign="LEFT")
