"""Measurements typed or pasted: every date and number format listed, and the bad rows."""

from __future__ import annotations

import datetime as dt

import pytest

from app.process.measurements import parse_date, parse_measurements, parse_value

MARCH_31 = dt.date(2027, 3, 31)


# Dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2027-03-31",
        "2027/03/31",
        "31/03/2027",
        "31.03.2027",
        "31-03-2027",
        "31/03/27",
        "31 Mar 2027",
        "31 March 2027",
        "31 march 2027",
        "Mar 31, 2027",
        "March 31 2027",
        "31-Mar-2027",
        "31-Mar-27",
        "Wednesday 31 March 2027",
        "2027-03-31 00:00:00",
        "2027-03-31T00:00",
        " 31 Mar 2027 ",
    ],
)
def test_dates_people_paste(text: str) -> None:
    assert parse_date(text, day_first=True) == MARCH_31
    assert parse_date(text, day_first=False) == MARCH_31


def test_ambiguous_numeric_dates_follow_day_first() -> None:
    assert parse_date("03/04/2027", day_first=True) == dt.date(2027, 4, 3)
    assert parse_date("03/04/2027", day_first=False) == dt.date(2027, 3, 4)
    assert parse_date("03/31/2027", day_first=True) == MARCH_31  # only one reading


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02/2027", "'31/02/2027' is not a date: February 2027 has 28 days."),
        ("29 Feb 2027", "'29 Feb 2027' is not a date: February 2027 has 28 days."),
        ("2027-13-01", "'2027-13-01' is not a date: there is no month 13."),
        ("13/13/2027", "'13/13/2027' is not a date: there is no month 13."),
        ("31 Mar", "'31 Mar' is not a date: write it as 2027-03-31, 31/03/2027 or 31 Mar 2027."),
        ("yesterday", "'yesterday' is not a date"),
        ("31 Foo 2027", "'31 Foo 2027' is not a date"),
        ("", "No date given"),
    ],
)
def test_not_dates(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(")):
        parse_date(text, day_first=True)


def test_leap_day() -> None:
    assert parse_date("29/02/2028", day_first=True) == dt.date(2028, 2, 29)


# Values ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mark", "value"),
    [
        ("12", ".", 12),
        ("3.5", ".", 3.5),
        ("3.5 days", ".", 3.5),
        ("12 %", ".", 12),
        ("12%", ".", 12),
        ("$1,200", ".", 1200),
        ("1,200", ".", 1200),
        ("1,200,000.25", ".", 1200000.25),
        ("1 200", ".", 1200),
        ("1\u00a0200", ".", 1200),
        ("1'200", ".", 1200),
        ("1.200,50", ".", 1200.5),
        ("1.200,50", ",", 1200.5),
        ("3,5", ",", 3.5),
        ("1.200", ",", 1200),
        ("1,200", ",", 1.2),
        ("1 200,5", ",", 1200.5),
        ("-4", ".", -4),
        ("−4", ".", -4),
        ("-$5", ".", -5),
        ("$-5", ".", -5),
        ("USD 40", ".", 40),
        ("€ 12,50", ",", 12.5),
        (".5", ".", 0.5),
        ("0.25 h", ".", 0.25),
    ],
)
def test_values_with_units_and_separators(text: str, mark: str, value: float) -> None:
    assert parse_value(text, decimal_mark=mark) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "No value given."),
        ("n/a", "'n/a' is not a number."),
        ("about 5", "'about 5' is not a number."),
        ("1,20,0", "is not a number"),
        ("12 200 1", "thousands are not grouped by 3"),
        ("3-4", "'3-4' is not a number."),
        ("1.2.3,4", "thousands are not grouped by 3"),
    ],
)
def test_not_values(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace(".", r"\.")):
        parse_value(text)


# Whole pastes ----------------------------------------------------------------------------


def test_a_spreadsheet_paste_with_a_header() -> None:
    text = "Date\tLead time (days)\n2027-03-29\t3.5 days\n30/03/2027\t4\n31 Mar 2027\t2,5\n"
    parsed = parse_measurements(text, day_first=True)
    assert parsed.errors == ()
    assert parsed.rows == (
        (dt.date(2027, 3, 29), 3.5),
        (dt.date(2027, 3, 30), 4.0),
        (MARCH_31, 2.5),
    )
    assert parsed.lines == (2, 3, 4)


def test_semicolon_columns_read_decimal_commas() -> None:
    text = "Datum;Wert\n31.03.2027;3,5\n01.04.2027;1.200,50\n02.04.2027;1.200\n"
    parsed = parse_measurements(text, day_first=True)
    assert parsed.errors == ()
    assert [value for _, value in parsed.rows] == [3.5, 1200.5, 1200]


def test_comma_columns_with_thousands_and_a_date_with_a_comma() -> None:
    text = "date,value\nMar 31, 2027, 12\n2027-04-01,1,200\n2027-04-02,$1,250.50\n"
    parsed = parse_measurements(text, day_first=False)
    assert parsed.errors == ()
    assert parsed.rows == (
        (MARCH_31, 12.0),
        (dt.date(2027, 4, 1), 1200.0),
        (dt.date(2027, 4, 2), 1250.5),
    )


def test_a_decimal_comma_after_a_comma_column_is_ambiguous() -> None:
    parsed = parse_measurements("2027-03-31,3,5\n", day_first=True)
    assert parsed.rows == ()
    assert parsed.errors == (
        "line 1: '3,5' is ambiguous after a comma: write decimals with a point (3.5), "
        "or separate the columns with a tab or a semicolon.",
    )


def test_lines_typed_with_spaces() -> None:
    parsed = parse_measurements(
        "31 Mar 2027 12\n2027-04-01 1 200\n03/04/2027  7.5 h", day_first=False
    )
    assert parsed.errors == ()
    assert parsed.rows == (
        (MARCH_31, 12.0),
        (dt.date(2027, 4, 1), 1200.0),
        (dt.date(2027, 3, 4), 7.5),
    )


def test_a_tab_paste_decides_its_decimal_mark_from_its_values() -> None:
    commas = parse_measurements("2027-03-30\t1,200\n2027-03-31\t3,5\n", day_first=True)
    assert [value for _, value in commas.rows] == [1.2, 3.5]
    points = parse_measurements("2027-03-30\t1,200\n2027-03-31\t3.5\n", day_first=True)
    assert [value for _, value in points.rows] == [1200, 3.5]


def test_bad_rows_are_named_by_line_and_the_good_ones_kept() -> None:
    text = "date\tvalue\n2027-03-30\t4\n\n31/02/2027\t5\n2027-03-31\tlots\n2027-04-01\t\nfoo\t3\n"
    parsed = parse_measurements(text, day_first=True)
    assert parsed.rows == ((dt.date(2027, 3, 30), 4.0),)
    assert parsed.errors == (
        "line 4: '31/02/2027' is not a date: February 2027 has 28 days.",
        "line 5: 'lots' is not a number.",
        "line 6: no value after the date '2027-04-01'.",
        "line 7: 'foo' is not a date: write it as 2027-03-31, 31/03/2027 or 31 Mar 2027.",
    )


def test_a_bad_date_in_a_comma_line_names_the_date() -> None:
    parsed = parse_measurements("Feb 30, 2027, 5\n31/02/2027,1,200\n", day_first=True)
    assert parsed.errors == (
        "line 1: 'Feb 30, 2027' is not a date: February 2027 has 28 days.",
        "line 2: '31/02/2027' is not a date: February 2027 has 28 days.",
    )


def test_only_the_first_line_can_be_a_header() -> None:
    parsed = parse_measurements("2027-03-31\t4\nDate\tValue\n", day_first=True)
    assert parsed.errors == (
        "line 2: 'Date' is not a date: write it as 2027-03-31, 31/03/2027 or 31 Mar 2027.",
    )


def test_duplicate_dates_are_kept_and_noted() -> None:
    text = "2027-03-31\t4\n31/03/2027\t5\n2027-04-01\t6\n31 Mar 2027\t7\n"
    parsed = parse_measurements(text, day_first=True)
    assert [value for _, value in parsed.rows] == [4, 5, 6, 7]
    assert parsed.notes == ("2027-03-31 is on lines 1, 2 and 4: all of them are kept.",)


def test_other_columns_are_ignored_with_a_note() -> None:
    parsed = parse_measurements("2027-03-31\t4\tlate\n2027-04-01\t5\t\n", day_first=True)
    assert parsed.rows == ((MARCH_31, 4.0), (dt.date(2027, 4, 1), 5.0))
    assert parsed.notes == (
        "Only the date and the first value are read; other columns are ignored (line 1).",
    )


def test_nothing_pasted() -> None:
    parsed = parse_measurements("\n  \n", day_first=True)
    assert (parsed.rows, parsed.errors, parsed.notes) == ((), (), ())


def test_a_line_with_only_a_number() -> None:
    parsed = parse_measurements("2027-03-31\t4\n12\n", day_first=True)
    assert parsed.errors == (
        "line 2: '12' is not a date: write it as 2027-03-31, 31/03/2027 or 31 Mar 2027.",
    )
