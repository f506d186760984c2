"""The map scene: items made from a ``MapGeometry``, updated by difference, not rebuilt.

``show_map`` compares the new layout with what each item shows (by lane id, step id and flow
index) and touches only the items whose geometry, decor or details changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneHelpEvent, QToolTip

from app.process.model import Process
from app.swimlane.geometry import LaneBand, MapGeometry
from app.swimlane.layout import layout_swimlanes
from app.swimlane.style import DEFAULT_STYLE
from app.ui.map.items import EdgeItem, LaneItem, StepItem
from app.ui.map.links import LinkItem, SectionTitleItem
from app.ui.map.look import Look
from app.ui.map.overlay import MapOverlay, compute_overlay
from app.ui.map.text import FontMeasure
from app.ui.map.tooltips import step_tooltip

MARGIN = 24.0


def lane_key(band: LaneBand) -> str | tuple[str, int]:
    """The key of a lane band's item: the lane id in the first (or only) section, else the lane
    id with the section (those items live in ``MapScene.later_lanes``)."""
    return band.lane_id if band.section == 0 else (band.lane_id, band.section)


@dataclass(frozen=True, slots=True)
class MapModel:
    """Everything the scene draws: the snapshot, its layout and its highlights."""

    process: Process
    geometry: MapGeometry
    overlay: MapOverlay


def build_model(process: Process, measure: FontMeasure) -> MapModel:
    """Lay out and analyse a snapshot (no Qt items touched: this is the "layout" cost)."""
    geometry = layout_swimlanes(process, style=DEFAULT_STYLE, measure=measure)
    return MapModel(process, geometry, compute_overlay(process))


@dataclass(frozen=True, slots=True)
class UpdateCount:
    """How many items one update created, changed and removed (for tests and the bench)."""

    created: int = 0
    changed: int = 0
    removed: int = 0


class MapScene(QGraphicsScene):
    """Lanes, steps and edges of one process, with a drop and a lane-menu signal."""

    step_moved = Signal(str, str)
    lane_menu_requested = Signal(str, QPoint)

    def __init__(self, look: Look, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.look = look
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.model: MapModel | None = None
        self.lanes: dict[str, LaneItem] = {}
        self.later_lanes: dict[tuple[str, int], LaneItem] = {}
        self.links: dict[tuple[int, str], LinkItem] = {}
        self.section_titles: dict[int, SectionTitleItem] = {}
        self.steps: dict[str, StepItem] = {}
        self.edges: dict[int, EdgeItem] = {}
        self.setBackgroundBrush(look.theme.background)

    def show_map(self, model: MapModel) -> UpdateCount:
        """Show ``model``, creating, changing and removing only the items that differ."""
        self.model = model
        counts = [
            self._sync_lanes(model),
            self._sync_steps(model),
            self._sync_edges(model),
            self._sync_folds(model),
        ]
        geometry = model.geometry
        self.setSceneRect(
            -MARGIN, -MARGIN, geometry.width + 2 * MARGIN, geometry.height + 2 * MARGIN
        )
        return UpdateCount(*(sum(c[i] for c in counts) for i in range(3)))

    def _sync_lanes(self, model: MapModel) -> tuple[int, int, int]:
        created = changed = 0
        bands = model.geometry.lanes
        count = model.geometry.lane_count
        for position, band in enumerate(bands):
            index = position % count if count else position
            items = self._lane_items(band.section)
            key = lane_key(band)
            item = items.get(key)
            if item is None:
                item = items[key] = LaneItem(self.look, band, index)
                self.addItem(item)
                created += 1
            elif item.band != band or item.index != index:
                item.set_band(band, index)
                changed += 1
        removed = self._drop(self.lanes, {band.lane_id for band in bands if band.section == 0})
        later = {(band.lane_id, band.section) for band in bands if band.section}
        removed += self._drop(self.later_lanes, later)
        return created, changed, removed

    def _lane_items(self, section: int) -> dict[Any, LaneItem]:
        """Lane items of the first section by lane id; of later sections by (id, section)."""
        return self.lanes if section == 0 else self.later_lanes

    def _sync_folds(self, model: MapModel) -> tuple[int, int, int]:
        """Connectors and section titles of a folded map (none when it is not folded)."""
        created = changed = 0
        for link in model.geometry.links:
            key = (link.flow_index, link.direction)
            item = self.links.get(key)
            if item is None:
                item = self.links[key] = LinkItem(self.look, link)
                self.addItem(item)
                created += 1
            elif item.link != link:
                item.set_link(link)
                changed += 1
        for section in model.geometry.sections:
            title = self.section_titles.get(section.number)
            if title is None:
                title = self.section_titles[section.number] = SectionTitleItem(self.look, section)
                self.addItem(title)
                created += 1
            elif title.section != section:
                title.set_section(section)
                changed += 1
        links = {(link.flow_index, link.direction) for link in model.geometry.links}
        removed = self._drop(self.links, links)
        numbers = {section.number for section in model.geometry.sections}
        removed += self._drop(self.section_titles, numbers)
        return created, changed, removed

    def _sync_steps(self, model: MapModel) -> tuple[int, int, int]:
        created = changed = 0
        for node in model.geometry.nodes:
            decor = model.overlay.decor(node.step_id)
            item = self.steps.get(node.step_id)
            if item is None:
                item = self.steps[node.step_id] = StepItem(self.look, node, decor)
                self.addItem(item)
                created += 1
            elif item.node != node or item.decor != decor:
                item.set_node(node, decor)
                changed += 1
        removed = self._drop(self.steps, {node.step_id for node in model.geometry.nodes})
        return created, changed, removed

    def _sync_edges(self, model: MapModel) -> tuple[int, int, int]:
        created = changed = 0
        for edge in model.geometry.edges:
            item = self.edges.get(edge.flow_index)
            if item is None:
                item = self.edges[edge.flow_index] = EdgeItem(self.look, edge)
                self.addItem(item)
                created += 1
            elif item.edge != edge:
                item.set_edge(edge)
                changed += 1
        removed = self._drop(self.edges, {edge.flow_index for edge in model.geometry.edges})
        return created, changed, removed

    def _drop(self, items: dict, keep: set) -> int:
        stale = [key for key in items if key not in keep]
        for key in stale:
            self.removeItem(items.pop(key))
        return len(stale)

    # Interaction

    def tooltip_for(self, step_id: str) -> str:
        """A step's details, built when asked (hovering), not for every step on every edit."""
        if self.model is None:
            return ""
        step = self.model.process.step_by_id().get(step_id)
        if step is None:
            return ""
        lane = self.model.process.lane_by_id().get(step.lane)
        visits = self.model.overlay.decor(step_id).visits
        return step_tooltip(step, lane.name if lane else step.lane, visits)

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        for item in self.items(event.scenePos()):
            if isinstance(item, StepItem):
                QToolTip.showText(event.screenPos(), self.tooltip_for(item.step_id))
                event.accept()
                return
        QToolTip.hideText()
        event.ignore()

    def lane_at(self, y: float) -> str | None:
        """The lane whose band holds height ``y``, or None outside the map."""
        if self.model is None:
            return None
        for band in self.model.geometry.lanes:
            if band.rect.y <= y <= band.rect.bottom:
                return band.lane_id
        return None

    def drop_step(self, step_id: str, centre_y: float) -> None:
        """A step was dropped with its centre at ``centre_y``: move it if that is another lane."""
        if self.model is None:
            return
        lane = self.lane_at(centre_y)
        node = self.model.geometry.find_node(step_id)
        if lane is not None and node is not None and lane != node.lane_id:
            self.step_moved.emit(step_id, lane)

    def selected_step_ids(self) -> list[str]:
        return [item.step_id for item in self.selectedItems() if isinstance(item, StepItem)]

    def select_step(self, step_id: str | None) -> StepItem | None:
        """Select one step (or none); returns its item."""
        item = self.steps.get(step_id) if step_id else None
        current = self.selected_step_ids()
        if current == ([step_id] if item else []):
            return item
        self.clearSelection()
        if item is not None:
            item.setSelected(True)
        return item

    def set_look(self, look: Look) -> None:
        """Repaint every item with another theme or overlay choice."""
        self.look = look
        for item in self.items():
            if isinstance(item, LaneItem | StepItem | EdgeItem | LinkItem | SectionTitleItem):
                item.look = look
        self.setBackgroundBrush(look.theme.background)
        self.update()
