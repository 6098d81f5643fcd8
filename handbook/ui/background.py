"""One small helper to run work off the UI thread.

`Background.run(work, on_success, on_failure, key=…)` runs `work()` on a thread pool and calls
`on_success(result)` or `on_failure(exception)` back on the UI thread. The worker never touches a
widget. Tasks that share a `key` replace each other: when a newer one starts, an older one that has
not begun is skipped and the result of one that was already running is dropped (a stale search).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]


@dataclass
class _Task:
    id: int
    key: str | None
    work: Callable[[], Any]
    on_success: Success | None
    on_failure: Failure | None


class _Runner(QRunnable):
    """Runs one task on a pool thread and hands the outcome to the relay (never to a widget)."""

    def __init__(self, owner: Background, task: _Task) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps the Python object alive until the result is delivered
        self._owner = owner
        self._task = task

    def run(self) -> None:
        task, owner = self._task, self._owner
        if owner.is_stale(task):
            owner.deliver(task.id, False, None, skipped=True)
            return
        try:
            result, ok = task.work(), True
        except Exception as exc:  # any failure is reported to the UI thread
            result, ok = exc, False
        owner.deliver(task.id, ok, result)


class Background(QObject):
    """Runs callables on a private thread pool; callbacks run on the UI thread."""

    _finished = Signal(int, bool, object, bool)
    idle = Signal()  # no task is left (for tests and the smoke mode)
    failed = Signal(str)  # a task without its own failure handler failed: the window shows it (never only a log line)

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(1, threads))
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._latest: dict[str, int] = {}
        self._tasks: dict[int, tuple[_Task, _Runner]] = {}
        self._closed = False
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        work: Callable[[], Any],
        on_success: Success | None = None,
        on_failure: Failure | None = None,
        key: str | None = None,
    ) -> int:
        """Start `work` in the background; returns a task id. A newer task with the same key wins."""
        if self._closed:
            return 0
        task = _Task(next(self._ids), key, work, on_success, on_failure)
        with self._lock:
            if key is not None:
                self._latest[key] = task.id
        runner = _Runner(self, task)
        self._tasks[task.id] = (task, runner)
        self._pool.start(runner)
        return task.id

    @property
    def busy(self) -> bool:
        """True while any task is queued, running, or waiting for its callback."""
        return bool(self._tasks)

    def is_stale(self, task: _Task) -> bool:
        """True when a newer task with the same key was started (thread-safe)."""
        if task.key is None:
            return self._closed
        with self._lock:
            return self._closed or self._latest.get(task.key) != task.id

    def deliver(self, task_id: int, ok: bool, result: object, skipped: bool = False) -> None:
        """Called on the worker thread: pass the outcome to the UI thread through a queued signal."""
        with contextlib.suppress(RuntimeError):  # the UI is already gone
            self._finished.emit(task_id, ok, result, skipped)

    @Slot(int, bool, object, bool)
    def _on_finished(self, task_id: int, ok: bool, result: object, skipped: bool) -> None:
        entry = self._tasks.pop(task_id, None)
        if entry is None:
            return
        task, _runner = entry
        if not (skipped or self._closed or self.is_stale(task)):
            if ok and task.on_success is not None:
                task.on_success(result)
            elif not ok:
                if task.on_failure is not None:
                    task.on_failure(result)  # type: ignore[arg-type]
                else:
                    log.error("background task failed", exc_info=result)  # type: ignore[arg-type]
                    self.failed.emit(str(result) or type(result).__name__)
        if not self._tasks:
            self.idle.emit()

    def shutdown(self, wait_ms: int = 10_000) -> bool:
        """Stop taking tasks, skip those queued, and wait for running ones; True when all stopped."""
        self._closed = True
        self._pool.clear()
        done = self._pool.waitForDone(wait_ms)
        if done:
            self._tasks.clear()
        return done
