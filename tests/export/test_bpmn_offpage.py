"""A folded map in BPMN: flows between sections pass through link events, read back as one."""

from __future__ import annotations

from app.export.bpmn import bpmn_text, loads_bpmn
from app.swimlane.layout import layout_swimlanes
from bench.generate import looped_process
from tests.export.bpmn_fixtures.support import (
    NS,
    bpmn_schema,
    comparable,
    normalised,
    parse,
    shapes_by_element,
)


def test_a_folded_map_joins_its_sections_with_valid_link_events() -> None:
    process = looped_process(60, 2)
    crossings = [edge for edge in layout_swimlanes(process).edges if edge.continued]
    root = parse(bpmn_text(process))
    bpmn_schema().validate(root)
    throws = root.findall(".//bpmn:intermediateThrowEvent", NS)
    catches = root.findall(".//bpmn:intermediateCatchEvent", NS)
    assert len(throws) == len(catches) == len(crossings) > 0
    names = [event.find("bpmn:linkEventDefinition", NS).get("name") for event in throws]
    assert names == [edge.link for edge in crossings]
    assert sorted(names) == sorted(
        event.find("bpmn:linkEventDefinition", NS).get("name") for event in catches
    )


def test_a_folded_map_comes_back_as_the_same_process() -> None:
    process = normalised(looped_process(60, 2))
    result = loads_bpmn(bpmn_text(process).encode("utf-8"), source="folded.bpmn")
    assert result.report == ()
    assert comparable(result.process) == comparable(process)


def test_every_link_event_is_drawn_inside_its_lane() -> None:
    root = parse(bpmn_text(looped_process(60, 2)))
    shapes = shapes_by_element(root)
    lanes = {
        ref.text: lane.get("id")
        for lane in root.findall(".//bpmn:lane", NS)
        for ref in lane.findall("bpmn:flowNodeRef", NS)
    }
    for event in root.findall(".//bpmn:intermediateThrowEvent", NS):
        event_id = event.get("id")
        assert shapes[lanes[event_id]].contains_rect(shapes[event_id])
    lane_shapes = [lane.get("id") for lane in root.findall(".//bpmn:lane", NS)]
    assert len(lane_shapes) == len(set(lane_shapes)) == 3
