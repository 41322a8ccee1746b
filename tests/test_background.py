"""Background work, one way for every worker: jobs run in the order given, on the pool's threads
(or at once on the caller's thread with the tests' InlinePool), and a job's failure never stops
the jobs after it. Checked by thread and order, never by a stopwatch."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from pools import GatedPool

from kiosk.background import InlinePool, ThreadPool, shared_pool
from kiosk.errors import KioskError
from kiosk.gui.organiser.tasks import Task, TaskContext, TaskRunner
from kiosk.printing.queue import PrintQueue


def test_an_inline_pool_runs_each_job_at_once_on_the_callers_thread(caplog) -> None:
    pool = InlinePool()
    seen: list[tuple[str, str]] = []
    me = threading.current_thread().name

    def boom() -> None:
        raise ValueError("a bug in a job")

    pool.submit(lambda: seen.append(("first", threading.current_thread().name)))
    with caplog.at_level(logging.ERROR, logger="kiosk.background"):
        pool.submit(boom)
    pool.submit(lambda: seen.append(("after the failure", threading.current_thread().name)))
    assert seen == [("first", me), ("after the failure", me)]
    assert "a bug in a job" in caplog.text
    assert pool.wait_idle(0)
    pool.close()
    with pytest.raises(RuntimeError, match="closed"):
        pool.submit(lambda: None)


def test_a_one_thread_pool_runs_jobs_in_order_on_its_own_thread(caplog) -> None:
    pool = ThreadPool(1, name="in-order")
    gate = threading.Event()
    seen: list[tuple[int, str]] = []

    def job(n: int) -> None:
        if n == 0:
            assert gate.wait(10)
        if n == 2:
            raise ValueError("job 2 fails")
        seen.append((n, threading.current_thread().name))

    with caplog.at_level(logging.ERROR, logger="kiosk.background"):
        for n in range(5):
            pool.submit(lambda n=n: job(n))
        assert seen == []  # every submit returned while the first job is held
        assert not pool.wait_idle(0)
        gate.set()
        assert pool.wait_idle(10)
    assert seen == [(0, "in-order"), (1, "in-order"), (3, "in-order"), (4, "in-order")]
    assert "job 2 fails" in caplog.text
    pool.close()
    with pytest.raises(RuntimeError, match="closed"):
        pool.submit(lambda: None)


def test_a_pool_uses_at_most_its_threads_and_closes_after_the_queued_jobs() -> None:
    pool = ThreadPool(2, name="two")
    gate = threading.Event()
    running: list[str] = []
    lock = threading.Lock()
    both_started = threading.Event()

    def held() -> None:
        with lock:
            running.append(threading.current_thread().name)
            if len(running) == 2:
                both_started.set()
        assert gate.wait(10)

    for _ in range(3):
        pool.submit(held)
    assert both_started.wait(10)
    assert sorted(running) == ["two-1", "two-2"]  # the third waits for a free thread
    done: list[int] = []
    pool.submit(lambda: done.append(1))
    gate.set()
    pool.close(wait=True, timeout=10)
    assert len(running) == 3 and done == [1]  # queued jobs ran before the threads ended


def test_the_shared_pool_is_one_pool() -> None:
    assert shared_pool() is shared_pool()
    assert shared_pool().max_threads >= 4


def test_a_task_on_an_inline_pool_reports_before_start_returns(qapp) -> None:
    runner = TaskRunner(pool=InlinePool())
    events: list[object] = []

    def job(context: TaskContext) -> str:
        context.progress(1, 2)
        events.append(("job", threading.current_thread().name))
        return "result"

    task = Task(job, label="inline")
    task.signals.progress.connect(lambda done, total: events.append(("progress", done, total)))
    task.signals.finished.connect(lambda result: events.append(("finished", result)))
    runner.start(task)
    me = threading.current_thread().name
    assert events == [("progress", 1, 2), ("job", me), ("finished", "result")]
    assert task.done.is_set() and runner.wait(0)


def test_a_task_runs_off_the_ui_thread_and_reports_on_it(qtbot) -> None:
    pool = GatedPool("organiser-task")
    runner = TaskRunner(pool=pool)
    heard_on: list[str] = []

    def job(context: TaskContext) -> str:
        return threading.current_thread().name

    task = Task(job, label="threaded")
    task.signals.finished.connect(lambda _: heard_on.append(threading.current_thread().name))
    with qtbot.waitSignal(task.signals.finished, timeout=10_000) as finished:
        runner.start(task)
        assert not task.done.is_set()  # start returned before the job ran
        pool.gate.set()
    assert finished.args == ["organiser-task"]
    assert heard_on == [threading.current_thread().name]  # delivered on the UI thread
    pool.close()


def test_a_cancelled_task_says_cancelled_and_a_failing_one_says_why(qapp) -> None:
    runner = TaskRunner(pool=InlinePool())
    outcomes: list[object] = []

    def stops(context: TaskContext) -> None:
        context.check()

    def fails(context: TaskContext) -> None:
        raise KioskError("the file is not a roster")

    cancelled = Task(stops)
    cancelled.cancel()
    cancelled.signals.cancelled.connect(lambda: outcomes.append("cancelled"))
    failing = Task(fails)
    failing.signals.failed.connect(outcomes.append)
    runner.start(cancelled)
    runner.start(failing)
    assert outcomes == ["cancelled", "the file is not a roster"]


def test_the_print_queue_takes_any_pool(tmp_path: Path) -> None:
    pool = GatedPool("printer")
    order: list[str] = []
    queue = PrintQueue(pool=pool, on_finished=lambda job: order.append(job.label))
    first = queue.submit(lambda p, w: {"printed": 1}, label="first")
    second = queue.submit(lambda p, w: {"printed": 1}, label="second")
    assert (first.state, second.state) == ("queued", "queued")
    pool.gate.set()
    assert queue.wait_idle(10)
    assert order == ["first", "second"]
    assert pool.threads == ["printer", "printer"]
    queue.close()
