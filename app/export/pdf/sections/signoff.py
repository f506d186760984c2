"""Sign-off: the people who agree to the plan, with room to sign by hand."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Table

from app.export.pdf.blocks import heading, para
from app.export.pdf.context import PlanContext
from app.export.pdf.styles import INK, STYLES, table_style


def signoff(ctx: PlanContext) -> list[Flowable]:
    width = ctx.portrait.width
    people = [
        ("Process owner", ctx.process.owner.strip()),
        ("Sponsor", ""),
        ("Prepared by", ctx.options.author.strip()),
    ]
    rows = [
        [para(role, STYLES.cell_head), para(name, STYLES.cell), "", ""] for role, name in people
    ]
    header = [para(text, STYLES.cell_head) for text in ("Role", "Name", "Signature", "Date")]
    grid = Table(
        [header, *rows],
        colWidths=[0.2 * width, 0.3 * width, 0.32 * width, 0.18 * width],
        rowHeights=[None] + [34] * len(rows),
        hAlign="LEFT",
    )
    style = table_style()
    style.add("VALIGN", (0, 1), (-1, -1), "BOTTOM")
    style.add("LINEBELOW", (1, 1), (-1, -1), 0.6, INK)
    grid.setStyle(style)
    intro = para("By signing, we agree to the goals, the actions and the review dates above.")
    return [KeepTogether([heading("Sign-off"), intro, grid])]
