"""Reading CSV event logs: columns by name or picked, dates as exported, bad rows refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.evidence.columns import ColumnChoice
from app.evidence.csv_log import read_csv_log, read_header
from app.evidence.errors import EventLogError, ImportCancelledError
from app.evidence.limits import check_size
from app.evidence.read import read_event_log
from app.evidence.timestamps import parse_timestamp
from tests.evidence.logs import read_csv_text, write_csv


def at(text: str) -> float:
    return parse_timestamp(text, day_first=True)


def test_columns_found_by_their_names_in_any_order(tmp_path: Path) -> None:
    log = read_csv_text(
        tmp_path,
        """
        Timestamp,Resource,Activity,Case ID,Start,Cost
        2026-01-05 10:00,ann,Check,A1,2026-01-05 09:30,"$1,200"
        2026-01-05 09:00,bob,Receive,A1,,
        """,
    )
    receive, check = log.cases["A1"]
    assert (receive.activity, receive.time, receive.start) == (
        "Receive",
        at("2026-01-05 09:00"),
        None,
    )
    assert (check.activity, check.start, check.resource, check.cost) == (
        "Check",
        at("2026-01-05 09:30"),
        "ann",
        1200.0,
    )
    assert log.notes == (
        "1 case(s) had events out of time order in the file; they were put in time order.",
    )


def test_semicolons_day_first_dates_and_picked_columns(tmp_path: Path) -> None:
    choice = ColumnChoice(case="Ticket", activity="What", timestamp="When")
    log = read_csv_text(
        tmp_path,
        """
        Ticket;What;When
        T-1;Open;31/01/2026 08:15
        T-1;Close;01/02/2026 08:15
        """,
        choice,
    )
    assert [e.time for e in log.cases["T-1"]] == [at("2026-01-31 08:15"), at("2026-02-01 08:15")]


def test_a_missing_column_names_the_columns_there_are(tmp_path: Path) -> None:
    with pytest.raises(EventLogError, match=r"no timestamp column \(line 1 names 'case', 'step'"):
        read_csv_text(tmp_path, "case,step\n1,a")


def test_a_picked_column_that_is_not_there(tmp_path: Path) -> None:
    with pytest.raises(EventLogError, match="no column 'When' for the timestamp"):
        read_csv_text(
            tmp_path, "case,activity,time\n1,a,2026-01-01", ColumnChoice(timestamp="When")
        )


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("1,a,next tuesday", "Line 3, timestamp: 'next tuesday' is not a date"),
        ("1,a,2026-02-30", "Line 3, timestamp: '2026-02-30' is not a date: February 2026 has 28"),
        (",a,2026-01-01", "Line 3 has no case"),
        ("1,,2026-01-01", "Line 3 has no activity"),
        ("1,a", "Line 3 has 2 column"),
    ],
)
def test_a_bad_row_refuses_the_whole_log_naming_its_line(
    tmp_path: Path, row: str, message: str
) -> None:
    with pytest.raises(EventLogError, match=message):
        read_csv_text(tmp_path, f"case,activity,timestamp\n1,a,2026-01-01\n{row}\n1,b,2026-01-02")


def test_start_after_end_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EventLogError, match="Line 2: the activity starts after it ends"):
        read_csv_text(tmp_path, "case,activity,start,end\n1,a,2026-01-02,2026-01-01")


def test_empty_and_header_only_logs(tmp_path: Path) -> None:
    with pytest.raises(EventLogError, match="is empty"):
        read_csv_log(write_csv(tmp_path, "\n"))
    with pytest.raises(EventLogError, match="a header but no events"):
        read_csv_text(tmp_path, "case,activity,timestamp")


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "case,activity,timestamp\n" + "1,a,2026-01-01\n" * 100)
    with pytest.raises(EventLogError, match=r"log\.csv is 0 MB, more than the 0 MB"):
        check_size(path, limit=100)


def test_windows_1252_from_an_old_excel(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes("case,activity,timestamp\n1,Prüfen,2026-01-01\n".encode("cp1252"))
    assert read_csv_log(path).cases["1"][0].activity == "Prüfen"


def test_cancel_stops_the_import_and_keeps_nothing(tmp_path: Path) -> None:
    rows = "\n".join(f"{n},a,2026-01-01" for n in range(40000))
    path = write_csv(tmp_path, f"case,activity,timestamp\n{rows}")
    shares: list[float] = []

    def cancel_at_once(share: float) -> bool:
        shares.append(share)
        return False

    with pytest.raises(ImportCancelledError, match="nothing was kept"):
        read_csv_log(path, progress=cancel_at_once)
    assert len(shares) == 1
    assert 0 < shares[0] < 1


def test_progress_reaches_the_end(tmp_path: Path) -> None:
    rows = "\n".join(f"{n},a,2026-01-01" for n in range(40000))
    shares: list[float] = []

    def keep_going(share: float) -> bool:
        shares.append(share)
        return True

    read_csv_log(write_csv(tmp_path, f"case,activity,timestamp\n{rows}"), progress=keep_going)
    assert shares[-1] == 1.0
    assert shares == sorted(shares)


def test_header_and_preview_rows(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "case;activity;timestamp\n1;a;2026-01-01\n1;b;2026-01-02\n2;a;x")
    assert read_header(path, rows=2) == (
        ["case", "activity", "timestamp"],
        [["1", "a", "2026-01-01"], ["1", "b", "2026-01-02"]],
    )


@pytest.mark.parametrize("name", ["huge.csv", "huge.xes"])
def test_a_1_gb_log_is_refused_before_a_byte_is_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with path.open("wb") as file:
        file.truncate(1 << 30)  # sparse: costs no disk
    with pytest.raises(EventLogError, match=f"{name} is 1,024 MB, more than the 200 MB"):
        read_event_log(path)
