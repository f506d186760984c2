"""What each BPMN element type becomes on import, and the sentences that say so."""

from __future__ import annotations

from collections.abc import Mapping

from app.process.model import StepKind

TASKS = frozenset(
    {
        "task",
        "userTask",
        "serviceTask",
        "manualTask",
        "scriptTask",
        "sendTask",
        "receiveTask",
        "businessRuleTask",
    }
)
SYSTEM_TASKS = frozenset({"serviceTask", "scriptTask", "businessRuleTask"})
CONTAINERS = frozenset({"subProcess", "transaction", "adHocSubProcess"})
GATEWAYS = frozenset(
    {
        "exclusiveGateway",
        "parallelGateway",
        "inclusiveGateway",
        "eventBasedGateway",
        "complexGateway",
    }
)
INTERMEDIATE_EVENTS = frozenset({"intermediateCatchEvent", "intermediateThrowEvent"})
EVENTS: Mapping[str, StepKind] = {"startEvent": "start", "endEvent": "end"}
SILENT = frozenset(
    {
        "documentation",
        "extensionElements",
        "laneSet",
        "ioSpecification",
        "property",
        "auditing",
        "monitoring",
        "sequenceFlow",
    }
)
GATEWAY_NAMES: Mapping[str, str] = {
    "parallelGateway": "Parallel gateway",
    "inclusiveGateway": "Inclusive gateway",
    "eventBasedGateway": "Event-based gateway",
    "complexGateway": "Complex gateway",
}
DEFAULT_NAMES: Mapping[StepKind, str] = {
    "start": "Start",
    "end": "End",
    "decision": "Decision",
    "task": "Task",
    "approval": "Approval",
}


def step_kind(tag: str) -> StepKind | None:
    """The step kind a flow element becomes, or None if it is not brought in as a step."""
    if tag in TASKS or tag in CONTAINERS or tag == "callActivity" or tag in INTERMEDIATE_EVENTS:
        return "task"
    if tag in GATEWAYS:
        return "decision"
    return EVENTS.get(tag)


def approximation(tag: str, label: str) -> str | None:
    """The report line for an element that was brought in only approximately, if any."""
    if tag in GATEWAY_NAMES:
        return (
            f"{GATEWAY_NAMES[tag]} {label} became a decision: parallel work is not modelled "
            "in version 1."
        )
    if tag in INTERMEDIATE_EVENTS:
        return f"Intermediate event {label} became a task step."
    if tag == "callActivity":
        return f"Call activity {label} became a task step."
    return None


def spaced(name: str) -> str:
    """``dataObjectReference`` → ``data object reference``, for report sentences."""
    return "".join(f" {char.lower()}" if char.isupper() else char for char in name).strip()
