"""Which BPMN element each part of a process becomes, decided once before writing.

An approval with more than one way out becomes its task followed by an exclusive gateway;
the flows that left the approval leave the gateway instead.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from app.export.bpmn.names import IdMaker
from app.process.model import Process, Step

TASK_ELEMENT = {"role": "userTask", "system": "serviceTask"}
STEP_ELEMENT = {"start": "startEvent", "end": "endEvent", "decision": "exclusiveGateway"}


@dataclass(frozen=True, slots=True)
class ExportPlan:
    """BPMN ids for lanes, steps, flows and the gateways of branching approvals."""

    lane_ids: dict[str, str]
    step_ids: dict[str, str]
    branch_ids: dict[str, str]
    link_ids: dict[str, str]
    flow_ids: tuple[str, ...]
    element_of: dict[str, str]

    def flow_source(self, step_key: str) -> str:
        """The element a flow leaving ``step_key`` starts at (a branching approval's gateway)."""
        return self.branch_ids.get(step_key) or self.step_ids[step_key]


def plan_export(process: Process, lane_keys: list[str]) -> ExportPlan:
    """Assign every lane, step and flow a unique NCName id and a BPMN element type."""
    ids = IdMaker()
    for fixed in ("Definitions", "Collaboration", "Participant", "Process", "LaneSet"):
        ids.make(fixed, "1")
    ids.make("Diagram", "1")
    ids.make("Plane", "1")
    lane_ids = {key: ids.make("Lane", key) for key in lane_keys}
    step_ids = {step.id: ids.make("Step", step.id) for step in process.steps}
    branching = _branching_approvals(process)
    branch_ids = {key: ids.make("Gateway", key) for key in branching}
    link_ids = {key: ids.make("Link", key) for key in branching}
    flow_ids = tuple(ids.make("Flow", str(index + 1)) for index in range(len(process.flows)))
    kinds = {lane.id: lane.kind for lane in process.lanes}
    element_of = {
        step.id: element_type(step, kinds.get(step.lane, "role")) for step in process.steps
    }
    return ExportPlan(lane_ids, step_ids, branch_ids, link_ids, flow_ids, element_of)


def element_type(step: Step, lane_kind: str) -> str:
    """The BPMN element a step is written as: events, a gateway, or a user or service task."""
    return STEP_ELEMENT.get(step.kind) or TASK_ELEMENT.get(lane_kind, "userTask")


def _branching_approvals(process: Process) -> list[str]:
    outgoing = Counter(flow.source for flow in process.flows)
    return [step.id for step in process.steps if step.kind == "approval" and outgoing[step.id] > 1]
