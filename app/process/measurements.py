"""Measurements typed or pasted from a spreadsheet: one date and one value per line.

What is understood:

- columns separated by tabs (a spreadsheet paste), semicolons, or commas/spaces; with commas or
  spaces the date is the shortest start of the line that reads as a date ("Mar 31, 2027, 12");
  only the first two columns are read, others are ignored with a note;
- dates as ISO (2027-03-31), 31/03/2027 or 03/31/2027 by ``day_first`` (31/03 is read as the
  31st either way), 31.03.2027, two-digit years as 20yy, "31 Mar 2027", "31 March 2027",
  "Mar 31, 2027", "31-Mar-2027", with a trailing time of day ignored;
- values with a currency or unit ("$1,200", "3.5 days", "12 %"): the number is taken as written,
  never converted (12 % is 12); thousands separators "1,200", "1.200,50", "1 200", "1'200";
- the decimal mark: a comma with semicolon columns, otherwise a point, unless the values show a
  decimal comma and never a decimal point ("3,5", "1.200,50"); after a comma column a value
  with a comma that is not a thousands group ("3,5") is refused as ambiguous;
- a header on the first line is skipped, blank lines are ignored, and rows on the same date
  are all kept and named in ``notes``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from app.process.bounds import MAX_NUMBER, quote
from app.process.dates import parse_date

_CUT = re.compile(r"\s*,\s*|\s+")
_GROUPING_SPACES = "\u00a0\u202f '"
_CURRENCY = "$€£¥₹"


@dataclass(frozen=True, slots=True)
class ParsedRows:
    """The rows read (with their line numbers, for a preview), the errors and the notes."""

    rows: tuple[tuple[dt.date, float], ...]
    errors: tuple[str, ...]
    notes: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class _Fields:
    """One line cut into its date text, value text and whatever other columns it had."""

    number: int
    date_text: str
    value_text: str
    comma_cut: bool
    ignored: bool


# Values ----------------------------------------------------------------------------------


def parse_value(text: str, *, decimal_mark: str = ".") -> float:
    """Read a number with an optional currency or unit; ValueError with a sentence if not."""
    shown = text.strip()
    match = re.fullmatch(r"(\D*?)(\d.*\d|\d)(\D*)", shown)
    if not match:
        raise ValueError(f"{quote(shown)} is not a number." if shown else "No value given.")
    prefix, core, _unit = match.groups()
    if prefix.endswith((".", ",")):
        prefix, core = prefix[:-1], "0" + prefix[-1] + core
    negative = _read_prefix(prefix, shown)
    number = _read_digits(core, decimal_mark, shown)
    if number > MAX_NUMBER:  # 400 digits read as infinity
        raise ValueError(f"{quote(shown)} is beyond any sensible value.")
    return -number if negative else number


def _read_prefix(prefix: str, shown: str) -> bool:
    """Whether the sign in front is negative; only a sign and a currency may stand there."""
    rest = prefix.strip()
    negative = rest.startswith(("-", "−")) or rest.endswith(("-", "−"))
    rest = rest.strip("-−+").strip().strip(_CURRENCY).strip().strip("-−+").strip()
    if rest and not re.fullmatch(r"[A-Z]{3}", rest):
        raise ValueError(f"{quote(shown)} is not a number.")
    return negative


def _read_digits(core: str, decimal_mark: str, shown: str) -> float:
    core = _without_grouping_spaces(core, shown)
    if re.search(r"[^\d.,]", core):
        raise ValueError(f"{quote(shown)} is not a number.")
    decimal, thousands = _marks_in(core, decimal_mark)
    whole, _, fraction = core.rpartition(decimal) if decimal else (core, "", "")
    if decimal and not whole:
        whole, fraction = fraction, ""
    if thousands and thousands in whole:
        if not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+", whole):
            raise ValueError(f"{quote(shown)} is not a number: its thousands are not grouped by 3.")
        whole = whole.replace(thousands, "")
    if not whole.isdigit() or (fraction and not fraction.isdigit()):
        raise ValueError(f"{quote(shown)} is not a number.")
    return float(f"{whole}.{fraction or 0}")


def _without_grouping_spaces(core: str, shown: str) -> str:
    if not any(char in core for char in _GROUPING_SPACES):
        return core
    whole = re.split(r"[.,](?=\d*$)", core)[0] if re.search(r"[.,]\d*$", core) else core
    if not re.fullmatch(r"\d{1,3}(?:[\u00a0\u202f ']\d{3})+", whole):
        raise ValueError(f"{quote(shown)} is not a number: its thousands are not grouped by 3.")
    return "".join(char for char in core if char not in _GROUPING_SPACES)


def _marks_in(core: str, decimal_mark: str) -> tuple[str, str]:
    """(decimal mark, thousands separator) as this number uses them; '' when absent."""
    if "." in core and "," in core:
        decimal = max((".", ","), key=core.rindex)
        return decimal, "," if decimal == "." else "."
    mark = "." if "." in core else "," if "," in core else ""
    if not mark:
        return "", ""
    if core.count(mark) > 1 or (mark != decimal_mark and _grouped_by_three(core, mark)):
        return "", mark
    return mark, ""


def _grouped_by_three(core: str, mark: str) -> bool:
    return re.fullmatch(rf"\d{{1,3}}(?:{re.escape(mark)}\d{{3}})+", core) is not None


def _decimal_mark_evidence(core: str) -> str:
    """',' or '.' when this number can only be read with that decimal mark, else ''."""
    if "." in core and "," in core:
        return max((".", ","), key=core.rindex)
    for mark, other in ((",", "."), (".", ",")):
        if core.count(mark) == 1 and not re.search(rf"\{mark}\d{{3}}$", core):
            return mark
        if core.count(mark) > 1:
            return other
    return ""


# Lines -----------------------------------------------------------------------------------


def parse_measurements(text: str, *, day_first: bool) -> ParsedRows:
    """Read pasted or typed measurement lines into (date, value) rows, oldest line first."""
    content = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    separator = _column_separator([line for _, line in content])
    cut = [_cut_line(n, line, separator, day_first=day_first) for n, line in content]
    decimal_mark = _decimal_mark(cut, separator)
    rows: list[tuple[dt.date, float]] = []
    lines: list[int] = []
    errors: list[str] = []
    for position, fields in enumerate(cut):
        try:
            rows.append(_read_row(fields, decimal_mark, day_first=day_first))
            lines.append(fields.number)
        except ValueError as error:
            if position == 0 and _looks_like_header(fields, decimal_mark, day_first=day_first):
                continue
            errors.append(f"line {fields.number}: {error}")
    notes = _duplicate_notes(rows, lines) + _ignored_note(cut)
    return ParsedRows(tuple(rows), tuple(errors), tuple(notes), tuple(lines))


def _column_separator(lines: list[str]) -> str:
    seen = "".join(lines)
    return "\t" if "\t" in seen else ";" if ";" in seen else ""


def _cut_line(number: int, line: str, separator: str, *, day_first: bool) -> _Fields:
    if separator and separator in line:
        columns = [column.strip() for column in line.split(separator)]
        value = columns[1] if len(columns) > 1 else ""
        return _Fields(number, columns[0], value, False, any(columns[2:]))
    return _cut_at_date(number, line.strip(), day_first=day_first)


def _cut_at_date(number: int, line: str, *, day_first: bool) -> _Fields:
    """Split a comma- or space-separated line after the shortest start that is a date."""
    cuts = list(_CUT.finditer(line))
    for match in cuts:
        if _is_date(line[: match.start()], day_first=day_first):
            return _fields_after(number, line, match)
    # No date: report the start that a number follows, else the first column.
    for match in cuts:
        if _is_number(line[match.end() :]):
            return _fields_after(number, line, match)
    if cuts:
        return _fields_after(number, line, cuts[0])
    return _Fields(number, line, "", False, False)


def _fields_after(number: int, line: str, match: re.Match[str]) -> _Fields:
    comma_cut = "," in match.group()
    return _Fields(number, line[: match.start()], line[match.end() :].strip(), comma_cut, False)


def _is_date(text: str, *, day_first: bool) -> bool:
    try:
        parse_date(text, day_first=day_first)
    except ValueError:
        return False
    return True


def _is_number(text: str, decimal_mark: str = ".") -> bool:
    try:
        parse_value(text, decimal_mark=decimal_mark)
    except ValueError:
        return False
    return True


def _decimal_mark(lines: list[_Fields], separator: str) -> str:
    if separator == ";":
        return ","
    evidence = {
        _decimal_mark_evidence(_number_core(f.value_text)) for f in lines if not f.comma_cut
    }
    return "," if "," in evidence and "." not in evidence else "."


def _number_core(text: str) -> str:
    match = re.search(r"\d[\d.,]*\d|\d", text)
    return match.group() if match else ""


def _read_row(fields: _Fields, decimal_mark: str, *, day_first: bool) -> tuple[dt.date, float]:
    day = parse_date(fields.date_text, day_first=day_first)
    if not fields.value_text:
        raise ValueError(f"no value after the date '{fields.date_text}'.")
    return day, _read_value(fields, decimal_mark)


def _read_value(fields: _Fields, decimal_mark: str) -> float:
    text = fields.value_text
    if fields.comma_cut and "," in text:
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d*)?", _number_core(text)):
            return parse_value(text, decimal_mark=".")
        raise ValueError(
            f"{quote(text)} is ambiguous after a comma: write decimals with a point (3.5), "
            "or separate the columns with a tab or a semicolon."
        )
    return parse_value(text, decimal_mark=decimal_mark)


def _looks_like_header(fields: _Fields, decimal_mark: str, *, day_first: bool) -> bool:
    if _is_date(fields.date_text, day_first=day_first):
        return False
    return not _is_number(fields.value_text, decimal_mark)


def _duplicate_notes(rows: list[tuple[dt.date, float]], lines: list[int]) -> list[str]:
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    for (day, _), number in zip(rows, lines, strict=True):
        by_day[day].append(number)
    notes = []
    for day, numbers in by_day.items():
        if len(numbers) > 1:
            listed = ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"
            if len(numbers) > 6:  # a note stays one short line
                listed = ", ".join(str(n) for n in numbers[:5]) + f" and {len(numbers) - 5} more"
            notes.append(f"{day.isoformat()} is on lines {listed}: all of them are kept.")
    return notes


def _ignored_note(lines: list[_Fields]) -> list[str]:
    numbers = [str(fields.number) for fields in lines if fields.ignored]
    if not numbers:
        return []
    where = f"line {numbers[0]}" if len(numbers) == 1 else f"lines {', '.join(numbers)}"
    return [f"Only the date and the first value are read; other columns are ignored ({where})."]
