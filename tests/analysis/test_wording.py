"""Numbers as people read them."""

from __future__ import annotations

import pytest

from app.analysis.wording import percent


@pytest.mark.parametrize(
    ("fraction", "text"),
    [(0.3, "30 %"), (0.125, "12.5 %"), (0.0, "0 %"), (0.000125, "0.013 %"), (0.0049, "0.49 %"),
     (0.009, "0.9 %"), (1.0, "100 %")],
)  # fmt: skip
def test_percent_never_hides_a_small_share(fraction: float, text: str) -> None:
    assert percent(fraction) == text
