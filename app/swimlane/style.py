"""Every size the swimlane layout uses, in points, in one frozen value."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LayoutStyle:
    """Sizes of shapes, gaps and text; renderers draw with the same font size and line height.

    ``column_gap`` and ``row_gap`` are minimums: a gap widens when many edges run through it.
    """

    box_width: float = 160.0
    box_height: float = 72.0
    circle_diameter: float = 40.0
    diamond_width: float = 140.0
    column_gap: float = 40.0
    outer_gap: float = 20.0
    lane_label_width: float = 132.0
    lane_padding: float = 14.0
    row_gap: float = 16.0
    empty_lane_height: float = 40.0
    track_spacing: float = 8.0
    font_size: float = 11.0
    line_height: float = 14.0
    text_padding: float = 6.0
    max_label_lines: int = 8
    lane_label_lines: int = 3
    edge_label_width: float = 96.0
    edge_label_lines: int = 2

    @property
    def back_label_width(self) -> float:
        """Room for a rework label: from the exit at a step's bottom centre to its column edge."""
        return max(self.box_width / 2 - 2 * self.label_gap, self.line_height)

    @property
    def label_gap(self) -> float:
        """The space between an edge and its label."""
        return 3.0


DEFAULT_STYLE = LayoutStyle()
