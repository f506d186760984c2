"""The exported file is valid BPMN 2.0 with a diagram that matches the swimlane map."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from xml.etree.ElementTree import Element

import pytest
from hypothesis import given

from app.export.bpmn import bpmn_text
from app.export.bpmn.names import is_ncname
from app.process.file import read_process_file
from app.process.model import Process
from app.swimlane.geometry import Point, Rect
from tests.export.bpmn_fixtures.support import (
    NS,
    SAMPLES,
    bounds,
    bpmn_schema,
    parse,
    processes,
    shapes_by_element,
)

SAMPLE_FILES = sorted(SAMPLES.glob("*.walkthrough.json"))
MODDLE_CHECK = Path(__file__).parent / "bpmn_fixtures" / "moddle_check.mjs"
# Where `npm install bpmn-moddle` put its node_modules; override with WALKTHROUGH_BPMN_MODDLE.
DEFAULT_NODE_MODULES = Path("/tmp/bpmnjs/node_modules")


def sample_roots() -> list[tuple[str, Element]]:
    return [(path.name, parse(bpmn_text(read_process_file(path)))) for path in SAMPLE_FILES]


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda path: path.name)
def test_samples_validate_against_the_omg_schema(path: Path) -> None:
    bpmn_schema().validate(parse(bpmn_text(read_process_file(path))))


def test_an_invalid_file_fails_the_schema_check() -> None:
    text = bpmn_text(read_process_file(SAMPLE_FILES[0])).replace(
        'isExecutable="false"', 'isExecutable="nope"'
    )
    assert not bpmn_schema().is_valid(parse(text))


def check_ids(root: Element) -> None:
    for element in root.iter():
        for key in ("id", "bpmnElement", "sourceRef", "targetRef", "processRef"):
            if key in element.attrib:
                assert is_ncname(element.attrib[key]), element.attrib[key]


def check_lanes_tile_the_pool(root: Element) -> None:
    shapes = shapes_by_element(root)
    pool = shapes["Participant_1"]
    lanes = sorted(
        (shapes[lane.get("id", "")] for lane in root.iterfind(".//bpmn:lane", NS)),
        key=lambda rect: rect.y,
    )
    top = pool.y
    for lane in lanes:
        assert lane.y == pytest.approx(top)
        assert lane.right == pytest.approx(pool.right)
        assert pool.x < lane.x
        top = lane.bottom
    if lanes:
        assert top == pytest.approx(pool.bottom)


def check_nodes_inside_their_lanes(root: Element) -> None:
    shapes = shapes_by_element(root)
    for lane in root.iterfind(".//bpmn:lane", NS):
        band = shapes[lane.get("id", "")]
        for ref in lane.iterfind("bpmn:flowNodeRef", NS):
            assert band.contains_rect(shapes[ref.text or ""]), ref.text


def check_edges_touch_their_shapes(root: Element) -> None:
    shapes = shapes_by_element(root)
    flows = {flow.get("id"): flow for flow in root.iterfind(".//bpmn:sequenceFlow", NS)}
    for edge in root.iterfind(".//bpmndi:BPMNEdge", NS):
        flow = flows[edge.get("bpmnElement")]
        points = [
            Point(float(p.get("x", "nan")), float(p.get("y", "nan")))
            for p in edge.iterfind("{*}waypoint")
        ]
        assert len(points) >= 2
        assert on_border(shapes[flow.get("sourceRef", "")], points[0])
        assert on_border(shapes[flow.get("targetRef", "")], points[-1])


def on_border(rect: Rect, point: Point) -> bool:
    return rect.on_border(point, tolerance=0.011)


def check_every_element_has_a_shape(root: Element) -> None:
    shapes = shapes_by_element(root)
    process = root.find("bpmn:process", NS)
    assert process is not None
    for element in process:
        if element.tag.endswith(("Task", "Event", "Gateway")):
            assert element.get("id") in shapes
    edges = {edge.get("bpmnElement") for edge in root.iterfind(".//bpmndi:BPMNEdge", NS)}
    assert edges == {flow.get("id") for flow in process.iterfind("bpmn:sequenceFlow", NS)}


CHECKS = (
    check_ids,
    check_lanes_tile_the_pool,
    check_nodes_inside_their_lanes,
    check_edges_touch_their_shapes,
    check_every_element_has_a_shape,
)


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_sample_diagrams(check: object) -> None:
    for _, root in sample_roots():
        check(root)  # type: ignore[operator]


@given(processes())
def test_diagram_laws_hold_for_any_process(process: Process) -> None:
    root = parse(bpmn_text(process))
    for check in CHECKS:
        check(root)


def test_the_plane_is_on_the_collaboration_and_shapes_are_horizontal() -> None:
    _, root = sample_roots()[0]
    plane = root.find(".//bpmndi:BPMNPlane", NS)
    assert plane is not None
    assert plane.get("bpmnElement") == "Collaboration_1"
    horizontal = {
        shape.get("bpmnElement")
        for shape in root.iterfind(".//bpmndi:BPMNShape", NS)
        if shape.get("isHorizontal") == "true"
    }
    lanes = {lane.get("id") for lane in root.iterfind(".//bpmn:lane", NS)}
    assert horizontal == lanes | {"Participant_1"}
    assert bounds(root.find(".//bpmndi:BPMNShape", NS)).width > 0  # type: ignore[arg-type]


def test_a_broken_diagram_fails_the_checks() -> None:
    _, root = sample_roots()[0]
    box = root.find(".//bpmndi:BPMNShape[@bpmnElement='Step_s2']/{*}Bounds", NS)
    assert box is not None
    box.set("y", "-500")
    with pytest.raises(AssertionError):
        check_nodes_inside_their_lanes(root)


def node_modules() -> Path | None:
    folder = Path(os.environ.get("WALKTHROUGH_BPMN_MODDLE", DEFAULT_NODE_MODULES))
    return folder if (folder / "bpmn-moddle").is_dir() else None


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
@pytest.mark.skipif(
    node_modules() is None,
    reason="bpmn-moddle not found: npm install bpmn-moddle into /tmp/bpmnjs or point "
    "WALKTHROUGH_BPMN_MODDLE at a node_modules folder that has it",
)
@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda path: path.name)
def test_bpmn_moddle_reads_the_file_without_warnings(path: Path, tmp_path: Path) -> None:
    target = tmp_path / "map.bpmn"
    target.write_text(bpmn_text(read_process_file(path)), encoding="utf-8")
    command = ["node", str(MODDLE_CHECK), str(node_modules()), str(target)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    outcome = json.loads(result.stdout)
    assert outcome == {"root": "bpmn:Definitions", "warnings": []}
