"""The reports tab: the day report PDF, the attendance export and the audit log export.

Each file is written off the UI thread with its own connection, with progress and cancel; the
file appears whole or not at all.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.exports.attendance import export_attendance
from kiosk.exports.audit import export_audit
from kiosk.gui.organiser.tasks import (
    Task,
    TaskContext,
    TaskRunner,
    sent_by,
)
from kiosk.gui.shell.context import AppContext
from kiosk.reports import render_day_report, report_days
from kiosk.store.database import connect


class ReportsView(QWidget):
    """Make the day report and the exports; `written` fires with the path of each file."""

    written = Signal(str)

    def __init__(
        self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportsView")
        self.context = context
        self.runner = runner
        self.task: Task | None = None
        self.last_path: Path | None = None

        self.day = QComboBox()
        self.day.setObjectName("reportDay")
        self.day_label = QLabel()
        self.day_label.setBuddy(self.day)
        self.report_button = QPushButton()
        self.report_button.setObjectName("makeDayReport")
        self.report_button.setProperty("primary", True)
        self.report_button.clicked.connect(self.choose_report_file)
        self.attendance_button = QPushButton()
        self.attendance_button.setObjectName("exportAttendance")
        self.attendance_button.clicked.connect(lambda: self.choose_export_file("attendance"))
        self.audit_button = QPushButton()
        self.audit_button.setObjectName("exportAudit")
        self.audit_button.clicked.connect(lambda: self.choose_export_file("audit"))
        self.progress = QProgressBar()
        self.progress.setObjectName("reportProgress")
        self.progress.hide()
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelReport")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = QPushButton()
        self.open_button.setObjectName("openReport")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_last)
        self.message = QLabel()
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)

        self.report_box = QGroupBox()
        grid = QGridLayout(self.report_box)
        self.report_hint = QLabel()
        self.report_hint.setWordWrap(True)
        self.report_hint.setProperty("role", "hint")
        grid.addWidget(self.report_hint, 0, 0, 1, 3)
        grid.addWidget(self.day_label, 1, 0)
        grid.addWidget(self.day, 1, 1)
        grid.addWidget(self.report_button, 1, 2)
        self.export_box = QGroupBox()
        box = QVBoxLayout(self.export_box)
        self.export_hint = QLabel()
        self.export_hint.setWordWrap(True)
        self.export_hint.setProperty("role", "hint")
        box.addWidget(self.export_hint)
        row = QHBoxLayout()
        row.addWidget(self.attendance_button)
        row.addWidget(self.audit_button)
        box.addLayout(row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.report_box)
        layout.addWidget(self.export_box)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.reload()
        self.retranslate()

    def reload(self) -> None:
        current = self.day.currentData()
        self.day.clear()
        for day in report_days(self.context.conn):
            self.day.addItem(day.isoformat(), day.isoformat())
        self.day.setCurrentIndex(max(0, self.day.findData(current)))

    # --- making files ------------------------------------------------------------------------

    def choose_report_file(self) -> None:
        day = self.day.currentData()
        if not day:
            self.message.setText(self.tr("Import the programme first: there are no days yet."))
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the day report"), f"day-report-{day}.pdf", self.tr("PDF (*.pdf)")
        )
        if path:
            self.make_report(date.fromisoformat(str(day)), Path(path))

    def choose_export_file(self, what: str) -> None:
        name = "attendance.xlsx" if what == "attendance" else "audit-log.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the export"),
            name,
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if path:
            self.export(what, Path(path))

    def make_report(self, day: date, path: Path) -> Task | None:
        """Write the day report PDF (off the UI thread)."""
        db_path = self.context.db_path

        def job(context: TaskContext) -> tuple[str, Path, int]:
            conn = connect(db_path)
            try:
                result = render_day_report(
                    conn,
                    day,
                    path,
                    progress=context.progress,
                    cancelled=lambda: context.cancelled,
                )
            finally:
                conn.close()
            return "report", result.path, result.pages

        return self._start(job, self.tr("Making the day report…"))

    def export(self, what: str, path: Path) -> Task | None:
        """Write the attendance or audit export (CSV or XLSX by the file's suffix)."""
        db_path = self.context.db_path
        write = export_audit if what == "audit" else export_attendance

        def job(context: TaskContext) -> tuple[str, Path, int]:
            conn = connect(db_path)
            try:
                context.check()
                rows = write(conn, path)
            finally:
                conn.close()
            return "export", path, rows

        return self._start(job, self.tr("Writing the export…"))

    def _start(self, job: object, text: str) -> Task | None:
        if self.task is not None:
            return None
        task = Task(job, label="report")  # type: ignore[arg-type]
        task.signals.progress.connect(self._progress)
        task.signals.finished.connect(self._done)
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(self._cancelled)
        self.task = task
        self.message.setText(text)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        for button in (self.report_button, self.attendance_button, self.audit_button):
            button.setEnabled(False)
        self.runner.start(task)
        return task

    def _progress(self, done: int, total: int) -> None:
        if total and sent_by(self, self.task):
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _done(self, result: tuple[str, Path, int]) -> None:
        if not sent_by(self, self.task):
            return
        kind, path, count = result
        if kind == "report":
            text = self.tr("✔ Day report written: {pages} page(s), {path}").format(
                pages=count, path=path
            )
        else:
            text = self.tr("✔ {rows} row(s) written to {path}").format(rows=count, path=path)
        self.last_path = Path(path)
        self.open_button.setEnabled(True)
        self._ended(text)
        self.written.emit(str(path))

    def _failed(self, message: str) -> None:
        if sent_by(self, self.task):
            self._ended("✖ " + message)

    def _cancelled(self) -> None:
        if sent_by(self, self.task):
            self._ended(self.tr("Cancelled: no file was written."))

    def _ended(self, text: str) -> None:
        self.task = None
        self.message.setText(text)
        self.progress.hide()
        self.cancel_button.setEnabled(False)
        for button in (self.report_button, self.attendance_button, self.audit_button):
            button.setEnabled(True)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def open_last(self) -> None:
        if self.last_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path)))

    # --- language ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.report_box.setTitle(self.tr("Day report (PDF)"))
        self.report_hint.setText(
            self.tr(
                "Arrivals over time, attendance per session, capacity peaks, no-shows, and "
                "badges printed against registrations, in English and Korean."
            )
        )
        self.day_label.setText(self.tr("&Day"))
        self.day.setAccessibleName(self.tr("Day of the report"))
        self.report_button.setText(self.tr("Make the day report…"))
        self.report_button.setAccessibleName(self.tr("Make the day report as a PDF"))
        self.export_box.setTitle(self.tr("Exports (CSV or Excel)"))
        self.export_hint.setText(
            self.tr(
                "Cells that a spreadsheet would run as formulas are written as text. "
                "Exports hold names: delete them when the retention period ends."
            )
        )
        self.attendance_button.setText(self.tr("Export attendance…"))
        self.attendance_button.setAccessibleName(self.tr("Export who entered which session"))
        self.audit_button.setText(self.tr("Export the audit log…"))
        self.audit_button.setAccessibleName(self.tr("Export door overrides and code reissues"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel writing the file"))
        self.open_button.setText(self.tr("Open the file"))
        self.open_button.setAccessibleName(self.tr("Open the file just written"))
        self.progress.setAccessibleName(self.tr("Progress"))
