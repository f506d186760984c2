"""Orthogonal edge routes kept to the channels between slots (see ``grid``).

A forward edge leaves its source at the right, runs down or up the gap right of the source,
and enters its target at the left; when the target is more than one column away it first
crosses the intervening columns along the strip next to the source's row. A back edge
(rework) leaves its source at the bottom, runs left along the strip below the source, up or
down the gap left of the target's column and enters the target from the strip above it, so
rework loops go around the steps, never through them.

Routes are planned as *legs* (a track in a gap or strip) before any coordinate exists, so the
channels can be sized for the tracks they carry; then the legs become points.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from app.swimlane.geometry import Point, Rect
from app.swimlane.grid import Channels, Grid, Slot, StripId


@dataclass(frozen=True, slots=True)
class GapLeg:
    """Move horizontally onto a track of a vertical gap."""

    gap: int
    key: Hashable


@dataclass(frozen=True, slots=True)
class StripLeg:
    """Move vertically onto a track of a horizontal strip."""

    strip: StripId
    key: Hashable


Leg = GapLeg | StripLeg


@dataclass(frozen=True, slots=True)
class Route:
    """The planned legs of one edge between two slots."""

    source: Slot
    target: Slot
    is_back: bool
    legs: tuple[Leg, ...]
    exit_right: bool = False


def plan_route(
    source_id: str,
    target_id: str,
    source: Slot,
    target: Slot,
    *,
    is_back: bool,
    exit_right: bool = False,
) -> Route:
    """The legs of an edge; edges sharing a source (or a target) share their tracks.

    ``exit_right`` sends rework out of the source's right side instead of its bottom, for a
    shape whose name is written below it.
    """
    if is_back:
        first: tuple[Leg, ...] = (GapLeg(source.column, ("out", source_id)),) * exit_right
        legs: tuple[Leg, ...] = (
            *first,
            StripLeg((source.lane, source.row + 1), ("back-out", source_id)),
            GapLeg(target.column - 1, ("back-in", target_id)),
            StripLeg((target.lane, target.row), ("back-in", target_id)),
        )
        return Route(source, target, is_back, legs, exit_right)
    elif target.column == source.column + 1:
        legs = (GapLeg(source.column, ("out", source_id)),)
    else:
        below = (target.lane, target.row) > (source.lane, source.row)
        strip = (source.lane, source.row + 1 if below else source.row)
        legs = (
            GapLeg(source.column, ("out", source_id)),
            StripLeg(strip, ("out", source_id)),
            GapLeg(target.column - 1, ("in", target_id)),
        )
    return Route(source, target, is_back, legs)


def claim_tracks(channels: Channels, routes: Sequence[Route]) -> None:
    """Reserve a track for every leg, in route order (deterministic)."""
    for route in routes:
        for leg in route.legs:
            if isinstance(leg, GapLeg):
                channels.claim_gap(leg.gap, leg.key)
            else:
                channels.claim_strip(leg.strip, leg.key)


def route_points(route: Route, grid: Grid, rects: Mapping[Slot, Rect]) -> tuple[Point, ...]:
    """The polyline of a planned route: border to border, axis-parallel, no repeated points."""
    source, target = rects[route.source], rects[route.target]
    if route.is_back and not route.exit_right:
        points = [Point(source.x + source.width / 2, source.bottom)]
    else:
        points = [Point(source.right, source.y + source.height / 2)]
    for leg in route.legs:
        last = points[-1]
        if isinstance(leg, GapLeg):
            points.append(Point(grid.gap_x(leg.gap, leg.key), last.y))
        else:
            points.append(Point(last.x, grid.strip_y(leg.strip, leg.key)))
    last = points[-1]
    if route.is_back:
        middle = target.x + target.width / 2
        points += [Point(middle, last.y), Point(middle, target.y)]
    else:
        middle = target.y + target.height / 2
        points += [Point(last.x, middle), Point(target.x, middle)]
    return simplify(points)


def simplify(points: Sequence[Point]) -> tuple[Point, ...]:
    """Drop repeated points and the middle of three collinear points."""
    kept: list[Point] = []
    for point in points:
        if kept and kept[-1] == point:
            continue
        if len(kept) >= 2 and _collinear(kept[-2], kept[-1], point):
            kept[-1] = point
            continue
        kept.append(point)
    return tuple(kept)


def _collinear(a: Point, b: Point, c: Point) -> bool:
    same_x = a.x == b.x == c.x
    same_y = a.y == b.y == c.y
    return same_x or same_y
