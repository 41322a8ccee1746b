"""The registration desk's actions on people: print, reissue, cancel, rename, walk-in.

Every change goes through `kiosk.services` (one transaction each). Printing goes through the
project's PrintQueue on its worker thread; its callbacks arrive on that thread and are turned into
Qt signals here, so the screen hears of each job on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kiosk.errors import KioskError
from kiosk.printing.queue import PrintJob, PrintQueue, Work
from kiosk.services.badge_printing import badge_print_work
from kiosk.services.issuing import issue_codes
from kiosk.services.roster_admin import (
    NewPerson,
    edit_badge_name,
    register_walk_in,
    set_cancelled,
)
from kiosk.store.database import Connection

PrintWork = Callable[[Path, Sequence[str]], Work]


def default_print_work(db_path: Path, registration_ids: Sequence[str]) -> Work:
    return badge_print_work(db_path, list(registration_ids))


class DeskActions(QObject):
    """What the person page and the walk-in dialog do; results come back as signals."""

    person_changed = Signal(str)  # registration id whose record changed
    person_added = Signal(str)
    print_state = Signal(str, str, str)  # job label, state (queued/running/done/failed), message

    def __init__(
        self,
        conn: Connection,
        db_path: Path,
        *,
        print_work: PrintWork = default_print_work,
        queue: PrintQueue | None = None,
    ) -> None:
        super().__init__()
        self.conn = conn
        self.db_path = Path(db_path)
        self.print_work = print_work
        self.queue = queue or PrintQueue(
            on_started=lambda job: self.print_state.emit(job.label, "running", ""),
            on_finished=self._finished,
            on_failed=lambda job: self.print_state.emit(job.label, "failed", job.message or ""),
            on_warning=lambda job, message: self.print_state.emit(job.label, "warning", message),
        )

    def _finished(self, job: PrintJob) -> None:
        self.print_state.emit(job.label, "done", "")
        for rid in job.label.split(","):
            self.person_changed.emit(rid)

    def print_badges(self, registration_ids: Sequence[str]) -> PrintJob:
        """Queue a print job (never blocks); its progress comes through `print_state`."""
        ids = list(registration_ids)
        if not ids:
            raise KioskError("nobody to print")
        label = ",".join(ids)
        job = self.queue.submit(self.print_work(self.db_path, ids), label=label)
        self.print_state.emit(label, "queued", "")
        return job

    def reissue(self, registration_id: str) -> str:
        """A new code for a lost badge: the earlier codes stop working. Returns the new code."""
        _, code = next(issue_codes(self.conn, [registration_id], reissue=True))
        self.person_changed.emit(registration_id)
        return code

    def set_cancelled(self, registration_id: str, cancelled: bool) -> None:
        set_cancelled(self.conn, registration_id, cancelled)
        self.person_changed.emit(registration_id)

    def rename(self, registration_id: str, family: str, given: str, local: str | None) -> None:
        edit_badge_name(self.conn, registration_id, family, given, local)
        self.person_changed.emit(registration_id)

    def walk_in(self, person: NewPerson, *, print_badge: bool = True) -> str:
        """Register a person at the desk, issue their code, and queue their badge: one step."""
        rid = register_walk_in(self.conn, person)
        list(issue_codes(self.conn, [rid]))
        self.person_added.emit(rid)
        if print_badge:
            self.print_badges([rid])
        return rid

    def close(self) -> None:
        self.queue.close(wait=False)
