"""The small toolkit every benchmark module uses: timing, medians and the result table."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the benchmark table: a median in milliseconds and an optional ratio."""

    name: str
    median_ms: float
    ratio: float | None = None
    ratio_of: str = ""
    note: str = ""
    unit: str = "ms"  # a count (keys, pages) is printed with its own unit


@dataclass(slots=True)
class Report:
    """Collects rows; ``ratio`` divides one named row's median by another's."""

    rows: list[Row] = field(default_factory=list)

    def add(self, name: str, median_ms: float, *, note: str = "") -> Row:
        row = Row(name, median_ms, note=note)
        self.rows.append(row)
        return row

    def add_count(self, name: str, count: float, *, unit: str, note: str = "") -> Row:
        """A row that is a count (keys, pages), not a time."""
        row = Row(name, count, note=note, unit=unit)
        self.rows.append(row)
        return row

    def add_ratio(self, name: str, over: str, *, note: str = "") -> Row:
        """Add the row ``name`` again with its ratio against the earlier row ``over``."""
        top = self._median(name)
        bottom = self._median(over)
        row = Row(
            f"{name} / {over}",
            top,
            ratio=top / bottom if bottom else None,
            ratio_of=over,
            note=note,
        )
        self.rows.append(row)
        return row

    def _median(self, name: str) -> float:
        for row in self.rows:
            if row.name == name:
                return row.median_ms
        raise KeyError(name)

    def render(self) -> str:
        width = max((len(row.name) for row in self.rows), default=10)
        lines = [f"{'benchmark':<{width}}  {'median':>12}  {'ratio':>7}  note"]
        for row in self.rows:
            ratio = f"{row.ratio:7.2f}" if row.ratio is not None else " " * 7
            value = (
                f"{row.median_ms:9.2f} ms"
                if row.unit == "ms"
                else f"{row.median_ms:>9,.0f} {row.unit}"
            )
            lines.append(f"{row.name:<{width}}  {value:>12}  {ratio}  {row.note}")
        return "\n".join(lines)


def median_ms(action: Callable[[], object], *, repeat: int = 7, warmup: int = 1) -> float:
    """The median wall time of ``action`` in milliseconds over ``repeat`` runs."""
    for _ in range(warmup):
        action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
