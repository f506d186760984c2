"""Said against recorded, one step at a time: how far apart, in words a client reads.

The distance of a ratio r is max(r, 1/r): within ×1.5 the two agree ("calm"), from ×2 they
are far apart ("far": a large gap, worth a finding), between them "apart". A time nobody
mentioned (said 0) has no ratio: it is far apart once the log records an hour or more.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.evidence.compare import StepEvidence
from app.evidence.recorded import RecordedStep, recorded_log
from app.process.durations import format_duration
from app.process.model import Process, Step

CALM_WITHIN = 1.5
FAR_FROM = 2.0
UNSAID_FLOOR_MINUTES = 60.0
THRESHOLDS = (1 / FAR_FROM, 1 / CALM_WITHIN, CALM_WITHIN, FAR_FROM)  # where a band ends

Closeness = Literal["calm", "apart", "far"]
CLOSENESS_ORDER: tuple[Closeness, ...] = ("calm", "apart", "far")
MEASURE_WORDS = {"wait": "wait", "touch": "hands-on"}


@dataclass(frozen=True, slots=True)
class SaidRecorded:
    """One time of one step (``measure`` "wait" or "touch"): said, recorded median, cases."""

    measure: str
    said: float
    recorded: float
    cases: int

    @property
    def ratio(self) -> float | None:
        """Recorded ÷ said; None when nothing was said."""
        return self.recorded / self.said if self.said > 0 else None

    @property
    def closeness(self) -> Closeness:
        ratio = self.ratio
        if ratio is None:
            return "far" if self.recorded >= UNSAID_FLOOR_MINUTES else "calm"
        return band(ratio)

    def ratio_text(self) -> str:
        """'×2.8', or '' when nothing was said."""
        ratio = self.ratio
        return "" if ratio is None else ratio_text(ratio)

    def text(self) -> str:
        """'said 2 days, recorded 5.5 days'."""
        said = format_duration(self.said) if self.said > 0 else "none"
        return f"said {said}, recorded {format_duration(self.recorded)}"


def band(ratio: float) -> Closeness:
    """How far recorded is from said, either way: calm within ×1.5, far from ×2 (or ÷2)."""
    distance = max(ratio, 1 / ratio) if ratio > 0 else float("inf")
    if distance >= FAR_FROM:
        return "far"
    return "calm" if distance <= CALM_WITHIN else "apart"


def ratio_text(ratio: float) -> str:
    """'×2.8'; more decimals where fewer would read as another band ('×1.97', not '×2.0';
    '×0.66', not '×0.7'; '×0.504', not '×0.50')."""
    for decimals in (1, 2):
        text = f"{ratio:.{decimals}f}"
        shown = float(text)
        on_a_threshold = shown in THRESHOLDS and abs(shown - ratio) > 1e-9
        if shown > 0 and band(shown) == band(ratio) and not on_a_threshold:
            return f"×{text}"
    return f"×{ratio:.3f}"


@dataclass(frozen=True, slots=True)
class StepMark:
    """What the overlay draws on one step: its comparisons, or that the log never saw it."""

    step_id: str
    cases: int
    comparisons: tuple[SaidRecorded, ...]

    @property
    def seen(self) -> bool:
        return self.cases > 0

    @property
    def closeness(self) -> Closeness:
        """The farthest of its comparisons."""
        found = [item.closeness for item in self.comparisons] or ["calm"]
        return max(found, key=CLOSENESS_ORDER.index)


def comparisons(
    step: Step, wait: float | None, touch: float | None, cases: int
) -> tuple[SaidRecorded, ...]:
    """The wait (when recorded) and hands-on time (when start and end were logged) of a step."""
    found = []
    if wait is not None:
        found.append(SaidRecorded("wait", step.wait_minutes, wait, cases))
    if touch is not None:
        found.append(SaidRecorded("touch", step.touch_minutes, touch, cases))
    return tuple(found)


def step_comparisons(item: StepEvidence) -> tuple[SaidRecorded, ...]:
    """The comparisons of one step of a live analysis."""
    found = []
    if item.wait is not None:
        found.append(SaidRecorded("wait", item.step.wait_minutes, item.wait.median, item.cases))
    if item.touch is not None:
        touched = min(item.cases, item.touch.count)  # only events logging start and end
        found.append(SaidRecorded("touch", item.step.touch_minutes, item.touch.median, touched))
    return tuple(found)


def step_marks(process: Process) -> dict[str, StepMark] | None:
    """A mark per work step from the figures kept with ``process``; None when none are kept."""
    kept = recorded_log(process)
    if kept is None:
        return None
    return {
        step.id: _mark(step, kept.steps.get(step.id))
        for step in process.steps
        if step.kind not in ("start", "end")
    }


def _mark(step: Step, recorded: RecordedStep | None) -> StepMark:
    if recorded is None or recorded.cases == 0:
        return StepMark(step.id, 0, ())
    found = comparisons(step, recorded.wait_minutes, recorded.touch_minutes, recorded.cases)
    return StepMark(step.id, recorded.cases, found)
