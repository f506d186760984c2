"""The map as PNG and SVG from the command line (no display, no Qt variable), printing to PDF,
and the bad inputs of issue 4 drawn without a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from pytestqt.qtbot import QtBot

from app.models.transfer import sample_processes
from app.process.file import write_process_file
from app.process.model import Flow, Lane, Process, Step
from app.ui.image_export import (
    MAX_PIXELS,
    MAX_SIDE,
    ImageExportError,
    export_map_image,
    export_scene,
    picture_area,
    print_pages,
    print_scene,
)
from app.ui.main_window import MainWindow
from bench.generate import looped_process


def run_cli(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env["WALKTHROUGH_DATA_DIR"] = str(data)
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def test_the_command_line_writes_png_and_svg_without_a_display(tmp_path: Path) -> None:
    database = str(tmp_path / "cli.sqlite")
    assert run_cli("--db", database, "sample", data=tmp_path).returncode == 0
    png, svg = tmp_path / "map.png", tmp_path / "map.svg"
    for target in (png, svg):
        done = run_cli(
            "--db", database, "export", "Onboard a new client", "--to", str(target), data=tmp_path
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
    width, _ = png_size(png)
    assert width > 2000  # a map of several columns at scale 2
    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert "Onboard a new client" in svg.read_text(encoding="utf-8")


def test_png_scale_sets_the_pixel_size(qtbot: QtBot, tmp_path: Path) -> None:
    process = sample_processes()[1]
    sizes = []
    for scale in (1.0, 2.0, 3.0):
        path = tmp_path / f"map{scale:.0f}.png"
        export_map_image(process, path, scale=scale)
        sizes.append(png_size(path))
    assert sizes[0][0] < sizes[1][0] < sizes[2][0]
    assert abs(sizes[1][0] - 2 * sizes[0][0]) <= 2


def test_printing_to_a_pdf_file(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "map.pdf"
    printer.setOutputFileName(str(target))
    print_scene(export_scene(sample_processes()[0]), printer)
    assert target.read_bytes().startswith(b"%PDF")


def _chain(count: int, lanes: int, name: str = "Step {i}") -> Process:
    lane_list = tuple(Lane(f"l{i}", f"Lane {i}") for i in range(lanes))
    steps = [Step("s0", "l0", "Start", kind="start")]
    flows = []
    for i in range(1, count):
        steps.append(
            Step(
                f"s{i}",
                f"l{i % lanes}",
                name.format(i=i),
                kind="decision" if i % 5 == 0 else "task",
            )
        )
        flows.append(Flow(f"s{i - 1}", f"s{i}"))
        if i % 5 == 0:
            flows.append(Flow(f"s{i}", f"s{max(0, i - 3)}", "Back", 0.2))
    return Process(name="Big", id="p", lanes=lane_list, steps=tuple(steps), flows=tuple(flows))


BAD_INPUTS = {
    "long names": _chain(6, 2, "x" * 2000),
    "emoji and rtl": _chain(6, 2, "😀 שלום עולם مرحبا {i} 👩‍👩‍👧"),
    "an empty lane": Process(
        name="Empty lane",
        id="p",
        lanes=(Lane("a", "Used"), Lane("b", "Nobody works here")),
        steps=(Step("s", "a", "Begin", kind="start"), Step("e", "a", "Done", kind="end")),
        flows=(Flow("s", "e"),),
    ),
    "only a start": Process(
        name="Only", id="p", lanes=(Lane("a", "A"),), steps=(Step("s", "a", "Go", kind="start"),)
    ),
    "cycles everywhere": Process(
        name="Loops",
        id="p",
        lanes=(Lane("a", "A"), Lane("b", "B")),
        steps=tuple(Step(f"s{i}", "ab"[i % 2], f"Loop {i}") for i in range(6)),
        flows=tuple(Flow(f"s{i}", f"s{(i + j) % 6}") for i in range(6) for j in (1, 2)),
    ),
    "nothing at all": Process(name="Nothing", id="p"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_still_draws(qtbot: QtBot, tmp_path: Path, case: str) -> None:
    process = BAD_INPUTS[case]
    scene = export_scene(process)
    assert len(scene.steps) == len(process.steps)
    export_map_image(process, tmp_path / "map.png", scale=1.0)
    export_map_image(process, tmp_path / "map.svg")
    assert (tmp_path / "map.png").stat().st_size > 0
    ElementTree.parse(tmp_path / "map.svg")


def test_a_long_name_keeps_its_full_text_in_the_tooltip(qtbot: QtBot) -> None:
    scene = export_scene(BAD_INPUTS["long names"])
    item = scene.steps["s1"]
    assert item.node.lines[-1].endswith("…")
    assert "x" * 2000 in scene.tooltip_for(item.step_id)


def test_a_thousand_steps_in_thirty_lanes(qtbot: QtBot) -> None:
    process = _chain(1000, 30)
    scene = export_scene(process)
    assert len(scene.steps) == 1000
    assert len(scene.lanes) == 30
    assert len(scene.later_lanes) == 30 * (len(scene.model.geometry.sections) - 1)


def test_a_1000_step_png_is_scaled_to_the_pixel_budget_and_says_so(
    qtbot: QtBot, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "map.png"
    result = export_map_image(looped_process(1000, 33), path)
    width, height = png_size(path)
    assert (width, height) == (result.width, result.height)
    assert width * height <= MAX_PIXELS
    assert max(width, height) <= MAX_SIDE
    assert result.scale < 2.0
    assert f"{result.scale:.0%} of screen size" in result.note
    assert capfd.readouterr().err == ""


def test_the_command_line_says_when_a_picture_was_scaled_down(tmp_path: Path) -> None:
    source = tmp_path / "big.walkthrough.json"
    write_process_file(looped_process(1000, 33), source)
    target = tmp_path / "big.png"
    done = run_cli("export", str(source), "--to", str(target), data=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "megapixels" in done.stdout


@pytest.mark.parametrize(
    ("where", "reason"),
    [("missing/map.png", "does not exist"), ("map.png/", "a folder")],
)
def test_a_failure_says_its_real_reason(
    qtbot: QtBot, tmp_path: Path, where: str, reason: str
) -> None:
    target = tmp_path / where
    if where.endswith("/"):
        target = tmp_path / "map.png"
        target.mkdir()
    with pytest.raises(ImageExportError, match=reason):
        export_map_image(looped_process(9, 1), target)


def test_a_folded_map_prints_its_sections_on_legible_pages(qtbot: QtBot) -> None:
    scene = export_scene(looped_process(300, 10))
    pages = print_pages(scene, 1000.0, 700.0, 0.6)
    assert len(pages) > 5
    assert all(page.height() * 0.6 <= 700.0 + 0.6 * 24 for page in pages)
    assert [page.top() for page in pages] == sorted(page.top() for page in pages)
    assert print_pages(export_scene(looped_process(9, 1)), 1000.0, 700.0, 0.3) == [
        picture_area(export_scene(looped_process(9, 1)))
    ]


def test_the_window_says_when_an_exported_picture_was_drawn_smaller(
    window: MainWindow, tmp_path: Path
) -> None:
    (process_id,) = window.store.add_processes([looped_process(1000, 33)], "big map")
    window.process_list.select(process_id)
    window.process_page.map_page.export_image(tmp_path / "big.png", 2.0)
    assert (tmp_path / "big.png").exists()
    assert "megapixels" in window.statusBar().currentMessage()
