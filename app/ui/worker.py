"""The one way to run work off the GUI thread: ``run_task(func, on_done, on_error)``.

Results and errors come back on the main thread through queued signals, so callbacks may
touch widgets. Tests can make every task run inline with ``run_inline(True)``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

_inline = False
_alive: set[_Task] = set()


def run_inline(enabled: bool) -> None:
    """Run tasks synchronously (tests); callbacks still run on the calling thread."""
    global _inline
    _inline = enabled


class _Relay(QObject):
    """Carries a task's outcome back to the thread that owns it (the GUI thread)."""

    finished = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.func = func
        self.relay = _Relay()

    def run(self) -> None:
        try:
            result = self.func()
        except Exception as error:  # handed to on_error on the GUI thread
            log.debug("task failed", exc_info=True)
            self.relay.failed.emit(error)
        else:
            self.relay.finished.emit(result)


def run_task(
    func: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> None:
    """Run ``func`` on the thread pool; call ``on_done(result)`` or ``on_error(error)`` after."""
    if _inline:
        try:
            result = func()
        except Exception as error:
            on_error(error)
            return
        on_done(result)
        return
    task = _Task(func)
    _alive.add(task)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _alive.discard(task)
        callback(value)

    task.relay.finished.connect(lambda value: finish(on_done, value))
    task.relay.failed.connect(lambda error: finish(on_error, error))
    QThreadPool.globalInstance().start(task)
