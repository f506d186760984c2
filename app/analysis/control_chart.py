"""The individuals chart (I-MR) of one metric, its signals and what they say about the gain.

Exactly as method.md (Control) defines it:

- points are sorted by date; points on the same date are all kept, in their input order, and
  each counts as its own point (also for the moving ranges);
- a point belongs to the baseline when its date is before the go-live; the go-live day itself
  and later days are "after";
- centre x̄ and MR̄ = mean |xᵢ − xᵢ₋₁| come from the baseline points only; UCL/LCL = x̄ ± 2.66·MR̄,
  the moving-range limit is 3.267·MR̄ and σ̂ = MR̄ / 1.128; limits from fewer than 12 points are
  trial limits. Points after go-live are judged against the baseline limits;
- with no point before go-live, limits cannot come from a baseline: trial limits are computed
  from all points instead and flagged (``limits_from == "all points"``); without a go-live date
  every point is baseline;
- one point gives a centre line only; MR̄ = 0 (all values equal) leaves the limits undefined.

Signals (a point exactly on a line is not beyond it): (1) a point beyond the limits; (2) 2 of 3
consecutive points beyond 2σ̂ on the same side; (3) 8 or more in a row strictly on one side of
the centre; (4) 6 or more in a row each strictly above (or below) the one before. Consecutive or
overlapping hits of one rule on one side are reported as one signal (4 points in a row beyond the
upper limit are one signal naming 4 points). Rules 1 and 2 need limits; 3 and 4 work with a
centre only (one baseline point, or MR̄ = 0). A signal is labelled improvement or
concern from the metric's direction, and counts as "after go-live" when any of its points is.

Verdict, judged in this order:

1. ``not enough data``: no points, no go-live date, or no point since go-live;
2. ``fading``: a concern signal after go-live;
3. ``not enough data``: fewer than 3 points since go-live;
4. ``fading`` (drift back): with a real baseline, let *best* be the best mean of 3 consecutive
   points since go-live and *recent* the mean of the last 3; when *best* is better than the
   baseline centre and *recent* has given back more than half of that gain
   (|best − recent| > ½·|best − centre|, moving toward the centre), the gain is fading;
5. ``met``: a target was given and each of the last 3 points is at or better than it;
6. ``holding`` otherwise.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from app.analysis.wording import long_date, plain_number

Direction = Literal["decrease", "increase"]
Phase = Literal["before", "after"]
SignalLabel = Literal["improvement", "concern"]
SignalRule = Literal["beyond_limits", "two_of_three", "eight_one_side", "six_trend"]
LimitsSource = Literal["baseline", "all points"]
ChartVerdict = Literal["holding", "fading", "met", "not enough data"]
_Hit = tuple[SignalRule, int, tuple[int, ...]]  # rule, side (+1 above / rising), indices

LIMIT_FACTOR = 2.66  # x̄ ± 2.66·MR̄
MR_LIMIT_FACTOR = 3.267  # D4 for moving ranges of two
D2 = 1.128  # σ̂ = MR̄ / d2
FIRM_LIMIT_POINTS = 12
RUN_ONE_SIDE = 8
RUN_TREND = 6
RECENT_POINTS = 3

_RULE_WORDS: dict[SignalRule, str] = {
    "beyond_limits": "{points} beyond the {side} limit",
    "two_of_three": "2 of 3 points beyond 2σ {side} the centre",
    "eight_one_side": "{count} points in a row {side} the centre",
    "six_trend": "{count} points in a row {side}",
}


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One measured value on the chart; ``moving_range`` is None for the first point."""

    index: int
    day: dt.date
    value: float
    phase: Phase
    moving_range: float | None


@dataclass(frozen=True, slots=True)
class Signal:
    """A pattern that noise alone rarely makes, with the points (indices into ``points``)."""

    rule: SignalRule
    label: SignalLabel
    indices: tuple[int, ...]
    days: tuple[dt.date, ...]
    after_go_live: bool
    description: str


@dataclass(frozen=True, slots=True)
class ChartResult:
    """Everything needed to draw and explain the chart; None where a line is undefined."""

    points: tuple[ChartPoint, ...]
    direction: Direction
    go_live: dt.date | None
    target: float | None
    centre: float | None
    upper_limit: float | None
    lower_limit: float | None
    mr_bar: float | None
    mr_upper_limit: float | None
    sigma: float | None
    limits_from: LimitsSource
    baseline_count: int
    trial: bool
    signals: tuple[Signal, ...]
    verdict: ChartVerdict
    messages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Limits:
    centre: float | None = None
    mr_bar: float | None = None
    sigma: float | None = None
    upper: float | None = None
    lower: float | None = None
    mr_upper: float | None = None


def individuals_chart(
    points: Sequence[tuple[dt.date, float]],
    *,
    go_live: dt.date | None,
    direction: Direction,
    target: float | None = None,
    number: Callable[[float], str] | None = None,
) -> ChartResult:
    """The I-MR chart of one metric's measurements (in any order) around the go-live.

    ``number`` writes a value in the metric's unit in the messages (``3 days``); plain
    numbers without it.
    """
    number = number or _number
    chart_points = _chart_points(points, go_live)
    baseline = [p.value for p in chart_points if p.phase == "before"]
    source: LimitsSource = "baseline" if baseline else "all points"
    basis = baseline or [p.value for p in chart_points]
    limits = _limits(basis)
    signals = _signals(chart_points, limits, direction)
    verdict, verdict_message = _judge(
        chart_points,
        signals,
        limits,
        source,
        go_live=go_live,
        direction=direction,
        target=target,
        number=number,
    )
    messages = [*_limit_messages(len(basis), limits, source, go_live, number), verdict_message]
    return ChartResult(
        points=chart_points,
        direction=direction,
        go_live=go_live,
        target=target,
        centre=limits.centre,
        upper_limit=limits.upper,
        lower_limit=limits.lower,
        mr_bar=limits.mr_bar,
        mr_upper_limit=limits.mr_upper,
        sigma=limits.sigma,
        limits_from=source,
        baseline_count=len(basis),
        trial=source == "all points" or len(basis) < FIRM_LIMIT_POINTS,
        signals=signals,
        verdict=verdict,
        messages=tuple(message for message in messages if message),
    )


# Points and limits -----------------------------------------------------------------------


def _chart_points(
    points: Sequence[tuple[dt.date, float]], go_live: dt.date | None
) -> tuple[ChartPoint, ...]:
    ordered = sorted(points, key=lambda point: point[0])  # stable: same-day points keep order
    result = []
    for index, (day, value) in enumerate(ordered):
        phase: Phase = "after" if go_live is not None and day >= go_live else "before"
        moving_range = abs(value - ordered[index - 1][1]) if index else None
        result.append(ChartPoint(index, day, float(value), phase, moving_range))
    return tuple(result)


def _limits(values: Sequence[float]) -> _Limits:
    if not values:
        return _Limits()
    centre = math.fsum(values) / len(values)
    if len(values) < 2:
        return _Limits(centre=centre)
    ranges = [abs(b - a) for a, b in itertools.pairwise(values)]
    mr_bar = math.fsum(ranges) / len(ranges)
    if not mr_bar:
        return _Limits(centre=centre, mr_bar=mr_bar)
    return _Limits(
        centre=centre,
        mr_bar=mr_bar,
        sigma=mr_bar / D2,
        upper=centre + LIMIT_FACTOR * mr_bar,
        lower=centre - LIMIT_FACTOR * mr_bar,
        mr_upper=MR_LIMIT_FACTOR * mr_bar,
    )


def _limit_messages(
    count: int,
    limits: _Limits,
    source: LimitsSource,
    go_live: dt.date | None,
    number: Callable[[float], str],
) -> list[str]:
    if limits.centre is None:
        return ["No measurements yet."]
    messages = [_source_message(count, source, go_live)]
    if count == 1:
        messages.append("With one point only the centre line is drawn: limits need at least two.")
    elif not limits.mr_bar:
        messages.append(
            f"All {count} values are equal ({number(limits.centre)}): the moving range is 0, "
            "so the limits are undefined."
        )
    elif limits.upper is not None and limits.lower is not None:
        messages.append(
            f"Centre {number(limits.centre)}, limits {number(limits.lower)} to "
            f"{number(limits.upper)} (average moving range {number(limits.mr_bar)})."
        )
        if count < FIRM_LIMIT_POINTS:
            messages.append(
                f"These are trial limits: they come from {count} points, "
                f"and become firm from {FIRM_LIMIT_POINTS}."
            )
    return messages


def _source_message(count: int, source: LimitsSource, go_live: dt.date | None) -> str:
    points = "1 point" if count == 1 else f"{count} points"
    if go_live is None:
        return f"No go-live date yet: the chart treats all {points} as the baseline."
    when = _day(go_live)
    if source == "all points":
        return (
            f"No measurement before go-live on {when}, so limits cannot be set from a baseline; "
            f"trial limits from all {points} are shown instead."
        )
    return f"The baseline is the {points} before go-live on {when}."


# Signals ---------------------------------------------------------------------------------


def _signals(
    points: Sequence[ChartPoint], limits: _Limits, direction: Direction
) -> tuple[Signal, ...]:
    if limits.centre is None:
        return ()
    values = [p.value for p in points]
    hits: list[tuple[SignalRule, int, tuple[int, ...]]] = []
    if limits.sigma is not None and limits.upper is not None and limits.lower is not None:
        hits += _beyond_limits(values, limits.upper, limits.lower)
        hits += _two_of_three(values, limits.centre, 2 * limits.sigma)
    one_side = [_side(value - limits.centre) for value in values]
    steps = [0] + [_side(b - a) for a, b in itertools.pairwise(values)]
    hits += _runs(one_side, "eight_one_side", needed=RUN_ONE_SIDE, lead=0)
    # A trend run also holds the point its first step starts from.
    hits += _runs(steps, "six_trend", needed=RUN_TREND, lead=1)
    hits.sort(key=lambda hit: (hit[2][0], hit[2][-1]))
    return tuple(_signal(rule, side, indices, points, direction) for rule, side, indices in hits)


def _side(difference: float) -> int:
    return (difference > 0) - (difference < 0)


def _beyond_limits(values: Sequence[float], upper: float, lower: float) -> list[_Hit]:
    """Points beyond a limit; consecutive ones beyond the same limit form one signal."""
    sides = [1 if value > upper else -1 if value < lower else 0 for value in values]
    return _runs(sides, "beyond_limits", needed=1, lead=0)


def _two_of_three(values: Sequence[float], centre: float, two_sigma: float) -> list[_Hit]:
    hits: list[_Hit] = []
    for side in (1, -1):
        merged: list[set[int]] = []
        for end in range(2, len(values)):
            beyond = {i for i in range(end - 2, end + 1) if side * (values[i] - centre) > two_sigma}
            if len(beyond) < 2:
                continue
            if merged and merged[-1] & beyond:
                merged[-1] |= beyond
            else:
                merged.append(beyond)
        hits += [("two_of_three", side, tuple(sorted(group))) for group in merged]
    return hits


def _runs(sides: Sequence[int], rule: SignalRule, *, needed: int, lead: int) -> list[_Hit]:
    """Maximal runs of points with the same non-zero side, of at least ``needed`` points."""
    hits: list[_Hit] = []
    start = 0
    for index in range(1, len(sides) + 1):
        if index < len(sides) and sides[index] == sides[start]:
            continue
        run = tuple(range(start - lead, index))
        if sides[start] and len(run) >= needed:
            hits.append((rule, sides[start], run))
        start = index
    return hits


def _signal(
    rule: SignalRule,
    side: int,
    indices: tuple[int, ...],
    points: Sequence[ChartPoint],
    direction: Direction,
) -> Signal:
    worse_side = 1 if direction == "decrease" else -1
    label: SignalLabel = "concern" if side == worse_side else "improvement"
    days = tuple(points[i].day for i in indices)
    count = len(indices)
    points_words = "1 point" if count == 1 else f"{count} points in a row"
    words = _RULE_WORDS[rule].format(side=_side_words(rule, side), count=count, points=points_words)
    when = _day(days[0]) if len(days) == 1 else f"{_day(days[0])} to {_day(days[-1])}"
    return Signal(
        rule=rule,
        label=label,
        indices=indices,
        days=days,
        after_go_live=any(points[i].phase == "after" for i in indices),
        description=f"{label.capitalize()}: {words} ({when}).",
    )


def _side_words(rule: SignalRule, side: int) -> str:
    if rule == "beyond_limits":
        return "upper" if side > 0 else "lower"
    if rule == "six_trend":
        return "rising" if side > 0 else "falling"
    return "above" if side > 0 else "below"


# Verdict ---------------------------------------------------------------------------------


def _judge(
    points: Sequence[ChartPoint],
    signals: Sequence[Signal],
    limits: _Limits,
    source: LimitsSource,
    *,
    go_live: dt.date | None,
    direction: Direction,
    target: float | None,
    number: Callable[[float], str],
) -> tuple[ChartVerdict, str]:
    after = [p.value for p in points if p.phase == "after"]
    if not after:
        return "not enough data", _nothing_to_judge(points, go_live)
    concerns = [s for s in signals if s.label == "concern" and s.after_go_live]
    if concerns:
        count = "1 signal" if len(concerns) == 1 else f"{len(concerns)} signals"
        return "fading", f"Fading: {count} of concern since go-live."
    if len(after) < RECENT_POINTS:
        return "not enough data", (
            f"Only {len(after)} point{'s' if len(after) > 1 else ''} since go-live: "
            f"{RECENT_POINTS} are needed to judge whether the gain holds."
        )
    centre = limits.centre if source == "baseline" else None
    drift = _drift_message(after, centre, direction, number) if centre is not None else ""
    if drift:
        return "fading", drift
    recent = after[-RECENT_POINTS:]
    if target is not None and all(_at_or_better(value, target, direction) for value in recent):
        return (
            "met",
            f"Met: the last 3 values are all at or better than the target ({number(target)}).",
        )
    return "holding", _holding_message(recent, centre, direction)


def _nothing_to_judge(points: Sequence[ChartPoint], go_live: dt.date | None) -> str:
    if not points:
        return ""
    if go_live is None:
        return "Nothing to judge yet: set the go-live date to compare before and after."
    return f"Nothing to judge yet: there is no measurement since go-live on {_day(go_live)}."


def _holding_message(recent: Sequence[float], centre: float | None, direction: Direction) -> str:
    message = "Holding: no signal of concern since go-live and no drift back toward the baseline."
    mean = math.fsum(recent) / len(recent)
    if centre is not None and not _goodness(mean, direction) > _goodness(centre, direction):
        message += " But the last 3 values are no better than the baseline centre yet."
    return message


def _goodness(value: float, direction: Direction) -> float:
    return -value if direction == "decrease" else value


def _at_or_better(value: float, target: float, direction: Direction) -> bool:
    return _goodness(value, direction) >= _goodness(target, direction)


def _drift_message(
    after: Sequence[float], centre: float, direction: Direction, number: Callable[[float], str]
) -> str:
    """A sentence when the last 3 points gave back more than half of the best 3-point gain."""
    means = [math.fsum(after[i : i + 3]) / 3 for i in range(len(after) - 2)]
    best = max(means, key=lambda mean: _goodness(mean, direction))
    recent = means[-1]
    gain = _goodness(best, direction) - _goodness(centre, direction)
    lost = _goodness(best, direction) - _goodness(recent, direction)
    if gain <= 0 or lost <= gain / 2:
        return ""
    return (
        f"Fading: the last 3 values average {number(recent)}, more than half-way back from "
        f"the best 3-point average since go-live ({number(best)}) to the baseline centre "
        f"({number(centre)})."
    )


# Words -----------------------------------------------------------------------------------


def _number(value: float) -> str:
    return plain_number(value, decimals=2 if abs(value) < 100 else 1)


def _day(day: dt.date) -> str:
    return long_date((day.day, day.month, day.year))
