"""Read BPMN 2.0 files into a process: pools and lanes become lanes, activities steps.

What Walkthrough cannot hold (parallel work, message flows, boundary events, data) is listed
in the import's report, never dropped silently. Walkthrough's own data in ``extensionElements``
(see :mod:`app.export.bpmn.names`) comes back exactly, unless another tool renamed the element:
then the name it shows wins.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from app.export.bpmn import elements
from app.export.bpmn.names import BPMN_NS, BPMNDI_NS, WALKTHROUGH_NS, bpmn, xml_safe
from app.export.bpmn.offpage import MARKER as OFF_PAGE_MARKER
from app.export.bpmn.parse import BpmnError, ParsedXml, check_size, parse_xml
from app.process.bounds import quote
from app.process.file import FORMAT_NAME, FORMAT_VERSION, ProcessFileError, process_from_document
from app.process.model import Process, StepKind

MAX_REPORT_LINES = 60
MAX_MESSAGE = 280


@dataclass(frozen=True, slots=True)
class BpmnImport:
    """An imported process and plain sentences on what could not be mapped exactly."""

    process: Process
    report: tuple[str, ...]


@dataclass(slots=True)
class _Lane:
    element: Element | None
    name: str
    payload: dict[str, Any] | None
    key: str = ""
    task_tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Node:
    element: Element
    tag: str
    kind: StepKind
    name: str
    payload: dict[str, Any] | None
    lane: _Lane | None = None
    key: str = ""
    folded: bool = False


@dataclass(slots=True)
class _Pool:
    name: str
    process: Element
    lanes: list[_Lane] = field(default_factory=list)


def read_bpmn(path: Path) -> BpmnImport:
    """Import a BPMN file; raise BpmnError with one sentence if it cannot be used."""
    try:
        check_size(path.stat().st_size, str(path))
        raw = path.read_bytes()
    except OSError as error:
        raise BpmnError(f"{path}: cannot be read ({error.strerror})") from error
    return loads_bpmn(raw, source=str(path))


def loads_bpmn(raw: bytes, *, source: str) -> BpmnImport:
    """Import the bytes of a BPMN file; ``source`` names it in messages."""
    try:
        return _Importer(_parse(raw, source), source).run()
    except BpmnError as error:
        raise BpmnError(one_sentence(str(error))) from error


def _parse(raw: bytes, source: str) -> ParsedXml:
    try:
        return parse_xml(raw, source)
    except LookupError as error:  # an encoding Python does not know, declared in the prolog
        name = quote(str(error).removeprefix("unknown encoding: "))
        raise BpmnError(f"{source}: declares the unknown text encoding {name}") from error
    except (UnicodeError, RecursionError) as error:
        raise BpmnError(f"{source}: cannot be read as XML text ({type(error).__name__})") from error


def one_sentence(message: str) -> str:
    """A refusal on one line of bounded length, whatever text of the file it quotes."""
    flat = " ".join(message.split())
    return flat if len(flat) <= MAX_MESSAGE else flat[: MAX_MESSAGE - 1] + "…"


class _Importer:
    """One import: walks the tree once, keeps lookups in dictionaries, collects the report."""

    def __init__(self, parsed: ParsedXml, source: str) -> None:
        self.parsed = parsed
        self.source = source
        self.report: list[str] = []
        self.left_out: Counter[str] = Counter()
        self.nodes: list[_Node] = []
        self.node_by_id: dict[str, _Node] = {}
        self.lanes: list[_Lane] = []
        self.dropped_flows = 0
        self.own_file = False
        self.ids: set[str] | None = None

    def run(self) -> BpmnImport:
        root = self.parsed.root
        if root.tag != bpmn("definitions"):
            raise BpmnError(
                f"{self.source}: is not a BPMN 2.0 file: the root element is "
                f"<{_local(root.tag)}>, not <definitions> of the BPMN 2.0 model namespace"
            )
        pools = self._pools(root)
        head = self._process_head(pools)
        for pool in pools:
            self._read_pool(pool, several=len(pools) > 1)
        flows = [flow for pool in pools for flow in self._read_flows(pool)]
        self._note_file_level(root, pools)
        self._assign_keys()
        document = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            **head,
            "lanes": [self._lane_document(lane) for lane in self.lanes],
            "steps": [self._step_document(node) for node in self.nodes if not node.folded],
            "flows": flows,
        }
        return BpmnImport(self._build(document), self._final_report())

    # -- pools ---------------------------------------------------------------------------

    def _pools(self, root: Element) -> list[_Pool]:
        processes = {element.get("id", ""): element for element in root.findall(bpmn("process"))}
        pools: list[_Pool] = []
        used: set[str] = set()
        for participant in root.iterfind(f"{bpmn('collaboration')}/{bpmn('participant')}"):
            ref = participant.get("processRef", "")
            process = processes.get(ref)
            label = self._label(participant)
            if process is None:
                self.report.append(
                    f"Pool {label} has no process of its own (a black box) and was left out."
                )
                continue
            if ref not in used:
                used.add(ref)
                pools.append(_Pool(participant.get("name", "") or process.get("name", ""), process))
        called = {element.get("calledElement") for element in root.iter(bpmn("callActivity"))}
        pools.extend(
            _Pool(process.get("name", ""), process)
            for ref, process in processes.items()
            if ref not in used and ref not in called
        )
        if not pools:
            raise BpmnError(f"{self.source}: has no <process> to import")
        with_content = [pool for pool in pools if _has_content(pool.process)]
        return with_content or pools[:1]

    def _process_head(self, pools: list[_Pool]) -> dict[str, Any]:
        process = pools[0].process
        payload = self._payload(process, "process")
        self.own_file = payload is not None
        head = dict(payload or {})
        details = dict(head.get("process") or {}) if isinstance(head.get("process"), dict) else {}
        name = _kept_name(details.get("name"), pools[0].name)
        fallbacks = (self.parsed.root.get("name", ""), Path(self.source).stem, "Imported process")
        details["name"] = next(text for text in (name, *fallbacks) if text.strip())
        if payload is None:
            details["description"] = _documentation(process)
        head["process"] = details
        return head

    def _read_pool(self, pool: _Pool, *, several: bool) -> None:
        prefix = f"{pool.name} / " if several and pool.name else ""
        lane_of = self._read_lanes(pool, prefix)
        first_node = len(self.nodes)
        for child in pool.process:
            self._read_flow_element(child)
        for node in self.nodes[first_node:]:
            node.lane = lane_of.get(node.element.get("id", ""))
        self._note_unknown_lane_refs(lane_of)
        homeless = [node for node in self.nodes[first_node:] if node.lane is None]
        if homeless:
            self._house(pool, homeless)
        for lane in pool.lanes:
            self.lanes.append(lane)

    def _note_unknown_lane_refs(self, lane_of: dict[str, _Lane]) -> None:
        for ref, lane in lane_of.items():
            if ref not in self.node_by_id and ref not in self._all_ids():
                self.report.append(
                    f"Lane '{lane.name}' lists '{ref}', which is not in the file; it was ignored."
                )

    def _house(self, pool: _Pool, homeless: list[_Node]) -> None:
        """Put nodes that no lane names into one lane named after the pool."""
        name = pool.name or "Process"
        lane = _Lane(None, name, None)
        if pool.lanes:
            self.report.append(
                f"{len(homeless)} element(s) of pool '{name}' were in no lane; they were put in "
                f"a lane named '{name}'."
            )
        pool.lanes.append(lane)
        for node in homeless:
            node.lane = lane

    def _read_lanes(self, pool: _Pool, prefix: str) -> dict[str, _Lane]:
        """Leaf lanes in document order (nested lanes flattened) and the lane of each node."""
        lane_of: dict[str, _Lane] = {}
        stack: list[tuple[Element, str]] = [
            (lane, prefix)
            for lane in reversed(pool.process.findall(f"{bpmn('laneSet')}/{bpmn('lane')}"))
        ]
        nested = False
        while stack:
            element, outer = stack.pop()
            name = outer + element.get("name", "")
            children = element.findall(f"{bpmn('childLaneSet')}/{bpmn('lane')}")
            if children:
                nested = True
                stack.extend((child, f"{name} / ") for child in reversed(children))
                continue
            lane = _Lane(element, name, self._payload(element, "lane"))
            pool.lanes.append(lane)
            for ref in element.iterfind(bpmn("flowNodeRef")):
                lane_of.setdefault((ref.text or "").strip(), lane)
        if nested:
            self.report.append(
                f"Nested lanes in pool '{pool.name}' were flattened into one lane each, "
                "named 'outer / inner'."
            )
        return lane_of

    # -- flow elements ---------------------------------------------------------------------

    def _read_flow_element(self, child: Element) -> None:
        tag = _local(child.tag)
        if not child.tag.startswith(f"{{{BPMN_NS}}}"):
            self.left_out[f"unknown element <{tag}>"] += 1
            return
        kind = elements.step_kind(tag)
        if kind is None:
            if tag not in elements.SILENT:
                self.left_out[_left_out_name(tag)] += 1
            return
        element_id = child.get("id", "")
        if element_id in self.node_by_id:
            self.report.append(
                f"The id '{element_id}' is used twice; the element at line "
                f"{self.parsed.line(child)} was left out."
            )
            return
        node = _Node(child, tag, kind, child.get("name", ""), self._payload(child, "step"))
        self.nodes.append(node)
        self.node_by_id[element_id] = node
        if child.find(f"{bpmn('extensionElements')}/{OFF_PAGE_MARKER}") is None:
            self._note_approximation(node)

    def _note_approximation(self, node: _Node) -> None:
        label = self._label(node.element)
        line = elements.approximation(node.tag, label)
        if line:
            self.report.append(line)
        if node.tag in elements.CONTAINERS:
            inner = sum(1 for item in node.element.iter() if elements.step_kind(_local(item.tag)))
            self.report.append(
                f"Sub-process {label} became one task step; the {inner - 1} step(s) inside it "
                "were not brought in."
            )

    def _read_flows(self, pool: _Pool) -> list[dict[str, Any]]:
        flows: list[dict[str, Any]] = []
        approval_gateways = self._approval_gateways(pool)
        aliases = {**approval_gateways, **self._off_page_links(pool)}
        for element in pool.process.iterfind(bpmn("sequenceFlow")):
            flow = self._read_flow(element, aliases)
            if flow is not None:
                flows.append(flow)
        return flows

    def _approval_gateways(self, pool: _Pool) -> dict[str, str]:
        """Gateways Walkthrough wrote after a branching approval, by id, with the task's id."""
        found: dict[str, str] = {}
        for element in pool.process.iterfind(bpmn("exclusiveGateway")):
            marker = element.find(f"{bpmn('extensionElements')}/{{{WALKTHROUGH_NS}}}approvalBranch")
            task_id = marker.get("task", "") if marker is not None else ""
            task = self.node_by_id.get(task_id)
            gateway = self.node_by_id.get(element.get("id", ""))
            if task is not None and task.kind == "task" and gateway is not None:
                found[element.get("id", "")] = task_id
                gateway.folded = True  # part of the approval: not a step of its own
        return found

    def _off_page_links(self, pool: _Pool) -> dict[str, str]:
        """Link events Walkthrough wrote between map sections: each throw event stands for the
        target its flow continues to; both events are part of that one flow, not steps."""
        found: dict[str, str] = {}
        for tag in ("intermediateThrowEvent", "intermediateCatchEvent"):
            for element in pool.process.iterfind(bpmn(tag)):
                marker = element.find(f"{bpmn('extensionElements')}/{OFF_PAGE_MARKER}")
                node = self.node_by_id.get(element.get("id", ""))
                if marker is None or node is None:
                    continue
                node.folded = True
                target = marker.get("target", "")
                if target in self.node_by_id:
                    found[element.get("id", "")] = target
        return found

    def _read_flow(self, element: Element, aliases: dict[str, str]) -> dict[str, Any] | None:
        extension = element.find(bpmn("extensionElements"))
        if extension is not None and (
            extension.find(f"{{{WALKTHROUGH_NS}}}approvalLink") is not None
            or extension.find(OFF_PAGE_MARKER) is not None
        ):
            return None
        ends = []
        for attribute in ("sourceRef", "targetRef"):
            ref = element.get(attribute, "")
            node = self.node_by_id.get(aliases.get(ref, ref))
            if node is None:
                self._note_dangling(element, attribute, ref)
                return None
            ends.append(node)
        payload = self._payload(element, "flow") or {}
        flow = {key: value for key, value in payload.items() if key not in ("from", "to")}
        flow["label"] = _kept_name(payload.get("label"), element.get("name", ""))
        return {"from": ends[0], "to": ends[1], **flow}

    def _note_dangling(self, element: Element, attribute: str, ref: str) -> None:
        if ref and ref in self._all_ids():
            self.dropped_flows += 1
            return
        self.report.append(
            f"Sequence flow {self._label(element)} has {attribute} '{ref}', which is not in the "
            "file; it was left out."
        )

    def _all_ids(self) -> set[str]:
        if self.ids is None:
            self.ids = {item.get("id", "") for item in self.parsed.root.iter() if item.get("id")}
        return self.ids

    # -- keys and documents ----------------------------------------------------------------

    def _assign_keys(self) -> None:
        lanes = _KeyMaker("l")
        steps = _KeyMaker("s")
        for lane in self.lanes:
            lane.key = lanes.reserve(lane.payload)
        for node in self.nodes:
            if not node.folded:
                node.key = steps.reserve(node.payload)
        for lane in self.lanes:
            lane.key = lane.key or lanes.fresh()
        for node in self.nodes:
            if not node.folded:
                node.key = node.key or steps.fresh()
        self.report.extend(lanes.clashes + steps.clashes)

    def _lane_document(self, lane: _Lane) -> dict[str, Any]:
        document = dict(lane.payload or {})
        document["id"] = lane.key
        document["name"] = _kept_name(document.get("name"), lane.name) or f"Lane {lane.key}"
        if lane.payload is None:
            tags = [node.tag for node in self.nodes if node.lane is lane and node.kind == "task"]
            system = bool(tags) and all(tag in elements.SYSTEM_TASKS for tag in tags)
            document["kind"] = "system" if system else "role"
        return document

    def _step_document(self, node: _Node) -> dict[str, Any]:
        document = dict(node.payload or {})
        kind: StepKind = node.kind
        if kind == "task" and document.get("kind") == "approval":
            kind = "approval"
        name = _kept_name(document.get("name"), node.name)
        document.update(
            id=node.key,
            lane=node.lane.key if node.lane else "",
            name=name if name.strip() else elements.DEFAULT_NAMES[kind],
            kind=kind,
        )
        if node.payload is None:
            document["notes"] = _documentation(node.element)
        return document

    def _build(self, document: dict[str, Any]) -> Process:
        for flow in document["flows"]:
            flow["from"], flow["to"] = flow["from"].key, flow["to"].key
        try:
            return process_from_document(document, source=self.source)
        except ProcessFileError as error:
            raise BpmnError(
                f"{self.source}: the Walkthrough data in it is not valid: {error.problems[0]}"
            ) from error

    # -- report ----------------------------------------------------------------------------

    def _note_file_level(self, root: Element, pools: list[_Pool]) -> None:
        if len(pools) > 1:
            names = ", ".join(f"'{pool.name}'" for pool in pools)
            self.report.append(
                f"The file has {len(pools)} pools ({names}); all their lanes were brought in as "
                "lanes of one process, named 'pool / lane'."
            )
        messages = sum(1 for _ in root.iterfind(f"{bpmn('collaboration')}/{bpmn('messageFlow')}"))
        if messages:
            self.report.append(
                f"{messages} message flow(s) between pools were left out: Walkthrough follows "
                "one process's sequence flows."
            )
        if root.find(f"{{{BPMNDI_NS}}}BPMNDiagram") is None:
            self.report.append("The file has no diagram; Walkthrough lays out the map itself.")
        if not self.nodes and not self.own_file:
            self.report.append("The file has no tasks, events or gateways to bring in.")

    def _final_report(self) -> tuple[str, ...]:
        lines = list(self.report)
        for what, count in self.left_out.items():
            lines.append(f"Left out {count} × {what}: Walkthrough does not model it.")
        if self.dropped_flows:
            lines.append(
                f"Left out {self.dropped_flows} sequence flow(s) to or from elements that were "
                "left out."
            )
        if len(lines) > MAX_REPORT_LINES:
            more = len(lines) - MAX_REPORT_LINES + 1
            lines = [*lines[: MAX_REPORT_LINES - 1], f"… and {more} more lines like these."]
        return tuple(lines)

    def _label(self, element: Element) -> str:
        name = " ".join(element.get("name", "").split())
        where = f"line {self.parsed.line(element)}"
        return f"'{name}' ({where})" if name else f"'{element.get('id', '?')}' ({where})"

    def _payload(self, element: Element, tag: str) -> dict[str, Any] | None:
        found = element.find(f"{bpmn('extensionElements')}/{{{WALKTHROUGH_NS}}}{tag}")
        if found is None:
            return None
        try:
            data = json.loads(found.text or "")
        except (ValueError, RecursionError):
            data = None
        if not isinstance(data, dict):
            self.report.append(
                f"The Walkthrough data of {self._label(element)} could not be read and was ignored."
            )
            return None
        return data


class _KeyMaker:
    """Short keys: the ones Walkthrough wrote where they are unique, else ``s1``, ``s2``…"""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.used: set[str] = set()
        self.counter = 0
        self.clashes: list[str] = []

    def reserve(self, payload: dict[str, Any] | None) -> str:
        key = payload.get("id") if payload else None
        if not isinstance(key, str) or not key:
            return ""
        if key in self.used:
            self.clashes.append(f"The id '{key}' was used twice; the second one got a new id.")
            return ""
        self.used.add(key)
        return key

    def fresh(self) -> str:
        while True:
            self.counter += 1
            key = f"{self.prefix}{self.counter}"
            if key not in self.used:
                self.used.add(key)
                return key


def _kept_name(written: Any, shown: str) -> str:
    """The exact name Walkthrough wrote, unless another tool changed the name it shows."""
    if isinstance(written, str) and xml_safe(written) == shown:
        return written
    return shown


def _documentation(element: Element) -> str:
    texts = [(item.text or "") for item in element.iterfind(bpmn("documentation"))]
    return "\n\n".join(text for text in texts if text.strip())


def _has_content(process: Element) -> bool:
    """True if a process holds lanes or flow elements (not just its own header)."""
    return any(_local(child.tag) not in elements.SILENT for child in process) or (
        process.find(f"{bpmn('laneSet')}/{bpmn('lane')}") is not None
    )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _left_out_name(tag: str) -> str:
    return elements.spaced(tag)
