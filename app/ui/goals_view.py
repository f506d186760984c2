"""Goals: listed as the sentences they read as, and a form that refuses a vague goal.

A goal is saved only when the SMART check of the analysis finds nothing missing; until then
the form says, in plain words, what is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.analysis.goals import (
    BUILTIN_METRICS,
    DEFAULT_DEADLINE_DAYS,
    check_goal,
    goal_sentence,
    goal_value,
    resolve_baseline,
    typed_fraction,
)
from app.analysis.metrics import Metrics, compute_metrics
from app.process.durations import DurationError, parse_duration
from app.process.model import Goal, Process
from app.ui.date_field import DateField
from app.ui.store import ProcessStore

CUSTOM = "custom"
DIRECTIONS = {"decrease": "Lower is better", "increase": "Higher is better"}


class GoalValueError(ValueError):
    """A typed baseline or target that cannot be read; the message says how to write it."""


def parse_goal_value(goal: Goal, text: str, label: str) -> float | None:
    """Read a baseline or target typed as a person would (``2 days``, ``25 %``, ``1,200``)."""
    cleaned = text.strip()
    if not cleaned:
        return None
    spec = BUILTIN_METRICS.get(goal.metric)
    if spec is not None and spec.unit == "minutes":
        try:
            return parse_duration(cleaned)
        except DurationError as error:
            raise GoalValueError(f"{label}: {error}") from error
    number_text = cleaned.replace(",", "").rstrip("%").strip()
    for symbol in ("$", "€", "£"):
        number_text = number_text.replace(symbol, "")
    try:
        value = float(number_text.split()[0]) if number_text else float("nan")
    except ValueError:
        value = float("nan")
    if value != value:  # NaN: nothing readable
        raise GoalValueError(f"{label}: '{cleaned}' is not a number.")
    if spec is not None and spec.unit == "fraction":
        return typed_fraction(value, cleaned)
    return value


def value_text(goal: Goal, value: float | None, currency: str) -> str:
    return "" if value is None else goal_value(goal, value, currency=currency)


class GoalDialog(QDialog):
    """Create or change one goal; Save stays off until the goal is SMART."""

    def __init__(
        self, process: Process, goal: Goal | None, *, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Goal" if goal else "New goal")
        self.process = process
        self.today = today
        self.metrics: Metrics = compute_metrics(process)
        self.goal = goal or Goal(metric="lead_time", unit="minutes")
        self.exact_baseline: tuple[str, float | None] = ("", None)
        self._build()
        self._load(self.goal)
        self._update()

    def _build(self) -> None:
        self.metric_box = QComboBox(self)
        for key, spec in BUILTIN_METRICS.items():
            self.metric_box.addItem(spec.label.capitalize(), key)
        self.metric_box.addItem("Custom metric…", CUSTOM)
        self.custom_name = QLineEdit(self)
        self.custom_unit = QLineEdit(self)
        self.direction = QComboBox(self)
        for key, text in DIRECTIONS.items():
            self.direction.addItem(text, key)
        self.baseline = QLineEdit(self)
        self.baseline_source = QLineEdit(self)
        self.target = QLineEdit(self)
        self.due = DateField(self, today=lambda: self.today)
        self.owner = QLineEdit(self)
        self.measured_by = QLineEdit(self)
        self.measured_by.setPlaceholderText("e.g. weekly, from the invoice log")
        self.form = QFormLayout()
        for label, widget in (
            ("Metric", self.metric_box),
            ("Custom metric", self.custom_name),
            ("Counted in", self.custom_unit),
            ("Direction", self.direction),
            ("Baseline (today)", self.baseline),
            ("Baseline source", self.baseline_source),
            ("Target", self.target),
            ("Deadline", self.due),
            ("Owner", self.owner),
            ("Measured how", self.measured_by),
        ):
            widget.setAccessibleName(label)
            self.form.addRow(f"{label}:", widget)
        self.sentence = QLabel(self)
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        font = self.sentence.font()
        font.setBold(True)
        self.sentence.setFont(font)
        self.problems = QLabel(self)
        self.problems.setObjectName("fieldError")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.sentence)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.resize(560, 0)
        for line in (
            self.custom_name,
            self.custom_unit,
            self.baseline,
            self.baseline_source,
            self.target,
            self.owner,
            self.measured_by,
        ):
            line.textChanged.connect(self._update)
        self.metric_box.currentIndexChanged.connect(self._metric_changed)
        self.direction.currentIndexChanged.connect(self._update)
        self.due.line.textChanged.connect(self._update)

    def _load(self, goal: Goal) -> None:
        builtin = goal.metric in BUILTIN_METRICS
        self.metric_box.setCurrentIndex(
            self.metric_box.findData(goal.metric if builtin else CUSTOM)
        )
        self.custom_name.setText("" if builtin else goal.metric)
        self.custom_unit.setText("" if builtin else goal.unit)
        if goal.direction:
            self.direction.setCurrentIndex(self.direction.findData(goal.direction))
        self._show_baseline(resolve_baseline(goal, self.metrics, self.today))
        self.target.setText(value_text(goal, goal.target, self.process.currency))
        due = goal.due or self.today + dt.timedelta(days=DEFAULT_DEADLINE_DAYS)
        self.due.set_date(due)
        self.owner.setText(goal.owner)
        self.measured_by.setText(goal.measured_by)

    def _metric_changed(self) -> None:
        key = self.metric_box.currentData()
        if key != CUSTOM:
            measured = resolve_baseline(Goal(metric=key, unit="minutes"), self.metrics, self.today)
            self._show_baseline(measured)
            self.direction.setCurrentIndex(self.direction.findData(BUILTIN_METRICS[key].direction))
        self._update()

    def _show_baseline(self, goal: Goal) -> None:
        """Show a baseline rounded for reading, but keep its exact value while unedited."""
        text = value_text(goal, goal.baseline, self.process.currency)
        self.exact_baseline = (text, goal.baseline)
        self.baseline.setText(text)
        self.baseline_source.setText(goal.baseline_source)

    def current_goal(self) -> Goal:
        """The goal as the form stands; raises GoalValueError for an unreadable value."""
        key = self.metric_box.currentData()
        custom = key == CUSTOM
        spec = BUILTIN_METRICS.get(key)
        unit = (
            self.custom_unit.text()
            if custom
            else ("minutes" if spec and spec.unit == "minutes" else (spec.unit if spec else ""))
        )
        try:
            due = self.due.date()
        except ValueError as error:
            raise GoalValueError(f"Deadline: {error}") from None
        goal = replace(
            self.goal,
            metric=self.custom_name.text().strip() if custom else key,
            unit=unit,
            direction=self.direction.currentData(),
            due=due,
            owner=self.owner.text(),
            measured_by=self.measured_by.text(),
            baseline_source=self.baseline_source.text(),
        )
        shown, exact = self.exact_baseline
        typed = self.baseline.text()
        baseline = exact if typed == shown else parse_goal_value(goal, typed, "Baseline")
        target = parse_goal_value(goal, self.target.text(), "Target")
        date_of_baseline = goal.baseline_date or (self.today if baseline is not None else None)
        return replace(goal, baseline=baseline, target=target, baseline_date=date_of_baseline)

    def problems_now(self) -> tuple[str, ...]:
        try:
            goal = self.current_goal()
        except GoalValueError as error:
            return (str(error),)
        return check_goal(goal, today=self.today)

    def _update(self) -> None:
        custom = self.metric_box.currentData() == CUSTOM
        for widget in (self.custom_name, self.custom_unit):
            widget.setVisible(custom)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(custom)
        self.direction.setEnabled(custom)
        problems = self.problems_now()
        if not problems:
            self.sentence.setText(
                goal_sentence(self.current_goal(), currency=self.process.currency)
            )
        else:
            self.sentence.setText("")
        self.problems.setText("\n".join(f"• {problem}" for problem in problems))
        self.problems.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to the height the wrapped sentences need at this width (Qt does not grow a
        dialog whose text wraps), so no field is squeezed."""
        layout = self.layout()
        if layout is None:
            return
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalMinimumSize().height())
        if needed > self.height():
            self.resize(self.width(), needed)


class GoalsView(QWidget):
    """The goals of a process as sentences, with add, change and remove."""

    def __init__(
        self, store: ProcessStore, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.process = Process(name="")
        self.list = QListWidget(self)
        self.list.setAccessibleName("Goals")
        self.list.setWordWrap(True)
        self.add_button = QPushButton("Add goal…", self)
        self.edit_button = QPushButton("Change…", self)
        self.remove_button = QPushButton("Remove", self)
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setAccessibleName(button.text())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.edit_goal(None))
        self.edit_button.clicked.connect(lambda: self.edit_goal(self.list.currentRow()))
        self.list.itemActivated.connect(lambda _item: self.edit_goal(self.list.currentRow()))
        self.remove_button.clicked.connect(self.remove_goal)

    def _today(self) -> dt.date:
        return self.today or dt.date.today()

    def show_process(self, process: Process) -> None:
        self.process = process
        self.list.clear()
        for goal in process.goals:
            problems = check_goal(goal, today=self._today())
            text = goal_sentence(goal, currency=process.currency)
            item = QListWidgetItem(text if not problems else f"{text}\n⚠ {problems[0]}")
            item.setToolTip("\n".join(problems) or "This goal is specific, measurable and dated.")
            self.list.addItem(item)
        if not process.goals:
            self.list.addItem(
                QListWidgetItem(
                    "No goals yet. “Faster” is not a goal: add one "
                    "with a baseline, a target, a deadline and an owner."
                )
            )
        has_goal = bool(process.goals)
        self.list.setEnabled(has_goal)
        self.edit_button.setEnabled(has_goal)
        self.remove_button.setEnabled(has_goal)

    def edit_goal(self, row: int | None) -> None:
        goal = (
            self.process.goals[row]
            if row is not None and 0 <= row < len(self.process.goals)
            else None
        )
        if row is not None and goal is None:  # "Change…" with no goal chosen
            return
        dialog = GoalDialog(self.process, goal, today=self._today(), parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.save_goal(row if goal is not None else None, dialog.current_goal())

    def save_goal(self, row: int | None, goal: Goal) -> None:
        goals = list(self.process.goals)
        if row is None:
            goals.append(goal)
        else:
            goals[row] = goal
        self.store.apply(
            replace(self.process, goals=tuple(goals)),
            "Change goal" if row is not None else "Add goal",
        )

    def remove_goal(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.process.goals):
            return
        goals = self.process.goals[:row] + self.process.goals[row + 1 :]
        self.store.apply(replace(self.process, goals=goals), "Remove goal")
