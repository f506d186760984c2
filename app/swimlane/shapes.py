"""Step shapes and their labels: a slot grows until the label fits, so names are never cut.

A task or approval wraps its name inside its box, which grows taller for a long name. A start
or end event (a circle) and a decision whose name does not fit inside its diamond carry the
name below the shape; the shape stays centred on its row, so flows enter it straight. Only a
name longer than ``max_label_lines`` (8) lines is shortened with "…" on the map; ``full_text``
keeps it whole for tooltips and the PDF text layer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.process.model import Step
from app.swimlane.geometry import NodeBox, Rect, Shape
from app.swimlane.grid import Slot
from app.swimlane.style import LayoutStyle
from app.swimlane.text import TextMeasure, wrap_text

SHAPES: Mapping[str, Shape] = {"start": "circle", "end": "circle", "decision": "diamond"}
BADGES: Mapping[str, tuple[str, ...]] = {"approval": ("approval",)}
# Off-page connectors are laid out as stand-in steps whose ids start with this (see ``fold``).
LINK_PREFIX = "\x00link"
LINK_DIAMETER = 28.0
# A decision whose name goes below it is drawn as this share of the box height.
_LOW_DIAMOND = 2 / 3


@dataclass(frozen=True, slots=True)
class ShapeLabel:
    """A step's shape, its wrapped name, whether the name sits below it, and the row it needs."""

    shape: Shape
    lines: tuple[str, ...]
    below: bool
    height: float
    shape_height: float
    text_pad: float


def fit_label(step: Step, width: float, style: LayoutStyle, measure: TextMeasure) -> ShapeLabel:
    """Wrap a step's name for a slot ``width`` wide and say how tall the slot must be."""
    shape = SHAPES.get(step.kind, "box")
    pad = style.text_padding
    if is_link(step.id):
        return _below(step, "circle", min(LINK_DIAMETER, width), width, 0.0, style, measure)
    if shape == "box":
        lines = _wrap(step.name, width - 2 * pad, style, measure)
        height = len(lines) * style.line_height + 2 * pad
        return ShapeLabel(shape, lines, False, max(style.box_height, height), height, pad)
    if shape == "diamond":
        inner = min(style.diamond_width, width) / 2
        inside = wrap_text(step.name, width=inner, max_lines=2, measure=measure)
        if is_whole(inside, step.name):
            return ShapeLabel(shape, inside, False, style.box_height, style.box_height, pad)
        size = style.box_height * _LOW_DIAMOND
        return _below(step, shape, size, width, pad, style, measure)
    size = min(style.circle_diameter, style.box_height, width)
    return _below(step, shape, size, width, pad, style, measure)


def _below(
    step: Step,
    shape: Shape,
    size: float,
    width: float,
    pad: float,
    style: LayoutStyle,
    measure: TextMeasure,
) -> ShapeLabel:
    """A shape centred on its row with the name below it: the row is twice the lower half."""
    lines = _wrap(step.name, width - 2 * pad, style, measure)
    lower = size / 2 + 2 * style.label_gap + len(lines) * style.line_height
    return ShapeLabel(shape, lines, True, max(style.box_height, 2 * lower), size, pad)


def is_link(step_id: str) -> bool:
    """True for the stand-in step of an off-page connector."""
    return step_id.startswith(LINK_PREFIX)


def place_node(
    step: Step, slot: Slot, slot_rect: Rect, label: ShapeLabel, style: LayoutStyle
) -> NodeBox:
    """The step's shape centred on its slot, with the rectangle its label lines are drawn in."""
    rect = _shape_rect(slot_rect, label, style)
    return NodeBox(
        step_id=step.id,
        lane_id=step.lane,
        kind=step.kind,
        shape=label.shape,
        rect=rect,
        lines=label.lines,
        full_text=step.name,
        column=slot.column,
        badges=BADGES.get(step.kind, ()),
        text_rect=_text_rect(rect, slot_rect, label, style),
        row=slot.row,
    )


def is_whole(lines: tuple[str, ...], text: str) -> bool:
    """True if ``lines`` hold every character of ``text`` (nothing was elided)."""
    return "".join("".join(lines).split()) == "".join(text.split())


def _wrap(text: str, width: float, style: LayoutStyle, measure: TextMeasure) -> tuple[str, ...]:
    return wrap_text(text, width=width, max_lines=style.max_label_lines, measure=measure)


def _shape_rect(slot_rect: Rect, label: ShapeLabel, style: LayoutStyle) -> Rect:
    """The shape's bounding box, centred in its slot (a box fills it)."""
    if label.shape == "box":
        return slot_rect
    height = label.shape_height
    if label.shape == "diamond":
        width = min(style.diamond_width, slot_rect.width) * height / style.box_height
    else:
        width = height = min(height, slot_rect.width)
    center = slot_rect.center
    return Rect(center.x - width / 2, center.y - height / 2, width, height)


def _text_rect(rect: Rect, slot_rect: Rect, label: ShapeLabel, style: LayoutStyle) -> Rect:
    """The padded box, the diamond's inner half, or the band under the shape."""
    pad = label.text_pad
    if label.shape == "box":
        return Rect(rect.x + pad, rect.y + pad, rect.width - 2 * pad, rect.height - 2 * pad)
    if not label.below:
        center = rect.center
        width, height = rect.width / 2, rect.height / 2
        return Rect(center.x - width / 2, center.y - height / 2, width, height)
    top = rect.bottom + style.label_gap
    height = max(len(label.lines), 1) * style.line_height
    inset = label.text_pad
    return Rect(slot_rect.x + inset, top, slot_rect.width - 2 * inset, height)
