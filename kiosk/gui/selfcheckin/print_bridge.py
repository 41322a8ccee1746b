"""The print queue's callbacks as Qt signals, delivered on the GUI thread.

`PrintQueue` calls its callbacks on its worker thread. Emitting a signal there and receiving it in
a QObject that lives in the GUI thread makes Qt queue the call to the GUI thread, so views are only
ever touched there. Connect the signals to QObject methods (not lambdas), or the connection is
direct and runs on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.printing.queue import PrintJob, PrintQueue, Work


class PrintBridge(QObject):
    """Owns a `PrintQueue` and reports its jobs as signals carrying the `PrintJob`.

    A job's `result` and `message` are set before its signal is sent, and the worker does not
    touch the job again until it is retried, so receivers may read them.
    """

    started = Signal(object)  # PrintJob
    progress = Signal(object, int, int)  # PrintJob, done, total
    finished = Signal(object)  # PrintJob, its `result` set
    failed = Signal(object)  # PrintJob, its `message` set (the print system's words)

    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue = PrintQueue(
            on_started=self.started.emit,
            on_progress=self.progress.emit,
            on_finished=self.finished.emit,
            on_failed=self.failed.emit,
            synchronous=synchronous,
        )

    def submit(self, work: Work, *, label: str) -> PrintJob:
        """Queue a job; its signals follow (never blocks, unless synchronous)."""
        return self.queue.submit(work, label=label)

    def retry(self, job: PrintJob) -> PrintJob:
        return self.queue.retry(job)

    def close(self) -> None:
        """Stop taking jobs; a job already printing finishes on its own."""
        self.queue.close(wait=False)
