"""PDF plan export against process size: the invoices sample and 300 steps (aim < 3 s, at
most 40 pages), with the page count of each plan."""

from __future__ import annotations

import tempfile
from functools import partial
from pathlib import Path

from app.export.pdf import PlanOptions, write_plan_pdf
from app.process.file import read_process_file
from app.process.model import Process
from bench.core import Report, median_ms
from bench.generate import looped_process

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples"
OPTIONS = PlanOptions(page_size="A4", invariant=True)


def _export(process: Process, folder: Path) -> int:
    """Write the plan; its page count."""
    return write_plan_pdf(process, folder / "plan.pdf", options=OPTIONS).pages


def run(report: Report) -> None:
    """Add the two PDF rows, each noting its page count."""
    invoices = read_process_file(SAMPLE / "supplier-invoices.walkthrough.json")
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        pages = _export(invoices, where)
        report.add(
            "pdf plan: invoices sample",
            median_ms(partial(_export, invoices, where)),
            note=f"{pages} pages",
        )
        big = looped_process(300, 10)
        pages = _export(big, where)
        report.add(
            "pdf plan: 300 steps",
            median_ms(partial(_export, big, where), repeat=3),
            note=f"{pages} pages; aim < 3 s, at most 40 pages",
        )


if __name__ == "__main__":
    rows = Report()
    run(rows)
    print(rows.render())
