"""Big maps are tiled at a readable scale, cut between columns, and every step is shown."""

from __future__ import annotations

from pathlib import Path

from app.export.pdf import write_plan_pdf
from app.export.pdf.document import page_frames
from app.export.pdf.sections.current_map import layout_for_print
from app.export.pdf.tiles import MIN_SCALE, plan_tiles
from bench.generate import looped_process, sequential_process
from tests.export.test_pdf_support import OPTIONS, pdf_text


def _tiles_for(step_count: int) -> tuple[object, ...]:
    geometry = layout_for_print(looped_process(step_count, 10))
    _, landscape = page_frames("A4")
    return plan_tiles(geometry, landscape.width, landscape.height - 92)


def test_small_map_fits_one_page() -> None:
    geometry = layout_for_print(sequential_process(4))
    _, landscape = page_frames("A4")
    (tile,) = plan_tiles(geometry, landscape.width, landscape.height - 92)
    assert tile.parts == 1
    assert tile.scale <= 1.0


def test_300_step_map_is_tiled_never_below_the_minimum_scale() -> None:
    geometry = layout_for_print(looped_process(300, 10))
    _, landscape = page_frames("A4")
    tiles = plan_tiles(geometry, landscape.width, landscape.height - 92)
    assert len(tiles) > 10
    assert all(tile.scale >= MIN_SCALE - 1e-9 for tile in tiles)
    assert all(tile.x1 - tile.x0 > 0 for tile in tiles)
    covered = [column for tile in tiles for column in range(tile.columns[0], tile.columns[1] + 1)]
    assert sorted(covered) == list(range(len(geometry.columns)))
    for tile in tiles:
        width = (tile.x1 - tile.x0 + geometry.lanes[0].label_rect.width) * tile.scale
        assert width <= landscape.width + 1e-6


def test_300_step_plan_marks_continuations(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    report = write_plan_pdf(looped_process(300, 10), path, options=OPTIONS)
    text = " ".join(pdf_text(path).split())
    assert report.pages > 15
    assert "Continues in part 2" in text
    assert "Continued from part 1" in text
    assert "Step 299" in text
