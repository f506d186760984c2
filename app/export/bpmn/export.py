"""Write a process as BPMN 2.0 XML: one pool, a lane per Walkthrough lane, and a diagram.

Names, lanes and flows are plain BPMN that any modelling tool shows and edits; everything else
Walkthrough knows rides along in ``extensionElements`` (see :mod:`app.export.bpmn.names`), so
reading the file back gives the same process. A folded map's flows between sections pass
through link events (:mod:`app.export.bpmn.offpage`), its sections side by side in the diagram.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, SubElement

from app.export.bpmn.diagram import diagram_element
from app.export.bpmn.names import WALKTHROUGH_NS, bpmn
from app.export.bpmn.offpage import OffPage, link_events, off_page_links, second_flow
from app.export.bpmn.plan import ExportPlan, plan_export
from app.export.bpmn.unfold import side_by_side
from app.export.bpmn.xmltext import document_text
from app.process.file import process_to_document
from app.process.model import Process
from app.swimlane.layout import layout_swimlanes
from app.swimlane.shares import effective_probabilities, share_text

EXPORTER = "Walkthrough"
EXPORTER_VERSION = "1"
TARGET_NAMESPACE = "https://walkthrough.app/bpmn/process"


def bpmn_text(process: Process) -> str:
    """The BPMN 2.0 XML of ``process`` with its diagram drawn from the swimlane layout."""
    geometry = side_by_side(layout_swimlanes(process))
    links = off_page_links(geometry)
    plan = plan_export(process, [band.lane_id for band in geometry.lanes])
    root = Element(
        bpmn("definitions"),
        {
            "id": "Definitions_1",
            "targetNamespace": TARGET_NAMESPACE,
            "exporter": EXPORTER,
            "exporterVersion": EXPORTER_VERSION,
        },
    )
    collaboration = SubElement(root, bpmn("collaboration"), {"id": "Collaboration_1"})
    participant = {"id": "Participant_1", "name": process.name, "processRef": "Process_1"}
    SubElement(collaboration, bpmn("participant"), participant)
    root.append(_process_element(process, plan, links))
    root.append(diagram_element(process, geometry, plan, links))
    return document_text(root)


def write_bpmn(process: Process, path: Path) -> None:
    """Write a BPMN file atomically: a half-written file never replaces a good one."""
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(bpmn_text(process), encoding="utf-8")
    temporary.replace(path)


def _process_element(process: Process, plan: ExportPlan, links: Mapping[int, OffPage]) -> Element:
    document = process_to_document(process)
    element = Element(
        bpmn("process"), {"id": "Process_1", "name": process.name, "isExecutable": "false"}
    )
    _documentation(element, process.description)
    head = {key: value for key, value in document.items() if key not in _ITEM_LISTS}
    _payload(element, "process", head)
    _lane_set(element, process, plan, document["lanes"], links)
    refs = _flow_links(process, plan, links)
    for data in document["steps"]:
        _step_elements(element, plan, data, refs)
    shares = branch_shares(process)
    for index, data in enumerate(document["flows"]):
        link = links.get(index)
        target = link.throw_id if link else plan.step_ids[data["to"]]
        _sequence_flow(element, plan, index, data, shares[index], target)
    for key, link_id in plan.link_ids.items():
        _link_flow(element, plan, key, link_id)
    for index, link in links.items():
        target = plan.step_ids[process.flows[index].target]
        link_events(element, link, plan.flow_ids[index], target)
        second_flow(element, link, target)
    return element


_ITEM_LISTS = frozenset({"format", "version", "lanes", "steps", "flows"})


def _lane_set(
    element: Element,
    process: Process,
    plan: ExportPlan,
    lanes: list[Any],
    links: Mapping[int, OffPage],
) -> None:
    lane_set = SubElement(element, bpmn("laneSet"), {"id": "LaneSet_1"})
    documents = {data["id"]: data for data in lanes}
    members: dict[str, list[str]] = defaultdict(list)
    for step in process.steps:
        members[step.lane].append(plan.step_ids[step.id])
        if step.id in plan.branch_ids:
            members[step.lane].append(plan.branch_ids[step.id])
    for link in links.values():
        members[link.throw.lane_id].append(link.throw_id)
        members[link.catch.lane_id].append(link.catch_id)
    for key, lane_id in plan.lane_ids.items():
        data = documents.get(key, {"id": key, "name": key})
        lane = SubElement(lane_set, bpmn("lane"), {"id": lane_id, "name": data["name"]})
        _payload(lane, "lane", data)
        for node_id in members[key]:
            SubElement(lane, bpmn("flowNodeRef")).text = node_id


def _flow_links(
    process: Process, plan: ExportPlan, off_page: Mapping[int, OffPage]
) -> dict[str, tuple[list[str], list[str]]]:
    """Each element id mapped to the ids of its incoming and outgoing sequence flows."""
    links: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for index, (flow, flow_id) in enumerate(zip(process.flows, plan.flow_ids, strict=True)):
        links[plan.flow_source(flow.source)][1].append(flow_id)
        link = off_page.get(index)
        links[plan.step_ids[flow.target]][0].append(link.flow_id if link else flow_id)
    for key, link_id in plan.link_ids.items():
        links[plan.step_ids[key]][1].append(link_id)
        links[plan.branch_ids[key]][0].append(link_id)
    return links


def _step_elements(
    parent: Element,
    plan: ExportPlan,
    data: dict[str, Any],
    links: dict[str, tuple[list[str], list[str]]],
) -> None:
    key = data["id"]
    node_id = plan.step_ids[key]
    node = SubElement(parent, bpmn(plan.element_of[key]), {"id": node_id, "name": data["name"]})
    _documentation(node, data.get("notes") or "")
    _payload(node, "step", {name: value for name, value in data.items() if name != "lane"})
    _flow_refs(node, links.get(node_id))
    branch_id = plan.branch_ids.get(key)
    if branch_id is not None:
        gateway = SubElement(parent, bpmn("exclusiveGateway"), {"id": branch_id})
        extension = SubElement(gateway, bpmn("extensionElements"))
        SubElement(extension, f"{{{WALKTHROUGH_NS}}}approvalBranch", {"task": node_id})
        _flow_refs(gateway, links.get(branch_id))


def _flow_refs(node: Element, refs: tuple[list[str], list[str]] | None) -> None:
    incoming, outgoing = refs or ([], [])
    for flow_id in incoming:
        SubElement(node, bpmn("incoming")).text = flow_id
    for flow_id in outgoing:
        SubElement(node, bpmn("outgoing")).text = flow_id


def _sequence_flow(
    parent: Element,
    plan: ExportPlan,
    index: int,
    data: dict[str, Any],
    share: float | None,
    target: str,
) -> None:
    attributes = {
        "id": plan.flow_ids[index],
        "sourceRef": plan.flow_source(data["from"]),
        "targetRef": target,
    }
    if data["label"]:
        attributes["name"] = data["label"]
    flow = SubElement(parent, bpmn("sequenceFlow"), attributes)
    if share is not None:
        _documentation(flow, f"Taken {share_text(share)} times (probability {share:.4g}).")
    _payload(
        flow, "flow", {name: value for name, value in data.items() if name not in ("from", "to")}
    )


def _link_flow(parent: Element, plan: ExportPlan, key: str, link_id: str) -> None:
    attributes = {"id": link_id, "sourceRef": plan.step_ids[key], "targetRef": plan.branch_ids[key]}
    flow = SubElement(parent, bpmn("sequenceFlow"), attributes)
    extension = SubElement(flow, bpmn("extensionElements"))
    SubElement(extension, f"{{{WALKTHROUGH_NS}}}approvalLink")


def branch_shares(process: Process) -> list[float | None]:
    """Each flow's effective probability where its step has several ways out, else None."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for index, flow in enumerate(process.flows):
        by_source[flow.source].append(index)
    shares: list[float | None] = [None] * len(process.flows)
    for indexes in by_source.values():
        if len(indexes) > 1:
            given = [process.flows[i].probability for i in indexes]
            for index, share in zip(indexes, effective_probabilities(given), strict=True):
                shares[index] = share
    return shares


def _documentation(element: Element, text: str) -> None:
    if text.strip():
        SubElement(element, bpmn("documentation")).text = text


def _payload(element: Element, tag: str, data: dict[str, Any]) -> None:
    extension = SubElement(element, bpmn("extensionElements"))
    payload = SubElement(extension, f"{{{WALKTHROUGH_NS}}}{tag}")
    payload.text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
