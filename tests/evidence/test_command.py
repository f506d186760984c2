"""``walkthrough evidence``: the documented JSON keys, the text summary, one line on bad input."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest

from app.cli import main
from tests.evidence.logs import INVOICE_LOG, write_csv

INVOICES = Path(str(files("app.resources.samples").joinpath("supplier-invoices.walkthrough.json")))
PICKED = ("--case", "Ticket", "--activity", "Step", "--timestamp", "When")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_has_the_keys_of_interchange(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = write_csv(tmp_path, INVOICE_LOG)
    code, out, err = run(capsys, "evidence", str(INVOICES), "--log", str(log), "--json", *PICKED)
    assert (code, err) == (0, "")
    payload = json.loads(out)
    assert (payload["cases"], payload["events"], payload["fitness"]) == (2, 5, 0.5)
    assert payload["variants"][0]["count"] == 1
    assert payload["extra_in_log"] == []
    assert "Query supplier about mismatch" in payload["missing_in_log"]
    post = next(step for step in payload["steps"] if step["step"] == "Post invoice to ledger")
    assert (post["cases"], post["median_wait_minutes"], post["said_wait_minutes"]) == (2, 780, 480)
    assert post["ratio"] == 780 / 480
    skip = next(
        arc
        for arc in payload["arcs"]
        if arc["from"] == "Key invoice into ERP" and arc["to"] == "Post invoice"
    )
    assert (skip["count"], skip["median_wait_minutes"], skip["in_map"]) == (1, 1500, False)
    assert payload["lead_time_minutes"] == {"median": 2220.0, "p85": 2940.0, "mean": 2220.0}


def test_text_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    log = write_csv(tmp_path, INVOICE_LOG)
    code, out, _ = run(capsys, "evidence", str(INVOICES), "--log", str(log), *PICKED)
    assert code == 0
    assert "fitness     50.0% of cases follow a path the map allows" in out
    assert "Post invoice to ledger: said 8 h, recorded 13 h (×1.6)" in out


@pytest.mark.parametrize(
    ("log_text", "message"),
    [
        ("case,activity\n1,a", "walkthrough: The log has no timestamp column"),
        ("case,activity,timestamp\n1,a,soon", "walkthrough: Line 2, timestamp: 'soon' is not"),
    ],
)
def test_bad_logs_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, log_text: str, message: str
) -> None:
    log = write_csv(tmp_path, log_text)
    code, out, err = run(capsys, "evidence", str(INVOICES), "--log", str(log))
    assert (code, out) == (2, "")
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_json_lists_the_large_gaps_as_the_tab_would_note_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from bench.sample_log import SAMPLE, SAMPLE_LOG

    code, out, _err = run(capsys, "evidence", str(SAMPLE), "--log", str(SAMPLE_LOG), "--json")
    assert code == 0
    gaps = {gap["origin"]: gap for gap in json.loads(out)["gaps"]}
    approve = gaps["evidence:wait:s5"]
    assert approve["title"] == "Wait before 'Approve new client': said 1 day, recorded 2.9 days"
    assert approve["steps"] == ["Approve new client"]
    assert approve["minutes_per_run"] == pytest.approx(2716, abs=1)
    assert any("'Chase client by phone' is recorded" in gap["title"] for gap in gaps.values())
    code, out, _err = run(capsys, "evidence", str(SAMPLE), "--log", str(SAMPLE_LOG))
    assert "  large gap   Wait before 'Approve new client': said 1 day, recorded 2.9 days" in out
