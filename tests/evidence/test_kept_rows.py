"""The Evidence tab before any log is read: what the process keeps of its last one."""

from __future__ import annotations

from app.evidence.table import HEADERS, kept_rows, kept_sentence
from app.process.file import read_process_file
from bench.sample_log import SAMPLE
from tests.analysis.test_findings import invoice_process


def test_the_example_shows_the_figures_it_keeps_of_its_log() -> None:
    process = read_process_file(SAMPLE)
    rows = {row[0]: row for row in kept_rows(process)}
    assert len(rows) == 15  # every step but the start and the end
    assert HEADERS[1:5] == ("Cases", "Wait said", "Wait recorded", "×")
    assert rows["Approve new client"][1:5] == ("130", "1 day", "2.9 days", "×2.9")
    assert kept_sentence(process).startswith(
        "Kept with the process from client-onboarding-log.csv "
        "(130 cases, 7 Jan 2025 to 11 Jun 2026)"
    )


def test_a_process_without_a_kept_log_has_no_rows_and_no_sentence() -> None:
    assert kept_rows(invoice_process()) == []
    assert kept_sentence(invoice_process()) == ""
