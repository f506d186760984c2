"""On a 1366×768 laptop every page of the worked example fits: no widget is squeezed below
the size it needs (its minimum size hint), on any tab, and the window itself fits the screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QHeaderView, QWidget
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow

# A 1366×768 screen less a 30 px panel; the window frame is the window manager's.
LAPTOP = (1366, 738)


def squeezed(root: QWidget) -> Iterator[str]:
    """Every visible widget under ``root`` smaller than it needs to be usable."""
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.isWindow() or _inner_part(widget):
            continue
        need = _needed(widget).boundedTo(widget.maximumSize())  # a chosen fixed size is fine
        have = widget.size()
        if have.width() + 1 < need.width() or have.height() + 1 < need.height():
            name = widget.accessibleName() or widget.objectName() or type(widget).__name__
            yield (
                f"{name} ({type(widget).__name__}) {have.width()}×{have.height()}"
                f" < {need.width()}×{need.height()}"
            )


def _inner_part(widget: QWidget) -> bool:
    """Qt's own parts of a widget (a spin box's line edit, a view's header) size with it."""
    return widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView)


def _needed(widget: QWidget) -> QSize:
    """Its minimum size hint; a scrolling view needs two lines and a little width (it scrolls
    the rest), not Qt's generic 70×70."""
    need = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    if isinstance(widget, QAbstractScrollArea):
        lines = widget.fontMetrics().lineSpacing() * 2 + 2 * widget.frameWidth()
        need = need.boundedTo(QSize(60, lines)).expandedTo(widget.minimumSize())
    return need


@pytest.fixture
def laptop(window: MainWindow, qtbot: QtBot) -> MainWindow:
    window.add_samples()  # opens the worked example
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_window_fits_a_laptop_screen(laptop: MainWindow) -> None:
    need = laptop.minimumSizeHint()
    assert need.width() <= LAPTOP[0]
    assert need.height() <= LAPTOP[1]
    assert (laptop.width(), laptop.height()) == LAPTOP


def test_no_widget_is_squeezed_on_any_tab(laptop: MainWindow) -> None:
    tabs = laptop.process_page.tabs
    problems = []
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        problems += [f"{tabs.tabText(index)}: {problem}" for problem in squeezed(laptop)]
    assert problems == [], "\n".join(problems)


def test_a_small_screen_starts_with_the_side_panels_folded(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from app.models.database import open_database
    from app.ui import splitters

    monkeypatch.setattr(splitters, "screen_width", lambda: 960)  # 1920×1080 at 2× scale
    small = MainWindow()
    qtbot.addWidget(small)
    small.store.set_database(open_database(tmp_path / "small.sqlite"))
    small.add_samples()
    small.resize(960, 510)
    small.show()
    qtbot.waitExposed(small)
    assert small.splitter.sizes()[0] == 0
    assert not small.list_action.isChecked()
    assert small.process_page.map_page.splitter.sizes()[0] == 0
    small.list_action.trigger()  # Ctrl+Shift+L brings the list back
    assert small.splitter.sizes()[0] > 0
