"""Small dialogs the map's commands ask through: pick a step by typing its name, type a text
or a share. Each returns None when cancelled; tests patch the module-level functions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.process.model import Process


def step_choices(process: Process, *, leaving_out: str = "") -> dict[str, str]:
    """ "Name — Lane" → step id for every step but ``leaving_out`` (names made unique)."""
    lanes = {lane.id: lane.name for lane in process.lanes}
    choices: dict[str, str] = {}
    for step in process.steps:
        if step.id == leaving_out:
            continue
        text = f"{step.name or '(no name)'} — {lanes.get(step.lane, step.lane)}"
        while text in choices:
            text += " ·"
        choices[text] = step.id
    return choices


class StepPicker(QDialog):
    """Type a few letters of a step's name and pick it from the completer."""

    def __init__(self, parent: QWidget, title: str, choices: dict[str, str], *, send_back: bool):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)  # room for "long step name — lane" in the completer
        self.choices = choices
        column = QVBoxLayout(self)
        column.addWidget(QLabel("Step (type part of its name):", self))
        self.field = QLineEdit(self)
        self.field.setAccessibleName("Step")
        completer = QCompleter(list(choices), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.field.setCompleter(completer)
        column.addWidget(self.field)
        self.send_back = QCheckBox("It sends work back (rework)", self)
        self.send_back.setChecked(send_back)
        column.addWidget(self.send_back)
        self.error = QLabel("", self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept_if_known)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    def chosen(self) -> str | None:
        """The step id typed or picked, if it names exactly one step."""
        text = self.field.text().strip()
        if text in self.choices:
            return self.choices[text]
        matches = (
            [
                sid
                for label, sid in self.choices.items()
                if label.casefold().startswith(text.casefold())
            ]
            if text
            else []
        )
        return matches[0] if len(matches) == 1 else None

    def _accept_if_known(self) -> None:
        if self.chosen() is None:
            self.error.setText(f"No single step is called '{self.field.text().strip()}'.")
            return
        self.accept()


def pick_step(
    parent: QWidget, title: str, choices: dict[str, str], *, send_back: bool = False
) -> tuple[str, bool] | None:
    """(step id, sends work back) picked by the person, or None."""
    dialog = StepPicker(parent, title, choices, send_back=send_back)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = dialog.chosen()
    return None if chosen is None else (chosen, dialog.send_back.isChecked())


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """One line of text, or None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None


def parse_out_of_ten(text: str) -> float | None:
    """ "7" → 7.0, "" → None (share equally); anything else raises with one sentence."""
    value = text.strip().replace(",", ".")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise ValueError(
            f"'{text.strip()}' is not a number: type how many out of 10, such as 7."
        ) from None
