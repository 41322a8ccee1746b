"""Background pools for tests that check a worker never blocks the UI thread: by order and
thread, never by a stopwatch."""

from __future__ import annotations

import threading

from kiosk.background import Job, ThreadPool


class GatedPool:
    """A real one-thread pool whose jobs wait for the test to open `gate`: while it is closed,
    anything the caller does after `submit` provably happened before the job ran."""

    def __init__(self, name: str = "test-pool") -> None:
        self.gate = threading.Event()
        self.threads: list[str] = []  # the thread each job ran on, in order
        self.submitted = 0
        self._inner = ThreadPool(1, name=name)

    def submit(self, job: Job) -> None:
        self.submitted += 1

        def held() -> None:
            assert self.gate.wait(30), "the test never opened the gate"
            self.threads.append(threading.current_thread().name)
            job()

        self._inner.submit(held)

    def wait_idle(self, timeout: float | None = None) -> bool:
        return self._inner.wait_idle(timeout)

    def close(self, *, wait: bool = True, timeout: float | None = None) -> None:
        self.gate.set()
        self._inner.close(wait=wait, timeout=timeout)
