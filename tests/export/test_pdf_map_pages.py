"""Map pages of the plan: one legible page when it fits, else an overview and few section
pages; never below 6-point text; every shape label whole in the text layer."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.export.pdf import write_plan_pdf
from app.export.pdf.document import page_frames
from app.export.pdf.sections.current_map import layout_for_print
from app.export.pdf.tiles import MIN_SCALE, one_page, section_scale, section_tiles
from app.process.model import Flow, Lane, Process, Step
from bench.generate import looped_process
from tests.export.test_pdf_support import OPTIONS, pdf_pages, pdf_text, tool


def map_pages(path: Path) -> list[int]:
    """The numbers of the pages between the map heading and the next section."""
    pages = pdf_pages(path)
    found: list[int] = []
    for page in range(1, pages + 1):
        text = subprocess.run(
            [tool("pdftotext"), "-f", str(page), "-l", str(page), str(path), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        if "Current-state map" in text or "Section " in text.split("\n", 3)[-1][:200]:
            found.append(page)
    return found


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_9_step_map_takes_one_legible_page(paper: str) -> None:
    geometry = layout_for_print(looped_process(9, 1))
    _, landscape = page_frames(paper)  # type: ignore[arg-type]
    tile = one_page(geometry, landscape.width, landscape.height - 92)
    assert tile is not None
    assert tile.scale >= MIN_SCALE


def test_9_step_plan_has_one_map_page(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    write_plan_pdf(looped_process(9, 1), path, options=OPTIONS)
    assert len(map_pages(path)) == 1


@pytest.mark.parametrize(("steps", "most"), [(60, 8), (300, 32)])
def test_bigger_maps_take_an_overview_and_few_section_pages(
    tmp_path: Path, steps: int, most: int
) -> None:
    path = tmp_path / "plan.pdf"
    write_plan_pdf(looped_process(steps, steps // 30), path, options=OPTIONS)
    pages = map_pages(path)
    assert 2 <= len(pages) <= most
    text = " ".join(pdf_text(path).split())
    assert "Section 1 of" in text
    assert f"Step {steps - 1}" in text


def test_300_step_plan_has_at_most_40_pages(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    report = write_plan_pdf(looped_process(300, 10), path, options=OPTIONS)
    assert report.pages == pdf_pages(path)
    assert report.pages <= 40


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_sections_print_at_6_points_or_more_and_show_every_column(paper: str) -> None:
    geometry = layout_for_print(looped_process(300, 10))
    _, landscape = page_frames(paper)  # type: ignore[arg-type]
    scale = section_scale(geometry, landscape.width, landscape.height, 24.0)
    assert scale >= MIN_SCALE
    covered: list[int] = []
    for section in geometry.sections:
        tiles = section_tiles(geometry, section, scale, landscape.width, landscape.height)
        assert len(tiles) == 1
        covered += range(tiles[0].columns[0], tiles[0].columns[1] + 1)
        assert (tiles[0].x1 - tiles[0].x0 + 132) * scale <= landscape.width + 1e-6
    assert covered == list(range(len(geometry.columns)))


def test_long_shape_labels_are_whole_in_the_text_layer(tmp_path: Path) -> None:
    names = {
        "start": "Purchase request form filled in and attached to the ticket",
        "task": "Check the quote against the framework agreement with the supplier",
        "decision": "Goods received and checked against the purchase order",
        "end": "Invoice paid and filed in the archive for seven years",
    }
    steps = tuple(Step(kind, "a", name, kind=kind) for kind, name in names.items())  # type: ignore[arg-type]
    flows = (Flow("start", "task"), Flow("task", "decision"), Flow("decision", "end"))
    process = Process(name="Labels", lanes=(Lane("a", "Buyer"),), steps=steps, flows=flows)
    path = tmp_path / "plan.pdf"
    write_plan_pdf(process, path, options=OPTIONS)
    text = " ".join(pdf_text(path).split())
    for name in names.values():
        assert name in text
    assert "…" not in text
