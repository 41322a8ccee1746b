"""One person's badge as a print-queue job, with the printer's problem in a word. No Qt.

`BadgeJob` is the `Work` a kiosk gives the `PrintQueue`: it finds this device's printer (the
remembered one, else the system default) and prints through `badge_print_work`. A kiosk with no
printer at all is not a failure: the job finishes with `printer: None` and the kiosk says so.
When printing fails, `problem` says what kind of problem it was, so the screen can say it in the
person's language; the print system's own words stay in the job's message for the staff.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

from kiosk.errors import KioskError
from kiosk.printing import cups
from kiosk.printing.queue import Progress, Warn
from kiosk.services.badge_printing import badge_print_work, device_printer
from kiosk.store.database import open_database


class PrintProblem(StrEnum):
    """Why a badge did not print, as the kiosk tells the person."""

    PAUSED = "paused"
    OUT_OF_PAPER = "out_of_paper"
    PAPER_JAM = "paper_jam"
    OFFLINE = "offline"
    REJECTING = "rejecting"
    PRINTER_ERROR = "error"
    MISSING = "missing"
    NO_PRINT_SYSTEM = "no_print_system"
    JOB_FAILED = "job_failed"
    OTHER = "other"


_STATES = {problem.value: problem for problem in PrintProblem}


def classify(exc: KioskError, printer: str | None) -> PrintProblem:
    """The kind of a printing error; a plain one is judged by the printer's state now."""
    if isinstance(exc, cups.PrinterNotReady):
        return _STATES.get(exc.state, PrintProblem.PRINTER_ERROR)
    if isinstance(exc, cups.PrinterMissing):
        return PrintProblem.MISSING
    if isinstance(exc, cups.CupsUnavailable):
        return PrintProblem.NO_PRINT_SYSTEM
    if not isinstance(exc, cups.PrintError):
        return PrintProblem.OTHER
    if printer is not None:
        try:
            state = cups.printer_state(printer).state
        except cups.PrintError:
            return PrintProblem.NO_PRINT_SYSTEM
        if state in _STATES:
            return _STATES[state]
    return PrintProblem.JOB_FAILED


class BadgeJob:
    """Print one person's badge on this device's printer (a `Work` for the `PrintQueue`)."""

    def __init__(self, db_path: Path, registration_id: str, *, printer: str | None = None) -> None:
        self.db_path = Path(db_path)
        self.registration_id = registration_id
        self.printer = printer
        self.problem: PrintProblem | None = None  # set before a failure is reported

    def __call__(self, progress: Progress, warn: Warn) -> dict[str, Any]:
        self.problem = None
        name: str | None = None
        try:
            name = self.choose_printer()
            if name is None:
                return {"printer": None, "printed": 0}
            work = badge_print_work(self.db_path, [self.registration_id], printer=name)
            return work(progress, warn)
        except KioskError as exc:
            self.problem = classify(exc, name)
            raise

    def choose_printer(self) -> str | None:
        """The printer named, this device's, the system default, or None when there is none."""
        if self.printer:
            return self.printer
        db = open_database(self.db_path)
        try:
            chosen = device_printer(db.conn)
        finally:
            db.conn.close()
        if chosen:
            return chosen
        try:
            return cups.default_printer()
        except cups.CommandMissing:  # no print system installed: a kiosk without a printer
            return None
