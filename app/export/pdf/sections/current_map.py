"""The current-state map on landscape pages: one page when legible, else overview + sections."""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.platypus import Flowable, KeepTogether, PageBreak

from app.export.pdf.blocks import gap, heading, note, para
from app.export.pdf.context import PlanContext
from app.export.pdf.fonts import REGULAR, register_fonts
from app.export.pdf.mapdraw import MapTile
from app.export.pdf.mapsheet import SectionSheet
from app.export.pdf.styles import STYLES
from app.export.pdf.tiles import Tile, one_page, section_scale, section_tiles, unfolded_tiles
from app.process.model import Process
from app.swimlane import DEFAULT_STYLE, MapGeometry, layout_swimlanes

# Room above and below a map tile on its page: the heading, the caption and the legend.
_CAPTION_ROOM = 92.0
# Room for the small title above each section (10.5 points) and the 4-point gap after it.
_SECTION_TITLE_ROOM = 15.0
LEGEND = (
    "Circles start and end the process, boxes are steps, diamonds decisions; approvals have "
    "an accent border. Dashed lines send work back (rework). Numbered dots mark the steps of "
    "the biggest findings. Lettered double circles join a flow to its continuation in another "
    "section."
)


def layout_for_print(process: Process) -> MapGeometry:
    """The swimlane layout with text measured in the embedded font."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
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
    """``geometry`` on landscape pages (the caller starts the landscape page): one page when it
    is legible there, else an overview and its sections (or tiles) at one legible scale."""
    frame = ctx.landscape
    width, height = frame.width, frame.height - _CAPTION_ROOM
    folded = f" in {len(geometry.sections)} sections, read top to bottom" * bool(geometry.sections)
    words = [
        heading(title),
        gap(5),
        para(f"The whole map{folded}, drawn at 100%", STYLES.small),
        para(LEGEND, STYLES.small),
    ]
    single = one_page(geometry, width, frame.height - _height(words, width))
    if single is not None:
        caption = f"The whole map{folded}, drawn at {single.scale:.0%} of screen size."
        block = [MapTile(geometry, single, marks), gap(5), para(caption, STYLES.small)]
        return [heading(title), KeepTogether([*block, para(LEGEND, STYLES.small)])]
    if geometry.sections:
        return _sectioned(title, geometry, marks, width, frame.height)
    return _tiled(title, geometry, marks, width, height)


def _height(flowables: list[Flowable], width: float) -> float:
    """The height ``flowables`` take on a page ``width`` wide, with their spacing."""
    total = 0.0
    for flowable in flowables:
        total += flowable.wrap(width, 10_000)[1]
        total += flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total + 2.0


def _sectioned(
    title: str, geometry: MapGeometry, marks: Mapping[str, str], width: float, height: float
) -> list[Flowable]:
    """The numbered overview, then every section at one scale, as many to a page as fit."""
    count = len(geometry.sections)
    scale = section_scale(geometry, width, height, _SECTION_TITLE_ROOM)
    caption = (
        f"The map in {count} sections, read left to right and top to bottom; each follows at "
        f"{scale:.0%} of screen size. Lettered circles join a flow that continues in another "
        "section (“to 3” where it leaves, “from 2” where it arrives)."
    )
    overview = SectionSheet(geometry, width, height - _CAPTION_ROOM - 24)
    story: list[Flowable] = [heading(title), overview, gap(5), para(caption, STYLES.small)]
    story += [para(LEGEND, STYLES.small), PageBreak()]
    for section in geometry.sections:
        tiles = section_tiles(geometry, section, scale, width, height - _SECTION_TITLE_ROOM)
        for tile in tiles:
            label = _section_caption(section.title, tile)
            story.append(KeepTogether([para(label, STYLES.small), MapTile(geometry, tile, marks)]))
            story.append(gap(4))
    return story


def _section_caption(title: str, tile: Tile) -> str:
    if tile.parts == 1:
        return title
    return f"{title}, part {tile.part} of {tile.parts} (dashed line = cut)"


def _tiled(
    title: str, geometry: MapGeometry, marks: Mapping[str, str], width: float, height: float
) -> list[Flowable]:
    """A big unfolded map (many lanes) cut into tiles, each on its own page."""
    tiles = unfolded_tiles(geometry, width, height)
    story: list[Flowable] = [heading(title)]
    for tile in tiles:
        block = [MapTile(geometry, tile, marks), gap(5), para(_caption(tile), STYLES.small)]
        if tile.part == 1:
            block.append(para(LEGEND, STYLES.small))
        story.append(KeepTogether(block))
        if tile.part < tile.parts:
            story.append(PageBreak())
    return story


def _caption(tile: Tile) -> str:
    scale = f"drawn at {tile.scale:.0%} of screen size"
    first, last = tile.columns
    parts = [f"Part {tile.part} of {tile.parts}: columns {first + 1}–{last + 1}, {scale}."]
    if tile.has_left or tile.has_above:
        parts.append(f"Continued from part {tile.part - 1}.")
    if tile.part < tile.parts:
        parts.append(f"Continues in part {tile.part + 1} (dashed line = cut).")
    return " ".join(parts)
