"""SIGKILL at a chosen moment: a forked child runs an action and is killed mid-way.

The child counts SQL statements (every engine) and kills itself just before statement
``at``; ``count_statements`` measures how many an action runs, so a test can kill at each.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event


def count_statements(action: Callable[[], object]) -> int:
    """How many SQL statements ``action`` runs, through any engine."""
    seen = [0]

    def count(*_args: Any) -> None:
        seen[0] += 1

    event.listen(Engine, "before_cursor_execute", count)
    try:
        action()
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    return seen[0]


def run_killed_at(action: Callable[[], object], at: int) -> bool:
    """Run ``action`` in a child killed before its statement number ``at``; True if killed."""
    child = os.fork()
    if child == 0:  # pragma: no cover - the child never returns
        seen = [0]

        def maybe_kill(*_args: Any) -> None:
            seen[0] += 1
            if seen[0] >= at:
                os.kill(os.getpid(), signal.SIGKILL)

        event.listen(Engine, "before_cursor_execute", maybe_kill)
        try:
            action()
        finally:
            os._exit(0)
    _pid, status = os.waitpid(child, 0)
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def run_killed_when(action: Callable[[], object], target: Any, name: str) -> bool:
    """Run ``action`` in a child killed the moment it calls ``target.name``; True if killed."""
    child = os.fork()
    if child == 0:  # pragma: no cover - the child never returns
        setattr(target, name, lambda *_args, **_kw: os.kill(os.getpid(), signal.SIGKILL))
        try:
            action()
        finally:
            os._exit(0)
    _pid, status = os.waitpid(child, 0)
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
