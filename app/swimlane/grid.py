"""Slots and channels: where steps sit logically, and the coordinates of everything between them.

A step occupies one slot: (lane, column, row). Two steps of the same lane and column are stacked
in rows, so the lane grows in height instead of steps overlapping. Between the slots run the
channels edges use: a vertical *gap* left of every column and after the last one (gap ``g``
lies right of column ``g``; gap -1 lies left of column 0), and horizontal *strips* above,
between and below the rows of each lane (strip ``k`` lies above row ``k``). No step ever lies
in a channel, so an edge kept to channels cannot cross a step. Each channel holds numbered
tracks, one per edge group, and grows to fit them.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from app.process.model import Step
from app.swimlane.geometry import Rect
from app.swimlane.style import LayoutStyle

StripId = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Slot:
    """The logical place of a step: lane index, column and row within the lane."""

    lane: int
    column: int
    row: int


def assign_slots(
    steps: Sequence[Step], columns: Mapping[str, int], lane_of: Mapping[str, int]
) -> dict[str, Slot]:
    """Give every step a slot; steps sharing a lane and column stack in file order."""
    used: dict[tuple[int, int], int] = {}
    slots: dict[str, Slot] = {}
    for step in steps:
        cell = (lane_of[step.lane], columns[step.id])
        row = used.get(cell, 0)
        used[cell] = row + 1
        slots[step.id] = Slot(cell[0], cell[1], row)
    return slots


@dataclass(slots=True)
class Channels:
    """Track claims and label room per channel, gathered before any coordinate is known."""

    gap_tracks: dict[int, dict[Hashable, int]] = field(default_factory=dict)
    strip_tracks: dict[StripId, dict[Hashable, int]] = field(default_factory=dict)
    labelled_gaps: set[int] = field(default_factory=set)
    strip_label_lines: dict[StripId, int] = field(default_factory=dict)

    def claim_gap(self, gap: int, key: Hashable) -> None:
        tracks = self.gap_tracks.setdefault(gap, {})
        tracks.setdefault(key, len(tracks))

    def claim_strip(self, strip: StripId, key: Hashable) -> None:
        tracks = self.strip_tracks.setdefault(strip, {})
        tracks.setdefault(key, len(tracks))

    def reserve_strip_label(self, strip: StripId, lines: int) -> None:
        self.strip_label_lines[strip] = max(self.strip_label_lines.get(strip, 0), lines)


@dataclass(frozen=True, slots=True)
class Grid:
    """Coordinates of columns, gaps, lanes, rows and strips, from slots and channel claims."""

    style: LayoutStyle
    channels: Channels
    gap_left: tuple[float, ...]
    gap_width: tuple[float, ...]
    column_left: tuple[float, ...]
    column_width: tuple[float, ...]
    row_height: Mapping[StripId, float]
    lane_top: tuple[float, ...]
    lane_height: tuple[float, ...]
    strip_top: dict[StripId, float]
    strip_height: dict[StripId, float]
    width: float

    @property
    def height(self) -> float:
        return sum(self.lane_height)

    def slot_rect(self, slot: Slot) -> Rect:
        """The rectangle a step's shape and label lie in: its column's width, its row's height."""
        cell = (slot.lane, slot.row)
        top = self.strip_top[cell] + self.strip_height[cell]
        return Rect(
            self.column_left[slot.column],
            top,
            self.column_width[slot.column],
            self.row_height[cell],
        )

    def gap_x(self, gap: int, key: Hashable) -> float:
        """The x of an edge group's track in a gap (tracks share the gap left of any labels)."""
        tracks = self.channels.gap_tracks[gap]
        room = self.gap_width[gap + 1] - self.label_zone(gap)
        return self.gap_left[gap + 1] + room * (tracks[key] + 1) / (len(tracks) + 1)

    def label_zone(self, gap: int) -> float:
        """Width kept free at the right of a gap for labels of edges entering the next column."""
        if gap not in self.channels.labelled_gaps:
            return 0.0
        return self.style.edge_label_width + 2 * self.style.label_gap

    def strip_y(self, strip: StripId, key: Hashable) -> float:
        """The y of an edge group's track in a strip (below the strip's label band)."""
        tracks = self.channels.strip_tracks[strip]
        band = self.strip_label_band(strip)
        room = self.strip_height[strip] - band
        return self.strip_top[strip] + band + room * (tracks[key] + 1) / (len(tracks) + 1)

    def strip_label_band(self, strip: StripId) -> float:
        """Height at the top of a strip kept for rework labels of the steps just above it."""
        lines = self.channels.strip_label_lines.get(strip, 0)
        return lines * self.style.line_height + 2 * self.style.label_gap if lines else 0.0


def build_grid(
    style: LayoutStyle,
    channels: Channels,
    column_width: Sequence[float],
    row_heights: Sequence[Sequence[float]],
) -> Grid:
    """Size every channel for its tracks and labels, then place columns and lanes.

    ``column_width`` holds one width per column; ``row_heights`` one list of row heights per lane.
    """
    column_count = len(column_width)
    rows_per_lane = [len(rows) for rows in row_heights]
    row_height = {
        (lane, row): height
        for lane, rows in enumerate(row_heights)
        for row, height in enumerate(rows)
    }
    gap_width = tuple(
        _gap_width(style, channels, gap, column_width) for gap in range(-1, column_count)
    )
    gap_left: list[float] = []
    column_left: list[float] = []
    x = style.lane_label_width
    for index, width in enumerate(gap_width):
        gap_left.append(x)
        x += width
        if index < column_count:
            column_left.append(x)
            x += column_width[index]
    strip_height = {
        (lane, k): _strip_height(style, channels, (lane, k), rows)
        for lane, rows in enumerate(rows_per_lane)
        for k in range(rows + 1)
    }
    lane_height = tuple(
        _lane_height(style, strip_height, lane, rows) for lane, rows in enumerate(row_heights)
    )
    lane_top = tuple(accumulate(lane_height, initial=0.0))[:-1]
    strip_top = _strip_tops(strip_height, row_height, lane_top, rows_per_lane)
    return Grid(
        style,
        channels,
        tuple(gap_left),
        gap_width,
        tuple(column_left),
        tuple(column_width),
        row_height,
        lane_top,
        lane_height,
        strip_top,
        strip_height,
        x,
    )


def _gap_width(
    style: LayoutStyle, channels: Channels, gap: int, column_width: Sequence[float]
) -> float:
    """Tracks and labels decide; the minimum is narrow at the ends and beside a narrow column."""
    inner = 0 <= gap < len(column_width) - 1 and min(column_width[gap : gap + 2]) >= style.box_width
    minimum = style.column_gap if inner else style.outer_gap
    tracks = len(channels.gap_tracks.get(gap, {}))
    labels = style.edge_label_width + 2 * style.label_gap if gap in channels.labelled_gaps else 0
    return max(minimum, (tracks + 1) * style.track_spacing + labels)


def _strip_height(style: LayoutStyle, channels: Channels, strip: StripId, rows: int) -> float:
    minimum = style.lane_padding if strip[1] in (0, rows) else style.row_gap
    tracks = len(channels.strip_tracks.get(strip, {}))
    lines = channels.strip_label_lines.get(strip, 0)
    band = lines * style.line_height + 2 * style.label_gap if lines else 0.0
    return max(minimum, band + (tracks + 1) * style.track_spacing)


def _lane_height(
    style: LayoutStyle, strip_height: Mapping[StripId, float], lane: int, rows: Sequence[float]
) -> float:
    strips = sum(strip_height[(lane, k)] for k in range(len(rows) + 1))
    if not rows:
        return max(style.empty_lane_height, strips)
    return strips + sum(rows)


def _strip_tops(
    strip_height: Mapping[StripId, float],
    row_height: Mapping[StripId, float],
    lane_top: Sequence[float],
    rows_per_lane: Sequence[int],
) -> dict[StripId, float]:
    tops: dict[StripId, float] = {}
    for lane, rows in enumerate(rows_per_lane):
        y = lane_top[lane]
        for k in range(rows + 1):
            tops[(lane, k)] = y
            y += strip_height[(lane, k)] + row_height.get((lane, k), 0.0)
    return tops
