"""The words of the map's "said vs recorded" marks: a short line per time, a sentence on hover."""

from __future__ import annotations

from app.evidence.recorded import RecordedLog
from app.evidence.said_recorded import MEASURE_WORDS, SaidRecorded, StepMark
from app.process.durations import format_duration

NEVER_SEEN = "not in the log"
CLOSENESS_WORDS = {
    "calm": "close to what was said",
    "apart": "apart from what was said",
    "far": "far from what was said",
}


def mark_lines(mark: StepMark) -> tuple[str, ...]:
    """'wait 2 days → 5.5 days ×2.8' per time; 'not in the log'; 'seen in 9,812 cases'."""
    if not mark.seen:
        return (NEVER_SEEN,)
    if not mark.comparisons:
        return (f"seen in {mark.cases:,} case{'' if mark.cases == 1 else 's'}",)
    return tuple(_line(item) for item in mark.comparisons)


def mark_tooltip(mark: StepMark, step_name: str, kept: RecordedLog) -> str:
    """The whole sentence: which step, said, recorded, over how many cases, which log."""
    if not mark.seen:
        where = ", ".join(part for part in (kept.log, kept.period()) if part)
        return f"'{step_name}' is never seen in the event log ({where})."
    if not mark.comparisons:
        return f"'{step_name}': {kept.source(mark.cases)}; no wait or hands-on time recorded."
    return "\n".join(
        [f"'{step_name}', said against recorded:"]
        + [_sentence(item, kept) for item in mark.comparisons]
    )


def _line(item: SaidRecorded) -> str:
    said = format_duration(item.said) if item.said > 0 else "none"
    ratio = item.ratio_text()
    tail = f" {ratio}" if ratio else ""
    return f"{MEASURE_WORDS[item.measure]} {said} → {format_duration(item.recorded)}{tail}"


def _sentence(item: SaidRecorded, kept: RecordedLog) -> str:
    ratio = f", {item.ratio_text()}" if item.ratio is not None else ""
    words = MEASURE_WORDS[item.measure].capitalize()
    return (
        f"{words}: {item.text()} ({kept.source(item.cases)}){ratio}: "
        f"{CLOSENESS_WORDS[item.closeness]}."
    )
