"""BPMN export against a 300-step map and import of a 5,000-task file from another tool
(aims: export 300 steps < 1 s, import 5,000 tasks < 3 s)."""

from __future__ import annotations

from functools import partial
from xml.sax.saxutils import quoteattr

from app.export.bpmn import bpmn_text, loads_bpmn
from bench.core import Report, median_ms
from bench.swimlane import sample_process

_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" '
    'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
    'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
    'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" '
    'id="Definitions_big" targetNamespace="http://example.com/big">\n'
)


def foreign_bpmn(task_count: int, lane_count: int = 20) -> bytes:
    """A Camunda-style file: one pool, lanes, a start, ``task_count`` tasks in a line, an end,
    every node with a shape and every flow with an edge."""
    ids = ["StartEvent_1", *(f"Activity_{i:05d}" for i in range(task_count)), "EndEvent_1"]
    parts = [_HEAD, '<process id="Process_big" name="Big" isExecutable="false">\n']
    parts.extend(_lane_set(ids, lane_count))
    parts.extend(_nodes(ids))
    parts.extend(_flow(index, ids[index], ids[index + 1]) for index in range(len(ids) - 1))
    parts.append("</process>\n")
    parts.extend(_diagram(ids, lane_count))
    parts.append("</definitions>\n")
    return "".join(parts).encode("utf-8")


def _lane_set(ids: list[str], lane_count: int) -> list[str]:
    parts = ["<laneSet>\n"]
    for lane in range(lane_count):
        parts.append(f'<lane id="Lane_{lane}" name="Lane {lane}">\n')
        members = ids[lane::lane_count]
        parts.extend(f"<flowNodeRef>{node_id}</flowNodeRef>\n" for node_id in members)
        parts.append("</lane>\n")
    parts.append("</laneSet>\n")
    return parts


def _nodes(ids: list[str]) -> list[str]:
    parts = ['<startEvent id="StartEvent_1" name="Start" />\n']
    for index, node_id in enumerate(ids[1:-1]):
        name = quoteattr(f"Task {index} & check\nline two")
        parts.append(f'<userTask id="{node_id}" name={name}>')
        parts.append("<documentation>Do it.</documentation></userTask>\n")
    parts.append('<endEvent id="EndEvent_1" name="End" />\n')
    return parts


def _flow(index: int, source: str, target: str) -> str:
    return f'<sequenceFlow id="Flow_{index}" sourceRef="{source}" targetRef="{target}" />\n'


def _diagram(ids: list[str], lane_count: int) -> list[str]:
    parts = [
        '<bpmndi:BPMNDiagram id="Diagram_1">'
        '<bpmndi:BPMNPlane id="Plane_1" bpmnElement="Process_big">\n'
    ]
    for index, node_id in enumerate(ids):
        x, y = index * 150, index % lane_count * 100
        parts.append(
            f'<bpmndi:BPMNShape id="{node_id}_di" bpmnElement="{node_id}">'
            f'<dc:Bounds x="{x}" y="{y}" width="100" height="80" /></bpmndi:BPMNShape>\n'
        )
    for index in range(len(ids) - 1):
        x = index * 150 + 100
        parts.append(
            f'<bpmndi:BPMNEdge id="Flow_{index}_di" bpmnElement="Flow_{index}">'
            f'<di:waypoint x="{x}" y="40" /><di:waypoint x="{x + 50}" y="40" />'
            "</bpmndi:BPMNEdge>\n"
        )
    parts.append("</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>\n")
    return parts


def run(report: Report) -> None:
    """Add the export and import rows."""
    process = sample_process(300, 12)
    report.add("bpmn export 300 steps", median_ms(partial(bpmn_text, process), repeat=7))
    raw = foreign_bpmn(5000)
    note = f"{len(raw) / 1024 / 1024:.1f} MB"
    importing = partial(loads_bpmn, raw, source="big.bpmn")
    report.add("bpmn import 5000 tasks", median_ms(importing, repeat=5), note=note)


if __name__ == "__main__":
    rows = Report()
    run(rows)
    print(rows.render())
