"""The current-state map on landscape pages, as large as fits and tiled when it is big."""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.platypus import Flowable, KeepTogether, PageBreak

from app.export.pdf.blocks import gap, heading, note, para
from app.export.pdf.context import PlanContext
from app.export.pdf.fonts import REGULAR
from app.export.pdf.mapdraw import MapTile
from app.export.pdf.styles import STYLES
from app.export.pdf.tiles import Tile, overview_tile, plan_tiles
from app.process.model import Process
from app.swimlane import DEFAULT_STYLE, MapGeometry, layout_swimlanes

# Room above and below a map tile on its page: the heading, the caption and the legend.
_CAPTION_ROOM = 92.0
LEGEND = (
    "Circles start and end the process, boxes are steps, diamonds decisions; approvals have "
    "an accent border. Dashed lines send work back (rework). Numbered dots mark the steps of "
    "the biggest findings."
)


def layout_for_print(process: Process) -> MapGeometry:
    """The swimlane layout with text measured in the embedded font."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = DEFAULT_STYLE.font_size

    def measure(text: str, /) -> float:
        return float(stringWidth(text, REGULAR, size))

    return layout_swimlanes(process, measure=measure)


def finding_marks(ctx: PlanContext, count: int = 3) -> dict[str, str]:
    """Step id → the number of the biggest finding it belongs to (the first one wins)."""
    marks: dict[str, str] = {}
    for number, finding in enumerate(ctx.findings[:count], start=1):
        for step_id in finding.step_ids:
            marks.setdefault(step_id, str(number))
    return marks


def current_map(ctx: PlanContext) -> list[Flowable]:
    title = "Current-state map"
    if not ctx.process.steps:
        return [heading(title), note("No steps yet: walk through the process to draw its map.")]
    geometry = layout_for_print(ctx.process)
    return landscape_map(ctx, title, geometry, finding_marks(ctx))


def landscape_map(
    ctx: PlanContext, title: str, geometry: MapGeometry, marks: Mapping[str, str]
) -> list[Flowable]:
    """``geometry`` tiled to fit landscape pages (the caller starts the landscape page)."""
    frame = ctx.landscape
    tiles = plan_tiles(geometry, frame.width, frame.height - _CAPTION_ROOM)
    story: list[Flowable] = [heading(title)]
    overview = overview_tile(geometry, frame.width, frame.height - _CAPTION_ROOM)
    if len(tiles) > 1 and overview is not None:
        caption = (
            f"Overview of the whole map. It is too big to read on one page, so it follows in "
            f"{len(tiles)} parts drawn at {tiles[0].scale:.0%} of screen size."
        )
        block = [MapTile(geometry, overview, marks), gap(5), para(caption, STYLES.small)]
        story += [KeepTogether([*block, para(LEGEND, STYLES.small)]), PageBreak()]
    for tile in tiles:
        block = [MapTile(geometry, tile, marks), gap(5), para(_caption(tile), STYLES.small)]
        if tile.part == 1 and len(story) == 1:
            block.append(para(LEGEND, STYLES.small))
        story.append(KeepTogether(block))
        if tile.part < tile.parts:
            story.append(PageBreak())
    return story


def _caption(tile: Tile) -> str:
    scale = f"drawn at {tile.scale:.0%} of screen size"
    if tile.parts == 1:
        return f"The whole map, {scale}."
    first, last = tile.columns
    parts = [f"Part {tile.part} of {tile.parts}: columns {first + 1}–{last + 1}, {scale}."]
    if tile.has_left or tile.has_above:
        parts.append(f"Continued from part {tile.part - 1}.")
    if tile.part < tile.parts:
        parts.append(f"Continues in part {tile.part + 1} (dashed line = cut).")
    return " ".join(parts)
