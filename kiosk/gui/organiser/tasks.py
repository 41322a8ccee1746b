"""Long work off the UI thread: a job per task on a background pool (`kiosk.background`),
results and progress back as Qt signals.

Each task opens its own database connection (a connection is never shared between threads while
in use), and gets a `progress(done, total)` callback and a cancel flag it checks between steps.
Signals are emitted from the worker thread and delivered on the UI thread (queued connections), so
views only ever touch widgets from the UI thread. With an `InlinePool` (tests) a task runs to its
end inside `start`, and its signals arrive before `start` returns.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.background import Pool, shared_pool
from kiosk.errors import KioskError
from kiosk.store.database import DatabaseError


class Cancelled(KioskError):
    """The organiser cancelled the task; nothing was written."""


class TaskSignals(QObject):
    """What a task tells the screen: progress, then exactly one of finished, failed, cancelled."""

    progress = Signal(int, int)  # done, total (total 0: unknown)
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # a one-line message
    cancelled = Signal()


class TaskContext:
    """What a job function is given: progress reporting and the cancel flag."""

    def __init__(self, signals: TaskSignals, cancel: threading.Event) -> None:
        self._signals = signals
        self._cancel = cancel

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise Cancelled when the organiser asked to stop."""
        if self._cancel.is_set():
            raise Cancelled("cancelled")

    def progress(self, done: int, total: int) -> None:
        self.check()
        self._signals.progress.emit(int(done), int(total))


Job = Callable[[TaskContext], Any]


class Task:
    """One job for the pool. Keep a reference until it has finished (the runner does)."""

    def __init__(self, job: Job, *, label: str = "") -> None:
        self.job = job
        self.label = label
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.done = threading.Event()
        self.interrupt: Callable[[], None] | None = None

    def cancel(self) -> None:
        """Ask the job to stop at its next check (and interrupt its SQLite work, if any)."""
        self._cancel.set()
        if self.interrupt is not None:
            self.interrupt()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        """Run the job; a job that returns is finished (even if a cancel came too late to stop
        it: its work is done), one that raises after a cancel request is cancelled."""
        context = TaskContext(self.signals, self._cancel)
        try:
            result = self.job(context)
        except Exception as exc:
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            elif isinstance(exc, KioskError | DatabaseError):
                self.signals.failed.emit(str(exc))
            else:  # a bug: say so rather than die silently in a thread
                traceback.print_exc()
                self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(result)
        finally:
            self.done.set()


class TaskRunner(QObject):
    """Starts tasks on a background pool (the shared one unless given) and keeps them alive
    until they end."""

    def __init__(self, parent: QObject | None = None, pool: Pool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or shared_pool()
        self._running: set[Task] = set()

    def start(self, task: Task) -> Task:
        self._running.add(task)
        for signal in (task.signals.finished, task.signals.failed):
            signal.connect(lambda *_: self._running.discard(task))
        task.signals.cancelled.connect(lambda: self._running.discard(task))
        self.pool.submit(task.run)
        return task

    def run(self, job: Job, *, label: str = "") -> Task:
        return self.start(Task(job, label=label))

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Wait for every task started here to end (for tests and closing)."""
        return all(task.done.wait(timeout_ms / 1000) for task in list(self._running))


def sent_by(receiver: QObject, task: Task | None) -> bool:
    """True when the slot running on `receiver` was called by `task`'s signals.

    Views connect task signals to their own methods (never to lambdas holding the view), so a
    view closed before its task ends is simply not called; the slot then checks with this that
    the signal comes from the task it still waits for.
    """
    return task is not None and receiver.sender() is task.signals
