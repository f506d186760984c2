"""Building half a million small objects without the cyclic garbage collector in the way.

Each collection walks every tracked object made so far, so a 554,000-event log read with it
running spends three quarters of its time collecting (measured: 1.7 s of events become 0.4 s).
Reference counting still frees everything; the collector resumes afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic collector for the block, and restore it as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
