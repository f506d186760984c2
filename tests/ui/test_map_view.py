"""The map view opens legible, shows its zoom, and keeps the lane names in sight."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from app.ui.map.preview import MapPreview
from app.ui.map.view import LEGIBLE_ZOOM, legible_fit, zoom_text


@pytest.mark.parametrize(
    ("available", "width", "zoom"),
    [(1000, 500, 1.0), (1000, 1250, 0.8), (1000, 4000, LEGIBLE_ZOOM), (1000, 0, 1.0)],
)
def test_fit_width_never_enlarges_nor_goes_below_legible(
    available: float, width: float, zoom: float
) -> None:
    assert legible_fit(available, width) == pytest.approx(zoom)


def test_the_zoom_reads_as_a_percentage() -> None:
    assert zoom_text(0.75) == "75 %"
    assert zoom_text(1.0) == "100 %"


def test_lane_names_are_pinned_only_while_scrolled_and_follow_the_lanes(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.add_samples()
    window.resize(1366, 738)
    window.show()
    qtbot.waitExposed(window)
    page = window.process_page
    page.tabs.setCurrentWidget(page.map_page)
    view = page.map_page.view
    view.show_start()
    pins = view.lane_pins
    assert not pins.isVisible()  # the map's own lane cells show
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    assert pins.isVisible()
    assert pins.geometry().left() == view.viewport().geometry().left()
    assert [band.name for band in pins.bands()][:2] == ["Partner", "Office manager"]
    view.horizontalScrollBar().setValue(0)
    assert not pins.isVisible()


def test_the_interviews_map_has_pinned_names_too(qtbot: QtBot) -> None:
    preview = MapPreview()
    qtbot.addWidget(preview)
    assert preview.view.lane_pins.parent() is preview.view
