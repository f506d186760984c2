"""The swimlane map without Qt: a process snapshot in, plain-number geometry out."""

from app.swimlane.geometry import EdgePath, LaneBand, MapGeometry, NodeBox, Point, Rect
from app.swimlane.layout import DEFAULT_STYLE, LayoutStyle, TextMeasure, layout_swimlanes

__all__ = [
    "DEFAULT_STYLE",
    "EdgePath",
    "LaneBand",
    "LayoutStyle",
    "MapGeometry",
    "NodeBox",
    "Point",
    "Rect",
    "TextMeasure",
    "layout_swimlanes",
]
