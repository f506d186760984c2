"""BPMN diagram interchange (DI) drawn from the swimlane geometry: one layout, three renderers.

The pool gets a 30-point header strip at the left (where modelling tools write its name); the
lanes tile the rest of it, and every shape and waypoint is the map's, shifted right by that strip.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from xml.etree.ElementTree import Element, SubElement

from app.export.bpmn.names import BPMNDI_NS, DC_NS, DI_NS
from app.export.bpmn.offpage import OffPage
from app.export.bpmn.plan import ExportPlan
from app.process.model import Process
from app.swimlane.geometry import EdgePath, MapGeometry, NodeBox, Point, Rect

POOL_HEADER = 30.0
GATEWAY_SIZE = 40.0
GATEWAY_GAP = 16.0
MIN_POOL = Rect(0.0, 0.0, 600.0, 120.0)


def _di(tag: str) -> str:
    return f"{{{BPMNDI_NS}}}{tag}"


def number(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def shifted(rect: Rect) -> Rect:
    return Rect(rect.x + POOL_HEADER, rect.y, rect.width, rect.height)


def pool_rect(geometry: MapGeometry) -> Rect:
    """The pool: the header strip and the whole map beside it."""
    if not geometry.lanes:
        return MIN_POOL
    return Rect(0.0, 0.0, geometry.width + POOL_HEADER, geometry.height)


def split_approval(rect: Rect) -> tuple[Rect, Rect]:
    """A branching approval's box split into its task (left) and its gateway (right)."""
    task = Rect(rect.x, rect.y, rect.width - GATEWAY_SIZE - GATEWAY_GAP, rect.height)
    top = rect.y + (rect.height - GATEWAY_SIZE) / 2
    gateway = Rect(rect.right - GATEWAY_SIZE, top, GATEWAY_SIZE, GATEWAY_SIZE)
    return task, gateway


def diagram_element(
    process: Process,
    geometry: MapGeometry,
    plan: ExportPlan,
    links: Mapping[int, OffPage] | None = None,
) -> Element:
    """``bpmndi:BPMNDiagram`` with the pool, every lane, every node and every flow."""
    diagram = Element(_di("BPMNDiagram"), {"id": "Diagram_1", "name": process.name})
    plane = SubElement(
        diagram, _di("BPMNPlane"), {"id": "Plane_1", "bpmnElement": "Collaboration_1"}
    )
    _shape(plane, "Participant_1", pool_rect(geometry), horizontal=True)
    for band in geometry.lanes:
        _shape(plane, plan.lane_ids[band.lane_id], shifted(band.rect), horizontal=True)
    gateways: dict[str, Rect] = {}
    for node in geometry.nodes:
        gateways.update(_node_shapes(plane, node, plan))
    for edge in geometry.edges:
        _flow_edge(plane, edge, plan, gateways)
    for link in (links or {}).values():
        _link_shapes(plane, link, geometry)
    return diagram


def _link_shapes(plane: Element, link: OffPage, geometry: MapGeometry) -> None:
    """The two link events and the waypoints of the flow that leaves the catching one."""
    _shape(plane, link.throw_id, shifted(link.throw.rect), label=shifted(link.throw.text_rect))
    _shape(plane, link.catch_id, shifted(link.catch.rect), label=shifted(link.catch.text_rect))
    edge = next(edge for edge in geometry.edges if edge.flow_index == link.flow_index)
    _edge(plane, link.flow_id, [Point(p.x + POOL_HEADER, p.y) for p in edge.continued])


def _node_shapes(plane: Element, node: NodeBox, plan: ExportPlan) -> dict[str, Rect]:
    rect = shifted(node.rect)
    label = shifted(node.text_rect) if node.text_rect and node.shape != "box" else None
    branch_id = plan.branch_ids.get(node.step_id)
    if branch_id is None:
        _shape(plane, plan.step_ids[node.step_id], rect, label=label if node.full_text else None)
        return {}
    task, gateway = split_approval(rect)
    _shape(plane, plan.step_ids[node.step_id], task)
    _shape(plane, branch_id, gateway)
    link = (Point(task.right, task.center.y), Point(gateway.x, gateway.center.y))
    _edge(plane, plan.link_ids[node.step_id], link)
    return {node.step_id: gateway}


def _flow_edge(plane: Element, edge: EdgePath, plan: ExportPlan, gateways: dict[str, Rect]) -> None:
    points = [Point(point.x + POOL_HEADER, point.y) for point in edge.points]
    gateway = gateways.get(edge.source)
    if gateway is not None and points:
        points = reattach_to(gateway, points)
    label = shifted(edge.label_rect) if edge.label_rect and edge.label.strip() else None
    _edge(plane, plan.flow_ids[edge.flow_index], points, label)


def reattach_to(gateway: Rect, points: Sequence[Point]) -> list[Point]:
    """Let a path that left the whole approval box leave its gateway instead (orthogonally)."""
    first = points[0]
    if gateway.on_border(first):
        return list(points)
    below = first.y >= gateway.center.y
    start = Point(gateway.center.x, gateway.bottom if below else gateway.y)
    following = points[1] if len(points) > 1 else first
    return [start, Point(start.x, following.y), *points[1:]]


def _shape(
    plane: Element,
    element_id: str,
    rect: Rect,
    *,
    horizontal: bool = False,
    label: Rect | None = None,
) -> None:
    attributes = {"id": f"DI_{element_id}", "bpmnElement": element_id}
    if horizontal:
        attributes["isHorizontal"] = "true"
    shape = SubElement(plane, _di("BPMNShape"), attributes)
    _bounds(shape, rect)
    if label is not None:
        _bounds(SubElement(shape, _di("BPMNLabel")), label)


def _edge(
    plane: Element, element_id: str, points: Iterable[Point], label: Rect | None = None
) -> None:
    waypoints = list(points)
    if not waypoints:
        return
    edge = SubElement(plane, _di("BPMNEdge"), {"id": f"DI_{element_id}", "bpmnElement": element_id})
    if len(waypoints) == 1:
        waypoints.append(waypoints[0])
    for point in waypoints:
        SubElement(edge, f"{{{DI_NS}}}waypoint", {"x": number(point.x), "y": number(point.y)})
    if label is not None:
        _bounds(SubElement(edge, _di("BPMNLabel")), label)


def _bounds(parent: Element, rect: Rect) -> None:
    attributes = {
        "x": number(rect.x),
        "y": number(rect.y),
        "width": number(rect.width),
        "height": number(rect.height),
    }
    SubElement(parent, f"{{{DC_NS}}}Bounds", attributes)
