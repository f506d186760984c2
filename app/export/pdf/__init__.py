"""The improvement plan as a PDF (ReportLab), Qt-free.

Importing this package is cheap: ReportLab loads on the first call of ``write_plan_pdf``.

    report = write_plan_pdf(process, Path("plan.pdf"), options=PlanOptions(author="Sam"),
                            progress=lambda percent, phase: ..., cancelled=lambda: False)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.export.pdf.options import (
    PageSize,
    PlanCancelled,
    PlanOptions,
    PlanReport,
    locale_page_size,
)

if TYPE_CHECKING:
    from app.process.model import Process

__all__ = [
    "PageSize",
    "PlanCancelled",
    "PlanOptions",
    "PlanReport",
    "locale_page_size",
    "write_plan_pdf",
]


def write_plan_pdf(
    process: Process,
    path: Path,
    *,
    options: PlanOptions | None = None,
    progress: Callable[[int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PlanReport:
    """Write the improvement plan of ``process`` to ``path`` and say what was written.

    ``progress`` receives (percent, phase) as the work goes on; when ``cancelled`` returns
    True the export stops with ``PlanCancelled`` and no file is left at ``path``. The file
    appears only once complete (written to a temporary sibling, then renamed).
    """
    from app.export.pdf.plan import write_plan_pdf as write

    return write(process, path, options=options, progress=progress, cancelled=cancelled)
