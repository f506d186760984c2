"""A CSV event log read as a stream: one row at a time, refused whole at the first bad row."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from app.evidence.columns import ColumnChoice, ColumnIndexes, resolve_columns
from app.evidence.errors import EventLogError
from app.evidence.limits import check_size
from app.evidence.log import Event, EventLog, LogBuilder, Progress, report_progress
from app.evidence.timestamps import parse_timestamp, timestamp_reader
from app.process.measurements import parse_value

_PROGRESS_EVERY = 8192  # rows between two progress reports


def read_csv_log(
    path: Path,
    columns: ColumnChoice | None = None,
    *,
    day_first: bool = True,
    progress: Progress | None = None,
) -> EventLog:
    """Every event of the CSV at ``path``; EventLogError with the line when a row is bad."""
    size = check_size(path)
    try:
        with path.open(encoding=_encoding(path), newline="") as file:
            return _read(file, path.name, columns or ColumnChoice(), day_first, progress, size)
    except UnicodeDecodeError as error:
        raise EventLogError(
            f"{path.name} is not text in UTF-8 (a byte at {error.start} cannot be read): "
            "save it from the spreadsheet as 'CSV UTF-8'."
        ) from error
    except OSError as error:
        raise EventLogError(f"Cannot read {path.name} ({error.strerror}).") from error


def read_header(path: Path, *, rows: int = 0) -> tuple[list[str], list[list[str]]]:
    """The header of a CSV log and its first ``rows`` rows, for a preview of its columns."""
    check_size(path)
    with path.open(encoding=_encoding(path), newline="") as file:
        first = file.readline()
        reader = csv.reader(_chain(first, file), delimiter=_delimiter(first))
        header = next(reader, [])
        return header, [row for _, row in zip(range(rows), reader, strict=False)]


def _read(
    file: TextIO,
    name: str,
    choice: ColumnChoice,
    day_first: bool,
    progress: Progress | None,
    size: int,
) -> EventLog:
    first = file.readline()
    if not first.strip():
        raise EventLogError(f"{name} is empty: line 1 should name the columns.")
    reader = csv.reader(_chain(first, file), delimiter=_delimiter(first))
    header = next(reader)
    at = resolve_columns(header, choice)
    builder = LogBuilder(name)
    try:
        _read_rows(reader, builder, at, day_first, lambda: _report(progress, file, size))
    except csv.Error as error:
        raise EventLogError(f"{name}, line {reader.line_num + 1}: {error}.") from error
    if not builder.cases:
        raise EventLogError(f"{name} has a header but no events.")
    report_progress(progress, 1.0)
    return builder.finish()


def _read_rows(
    reader: Any, builder: LogBuilder, at: ColumnIndexes, day_first: bool, tick: Callable[[], None]
) -> None:
    """The hot loop, one event per row, kept flat: a 500,000-row log runs it 500,000 times."""
    needed = max(at.case, at.activity, at.timestamp)
    has_optional = max(at.start, at.resource, at.cost) >= 0
    read_time = timestamp_reader(day_first=day_first)
    cases, names = builder.cases, builder.strings
    for row in reader:
        if reader.line_num % _PROGRESS_EVERY == 0:
            tick()
        if len(row) <= needed:
            _short_row(row, reader.line_num, len(at.header))
            continue
        case, activity = row[at.case].strip(), row[at.activity].strip()
        if not case or not activity:
            raise EventLogError(f"Line {reader.line_num} has no {'activity' if case else 'case'}.")
        try:
            time = read_time(row[at.timestamp])
        except ValueError as error:
            raise EventLogError(f"Line {reader.line_num}, timestamp: {error}") from None
        activity = names.setdefault(activity, activity)
        if has_optional:
            event = _event_with_options(
                builder, row, at, activity, time, reader.line_num, day_first
            )
        else:
            event = Event(activity, time)
        events = cases.get(case)
        if events is None:
            cases[case] = [event]
        else:
            events.append(event)


def _short_row(row: list[str], line: int, width: int) -> None:
    """A blank row is skipped; a row without the needed columns refuses the log."""
    if any(cell.strip() for cell in row):
        raise EventLogError(f"Line {line} has {len(row)} column(s) where the header has {width}.")


def _event_with_options(
    builder: LogBuilder,
    row: list[str],
    at: ColumnIndexes,
    activity: str,
    time: float,
    line: int,
    day_first: bool,
) -> Event:
    start = _optional_moment(row, at.start, line, day_first)
    if start is not None and start > time:
        raise EventLogError(f"Line {line}: the activity starts after it ends.")
    resource = builder.intern(row[at.resource].strip()) if 0 <= at.resource < len(row) else ""
    return Event(activity, time, start, resource, _cost(row, at.cost, line))


def _report(progress: Progress | None, file: TextIO, size: int) -> None:
    """How far reading is, from the bytes the text layer has taken from the file so far."""
    report_progress(progress, file.buffer.tell() / max(size, 1))


def _moment(text: str, column: str, line: int, day_first: bool) -> float:
    try:
        return parse_timestamp(text, day_first=day_first)
    except ValueError as error:
        raise EventLogError(f"Line {line}, {column}: {error}") from None


def _optional_moment(row: list[str], at: int, line: int, day_first: bool) -> float | None:
    if at < 0 or at >= len(row) or not row[at].strip():
        return None
    return _moment(row[at], "start", line, day_first)


def _cost(row: list[str], at: int, line: int) -> float | None:
    if at < 0 or at >= len(row) or not row[at].strip():
        return None
    try:
        return parse_value(row[at])
    except ValueError as error:
        raise EventLogError(f"Line {line}, cost: {error}") from None


def _delimiter(header_line: str) -> str:
    """The separator the header uses most: comma, semicolon or tab."""
    return max((",", ";", "\t"), key=header_line.count)


def _encoding(path: Path) -> str:
    """UTF-8 (with or without its mark); Windows-1252 when the start of the file is not UTF-8."""
    with path.open("rb") as file:
        head = file.read(1 << 20)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not a character cut at the end of the sample
            return "cp1252"
    return "utf-8-sig"


def _chain(first: str, rest: TextIO) -> Iterator[str]:
    yield first
    yield from rest
