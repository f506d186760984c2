"""What the caller chooses for a plan, what it gets back, and how a cancel is signalled.

Nothing here imports ReportLab, so the UI and the command line can build options cheaply.
"""

from __future__ import annotations

import datetime as dt
import locale
import os
from dataclasses import dataclass, field
from typing import Literal

PageSize = Literal["A4", "Letter"]

# Countries whose paper is US Letter (CLDR's paper-size data); everywhere else uses A4.
LETTER_COUNTRIES = frozenset(
    {"US", "CA", "MX", "PH", "PR", "CL", "CO", "VE", "GT", "CR", "PA", "DO", "SV", "NI", "BZ"}
)
_LOCALE_VARIABLES = ("LC_ALL", "LC_PAPER", "LANG")


class PlanCancelled(Exception):  # noqa: N818 - the name says what happened, like KeyboardInterrupt
    """The caller cancelled the export; no file was written."""


def _today() -> dt.date:
    return dt.date.today()


@dataclass(frozen=True, slots=True)
class PlanOptions:
    """How to print the plan.

    ``page_size`` None takes the paper of the user's locale. ``organisation`` overrides the
    process's own. ``invariant`` makes the file byte-identical for the same input (no dates or
    random ids from ReportLab), which tests need. ``author`` and ``company`` are the consultant
    who prepared the plan ("Prepared by … for …" on the cover and page headers); ``logo`` is
    the path of a PNG or JPEG for the cover; ``accent`` a ``#rrggbb`` colour for headings,
    rules and the maps ("" keeps the plan's own).
    """

    page_size: PageSize | None = None
    author: str = ""
    organisation: str = ""
    company: str = ""
    logo: str = ""
    accent: str = ""
    today: dt.date = field(default_factory=_today)
    invariant: bool = False

    def resolved_page_size(self) -> PageSize:
        """The page size to print on: the chosen one, else the locale's."""
        return self.page_size or locale_page_size()


@dataclass(frozen=True, slots=True)
class PlanReport:
    """What was written: the page count and the text the PDF could not draw as typed.

    ``missing_glyphs`` are characters the embedded font has no glyph for (drawn as boxes).
    ``unshaped_scripts`` name right-to-left scripts the plan cannot shape (Hebrew and Arabic
    are shaped and drawn in visual order; Syriac, say, is kept in the order typed).
    """

    path: str
    pages: int
    page_size: PageSize
    missing_glyphs: tuple[str, ...] = ()
    unshaped_scripts: tuple[str, ...] = ()


def locale_page_size(name: str | None = None) -> PageSize:
    """Letter for a locale of a Letter country (``en_US.UTF-8``), else A4."""
    country = _country(name if name is not None else _locale_name())
    return "Letter" if country in LETTER_COUNTRIES else "A4"


def _locale_name() -> str:
    """The locale that decides the paper; the C locale names no country (so A4, ISO's size).

    Python maps C.UTF-8 to en_US in ``locale.getlocale``, so it is asked only when no locale
    variable is set at all.
    """
    for variable in _LOCALE_VARIABLES:
        value = os.environ.get(variable, "")
        if value:
            return "" if value.split(".")[0] in ("C", "POSIX") else value
    try:
        return locale.getlocale()[0] or ""
    except ValueError:
        return ""


def _country(name: str) -> str:
    """``en_US.UTF-8`` → ``US``; ``de-CH`` → ``CH``; no country → ``""``."""
    base = name.split(".")[0].split("@")[0].replace("-", "_")
    parts = base.split("_")
    return parts[1].upper() if len(parts) > 1 else ""
