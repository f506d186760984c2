"""The page machinery: portrait and landscape templates, running header, "Page N of M",
the outline, and progress and cancel checks between flowables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from app.export.pdf.bidi import shaped, visual
from app.export.pdf.context import Frame as FrameSize
from app.export.pdf.fonts import BOLD, REGULAR
from app.export.pdf.options import PageSize, PlanCancelled
from app.export.pdf.styles import ACCENT, MUTED, RULE

PORTRAIT_MARGINS = (22 * mm, 22 * mm, 24 * mm, 22 * mm)  # left, right, top, bottom
LANDSCAPE_MARGINS = (16 * mm, 16 * mm, 20 * mm, 16 * mm)
PAGE_SIZES = {"A4": A4, "Letter": LETTER}

Progress = Callable[[int, str], None]
Cancelled = Callable[[], bool]


def page_frames(page_size: PageSize) -> tuple[FrameSize, FrameSize]:
    """The portrait and landscape frame sizes of a paper size."""
    portrait = PAGE_SIZES[page_size]
    return _frame(portrait, PORTRAIT_MARGINS), _frame(landscape(portrait), LANDSCAPE_MARGINS)


def _frame(page: tuple[float, float], margins: tuple[float, float, float, float]) -> FrameSize:
    left, right, top, bottom = margins
    width, height = page
    return FrameSize(width, height, width - left - right, height - top - bottom)


class Phase(Flowable):  # type: ignore[misc]
    """An invisible marker: reaching it reports a new phase of the export."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0.0, 0.0)

    def draw(self) -> None:
        return None


class PlanDocument(BaseDocTemplate):  # type: ignore[misc]
    """A document with a portrait and a landscape template that reports progress as it goes."""

    def __init__(
        self,
        filename: str,
        *,
        page_size: PageSize,
        header: tuple[str, str],
        progress: Progress | None,
        cancelled: Cancelled | None,
        **info: Any,
    ) -> None:
        portrait = PAGE_SIZES[page_size]
        # Without initialFontName every page names standard Helvetica, which is never embedded.
        super().__init__(
            filename, pagesize=portrait, initialFontName=REGULAR, initialFontSize=9.5, **info
        )
        self.header = header
        self._progress = progress
        self._cancelled = cancelled
        self._done = 0
        self._total = 1
        self._phase = ""
        self._outline = 0
        self.addPageTemplates(
            [
                _template("portrait", portrait, PORTRAIT_MARGINS),
                _template("landscape", landscape(portrait), LANDSCAPE_MARGINS),
            ]
        )

    def build_story(self, story: Sequence[Flowable], canvasmaker: type[Canvas]) -> None:
        """Lay out ``story``; progress runs from 15 to 95 %."""
        self._total = max(1, len(story))
        self.build(list(story), canvasmaker=canvasmaker)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab's hook
        self._done += 1
        if isinstance(flowable, Phase):
            self._phase = flowable.text
        if isinstance(flowable, Paragraph) and getattr(flowable, "outline_level", None) is not None:
            self._add_outline(flowable)
        if self._cancelled is not None and self._cancelled():
            raise PlanCancelled("The export was cancelled.")
        if self._progress is not None:
            self._progress(min(95, 15 + 80 * self._done // self._total), self._phase)

    def _add_outline(self, flowable: Paragraph) -> None:
        self._outline += 1
        key = f"section-{self._outline}"
        top = self.frame._y + flowable.height + getattr(flowable.style, "spaceBefore", 0)
        self.canv.bookmarkPage(key, fit="XYZ", top=top, left=0)
        self.canv.addOutlineEntry(flowable.getPlainText(), key, level=flowable.outline_level)


def _template(
    name: str, page: tuple[float, float], margins: tuple[float, float, float, float]
) -> PageTemplate:
    left, right, top, bottom = margins
    width, height = page
    frame = Frame(
        left,
        bottom,
        width - left - right,
        height - top - bottom,
        id=name,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    return PageTemplate(id=name, frames=[frame], pagesize=page)


def numbered_canvas(header: tuple[str, str], footer: str) -> type[Canvas]:
    """A canvas class that adds the running header and "Page N of M" once the count is known.

    The first page (the cover) carries neither. Pages are held back until the count is known,
    so the outline's bookmarks are held back with them: set while the page is being laid out,
    ReportLab would point each one at the first page (the only one it has been given yet).
    """

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._marks: dict[int, list[tuple[str, dict[str, Any]]]] = {}

        def bookmarkPage(self, key: str, **kwargs: Any) -> None:  # noqa: N802 - ReportLab's API
            self._marks.setdefault(self._pageNumber, []).append((key, kwargs))

        def showPage(self) -> None:  # noqa: N802 - ReportLab's API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if self._pageNumber > 1:
                    _decorate(self, header, footer, self._pageNumber, total)
                for key, kwargs in self._marks.get(self._pageNumber, []):
                    Canvas.bookmarkPage(self, key, **kwargs)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _decorate(
    canvas: Canvas, header: tuple[str, str], footer: str, number: int, total: int
) -> None:
    width, height = canvas._pagesize
    portrait = width < height
    left, right, top, bottom = PORTRAIT_MARGINS if portrait else LANDSCAPE_MARGINS
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    rule_y = height - top + 7 * mm
    canvas.line(left, rule_y, width - right, rule_y)
    title, prepared = header
    room = width - left - right
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    by = _fit(prepared, room * 0.5, REGULAR, 7.5) if prepared else ""
    canvas.drawRightString(width - right, rule_y + 3, by)
    used = stringWidth(by, REGULAR, 7.5) + 12 if by else 60
    canvas.setFont(BOLD, 7.5)
    canvas.setFillColor(ACCENT)
    canvas.drawString(left, rule_y + 3, _fit(title, room - used, BOLD, 7.5))
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(left, bottom - 9 * mm, _fit(footer, width / 2, REGULAR, 7.5))
    canvas.drawRightString(width - right, bottom - 9 * mm, f"Page {number} of {total}")
    canvas.restoreState()


def _fit(text: str, width: float, font: str, size: float) -> str:
    """``text`` on one line, cut with "…" where it would be wider than ``width``, then put in
    visual order (a right-to-left name inside it reads right to left; the line stays LTR)."""
    return visual(_cut(text, width, font, size), right_to_left=False)


def _cut(text: str, width: float, font: str, size: float) -> str:
    line = " ".join(text.split())
    if stringWidth(shaped(line), font, size) <= width:
        return line
    line = line[: int(width / (size * 0.25))]
    while line and stringWidth(shaped(line) + "…", font, size) > width:
        line = line[:-1]
    return line + "…"
