"""The I-MR chart widget draws every shape of chart without error, in light and dark."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from app.analysis.control_chart import ChartResult, individuals_chart
from app.ui.control.chart import ControlChart, chart_colours, chart_words

START = dt.date(2027, 1, 4)
GO_LIVE = dt.date(2027, 3, 1)


def weekly(values: list[float], go_live: dt.date | None = GO_LIVE) -> ChartResult:
    points = [(START + dt.timedelta(weeks=i), v) for i, v in enumerate(values)]
    return individuals_chart(points, go_live=go_live, direction="decrease", target=2.0)


CASES = {
    "no data": weekly([]),
    "one point": weekly([5.0]),
    "all equal": weekly([4.0] * 10),
    "trial limits": weekly([5, 5.2, 4.8, 5.1, 4.9, 3, 2.8, 2.6], go_live=dt.date(2027, 2, 8)),
    "signals": weekly([5, 5.1, 4.9, 5, 5.2, 4.8, 5, 5.1, 9, 2, 2.1, 1.9, 2, 2.2, 1.8, 2, 2.1]),
    "no go-live": weekly([5, 4, 6], go_live=None),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_chart_draws_every_case(qtbot: QtBot, case: str) -> None:
    widget = ControlChart()
    qtbot.addWidget(widget)
    widget.resize(700, 420)
    widget.set_chart(CASES[case], title=case, format_value=lambda v: f"{v:g} days")
    image = widget.grab().toImage()
    assert not image.isNull()
    colours = {image.pixel(x, y) for x in range(0, 700, 7) for y in range(40, 300, 7)}
    assert len(colours) > 2  # something was painted besides the background


def test_words_say_when_limits_are_trial_or_undefined() -> None:
    verdict, messages = chart_words(CASES["trial limits"])
    assert verdict.startswith("Holding")
    assert "trial limits" in messages
    _, messages = chart_words(CASES["all equal"])
    assert "limits are undefined" in messages
    assert chart_words(CASES["no data"]) == ("", "")


def test_signals_are_listed_as_improvement_or_concern() -> None:
    chart = CASES["signals"]
    labels = {signal.label for signal in chart.signals}
    assert labels == {"improvement", "concern"}
    verdict, messages = chart_words(chart, lambda v: f"{v:.1f} d")
    assert verdict.startswith("Fading")
    assert "Concern:" in messages
    assert "Improvement:" in messages
    assert "d, limits" in messages  # the centre and limits in the metric's unit


def test_the_limit_sentence_is_written_in_the_metric_unit() -> None:
    chart = CASES["signals"]
    _, messages = chart_words(chart, lambda v: f"{v:.1f} d")
    assert f"Centre {chart.centre:.1f} d" in messages


def test_dark_palette_gives_lighter_series_colours() -> None:
    light = QPalette()
    light.setColor(QPalette.ColorRole.Base, QColor("white"))
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    assert chart_colours(dark).line.lightness() > chart_colours(light).line.lightness()
    assert chart_colours(dark).concern != chart_colours(dark).improvement
