"""The privacy tab: the event's retention date and the purge of personal data, behind the PIN."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.clock import from_ms, local_date
from kiosk.gui.organiser.tasks import Task, TaskContext, TaskRunner, sent_by
from kiosk.gui.shell.context import AppContext
from kiosk.gui.shell.pin_dialog import PinDialog
from kiosk.services.pin import has_pin
from kiosk.services.purge import (
    PrivacyState,
    PurgeResult,
    privacy_state,
    purge_personal_data,
    set_retention_date,
)
from kiosk.store.database import open_database


class PrivacyView(QWidget):
    """Retention date and purge. `purged` fires after a purge; `state_changed` after any change."""

    purged = Signal(object)  # PurgeResult
    state_changed = Signal()
    about_to_purge = Signal()

    def __init__(
        self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("privacyView")
        self.context = context
        self.runner = runner
        self.task: Task | None = None
        self.confirm = True  # ask for the PIN and a confirmation (tests switch it off)

        self.state_label = QLabel()
        self.state_label.setObjectName("privacyState")
        self.state_label.setWordWrap(True)
        self.retention = QDateEdit()
        self.retention.setObjectName("retentionDate")
        self.retention.setCalendarPopup(True)
        self.retention.setDisplayFormat("yyyy-MM-dd")
        self.retention_label = QLabel()
        self.retention_label.setBuddy(self.retention)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveRetention")
        self.save_button.clicked.connect(self.save_retention)
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.understand = QCheckBox()
        self.understand.setObjectName("purgeUnderstood")
        self.purge_button = QPushButton()
        self.purge_button.setObjectName("purgeButton")
        self.purge_button.setEnabled(False)
        self.understand.toggled.connect(self.purge_button.setEnabled)
        self.purge_button.clicked.connect(self.ask_and_purge)
        self.message = QLabel()
        self.message.setObjectName("purgeMessage")
        self.message.setWordWrap(True)

        self.retention_box = QGroupBox()
        row = QHBoxLayout(self.retention_box)
        row.addWidget(self.retention_label)
        row.addWidget(self.retention)
        row.addWidget(self.save_button)
        row.addStretch(1)
        self.purge_box = QGroupBox()
        box = QVBoxLayout(self.purge_box)
        box.addWidget(self.what)
        box.addWidget(self.understand)
        box.addWidget(self.purge_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addWidget(self.retention_box)
        layout.addWidget(self.purge_box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.retranslate()
        self.refresh()

    def state(self) -> PrivacyState:
        return privacy_state(self.context.conn)

    def today(self) -> date:
        return local_date(self.context.clock(), self.context.event.tz)

    def refresh(self) -> None:
        state = self.state()
        day = state.retention_date
        if day is not None:
            self.retention.setDate(QDate(day.year, day.month, day.day))
        else:
            today = self.today()
            self.retention.setDate(QDate(today.year, today.month, today.day).addDays(90))
        self.state_label.setText(self.describe(state))
        self.state_label.setAccessibleName(self.state_label.text())

    def describe(self, state: PrivacyState) -> str:
        """The privacy state in a sentence (also the screen's reminder banner)."""
        today = self.today()
        lines = []
        if state.purged_ms is not None:
            when = from_ms(state.purged_ms, self.context.event.tz).strftime("%Y-%m-%d %H:%M")
            lines.append(self.tr("Personal data was purged on {when}.").format(when=when))
        if state.attendees_with_personal_data == 0:
            lines.append(self.tr("This database holds no personal data of attendees."))
        else:
            lines.append(
                self.tr("This database holds personal data of {count} people.").format(
                    count=f"{state.attendees_with_personal_data:,}"
                )
            )
            if state.retention_date is None:
                lines.append(self.tr("⚠ No retention date is set: set one below."))
            elif state.due(today):
                lines.append(
                    self.tr(
                        "⚠ The retention date {day} has passed: purge the personal data now."
                    ).format(day=state.retention_date.isoformat())
                )
            else:
                lines.append(
                    self.tr("Keep it until {day} ({days} days left), then purge it.").format(
                        day=state.retention_date.isoformat(), days=state.days_left(today)
                    )
                )
        return " ".join(lines)

    def save_retention(self) -> None:
        chosen = self.retention.date()
        set_retention_date(self.context.conn, date(chosen.year(), chosen.month(), chosen.day()))
        self.message.setText(self.tr("Retention date saved."))
        self.refresh()
        self.state_changed.emit()

    # --- purging -----------------------------------------------------------------------------

    def ask_and_purge(self) -> Task | None:
        if self.confirm:
            if has_pin(self.context.conn):
                dialog = PinDialog(self.context.conn, self)
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return None
            answer = QMessageBox.warning(
                self,
                self.tr("Purge personal data"),
                self.tr(
                    "Delete every name, organisation, e-mail hash and access need for good? "
                    "Counts and reports stay; this cannot be undone."
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        return self.purge()

    def purge(self) -> Task | None:
        """Purge on a worker thread (its own connection); the screen reloads afterwards."""
        if self.task is not None:
            return None
        self.about_to_purge.emit()
        db_path = self.context.db_path

        def job(context: TaskContext) -> PurgeResult:
            conn = open_database(db_path).conn
            try:
                return purge_personal_data(conn)
            finally:
                conn.close()

        task = Task(job, label="purge")
        task.signals.finished.connect(self._done)
        task.signals.failed.connect(self._failed)
        self.task = task
        self.purge_button.setEnabled(False)
        self.message.setText(self.tr("Purging… do not close the window."))
        self.runner.start(task)
        return task

    def _done(self, result: PurgeResult) -> None:
        if not sent_by(self, self.task):
            return
        self.task = None
        self.understand.setChecked(False)
        self.message.setText(
            self.tr(
                "✔ Personal data of {count} registrations deleted; counts kept. "
                "Delete exports and bundles that left this machine too."
            ).format(count=f"{result.attendees_purged:,}")
        )
        self.refresh()
        self.purged.emit(result)
        self.state_changed.emit()

    def _failed(self, message: str) -> None:
        if sent_by(self, self.task):
            self.task = None
            self.message.setText("✖ " + message)
            self.purge_button.setEnabled(self.understand.isChecked())

    # --- language ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.retention_box.setTitle(self.tr("Retention"))
        self.retention_label.setText(self.tr("&Keep personal data until"))
        self.retention.setAccessibleName(self.tr("Retention date"))
        self.save_button.setText(self.tr("Save date"))
        self.save_button.setAccessibleName(self.tr("Save the retention date"))
        self.purge_box.setTitle(self.tr("Purge personal data"))
        self.what.setText(
            self.tr(
                "Deletes names (both scripts), organisations, titles, countries, e-mail hashes, "
                "access needs, codes from other systems and override texts; replaces "
                "registration ids with random pseudonyms. Check-ins, sessions and counts stay, "
                "so reports still add up. The file and its log are rewritten so nothing is left "
                "behind. Needs the organiser PIN."
            )
        )
        self.understand.setText(self.tr("I understand this cannot be undone"))
        self.understand.setAccessibleName(self.understand.text())
        self.purge_button.setText(self.tr("Purge personal data…"))
        self.purge_button.setAccessibleName(self.tr("Purge personal data now"))
        self.state_label.setText(self.describe(self.state()))
