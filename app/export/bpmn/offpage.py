"""Off-page connectors as BPMN link events: a flow between two sections of a folded map.

The flow runs from its source to an intermediate throw event; a catch event of the same link
name starts a second flow to the target. Walkthrough marks both events and the second flow
(``wt:offPageLink``, the throw event naming the real target), so reading the file back joins
the two halves into the one flow they stand for.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import Element, SubElement

from app.export.bpmn.names import WALKTHROUGH_NS, bpmn
from app.swimlane.geometry import LinkMark, MapGeometry

MARKER = f"{{{WALKTHROUGH_NS}}}offPageLink"


@dataclass(frozen=True, slots=True)
class OffPage:
    """The two link events and the second flow of one flow between sections."""

    flow_index: int
    letter: str
    throw: LinkMark
    catch: LinkMark

    @property
    def throw_id(self) -> str:
        return f"OffPageThrow_{self.flow_index + 1}"

    @property
    def catch_id(self) -> str:
        return f"OffPageCatch_{self.flow_index + 1}"

    @property
    def flow_id(self) -> str:
        return f"OffPageFlow_{self.flow_index + 1}"


def off_page_links(geometry: MapGeometry) -> dict[int, OffPage]:
    """Every flow between sections, by flow index, with its two connectors."""
    ends: dict[int, dict[str, LinkMark]] = {}
    for link in geometry.links:
        ends.setdefault(link.flow_index, {})[link.direction] = link
    return {
        index: OffPage(index, pair["out"].letter, pair["out"], pair["in"])
        for index, pair in sorted(ends.items())
        if "out" in pair and "in" in pair
    }


def link_events(parent: Element, link: OffPage, flow_id: str, target_id: str) -> None:
    """The throw event ending flow ``flow_id`` and the catch event starting the second flow."""
    throw_name = f"{link.letter}: to section {link.throw.other_section + 1}"
    throw = _event(parent, "intermediateThrowEvent", link.throw_id, throw_name)
    SubElement(SubElement(throw, bpmn("extensionElements")), MARKER, {"target": target_id})
    SubElement(throw, bpmn("incoming")).text = flow_id
    SubElement(
        throw, bpmn("linkEventDefinition"), {"id": f"{link.throw_id}_def", "name": link.letter}
    )
    catch_name = f"{link.letter}: from section {link.catch.other_section + 1}"
    catch = _event(parent, "intermediateCatchEvent", link.catch_id, catch_name)
    SubElement(SubElement(catch, bpmn("extensionElements")), MARKER)
    SubElement(catch, bpmn("outgoing")).text = link.flow_id
    SubElement(
        catch, bpmn("linkEventDefinition"), {"id": f"{link.catch_id}_def", "name": link.letter}
    )


def second_flow(parent: Element, link: OffPage, target_id: str) -> None:
    """The flow from the catch event on to the real target."""
    attributes = {"id": link.flow_id, "sourceRef": link.catch_id, "targetRef": target_id}
    flow = SubElement(parent, bpmn("sequenceFlow"), attributes)
    SubElement(SubElement(flow, bpmn("extensionElements")), MARKER)


def _event(parent: Element, tag: str, element_id: str, name: str) -> Element:
    return SubElement(parent, bpmn(tag), {"id": element_id, "name": name})
