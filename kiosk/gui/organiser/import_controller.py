"""The import wizard's logic: describe a file, map its columns, check it, and import on confirm.

Checking is a dry run of the real import pipeline on a worker thread (its own connection): the
database is not touched until the organiser confirms, and then the whole file goes in one
transaction or not at all. Cancel stops a check at once; during the write it interrupts SQLite,
which rolls the transaction back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.errors import KioskError
from kiosk.gui.organiser.import_messages import failure_text
from kiosk.gui.organiser.tasks import Task, TaskContext, TaskRunner
from kiosk.imports import COLUMNS, FileProblem, ImportFailure, ImportReport, run_import
from kiosk.services.import_source import (
    TICKET_FIELDS,
    Preview,
    Recognised,
    SourceInfo,
    describe_source,
    guess_kind,
    guess_mapping,
    mapping_problems,
    preview_rows,
    recognise,
    remember_mapping,
    remembered_mapping,
)
from kiosk.store.database import Connection, connect

KINDS = ("roster", "programme", "invitations")


@dataclass
class CheckResult:
    report: ImportReport
    preview: Preview | None


class ImportController(QObject):
    """State of one import: source, kind, mapping, last check; runs checks and imports."""

    source_changed = Signal()
    mapping_changed = Signal()
    busy_changed = Signal(bool)
    progress = Signal(int, int)
    checked = Signal(object)  # CheckResult
    imported = Signal(object)  # ImportReport (nothing written when it has errors)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, conn: Connection, db_path: Path, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.conn = conn
        self.db_path = Path(db_path)
        self.runner = runner or TaskRunner(self)
        self.source: SourceInfo | None = None
        self.preset: Recognised | None = None
        """The registration system's export the file was recognised as (None: our columns)."""
        self.kind = "roster"
        self.mapping: dict[str, str | None] = {}
        self.remembered = False
        self.result: CheckResult | None = None
        self.task: Task | None = None
        self.stage = ""  # "check" or "import" while busy

    # --- choosing ----------------------------------------------------------------------------

    def open_file(self, path: Path, kind: str | None = None) -> SourceInfo:
        """Describe a file and guess its kind and mapping; then check it."""
        self.cancel()
        try:
            info = describe_source(Path(path), kind or self.kind)
        except KioskError as exc:
            self.source = None
            self.result = None
            self.source_changed.emit()
            self.failed.emit(failure_text(exc))
            raise
        if kind is None:
            kind = guess_kind(info.path, info.headers)
            if kind != self.kind and info.format == "XLSX":
                info = describe_source(info.path, kind)  # the sheet named after the kind
        self.kind = kind
        self.source = info
        self.preset = None if info.problem else recognise(info.path, kind)
        if self.preset is not None and self.preset.sheet and info.format == "XLSX":
            info = describe_source(info.path, kind, self.preset.sheet)  # the attendees' sheet
            self.source = info
        self._map()
        self.source_changed.emit()
        self.check()
        return info

    def set_kind(self, kind: str) -> None:
        if kind not in KINDS or kind == self.kind:
            return
        self.kind = kind
        if self.source is not None:
            self.open_file(self.source.path, kind)

    def _map(self) -> None:
        info = self.source
        if info is None:
            self.mapping = {}
            return
        if self.preset is not None:  # the preset knows this source's columns
            self.remembered = False
            self.mapping = dict(self.preset.mapping)
            self.mapping_changed.emit()
            return
        remembered = remembered_mapping(self.conn, self.kind, info.headers)
        self.remembered = remembered is not None
        self.mapping = remembered if remembered is not None else {}
        guessed = guess_mapping(info.headers, self.kind)
        for label, column in guessed.items():
            self.mapping.setdefault(label, column)
        self.mapping_changed.emit()

    def set_mapping(self, label: str, column: str | None) -> None:
        if self.mapping.get(label) == column:
            return
        self.mapping[label] = column
        self.mapping_changed.emit()
        self.check()

    def problems(self) -> tuple[list[str], list[str]]:
        return mapping_problems(self.kind, self.mapping, self.preset)

    @property
    def choices(self) -> tuple[str, ...]:
        if self.preset is not None and self.preset.tickets:
            return TICKET_FIELDS
        return COLUMNS[self.kind]

    @property
    def busy(self) -> bool:
        return self.task is not None

    @property
    def can_import(self) -> bool:
        return (
            not self.busy
            and self.source is not None
            and self.result is not None
            and not self.result.report.errors
        )

    # --- checking and importing --------------------------------------------------------------

    def check(self) -> Task | None:
        """Dry-run the import with the current mapping (nothing is written)."""
        self.cancel()
        self.result = None
        info = self.source
        if info is None:
            return None
        if info.problem:
            report = ImportReport(kind=self.kind)
            problem = FileProblem(info.problem, info.problem_code, info.problem_params)
            report.errors.append(problem.as_row_error())
            self.result = CheckResult(report, None)
            self.checked.emit(self.result)
            return None
        path, kind, mapping = info.path, self.kind, dict(self.mapping)
        total = info.rows_estimate or 0
        preset = self.preset
        options = preset.options if preset is not None else None

        def job(context: TaskContext) -> CheckResult:
            conn = connect(self.db_path)
            task.interrupt = conn.interrupt
            try:
                context.progress(0, total)
                report = run_import(
                    conn,
                    kind,
                    path,
                    dry_run=True,
                    mapping=mapping,
                    on_row=lambda row: context.progress(row, total),
                    options=options,
                )
            except ImportFailure as exc:  # the file went away: say so in the screen's language
                raise KioskError(failure_text(exc)) from exc
            finally:
                task.interrupt = None
                conn.close()
            bad = {error.row for error in report.errors if error.row > 1}
            try:
                preview = preview_rows(
                    path, kind, mapping, bad, on_row=lambda _row: context.check(), preset=preset
                )
            except FileProblem:
                preview = None
            return CheckResult(report, preview)

        task = Task(job, label="check")
        return self._start(task, "check", self._checked)

    def confirm(self) -> Task | None:
        """Import the checked file for real: one transaction, all or nothing."""
        if not self.can_import or self.source is None:
            return None
        info = self.source
        path, kind, mapping = info.path, self.kind, dict(self.mapping)
        headers = list(info.headers)
        total = info.rows_estimate or 0
        preset = self.preset
        options = preset.options if preset is not None else None

        def job(context: TaskContext) -> ImportReport:
            conn = connect(self.db_path)
            task.interrupt = conn.interrupt
            try:
                try:
                    report = run_import(
                        conn,
                        kind,
                        path,
                        mapping=mapping,
                        on_row=lambda row: context.progress(row, total),
                        options=options,
                    )
                except ImportFailure as exc:
                    raise KioskError(failure_text(exc)) from exc
                task.interrupt = None
                if not report.errors and preset is None:
                    remember_mapping(conn, kind, headers, mapping)
                return report
            finally:
                task.interrupt = None
                conn.close()

        task = Task(job, label="import")
        return self._start(task, "import", self._imported)

    def cancel(self) -> None:
        """Stop the running check at once; ask a running import to stop (it rolls back, unless
        it had already committed, in which case `imported` still comes)."""
        task = self.task
        if task is None:
            return
        task.cancel()
        if self.stage == "check":
            self._forget(task)
            self.cancelled.emit()
        else:
            self.stage = "cancelling"

    def _start(self, task: Task, stage: str, on_done: Any) -> Task:
        self.task = task
        self.stage = stage
        task.signals.progress.connect(lambda done, total: self._progress(task, done, total))
        task.signals.finished.connect(lambda result: self._done(task, on_done, result))
        task.signals.failed.connect(lambda message: self._failed(task, message))
        task.signals.cancelled.connect(lambda: self._cancelled(task))
        self.busy_changed.emit(True)
        self.runner.start(task)
        return task

    def _progress(self, task: Task, done: int, total: int) -> None:
        if task is self.task:
            self.progress.emit(done, total)

    def _forget(self, task: Task) -> None:
        if task is self.task:
            self.task = None
            self.stage = ""
            self.busy_changed.emit(False)

    def _cancelled(self, task: Task) -> None:
        if task is self.task:
            self._forget(task)
            self.cancelled.emit()

    def _done(self, task: Task, on_done: Any, result: Any) -> None:
        if task is not self.task:
            return
        self._forget(task)
        on_done(result)

    def _failed(self, task: Task, message: str) -> None:
        if task is self.task:
            self._forget(task)
            self.failed.emit(message)

    def _checked(self, result: CheckResult) -> None:
        self.result = result
        self.checked.emit(result)

    def _imported(self, report: ImportReport) -> None:
        if report.errors:  # the database changed under the check: show the new errors
            self.result = CheckResult(report, self.result.preview if self.result else None)
            self.checked.emit(self.result)
        else:
            self.result = None
        self.imported.emit(report)
