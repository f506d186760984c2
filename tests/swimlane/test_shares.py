"""Branch shares: method.md's probability rule and the "2 in 10" wording."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.swimlane.shares import branch_label, effective_probabilities, share_text


def test_given_probabilities_are_kept() -> None:
    assert effective_probabilities([0.2, 0.8]) == pytest.approx((0.2, 0.8))


def test_the_rest_is_shared_equally_among_flows_without_one() -> None:
    assert effective_probabilities([0.4, None, None]) == pytest.approx((0.4, 0.3, 0.3))


def test_no_probabilities_means_equal_shares() -> None:
    assert effective_probabilities([None, None, None, None]) == pytest.approx((0.25,) * 4)


def test_a_total_other_than_one_is_scaled() -> None:
    assert effective_probabilities([0.5, 1.5]) == pytest.approx((0.25, 0.75))
    assert effective_probabilities([0.3, 0.3]) == pytest.approx((0.5, 0.5))


def test_unusable_numbers_count_as_not_given() -> None:
    assert effective_probabilities([math.nan, -1.0, 0.5]) == pytest.approx((0.25, 0.25, 0.5))
    assert effective_probabilities([0.0, 0.0]) == pytest.approx((0.5, 0.5))


@pytest.mark.parametrize(
    ("probability", "text"),
    [
        (0.2, "2 in 10"),
        (0.25, "25 in 100"),
        (1 / 3, "3 in 10"),
        (0.004, "1 in 100"),
        (0.999, "99 in 100"),
        (1.0, "10 in 10"),
        (0.0, "0 in 10"),
    ],
)
def test_share_text_reads_as_a_natural_frequency(probability: float, text: str) -> None:
    assert share_text(probability) == text


def test_branch_label_joins_name_and_share() -> None:
    assert branch_label("No", 0.2) == "No — 2 in 10"
    assert branch_label("  ", 0.5) == "5 in 10"


@given(st.lists(st.none() | st.floats(-1, 5) | st.just(math.nan), min_size=1, max_size=8))
def test_shares_always_add_up_to_one(given_values: list[float | None]) -> None:
    shares = effective_probabilities(given_values)
    assert len(shares) == len(given_values)
    assert sum(shares) == pytest.approx(1.0)
    assert all(share >= 0 for share in shares)
