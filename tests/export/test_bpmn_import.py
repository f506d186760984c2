"""Importing BPMN from other tools: sensible mapping, a clear report, safe parsing.

The example files in ../shared/data/bpmn-examples come from the BPMN MIWG test suite
(github.com/bpmn-miwg/bpmn-miwg-test-suite, CC BY 3.0); they are read in place, not copied.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.export.bpmn import MAX_FILE_BYTES, BpmnError, BpmnImport, loads_bpmn, read_bpmn
from bench.bpmn import foreign_bpmn
from tests.export.bpmn_fixtures.support import EXAMPLES

HEAD = (
    '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" '
    'xmlns:x="urn:example:other" id="D" targetNamespace="urn:t">'
)


def bpmn_file(body: str, *, head: str = HEAD) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{head}\n{body}\n</definitions>'.encode()


def load(body: str) -> BpmnImport:
    return loads_bpmn(bpmn_file(body), source="test.bpmn")


def mentions(result: BpmnImport, *words: str) -> bool:
    return any(all(word in line for word in words) for line in result.report)


SIMPLE = """
<process id="P" name="Order">
  <laneSet><lane id="L1" name="Sales"><flowNodeRef>S</flowNodeRef><flowNodeRef>T</flowNodeRef>
  </lane><lane id="L2" name="ERP"><flowNodeRef>G</flowNodeRef><flowNodeRef>E</flowNodeRef>
  <flowNodeRef>B</flowNodeRef></lane></laneSet>
  <startEvent id="S" name="Order in" />
  <task id="T" name="Check&#10;order"><documentation>Look at it.</documentation></task>
  <parallelGateway id="G" name="Split" />
  <serviceTask id="B" name="Book" />
  <endEvent id="E" />
  <sequenceFlow id="f1" sourceRef="S" targetRef="T" name="new" />
  <sequenceFlow id="f2" sourceRef="T" targetRef="G" />
  <sequenceFlow id="f3" sourceRef="G" targetRef="E" />
  <sequenceFlow id="f4" sourceRef="G" targetRef="B" />
  <sequenceFlow id="f5" sourceRef="B" targetRef="E" />
</process>
"""


def test_a_simple_foreign_process_maps_lanes_steps_and_flows() -> None:
    result = load(SIMPLE)
    process = result.process
    assert process.name == "Order"
    assert [(lane.id, lane.name, lane.kind) for lane in process.lanes] == [
        ("l1", "Sales", "role"),
        ("l2", "ERP", "system"),
    ]
    steps = [(step.id, step.lane, step.name, step.kind) for step in process.steps]
    assert steps == [
        ("s1", "l1", "Order in", "start"),
        ("s2", "l1", "Check\norder", "task"),
        ("s3", "l2", "Split", "decision"),
        ("s4", "l2", "Book", "task"),
        ("s5", "l2", "End", "end"),
    ]
    assert process.steps[1].notes == "Look at it."
    assert [(f.source, f.target, f.label) for f in process.flows][:2] == [
        ("s1", "s2", "new"),
        ("s2", "s3", ""),
    ]
    assert result.report == (
        "Parallel gateway 'Split' (line 10) became a decision: parallel work is not modelled "
        "in version 1.",
        "The file has no diagram; Walkthrough lays out the map itself.",
    )


def test_no_lanes_gives_one_lane_named_after_the_pool() -> None:
    body = """<collaboration id="C"><participant id="P1" name="Claims" processRef="P" />
    </collaboration><process id="P"><task id="T" name="Do" /></process>"""
    process = load(body).process
    assert [lane.name for lane in process.lanes] == ["Claims"]
    assert process.steps[0].lane == process.lanes[0].id


def test_boundary_events_message_flows_and_unknown_elements_are_reported() -> None:
    body = """<collaboration id="C">
      <participant id="P1" name="Us" processRef="P" /><participant id="P2" name="Them" />
      <messageFlow id="m" sourceRef="T" targetRef="P2" /></collaboration>
    <process id="P"><task id="T" name="Do" /><boundaryEvent id="B" attachedToRef="T" />
      <endEvent id="E" /><dataObject id="D" /><x:thing id="X" />
      <subProcess id="SP" name="Inner"><task id="I" name="Hidden" /></subProcess>
      <intermediateCatchEvent id="W" name="Wait for mail" />
      <sequenceFlow id="f1" sourceRef="B" targetRef="E" />
      <sequenceFlow id="f2" sourceRef="T" targetRef="nowhere" /></process>"""
    result = load(body)
    assert [step.name for step in result.process.steps] == ["Do", "End", "Inner", "Wait for mail"]
    assert result.process.flows == ()
    assert mentions(result, "Pool 'Them'", "black box")
    assert mentions(result, "1 message flow")
    assert mentions(result, "1 × boundary event")
    assert mentions(result, "1 × data object")
    assert mentions(result, "unknown element <thing>")
    assert mentions(result, "Sub-process 'Inner'", "1 step(s) inside it")
    assert mentions(result, "Intermediate event 'Wait for mail'", "task step")
    assert mentions(result, "'f2'", "targetRef 'nowhere'", "not in the file")
    assert mentions(result, "1 sequence flow(s) to or from elements that were left out")


def test_a_lane_that_lists_a_missing_element_is_reported() -> None:
    body = """<process id="P"><laneSet><lane id="L" name="A"><flowNodeRef>T</flowNodeRef>
      <flowNodeRef>ghost</flowNodeRef></lane></laneSet><task id="T" name="Do" /></process>"""
    assert mentions(load(body), "Lane 'A' lists 'ghost'")


def test_nested_lanes_are_flattened() -> None:
    body = """<process id="P" name="Pool"><laneSet><lane id="O" name="Finance"><childLaneSet>
      <lane id="I1" name="AP"><flowNodeRef>T</flowNodeRef></lane><lane id="I2" name="AR" />
      </childLaneSet></lane></laneSet><task id="T" name="Pay" /></process>"""
    result = load(body)
    assert [lane.name for lane in result.process.lanes] == ["Finance / AP", "Finance / AR"]
    assert mentions(result, "flattened")


def test_broken_walkthrough_data_is_reported_and_ignored() -> None:
    body = """<process id="P"><task id="T" name="Do"><extensionElements>
      <wt:step xmlns:wt="https://walkthrough.app/schema/bpmn/1">{not json</wt:step>
      </extensionElements></task></process>"""
    result = load(body)
    assert result.process.steps[0].name == "Do"
    assert mentions(result, "could not be read")


def test_invalid_walkthrough_values_refuse_the_file() -> None:
    body = """<process id="P"><task id="T" name="Do"><extensionElements>
      <wt:step xmlns:wt="https://walkthrough.app/schema/bpmn/1">{"touch_minutes": -5}</wt:step>
      </extensionElements></task></process>"""
    with pytest.raises(BpmnError, match=r"test\.bpmn: the Walkthrough data .*touch_minutes"):
        load(body)


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="P">
<task id="T" name="&secret;" /></process></definitions>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&lol3;</definitions>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE definitions SYSTEM "http://example.com/evil.dtd">
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" />"""


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (XXE, r"document type declaration \(DTD\) at line 2"),
        (LAUGHS, "DTD"),
        (EXTERNAL_DTD, "DTD"),
        (b"", "the file is empty"),
        (b"  \n ", "the file is empty"),
        (b"PK\x03\x04 this is a zip", "not well-formed XML: invalid token at line 1, column 3"),
        (b"<definitions><process>", "not well-formed XML"),
        (b"<html><body>hi</body></html>", r"not a BPMN 2\.0 file: the root element is <html>"),
        (bpmn_file("<collaboration id='C' />"), r"has no <process> to import"),
    ],
    ids=[
        "xxe",
        "billion-laughs",
        "external-dtd",
        "empty",
        "blank",
        "binary",
        "cut",
        "html",
        "none",
    ],
)
def test_unusable_files_raise_one_clear_sentence(raw: bytes, message: str) -> None:
    with pytest.raises(BpmnError, match=message) as caught:
        loads_bpmn(raw, source="bad.bpmn")
    assert str(caught.value).startswith("bad.bpmn: ")
    assert "\n" not in str(caught.value)


def test_too_big_a_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.bpmn"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(BpmnError, match=r"huge\.bpmn: the file is 20\.0 MB; .* over 20 MB"):
        read_bpmn(path)


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BpmnError, match="cannot be read"):
        read_bpmn(tmp_path / "nope.bpmn")


needs_examples = pytest.mark.skipif(
    not EXAMPLES.is_dir(), reason=f"BPMN example files not found at {EXAMPLES}"
)

# (file, lanes, steps, flows, words some report line must hold) counted by reading the files.
EXAMPLE_COUNTS = [
    ("reference-A.1.0.bpmn", 1, 5, 4, ()),
    ("reference-A.2.0.bpmn", 1, 8, 9, ()),
    ("signavio-A.2.0.bpmn", 1, 8, 9, ()),
    ("reference-A.4.1.bpmn", 3, 11, 9, ("2 pools", "'Pool 1', 'Pool 2'")),
    ("bpmnio-A.4.1.bpmn", 3, 11, 9, ("2 message flow(s)",)),
    ("signavio-A.4.1.bpmn", 3, 11, 9, ("Sub-process 'Expanded Sub-Process 1'",)),
    ("bizagi-A.4.1.bpmn", 3, 11, 9, ("2 pools",)),
    ("reference-B.2.0.bpmn", 3, 61, 58, ("Parallel gateway 'Parallel Gateway 2'",)),
]


@needs_examples
@pytest.mark.parametrize(
    ("name", "lanes", "steps", "flows", "words"), EXAMPLE_COUNTS, ids=lambda v: str(v)
)
def test_files_from_other_tools_import_with_a_sensible_report(
    name: str, lanes: int, steps: int, flows: int, words: tuple[str, ...]
) -> None:
    result = read_bpmn(EXAMPLES / name)
    process = result.process
    assert (len(process.lanes), len(process.steps), len(process.flows)) == (lanes, steps, flows)
    assert {step.kind for step in process.steps} >= {"start", "end"}
    if words:
        assert mentions(result, *words), result.report
    else:
        assert result.report == ()


@needs_examples
def test_a4_lanes_are_named_pool_slash_lane() -> None:
    process = read_bpmn(EXAMPLES / "reference-A.4.1.bpmn").process
    assert [lane.name for lane in process.lanes] == [
        "Pool 1 / Lane 1",
        "Pool 2 / Lane 2 ",
        "Pool 2 / Lane 3",
    ]


@needs_examples
def test_b2_reports_what_it_leaves_out_in_counted_lines() -> None:
    result = read_bpmn(EXAMPLES / "reference-B.2.0.bpmn")
    assert mentions(result, "10 × boundary event")
    assert mentions(result, "1 × data store reference")
    assert len(result.report) < 40


def test_thousands_of_tasks_import() -> None:
    result = loads_bpmn(foreign_bpmn(5000), source="big.bpmn")
    process = result.process
    assert len(process.steps) == 5002
    assert len(process.flows) == 5001
    assert len(process.lanes) == 20
    assert process.steps[1].name == "Task 0 & check\nline two"
    assert result.report == ()
