"""A realistic control series for the invoices sample: 12 weekly lead times before go-live
(one holiday spike, a concern signal) and 8 after, improving."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from app.analysis.reviews import schedule_reviews
from app.process.control import Control, Measurement
from app.process.model import Process

GO_LIVE = dt.date(2027, 1, 15)
TODAY = dt.date(2027, 3, 12)
DAY = 1440.0  # the sample's lead time goal is in minutes
BEFORE_DAYS = (5.1, 4.8, 5.3, 4.9, 5.0, 5.4, 7.2, 5.2, 4.7, 5.0, 5.3, 4.9)
AFTER_DAYS = (3.4, 2.9, 2.6, 2.4, 2.2, 2.1, 2.3, 1.9)


def lead_time_series() -> tuple[Measurement, ...]:
    first = GO_LIVE - dt.timedelta(weeks=len(BEFORE_DAYS))
    values = (*BEFORE_DAYS, *AFTER_DAYS)
    return tuple(
        Measurement("lead_time", first + dt.timedelta(weeks=week), days * DAY)
        for week, days in enumerate(values)
    )


def with_control_series(process: Process) -> Process:
    """The process gone live on GO_LIVE with 20 weekly lead times."""
    control = schedule_reviews(Control(owner="Dana Ortiz"), GO_LIVE)
    control = replace(control, measurements=lead_time_series())
    return replace(process, control=control)
