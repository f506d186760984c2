"""Walkthrough → BPMN → Walkthrough gives the same process, whatever the text holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from app.export.bpmn import bpmn_text, loads_bpmn, read_bpmn, write_bpmn
from app.process.file import read_process_file
from app.process.model import Flow, Lane, Process, Step
from tests.export.bpmn_fixtures.support import (
    SAMPLES,
    bpmn_schema,
    comparable,
    normalised,
    parse,
    processes,
)

SAMPLE_FILES = sorted(SAMPLES.glob("*.walkthrough.json"))


def round_trip(process: Process) -> Process:
    result = loads_bpmn(bpmn_text(process).encode("utf-8"), source="test.bpmn")
    assert result.report == ()
    return result.process


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda path: path.name)
def test_samples_come_back_the_same(path: Path, tmp_path: Path) -> None:
    process = read_process_file(path)
    target = tmp_path / "map.bpmn"
    write_bpmn(process, target)
    assert comparable(read_bpmn(target).process) == comparable(process)
    assert not (tmp_path / "map.bpmn.part").exists()


@given(processes())
def test_any_process_comes_back_the_same_and_validates(process: Process) -> None:
    text = bpmn_text(process)
    bpmn_schema().validate(parse(text))
    assert comparable(round_trip(process)) == comparable(process)


def tricky_process(name: str) -> Process:
    lanes = (Lane("ap", name), Lane("erp", "ERP", kind="system"))
    steps = (
        Step("s1", "ap", name, kind="start"),
        Step("s2", "erp", "Key", notes=name, why=name),
        Step("s3", "ap", "Approve", kind="approval"),
        Step("s4", "ap", "Done", kind="end"),
    )
    flows = (
        Flow("s1", "s2"),
        Flow("s2", "s3", label=name),
        Flow("s3", "s4", "Yes", 0.8),
        Flow("s3", "s2", "No", None),
    )
    return normalised(Process(name=name, lanes=lanes, steps=steps, flows=flows))


@pytest.mark.parametrize(
    "text",
    ["<b>bold</b> & co", "🙂 עברית", "line one\nline two\r\nthree\tfour", 'say "hi"'],
)
def test_markup_emoji_and_line_breaks_survive(text: str) -> None:
    process = tricky_process(text)
    xml = bpmn_text(process)
    assert comparable(round_trip(process)) == comparable(process)
    root = parse(xml)
    names = {element.get("name") for element in root.iter()}
    assert text in names  # other tools see the text itself, not an escaped form


def test_control_characters_are_dropped_from_xml_but_kept_for_walkthrough() -> None:
    process = tricky_process("bell\x07 and start-of-heading\x01 end")
    xml = bpmn_text(process)
    assert "\x07" not in xml
    assert "\x01" not in xml
    assert 'name="bell and start-of-heading end"' in xml
    assert comparable(round_trip(process)) == comparable(process)


def test_a_name_changed_in_another_tool_wins_and_the_rest_is_kept() -> None:
    process = tricky_process("Clerk")
    xml = bpmn_text(process).replace('name="Key"', 'name="Key into the ERP"')
    imported = loads_bpmn(xml.encode(), source="edited.bpmn").process
    step = imported.step_by_id()["s2"]
    assert step.name == "Key into the ERP"
    assert step.notes == "Clerk"
    assert step.lane == "erp"


def test_a_branching_approval_is_a_task_then_a_gateway_and_comes_back_as_one_step() -> None:
    process = tricky_process("Clerk")
    root = parse(bpmn_text(process))
    task = root.find(".//{*}userTask[@id='Step_s3']")
    gateway = root.find(".//{*}exclusiveGateway[@id='Gateway_s3']")
    assert task is not None
    assert gateway is not None
    sources = {
        flow.get("name"): flow.get("sourceRef") for flow in root.iterfind(".//{*}sequenceFlow")
    }
    assert sources["Yes"] == sources["No"] == "Gateway_s3"
    assert round_trip(process).step_by_id()["s3"].kind == "approval"


def test_system_lanes_get_service_tasks_and_probabilities_are_documented() -> None:
    root = parse(bpmn_text(tricky_process("Clerk")))
    assert root.find(".//{*}serviceTask[@id='Step_s2']") is not None
    documented = [
        (flow.findtext("{*}documentation") or "") for flow in root.iterfind(".//{*}sequenceFlow")
    ]
    assert "Taken 8 in 10 times (probability 0.8)." in documented
    assert "Taken 2 in 10 times (probability 0.2)." in documented
