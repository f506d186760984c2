"""Wrapping and eliding labels to a width and a number of lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.swimlane.text import ELLIPSIS, approximate_measure, char_width_em, wrap_text

MEASURE = approximate_measure(10.0)


def test_short_text_stays_on_one_line() -> None:
    assert wrap_text("Check order", width=200, max_lines=3, measure=MEASURE) == ("Check order",)


def monospace(text: str) -> float:
    return 10.0 * len(text)


def test_text_wraps_at_spaces() -> None:
    lines = wrap_text("one two three four", width=60, max_lines=4, measure=monospace)
    assert lines == ("one", "two", "three", "four")


def test_the_last_line_is_elided_when_text_is_left_over() -> None:
    lines = wrap_text("one two three four", width=60, max_lines=2, measure=monospace)
    assert lines == ("one", "two…")


def test_a_2000_character_name_is_cut_to_the_allowed_lines_with_an_ellipsis() -> None:
    name = "Approve the purchase request " * 70
    lines = wrap_text(name, width=150, max_lines=3, measure=MEASURE)
    assert len(lines) == 3
    assert lines[-1].endswith(ELLIPSIS)
    assert all(MEASURE(line) <= 150 for line in lines)


def test_a_word_wider_than_the_line_is_broken_between_characters() -> None:
    lines = wrap_text("x" * 2000, width=60, max_lines=2, measure=MEASURE)
    assert len(lines) == 2
    assert lines[0] == "x" * len(lines[0])
    assert lines[1].endswith(ELLIPSIS)


def test_wide_characters_count_double() -> None:
    assert char_width_em("審") == 2 * char_width_em("a")
    assert char_width_em("😀") == 2 * char_width_em("a")
    assert char_width_em("\u0301") == 0.0


def test_emoji_sequences_and_combining_marks_are_not_split() -> None:
    family = "👩\u200d👩\u200d👧"
    lines = wrap_text(family * 6, width=25, max_lines=6, measure=MEASURE)
    assert "".join(lines).count("\u200d") % 2 == 0
    for line in lines:
        assert not line.startswith("\u200d")
        assert not line.endswith("\u200d")
    accented = "e\u0301" * 30
    for line in wrap_text(accented, width=30, max_lines=5, measure=MEASURE):
        assert not line.startswith("\u0301")


def test_right_to_left_text_keeps_its_logical_order() -> None:
    lines = wrap_text("مراجعة الطلب من المدير", width=1000, max_lines=1, measure=MEASURE)
    assert lines == ("مراجعة الطلب من المدير",)


def test_empty_and_blank_text_gives_no_lines() -> None:
    assert wrap_text("", width=100, max_lines=3, measure=MEASURE) == ()
    assert wrap_text(" \n\t", width=100, max_lines=3, measure=MEASURE) == ()
    assert wrap_text("text", width=100, max_lines=0, measure=MEASURE) == ()


def test_a_real_measure_can_be_passed() -> None:
    assert wrap_text("abcd efgh", width=45, max_lines=2, measure=monospace) == ("abcd", "efgh")


@given(st.text(max_size=300), st.floats(20, 300), st.integers(1, 5))
def test_lines_fit_and_keep_the_words_in_order(text: str, width: float, max_lines: int) -> None:
    lines = wrap_text(text, width=width, max_lines=max_lines, measure=MEASURE)
    assert len(lines) <= max_lines
    assert all(line for line in lines)
    assert all(MEASURE(line) <= width for line in lines)
    shown = "".join(lines).removesuffix(ELLIPSIS).replace(" ", "")
    assert "".join(text.split()).startswith(shown)
    if text.split() and not lines[-1].endswith(ELLIPSIS):
        assert shown == "".join(text.split())
