"""Benchmark of the analysis engine: cost against process size, and a looped 2,000-step map."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from app.analysis.findings import find_findings
from app.analysis.metrics import compute_metrics
from app.analysis.pareto import wait_pareto
from app.process.model import Process
from bench.core import Report, median_ms
from bench.generate import looped_process, sequential_process


def analyze(process: Process) -> None:
    """What ``walkthrough analyze`` computes: metrics, findings and the wait Pareto.

    A fresh copy of the snapshot each time, so no walk of the map is reused between runs.
    """
    process = replace(process)
    metrics = compute_metrics(process)
    find_findings(process, metrics)
    wait_pareto(process, metrics)


def run(report: Report) -> None:
    """Add the analysis rows to ``report``."""
    for size in (200, 2000):
        process = sequential_process(size)
        report.add(f"analyze {size} sequential", median_ms(partial(analyze, process)))
    report.add_ratio(
        "analyze 2000 sequential", "analyze 200 sequential", note="linear: about 10 or less"
    )
    looped = looped_process(2000, 50)
    assert compute_metrics(looped).computable
    report.add(
        "analyze 2000 steps / 50 loops",
        median_ms(lambda: analyze(looped)),
        note="target < 100 ms",
    )


if __name__ == "__main__":
    bench_report = Report()
    run(bench_report)
    print(bench_report.render())
