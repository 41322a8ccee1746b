"""Work off the caller's thread, one way for every worker: the organiser's tasks, auto-sync rounds
and staff calls, camera decoding, the print queue and the voice probe.

A worker is given a `Pool` and only ever calls `submit(job)`; it hears back from the job itself
(a callback, or a Qt signal the GUI connects to). `ThreadPool` runs jobs on worker threads in the
order they were submitted; `InlinePool` runs each job at once on the caller's thread, so a test
sees every step happen in order on one thread and never needs to wait or time anything. No Qt
here: the print queue and the CLI use the same pools.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from collections.abc import Callable
from typing import Protocol

log = logging.getLogger(__name__)

Job = Callable[[], None]


class Pool(Protocol):
    """Where background jobs run."""

    def submit(self, job: Job) -> None:
        """Run `job` (a job that raises is logged; it never stops the pool)."""

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until every job submitted so far has ended; False on timeout."""

    def close(self, *, wait: bool = True, timeout: float | None = None) -> None:
        """Run the jobs already submitted, then stop; nothing may be submitted afterwards."""


def _run(job: Job) -> None:
    try:
        job()
    except Exception:  # a job's bug must not stop the jobs after it
        log.exception("background job %r failed", job)


class InlinePool:
    """Runs each job at once on the submitting thread: the synchronous pool for tests and
    scripts (what a job reports has happened when `submit` returns)."""

    def __init__(self) -> None:
        self.submitted = 0
        self._closed = False

    def submit(self, job: Job) -> None:
        if self._closed:
            raise RuntimeError("the pool is closed")
        self.submitted += 1
        _run(job)

    def wait_idle(self, timeout: float | None = None) -> bool:
        return True

    def close(self, *, wait: bool = True, timeout: float | None = None) -> None:
        self._closed = True


class ThreadPool:
    """Runs jobs on up to `max_threads` daemon threads, first submitted first started. Threads
    start on the first job, so a pool nobody uses costs nothing."""

    def __init__(self, max_threads: int = 1, *, name: str = "kiosk-worker") -> None:
        if max_threads < 1:
            raise ValueError("a pool needs at least one thread")
        self.max_threads = max_threads
        self.name = name
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._pending = 0  # submitted and not yet ended
        self._threads: list[threading.Thread] = []
        self._closed = False

    def submit(self, job: Job) -> None:
        with self._lock:
            if self._closed:
                raise RuntimeError(f"the {self.name} pool is closed")
            self._pending += 1
            idle_threads = len(self._threads) - (self._pending - 1)
            if idle_threads <= 0 and len(self._threads) < self.max_threads:
                number = len(self._threads) + 1
                name = self.name if self.max_threads == 1 else f"{self.name}-{number}"
                thread = threading.Thread(target=self._loop, name=name, daemon=True)
                self._threads.append(thread)
                thread.start()
        self._jobs.put(job)

    def wait_idle(self, timeout: float | None = None) -> bool:
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def close(self, *, wait: bool = True, timeout: float | None = None) -> None:
        with self._lock:
            if self._closed:
                threads = []
            else:
                self._closed = True
                threads = list(self._threads)
        for _ in threads:
            self._jobs.put(None)
        if wait:
            for thread in threads:
                if thread is not threading.current_thread():
                    thread.join(timeout)

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            _run(job)
            with self._idle:
                self._pending -= 1
                self._idle.notify_all()


_shared: ThreadPool | None = None
_shared_lock = threading.Lock()


def shared_pool() -> ThreadPool:
    """The process's pool for short jobs of the screens (tasks, sync rounds, staff calls, the
    voice probe): a few threads, so a slow hub never holds up an organiser's import."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ThreadPool(max(4, os.cpu_count() or 1), name="kiosk-background")
        return _shared
