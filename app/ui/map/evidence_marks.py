"""The "Said vs recorded" overlay: under each step, its said times against the log's medians.

The figures come from what the Evidence tab kept with the process (``app.evidence.recorded``),
never from the log itself, so a refresh of the map costs a dictionary read. A tag sits inside
the step's bottom edge, below its label (lower when the label fills the box), coloured by how
far apart said and recorded are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QFont, QFontMetricsF, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHelpEvent,
    QStyleOptionGraphicsItem,
    QToolTip,
    QWidget,
)

from app.evidence.mark_text import mark_lines, mark_tooltip
from app.evidence.recorded import RecordedLog, recorded_log
from app.evidence.said_recorded import StepMark, step_marks
from app.process.model import Process
from app.swimlane.geometry import NodeBox
from app.swimlane.style import DEFAULT_STYLE
from app.ui.map.badges import BADGE_SIZE
from app.ui.map.look import Look

if TYPE_CHECKING:
    from app.ui.map.page import MapPage

LINE = 14.0
INSET = 3.0  # inside the step's bottom edge when its label leaves room, else pushed down
PAD_X, PAD_Y = 6.0, 1.5
WIDER_THAN_BOX = 36.0  # into the column gap (40): 4 px stay between two columns' tags
TAG_Z = 20
COLOURS = {  # (fill, line): light fills so the dark text reads in a light or dark theme
    "calm": (QColor("#e8f5e9"), QColor("#2e7d32")),
    "apart": (QColor("#fff3e0"), QColor("#e65100")),
    "far": (QColor("#ffebee"), QColor("#c62828")),
    "unseen": (QColor("#f2f2f2"), QColor("#616161")),
}
TEXT = QColor("#1f2328")
OFF_TIP = (
    "Said vs recorded: import an event log on the Evidence tab and keep its mapping "
    "with the process to compare the map with it here"
)


SAID_MEANING = "Said → recorded (median): green within ×1.5, orange apart, red ×2 or more"


def paint_swatch(painter: QPainter, rect: QRectF) -> None:
    """The legend's sample: a red tag, as a gap of ×2 or more is drawn."""
    fill, line = COLOURS["far"]
    painter.setPen(QPen(line, 1.4))
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, 4, 4)


def tag_font(look: Look) -> QFont:
    font = QFont(look.font)
    font.setPixelSize(look.font.pixelSize())
    return font


class EvidenceTag(QGraphicsItem):
    """One step's said-against-recorded lines in a small tinted card (clicks pass through)."""

    def __init__(self, look: Look, font: QFont) -> None:
        super().__init__()
        self.look, self.font = look, font
        self.lines: tuple[str, ...] = ()
        self.tone = "calm"
        self.tip = ""
        self._rect = QRectF()
        self.share_clear = 0.0  # how far down to go when the lead-time pill is shown
        self.shown_for: tuple[object, ...] = ()
        self.setZValue(TAG_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def show_mark(self, mark: StepMark, node: NodeBox, tip: str) -> None:
        """Take ``mark``'s words and sit under ``node``'s label, at its bottom edge."""
        metrics = QFontMetricsF(self.font)
        widest = max(node.rect.width, DEFAULT_STYLE.box_width) + WIDER_THAN_BOX - 2 * PAD_X
        lines = tuple(
            metrics.elidedText(line, Qt.TextElideMode.ElideRight, widest)
            for line in mark_lines(mark)
        )
        width = max(metrics.horizontalAdvance(line) for line in lines) + 2 * PAD_X
        height = len(lines) * LINE + 2 * PAD_Y
        bottom = node.rect.y + node.rect.height
        top = max(bottom - height - INSET, label_bottom(node, self.look.line_height) + 2)
        self.share_clear = max(0.0, bottom + BADGE_SIZE / 2 + 1 - top)
        self.prepareGeometryChange()
        self._rect = QRectF(0, 0, width, height)
        self.lines, self.tip = lines, tip
        self.tone = mark.closeness if mark.seen else "unseen"
        self.setPos(node.rect.x + node.rect.width / 2 - width / 2, top)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1 + self.share_clear)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if option.levelOfDetailFromTransform(painter.worldTransform()) < 0.3:
            return
        card = self._rect.translated(0, self.share_clear if self.look.share else 0.0)
        fill, line = COLOURS[self.tone]
        pen = QPen(line, 1.4)
        if self.tone == "unseen":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(card, 4, 4)
        painter.setFont(self.font)
        painter.setPen(TEXT)
        for index, text in enumerate(self.lines):
            row = QRectF(card.x(), card.y() + PAD_Y + index * LINE, card.width(), LINE)
            painter.drawText(row, Qt.AlignmentFlag.AlignCenter, text)


def label_bottom(node: NodeBox, line_height: float) -> float:
    """Where the step's label ends (its lines are centred as a block in the text area)."""
    text = node.text_rect or node.rect
    block = len(node.lines) * line_height
    return text.y + (text.height - block) / 2 + block


class EvidenceMarks(QObject):
    """The page's "Said vs recorded" toggle and its tags, kept in step with the map shown."""

    def __init__(self, page: MapPage, *, shown: bool) -> None:
        super().__init__(page)
        self.page = page
        self.tags: dict[str, EvidenceTag] = {}
        self.font = tag_font(page.look)
        self.action = QAction("Said vs recorded", page)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("Alt+4"))
        self.action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action.toggled.connect(lambda _on: self.refresh())
        self.action.setEnabled(False)
        self.action.setToolTip(OFF_TIP)
        if shown:  # the current map only: the future state has no log yet
            page.view.addAction(self.action)
            page.toolbar.insertAction(page.legend_action, self.action)
            page.scene.installEventFilter(self)

    def refresh(self) -> None:
        """Draw (or take away) the tags for the map the page shows now."""
        process = self.page.process
        kept = recorded_log(process) if process is not None else None
        marks = step_marks(process) if process is not None and kept is not None else None
        self.action.setEnabled(marks is not None)
        self.action.setToolTip(OFF_TIP if kept is None else on_tip(kept))
        shown = marks is not None and self.action.isChecked()
        if shown != self.page.look.said_recorded:
            self.page.look.said_recorded = shown
            self.page.legend.refresh()
        if marks is None or kept is None or process is None or not shown:
            self._drop(set())
            return
        self._place(process, marks, kept)

    def _place(self, process: Process, marks: dict[str, StepMark], kept: RecordedLog) -> None:
        model = self.page.scene.model
        nodes = {node.step_id: node for node in model.geometry.nodes} if model else {}
        names = {step.id: step.name for step in process.steps}
        shown = {step_id for step_id in marks if step_id in nodes}
        self._drop(shown)
        for step_id in shown:
            tag = self.tags.get(step_id)
            if tag is None:
                tag = self.tags[step_id] = EvidenceTag(self.page.look, self.font)
                self.page.scene.addItem(tag)
            mark, node = marks[step_id], nodes[step_id]
            shown_for = (mark, node, names[step_id], kept.log, kept.period())
            if tag.shown_for != shown_for:  # an edit elsewhere leaves this tag as it is
                tag.shown_for = shown_for
                tag.show_mark(mark, node, mark_tooltip(mark, names[step_id], kept))

    def _drop(self, keep: set[str]) -> None:
        for step_id in [s for s in self.tags if s not in keep]:
            tag = self.tags.pop(step_id)
            if tag.scene() is not None:
                tag.scene().removeItem(tag)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A tag's own sentence on hover (the scene otherwise shows the step's tooltip)."""
        if event.type() == QEvent.Type.GraphicsSceneHelp and self.tags:
            assert isinstance(event, QGraphicsSceneHelpEvent)
            for item in self.page.scene.items(event.scenePos()):
                if isinstance(item, EvidenceTag):
                    QToolTip.showText(event.screenPos(), item.tip)
                    return True
        return super().eventFilter(watched, event)


def on_tip(kept: RecordedLog) -> str:
    """The toggle's tooltip once a log is kept: what the tags show and from which log."""
    where = ", ".join(part for part in (kept.log, kept.period()) if part)
    return (
        f"Said vs recorded (Alt+4): each step's wait and hands-on time as people said them → "
        f"the median recorded in {where}. Green within ×1.5, orange apart, red ×2 or more; "
        "dashed: the step is never seen in the log"
    )
