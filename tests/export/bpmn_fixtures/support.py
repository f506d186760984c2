"""Shared helpers for the BPMN tests: the OMG schema, random processes, DI lookups."""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path
from xml.etree.ElementTree import Element, fromstring

import xmlschema
from hypothesis import strategies as st

from app.export.bpmn.names import BPMN_NS, BPMNDI_NS, DC_NS
from app.process.file import dumps_process, process_from_document, process_to_document
from app.process.model import LANE_KINDS, STEP_KINDS, VALUE_CLASSES, Flow, Lane, Process, Step
from app.swimlane.geometry import Rect

REPO = Path(__file__).resolve().parents[3]
SHARED_DATA = REPO / ".." / "shared" / "data"
XSD = Path(__file__).resolve().parent / "xsd" / "BPMN20.xsd"  # a copy of the OMG schemas
EXAMPLES = SHARED_DATA / "bpmn-examples"
SAMPLES = REPO / "resources" / "samples"
NS = {"bpmn": BPMN_NS, "bpmndi": BPMNDI_NS, "dc": DC_NS}


@cache
def bpmn_schema() -> xmlschema.XMLSchema:
    """The OMG BPMN 2.0 schema, loaded from local files only."""
    return xmlschema.XMLSchema(str(XSD), allow="local")


def comparable(process: Process) -> str:
    """The process file text of a process, without its database id."""
    return dumps_process(dataclasses.replace(process, id=""))


def normalised(process: Process) -> Process:
    """What the process file makes of a snapshot (the reference for round trips)."""
    return process_from_document(process_to_document(process))


def bounds(shape: Element) -> Rect:
    box = shape.find("dc:Bounds", NS)
    assert box is not None
    return Rect(*(float(box.get(key, "nan")) for key in ("x", "y", "width", "height")))


def shapes_by_element(root: Element) -> dict[str, Rect]:
    return {
        shape.get("bpmnElement", ""): bounds(shape)
        for shape in root.iterfind(".//bpmndi:BPMNShape", NS)
    }


def parse(text: str) -> Element:
    return fromstring(text.encode("utf-8"))


TRICKY = st.sampled_from(
    ["<b>bold</b>", "Tom & Jerry", "🙂 emoji", "עברית ומספרים 123", "a\x01b\x1bc", "x\r\ny", " \t"]
)
# NUL is refused by the process layer (PostgreSQL cannot store it), so it is never generated.
CHARACTERS = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
TEXT = st.one_of(st.text(CHARACTERS, max_size=30), TRICKY)
NAME = st.one_of(st.text(CHARACTERS, min_size=1, max_size=30), TRICKY).filter(
    lambda text: bool(text.strip())
)
KEY = st.one_of(
    st.text(CHARACTERS, min_size=1, max_size=8), st.sampled_from(["s1", "1", "a b", "ü:x"])
).filter(lambda text: bool(text.strip()))
NUMBER = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def processes(draw: st.DrawFn) -> Process:
    """Random valid processes: any text, any keys, any kinds, flows between any two steps."""
    lane_keys = draw(st.lists(KEY, min_size=1, max_size=4, unique=True))
    lanes = tuple(
        Lane(
            key,
            draw(NAME),
            draw(st.none() | NUMBER),
            draw(st.sampled_from(LANE_KINDS)),
            extra=draw(st.sampled_from([{}, {"colour": "blue"}])),
        )
        for key in lane_keys
    )
    step_keys = draw(st.lists(KEY, max_size=8, unique=True))
    steps = tuple(
        Step(
            key,
            draw(st.sampled_from(lane_keys)),
            draw(NAME),
            draw(st.sampled_from(STEP_KINDS)),
            touch_minutes=draw(NUMBER),
            wait_minutes=draw(NUMBER),
            value=draw(st.none() | st.sampled_from(VALUE_CLASSES)),
            why=draw(TEXT),
            habit=draw(st.booleans()),
            systems=tuple(draw(st.lists(NAME, max_size=2))),
            notes=draw(TEXT),
        )
        for key in step_keys
    )
    flows: tuple[Flow, ...] = ()
    if steps:
        pairs = st.tuples(st.sampled_from(step_keys), st.sampled_from(step_keys))
        flows = tuple(
            Flow(source, target, draw(TEXT), draw(st.none() | st.floats(0, 1)))
            for source, target in draw(st.lists(pairs, max_size=10))
        )
    return normalised(
        Process(name=draw(NAME), description=draw(TEXT), lanes=lanes, steps=steps, flows=flows)
    )
