"""Build the improvement plan: analyse, lay out the sections page group by page group, write.

The file is written to a temporary sibling and renamed into place only when complete, so a
cancel or an error never leaves a partial PDF behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from app.export.pdf.branding import accent_or_empty
from app.export.pdf.context import PlanContext, analyse, user_texts
from app.export.pdf.document import (
    Cancelled,
    Phase,
    PlanDocument,
    Progress,
    numbered_canvas,
    page_frames,
)
from app.export.pdf.fonts import missing_glyphs, register_fonts, unshaped_scripts
from app.export.pdf.options import PlanCancelled, PlanOptions, PlanReport
from app.export.pdf.sections.accounts import accounts
from app.export.pdf.sections.actions import actions
from app.export.pdf.sections.appendix import appendix
from app.export.pdf.sections.control import control
from app.export.pdf.sections.cover import cover
from app.export.pdf.sections.current_map import current_map
from app.export.pdf.sections.findings import findings
from app.export.pdf.sections.future import (
    before_after,
    future_map,
    missing_future,
    read_future_state,
)
from app.export.pdf.sections.goals import goals
from app.export.pdf.sections.measures import measures
from app.export.pdf.sections.scope import scope
from app.export.pdf.sections.signoff import signoff
from app.export.pdf.sections.simulation import simulate_for_plan, simulation
from app.export.pdf.sections.summary import summary
from app.export.pdf.styles import accent_applied
from app.process.model import Process

FOOTER_ORGANISATION = 48  # characters of the organisation's name in the page footer
Section = Callable[[PlanContext], list[Flowable]]
Group = tuple[str, str, list[Section]]  # orientation, phase text, sections


def write_plan_pdf(
    process: Process,
    path: Path,
    *,
    options: PlanOptions | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> PlanReport:
    """Write the improvement plan of ``process`` to ``path``; raise PlanCancelled on cancel."""
    options = options or PlanOptions()
    report = progress or _quiet
    _check(cancelled)
    report(0, "Analysing the process")
    register_fonts()
    portrait, landscape = page_frames(options.resolved_page_size())
    ctx = analyse(process, options, portrait, landscape)
    _check(cancelled)
    simulate_for_plan(process, report, cancelled)
    report(8, "Drawing the maps")
    with accent_applied(accent_or_empty(options.accent)):
        story = build_story(ctx)
        _check(cancelled)
        pages = _write(ctx, story, Path(path), report, cancelled)
    report(100, "Done")
    texts = list(user_texts(process))
    return PlanReport(
        path=str(path),
        pages=pages,
        page_size=ctx.page_size,
        missing_glyphs=missing_glyphs(texts),
        unshaped_scripts=unshaped_scripts(texts),
    )


def _quiet(percent: int, phase: str) -> None:
    return None


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise PlanCancelled("The export was cancelled.")


def page_groups(ctx: PlanContext) -> list[Group]:
    """The plan's sections, grouped by the pages they start on."""
    future = read_future_state(ctx.process)
    groups: list[Group] = [
        ("portrait", "Writing the summary", [summary]),
        ("portrait", "Writing the scope", [scope]),
        ("landscape", "Drawing the current-state map", [current_map]),
        ("portrait", "Writing the metrics and findings", [measures, findings, accounts]),
        ("portrait", "Writing goals and actions", [goals, actions]),
    ]
    if isinstance(future, str):
        reason = future
        groups[-1][2].append(lambda c: missing_future(c, reason))
        groups.append(("portrait", "Writing the control plan", [simulation, control, signoff]))
    else:
        groups.append(("landscape", "Drawing the future state", [lambda c: future_map(c, future)]))
        groups.append(
            (
                "portrait",
                "Writing the control plan",
                [lambda c: before_after(c, future), simulation, control, signoff],
            )
        )
    groups.append(("landscape", "Writing the appendix", [appendix]))
    return groups


def build_story(ctx: PlanContext) -> list[Flowable]:
    """Every flowable of the plan: the cover, then each page group on a new page."""
    story: list[Flowable] = [Phase("Writing the cover"), *cover(ctx)]
    for orientation, phase, sections in page_groups(ctx):
        story += [NextPageTemplate(orientation), PageBreak(), Phase(phase)]
        for section in sections:
            story += section(ctx)
    return story


def _write(
    ctx: PlanContext,
    story: list[Flowable],
    path: Path,
    progress: Progress,
    cancelled: Cancelled | None,
) -> int:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    try:
        document = _document(ctx, temporary, progress, cancelled)
        header = _header(ctx)
        document.build_story(story, numbered_canvas(header, _footer(ctx)))
        os.chmod(temporary, new_file_mode())  # mkstemp makes it private (0600)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return int(document.page)


_umask_lock = threading.Lock()


def new_file_mode() -> int:
    """The mode a new file gets from the user's umask (0644 under the usual 022)."""
    with _umask_lock:  # the umask can only be read by setting it
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def _document(
    ctx: PlanContext, filename: str, progress: Progress, cancelled: Cancelled | None
) -> PlanDocument:
    process = ctx.process
    return PlanDocument(
        filename,
        page_size=ctx.page_size,
        header=_header(ctx),
        progress=progress,
        cancelled=cancelled,
        title=f"Improvement plan: {process.name.strip() or 'untitled process'}",
        author=ctx.author or process.owner.strip(),
        subject=_subject(ctx),
        creator="Walkthrough",
        invariant=1 if ctx.options.invariant else 0,
        lang="en",
    )


def _header(ctx: PlanContext) -> tuple[str, str]:
    """The running header: the plan's title on the left, who prepared it for whom on the right."""
    name = ctx.process.name.strip() or "Untitled process"
    return f"{name} · improvement plan", ctx.prepared


def _footer(ctx: PlanContext) -> str:
    organisation = " ".join(ctx.organisation.split())
    if len(organisation) > FOOTER_ORGANISATION:
        organisation = organisation[: FOOTER_ORGANISATION - 1].rstrip() + "…"
    parts = [ctx.date(ctx.today), organisation]  # the date first: a right-to-left name ends it
    return " · ".join(part for part in parts if part)


def _subject(ctx: PlanContext) -> str:
    organisation = f" at {ctx.organisation}" if ctx.organisation else ""
    return f"DMAIC improvement plan for one process{organisation}"
