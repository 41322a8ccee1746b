"""A print queue off the caller's thread: render, submit and wait without freezing a screen.

A kiosk must keep answering the touch screen while a badge renders and the printer works, and an
organiser's batch must not stop the window either. `PrintQueue` runs one job at a time on a
one-thread background pool (`kiosk.background`); the caller only ever enqueues (never blocks)
and hears back through plain callbacks, called on the worker thread: the GUI wraps them in Qt
signals, so no Qt is imported here and the CLI and tests use the same class. A job that fails
keeps its message and stays in the queue's `failed` list until it is retried (`retry`,
`retry_failed`) or dismissed, so a paused or empty printer loses no badge. `synchronous=True`
(an `InlinePool`) runs jobs in the calling thread instead, for tests and scripts.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiosk.background import InlinePool, Pool, ThreadPool
from kiosk.errors import KioskError

Progress = Callable[[int, int], None]
Warn = Callable[[str], None]
Work = Callable[[Progress, Warn], dict[str, Any]]
"""What a job does: given progress and warning callbacks, print and return a JSON-able result.

It raises (preferably a KioskError with a one-line message) when the print failed."""

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"


@dataclass(eq=False)
class PrintJob:
    """One job: what to do, and what became of it (its latest attempt)."""

    id: int
    label: str
    work: Work
    state: str = QUEUED
    message: str | None = None
    result: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)
    attempts: int = 0
    done: threading.Event = field(default_factory=threading.Event, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "state": self.state,
            "message": self.message,
            "attempts": self.attempts,
            "warnings": list(self.warnings),
            "result": self.result,
        }


class PrintQueue:
    """Runs print jobs one at a time on a background pool and reports through callbacks.

    The pool (a one-thread `ThreadPool` of the queue's own unless given) must run one job at a
    time, in order: a printer takes one badge after the other.

    Callbacks (all optional, called on the worker thread; one that raises is logged and ignored):
    `on_started(job)`, `on_progress(job, done, total)`, `on_warning(job, message)`,
    `on_finished(job)` for a job done, `on_failed(job)` for a job failed (its `message` says why).
    """

    def __init__(
        self,
        *,
        on_started: Callable[[PrintJob], None] | None = None,
        on_progress: Callable[[PrintJob, int, int], None] | None = None,
        on_warning: Callable[[PrintJob, str], None] | None = None,
        on_finished: Callable[[PrintJob], None] | None = None,
        on_failed: Callable[[PrintJob], None] | None = None,
        synchronous: bool = False,
        pool: Pool | None = None,
    ) -> None:
        self.on_started = on_started
        self.on_progress = on_progress
        self.on_warning = on_warning
        self.on_finished = on_finished
        self.on_failed = on_failed
        self.synchronous = synchronous
        self._pool: Pool = pool or (
            InlinePool() if synchronous else ThreadPool(1, name="kiosk-print-queue")
        )
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._jobs: list[PrintJob] = []
        self._idle = threading.Condition(self._lock)
        self._busy = 0
        self._closed = False

    # --- the caller's side -------------------------------------------------------------------

    def submit(self, work: Work, *, label: str) -> PrintJob:
        """Queue a job and return it at once (in synchronous mode: run it first)."""
        job = PrintJob(id=next(self._ids), label=label, work=work)
        with self._lock:
            self._jobs.append(job)
        self._enqueue(job)
        return job

    def retry(self, job: PrintJob) -> PrintJob:
        """Queue a failed job again (the same job, its message cleared); others are refused."""
        with self._lock:
            if job not in self._jobs:
                raise KioskError(f"print job {job.id} is not in this queue")
            if job.state != FAILED:
                raise KioskError(f"print job {job.id} ({job.label}) has not failed: {job.state}")
            job.state = QUEUED
            job.message = None
            job.done.clear()
        self._enqueue(job)
        return job

    def retry_failed(self) -> list[PrintJob]:
        """Queue every failed job again, oldest first."""
        return [self.retry(job) for job in self.failed]

    def dismiss(self, job: PrintJob) -> None:
        """Forget a failed or finished job (an operator decided not to retry it)."""
        with self._lock:
            if job.state in (QUEUED, RUNNING):
                raise KioskError(f"print job {job.id} ({job.label}) is still {job.state}")
            if job in self._jobs:
                self._jobs.remove(job)

    @property
    def jobs(self) -> list[PrintJob]:
        with self._lock:
            return list(self._jobs)

    @property
    def failed(self) -> list[PrintJob]:
        """The jobs whose latest attempt failed, kept for a retry."""
        with self._lock:
            return [job for job in self._jobs if job.state == FAILED]

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no job is queued or running (for the CLI and tests); False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._busy == 0, timeout)

    def close(self, *, wait: bool = True, timeout: float | None = None) -> None:
        """Stop the worker after the jobs already queued; no job can be queued afterwards."""
        with self._lock:
            self._closed = True
        self._pool.close(wait=wait, timeout=timeout)

    # --- the worker's side -------------------------------------------------------------------

    def _enqueue(self, job: PrintJob) -> None:
        with self._lock:
            if self._closed:
                raise KioskError("the print queue is closed")
            self._busy += 1
        self._pool.submit(lambda: self._run(job))

    def _run(self, job: PrintJob) -> None:
        with self._lock:
            job.state = RUNNING
            job.attempts += 1
            job.warnings.clear()
            job.result = None
        self._call(self.on_started, job)

        def progress(done: int, total: int) -> None:
            self._call(self.on_progress, job, done, total)

        def warn(message: str) -> None:
            job.warnings.append(message)
            self._call(self.on_warning, job, message)

        try:
            result = job.work(progress, warn)
        except KioskError as exc:
            self._finish(job, FAILED, message=str(exc))
        except Exception as exc:  # a bug or an OS error: keep the job for a retry all the same
            log.exception("print job %s failed", job.id)
            self._finish(job, FAILED, message=f"{type(exc).__name__}: {exc}")
        else:
            self._finish(job, DONE, result=result)

    def _finish(
        self,
        job: PrintJob,
        state: str,
        *,
        message: str | None = None,
        result: dict[str, Any] | None = None,
    ) -> None:
        with self._lock:
            job.state = state
            job.message = message
            job.result = result
        self._call(self.on_finished if state == DONE else self.on_failed, job)
        job.done.set()
        with self._idle:
            self._busy -= 1
            self._idle.notify_all()

    @staticmethod
    def _call(callback: Callable[..., None] | None, *args: Any) -> None:
        if callback is None:
            return
        try:
            callback(*args)
        except Exception:  # a listener's bug must not stop the printing
            log.exception("print queue callback %r failed", callback)
