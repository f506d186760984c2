"""Escape (or the window's close button) on a dialog with changed fields asks first.

One application-wide filter serves every dialog: when a dialog is shown it notes what its
fields hold; when the user presses Escape or closes it, a changed dialog asks "Discard the
changes?" and stays open unless the answer is Discard. Dialogs that only show or pick
(messages, file and progress dialogs) are left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QSpinBox,
    QTableWidget,
    QTextEdit,
    QWidget,
)

Snapshot = tuple[object, ...]
LEFT_ALONE = (QMessageBox, QFileDialog, QProgressDialog, QInputDialog)


def field_values(dialog: QDialog) -> Snapshot:
    """What the dialog's editable fields hold, in a comparable form."""
    return tuple(_value(widget) for widget in dialog.findChildren(QWidget) if _editable(widget))


def _editable(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractButton):
        return widget.isCheckable()
    return isinstance(widget, QComboBox | QAbstractSpinBox | QTableWidget)


def _value(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QDateEdit):
        return widget.date().toString(Qt.DateFormat.ISODate) if widget.date() != QDate() else ""
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QTableWidget):
        return _table_values(widget)
    return widget.property("text")


def _table_values(table: QTableWidget) -> Snapshot:
    cells = []
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            cells.append(item.text() if item is not None else "")
    return (table.rowCount(), *cells)


class DialogGuard(QObject):
    """Installed on the application: notes dialogs as they open, asks before losing edits."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shown: dict[int, Snapshot] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.Show, QEvent.Type.KeyPress, QEvent.Type.Close):
            return False
        if kind == QEvent.Type.Show:
            if isinstance(watched, QDialog) and not isinstance(watched, LEFT_ALONE):
                self._shown[id(watched)] = field_values(watched)
            return False
        if kind == QEvent.Type.KeyPress:
            escape = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
            dialog = _dialog_of(watched) if escape else None
            return dialog is not None and not self.may_discard(dialog)
        # Only the window's close button (a spontaneous close), not the dialog's own code.
        asked = isinstance(watched, QDialog) and watched.isVisible() and event.spontaneous()
        if asked and not self.may_discard(watched):  # type: ignore[arg-type]
            event.ignore()
            return True
        return False

    def may_discard(self, dialog: QDialog) -> bool:
        """True when nothing changed since the dialog opened, or the user says discard."""
        before = self._shown.get(id(dialog))
        if before is None or field_values(dialog) == before:
            return True
        if confirm_discard(dialog):
            self._shown.pop(id(dialog), None)
            return True
        return False


def _dialog_of(widget: QObject) -> QDialog | None:
    if not isinstance(widget, QWidget):
        return None
    window = widget.window()
    if isinstance(window, QDialog) and not isinstance(window, LEFT_ALONE):
        return window
    return None


def confirm_discard(dialog: QDialog) -> bool:
    """Ask whether the typed changes may go; Keep editing is the default."""
    answer = QMessageBox.question(
        dialog,
        "Discard the changes?",
        "This dialog has changes that are not saved. Close it and lose them?",
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def install_dialog_guard(app: QApplication) -> DialogGuard:
    guard = DialogGuard(app)
    app.installEventFilter(guard)
    return guard
