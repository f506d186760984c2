"""A dialog sized for a big monitor opens within a 1366×768 laptop's screen."""

from __future__ import annotations

from PySide6.QtCore import QRect

from app.ui.dialog_fit import MARGIN, fitted

LAPTOP = QRect(0, 0, 1366, 738)


def test_a_dialog_taller_than_the_screen_is_shrunk_onto_it() -> None:
    placed = fitted(QRect(43, 0, 1280, 820), LAPTOP)
    assert LAPTOP.contains(placed)
    assert placed.height() == LAPTOP.height() - 2 * MARGIN
    assert placed.width() == 1280


def test_a_dialog_that_fits_is_left_where_it_is() -> None:
    assert fitted(QRect(300, 200, 560, 300), LAPTOP) == QRect(300, 200, 560, 300)


def test_a_dialog_off_the_right_edge_is_moved_back() -> None:
    placed = fitted(QRect(1200, 100, 560, 300), LAPTOP)
    assert LAPTOP.contains(placed)
    assert placed.size() == QRect(0, 0, 560, 300).size()
