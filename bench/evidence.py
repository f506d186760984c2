"""Benchmark of event logs: a 554,000-event CSV (10,000 cases) read and analysed, and its memory;
the same log as XES read, against the bare XML parse of it.

The log is generated into a temporary folder on each run and deleted afterwards.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from app.evidence.read import read_event_log
from app.evidence.report import gather_evidence
from app.export.formats import read_any_process
from app.process.model import Process
from bench.core import Report, median_ms

CASES = 10_000
EVENTS = 554_000
ACTIVITIES = [f"Activity {n:02d}" for n in range(40)]
SAMPLE = Path(__file__).parents[1] / "resources" / "samples" / "supplier-invoices.walkthrough.json"


def write_log(path: Path, *, cases: int = CASES, events: int = EVENTS, seed: int = 19) -> None:
    """A CSV of ``cases`` cases and exactly ``events`` events: a 40-activity chain with rework."""
    rng = random.Random(seed)
    base, longer = divmod(events, cases)
    start = dt.datetime(2026, 1, 5, 8, 0)
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["case", "activity", "timestamp", "resource"])
        for case in range(cases):
            moment = start + dt.timedelta(minutes=rng.randrange(0, 525_600))
            for position in range(base + (1 if case < longer else 0)):
                moment += dt.timedelta(minutes=rng.randrange(1, 2_880))
                activity = ACTIVITIES[position % len(ACTIVITIES)]
                writer.writerow([f"C{case:05d}", activity, f"{moment:%Y-%m-%d %H:%M:%S}", "ann"])


def write_xes(path: Path, *, cases: int = CASES, events: int = EVENTS, seed: int = 19) -> None:
    """The log of ``write_log`` as XES: one trace per case, each event a completion."""
    rng = random.Random(seed)
    base, longer = divmod(events, cases)
    start = dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.UTC)
    with path.open("w", encoding="utf-8") as file:
        file.write('<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n')
        for case in range(cases):
            moment = start + dt.timedelta(minutes=rng.randrange(0, 525_600))
            file.write(f'<trace><string key="concept:name" value="C{case:05d}"/>\n')
            for position in range(base + (1 if case < longer else 0)):
                moment += dt.timedelta(minutes=rng.randrange(1, 2_880))
                activity = ACTIVITIES[position % len(ACTIVITIES)]
                stamp = moment.isoformat(timespec="milliseconds")
                file.write(
                    f'<event><string key="concept:name" value="{activity}"/>'
                    f'<string key="org:resource" value="ann"/>'
                    f'<string key="lifecycle:transition" value="complete"/>'
                    f'<date key="time:timestamp" value="{stamp}"/>'
                    "</event>\n"
                )
            file.write("</trace>\n")
        file.write("</log>\n")


def parse_xml_only(path: Path) -> None:
    """The floor of an XES read: the XML parsed (elements cleared as traces end), nothing kept."""
    from xml.etree.ElementTree import iterparse

    for _, element in iterparse(path, events=("end",)):
        if element.tag == "trace":
            element.clear()


def read_and_analyse(path: Path, process: Process) -> None:
    """What ``walkthrough evidence`` does: read the log, its figures, the comparison."""
    gather_evidence(process, read_event_log(path))


def read_rows_only(path: Path) -> None:
    """The floor: the standard csv module reading every row and doing nothing with it."""
    with path.open(newline="", encoding="utf-8") as file:
        for _ in csv.reader(file):
            pass


def peak_megabytes(path: Path, process: Process) -> float:
    """The peak of Python memory (tracemalloc) while reading and analysing the log."""
    tracemalloc.start()
    try:
        read_and_analyse(path, process)
        return tracemalloc.get_traced_memory()[1] / 1024**2
    finally:
        tracemalloc.stop()


def median_cpu_ms(action: Callable[[], object], *, repeat: int = 3) -> float:
    """The median CPU time of ``action`` in this process: what it costs when the machine is busy."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def run(report: Report) -> None:
    """Add the event-log rows to ``report``."""
    process = read_any_process(SAMPLE)[0]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.csv"
        write_log(path)
        report.add("evidence csv rows only (554,000)", median_ms(lambda: read_rows_only(path)))
        name = "evidence read + analyse 554,000 events"
        report.add(
            name,
            median_ms(lambda: read_and_analyse(path, process), repeat=3, warmup=0),
            note="target < 6000 ms",
        )
        report.add_ratio(name, "evidence csv rows only (554,000)", note="over the bare csv reader")
        report.add("evidence csv rows only, CPU", median_cpu_ms(lambda: read_rows_only(path)))
        cpu = "evidence read + analyse 554,000 events, CPU"
        report.add(
            cpu,
            median_cpu_ms(lambda: read_and_analyse(path, process)),
            note="CPU time: the wall time on an idle machine",
        )
        report.add_ratio(cpu, "evidence csv rows only, CPU", note="steadier than wall time")
        xes = Path(folder) / "log.xes"
        write_xes(xes)
        report.add("evidence xes parse only (554,000)", median_ms(lambda: parse_xml_only(xes)))
        report.add("evidence xes read 554,000 events", median_ms(lambda: read_event_log(xes)))
        report.add_ratio(
            "evidence xes read 554,000 events",
            "evidence xes parse only (554,000)",
            note="over the bare XML parse",
        )
        report.add_count(
            "evidence xes peak memory 554,000 events",
            peak_megabytes(xes, process),
            unit="MB",
            note="target < 300 MB",
        )
        report.add_count(
            "evidence peak memory 554,000 events",
            peak_megabytes(path, process),
            unit="MB",
            note="target < 300 MB",
        )


if __name__ == "__main__":
    bench_report = Report()
    run(bench_report)
    print(bench_report.render())
