"""Dialogs never open larger than the screen: on a 1366×768 laptop a dialog sized for a
big monitor is shrunk to the free area (its layout scrolls or compresses) and kept on it, so
its buttons stay reachable."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QApplication, QDialog

MARGIN = 24  # room for the window frame the window manager adds


def fitted(window: QRect, screen: QRect) -> QRect:
    """``window`` shrunk to fit inside ``screen`` (less the frame margin) and moved onto it."""
    width = min(window.width(), screen.width() - MARGIN)
    height = min(window.height(), screen.height() - 2 * MARGIN)
    left = min(max(window.x(), screen.x()), screen.x() + screen.width() - width - MARGIN // 2)
    top = min(max(window.y(), screen.y()), screen.y() + screen.height() - height - MARGIN)
    return QRect(max(left, screen.x()), max(top, screen.y()), width, height)


class DialogFit(QObject):
    """Installed on the application: fits each dialog to its screen as it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            screen = watched.screen()
            if screen is not None:
                area = screen.availableGeometry()
                target = fitted(watched.geometry(), area)
                if target != watched.geometry():
                    watched.setGeometry(target)
        return False


def install_dialog_fit(app: QApplication) -> DialogFit:
    fit = DialogFit(app)
    app.installEventFilter(fit)
    return fit
