"""The swimlane map as plain numbers: what every renderer (Qt, PDF, BPMN DI) draws.

Coordinates are points (pixels at scale 1) with the origin at the top left and y growing
downward. Everything is frozen, so one geometry can be shared between threads and renderers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from app.process.model import StepKind

Shape = Literal["circle", "box", "diamond"]


@dataclass(frozen=True, slots=True)
class Point:
    """A point on the map."""

    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-parallel rectangle; ``x``/``y`` is its top-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> Point:
        return Point(self.x + self.width / 2, self.y + self.height / 2)

    def contains(self, point: Point) -> bool:
        """True if ``point`` lies inside or on the border."""
        return self.x <= point.x <= self.right and self.y <= point.y <= self.bottom

    def contains_rect(self, other: Rect) -> bool:
        """True if ``other`` lies entirely inside this rectangle (borders may touch)."""
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.right <= self.right
            and other.bottom <= self.bottom
        )

    def overlaps(self, other: Rect) -> bool:
        """True if the interiors intersect (rectangles that only touch do not overlap)."""
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def on_border(self, point: Point, tolerance: float = 1e-6) -> bool:
        """True if ``point`` lies on the border, within ``tolerance``."""
        inside_x = self.x - tolerance <= point.x <= self.right + tolerance
        inside_y = self.y - tolerance <= point.y <= self.bottom + tolerance
        on_vertical = min(abs(point.x - self.x), abs(point.x - self.right)) <= tolerance
        on_horizontal = min(abs(point.y - self.y), abs(point.y - self.bottom)) <= tolerance
        return (on_vertical and inside_y) or (on_horizontal and inside_x)


@dataclass(frozen=True, slots=True)
class LaneBand:
    """One horizontal lane: the full-width band and the label cell at its left.

    ``lines`` is the lane name wrapped and elided to fit ``label_rect``.
    """

    lane_id: str
    name: str
    rect: Rect
    label_rect: Rect
    lines: tuple[str, ...] = ()
    section: int = 0


@dataclass(frozen=True, slots=True)
class NodeBox:
    """One step drawn as a shape; ``lines`` are drawn centred in ``text_rect``.

    ``rect`` is the bounding box of the shape (a circle or diamond is inscribed in it). The
    text of a box or diamond lies inside the shape, that of a circle just below it.
    ``full_text`` keeps the whole name for tooltips; ``lines`` may end in "…".
    """

    step_id: str
    lane_id: str
    kind: StepKind
    shape: Shape
    rect: Rect
    lines: tuple[str, ...]
    full_text: str
    column: int
    badges: tuple[str, ...] = ()
    text_rect: Rect | None = None
    row: int = 0
    section: int = 0


@dataclass(frozen=True, slots=True)
class EdgePath:
    """One flow as an orthogonal polyline, from the source border to the target border.

    The arrow head belongs at the last point. ``label_lines`` is ``label`` wrapped to fit
    ``label_rect``. A back edge (rework) leaves its source at the bottom and enters its target
    at the top; a forward edge leaves at the right and enters at the left.
    """

    flow_index: int
    source: str
    target: str
    points: tuple[Point, ...]
    label: str
    label_rect: Rect | None
    is_back_edge: bool
    label_lines: tuple[str, ...] = ()
    probability: float | None = None
    continued: tuple[Point, ...] = ()
    link: str = ""

    @property
    def pieces(self) -> tuple[tuple[Point, ...], ...]:
        """The drawn polylines: one, or two joined by the off-page connectors ``link``."""
        return (self.points, self.continued) if self.continued else (self.points,)


@dataclass(frozen=True, slots=True)
class LinkMark:
    """An off-page connector (a BPMN link event) where a flow leaves or enters a section.

    ``letter`` names the pair; ``lines`` ("to 3", "from 2") are drawn in ``text_rect`` below it.
    """

    flow_index: int
    letter: str
    direction: Literal["out", "in"]
    section: int
    other_section: int
    lane_id: str
    rect: Rect
    text_rect: Rect
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MapSection:
    """One section of a folded map: its number (from 1), title band, area and columns."""

    number: int
    count: int
    title_rect: Rect
    rect: Rect
    columns: tuple[int, int]

    @property
    def title(self) -> str:
        return f"Section {self.number} of {self.count}"


def _empty_index() -> Mapping[str, int]:
    return MappingProxyType({})


@dataclass(frozen=True)
class MapGeometry:
    """The whole map: lanes tiling the height, step shapes, routed edges and column bands.

    ``columns`` holds one full-height rectangle per column of step slots, left to right.
    ``font_size`` and ``line_height`` are the text metrics the layout wrapped labels for.
    A folded map (see ``app.swimlane.fold``) has ``sections`` stacked top to bottom, each with
    a band per lane (``LaneBand.section``), joined by ``links``; an unfolded map has none.
    """

    width: float
    height: float
    lanes: tuple[LaneBand, ...]
    nodes: tuple[NodeBox, ...]
    edges: tuple[EdgePath, ...]
    columns: tuple[Rect, ...]
    font_size: float = 11.0
    line_height: float = 14.0
    sections: tuple[MapSection, ...] = ()
    links: tuple[LinkMark, ...] = ()
    _node_index: Mapping[str, int] = field(
        default_factory=_empty_index, init=False, repr=False, compare=False
    )
    _lane_index: Mapping[str, int] = field(
        default_factory=_empty_index, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        nodes = {node.step_id: i for i, node in enumerate(self.nodes)}
        lanes: dict[str, int] = {}
        for i, lane in enumerate(self.lanes):
            lanes.setdefault(lane.lane_id, i)
        object.__setattr__(self, "_node_index", MappingProxyType(nodes))
        object.__setattr__(self, "_lane_index", MappingProxyType(lanes))

    def node(self, step_id: str) -> NodeBox:
        """The shape of a step; KeyError if the step is not on the map."""
        return self.nodes[self._node_index[step_id]]

    def find_node(self, step_id: str) -> NodeBox | None:
        """The shape of a step, or None."""
        index = self._node_index.get(step_id)
        return None if index is None else self.nodes[index]

    def lane(self, lane_id: str, section: int = 0) -> LaneBand:
        """The band of a lane (in a section); KeyError if the lane is not on the map."""
        band = self.lanes[self._lane_index[lane_id] + section * self.lane_count]
        if band.lane_id != lane_id:
            raise KeyError(lane_id)
        return band

    @property
    def lane_count(self) -> int:
        """How many lanes the map has (each section repeats them all)."""
        return len(self.lanes) // max(len(self.sections), 1)

    def edges_from(self, step_id: str) -> tuple[EdgePath, ...]:
        """The edges leaving a step, in flow order."""
        return tuple(edge for edge in self.edges if edge.source == step_id)

    def edges_to(self, step_id: str) -> tuple[EdgePath, ...]:
        """The edges entering a step, in flow order."""
        return tuple(edge for edge in self.edges if edge.target == step_id)

    def node_at(self, point: Point) -> NodeBox | None:
        """The step whose bounding box contains ``point`` (for hit tests), or None."""
        for node in self.nodes:
            if node.rect.contains(point):
                return node
        return None
