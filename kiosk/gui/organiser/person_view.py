"""A person's page at the desk: status, codes, badge preview, print, reissue, cancel, rename."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.clock import from_ms
from kiosk.errors import KioskError
from kiosk.gui.fitting import FlowRowLayout, PageScroller
from kiosk.gui.organiser.badge_preview import render_preview
from kiosk.gui.organiser.desk import DeskActions
from kiosk.gui.organiser.labels import category_label, status_label, yes_no
from kiosk.gui.organiser.sizing import emphasise
from kiosk.gui.organiser.tasks import (
    Task,
    TaskContext,
    TaskRunner,
    sent_by,
)
from kiosk.gui.shell.context import AppContext
from kiosk.services.roster_admin import PersonRecord, person_record
from kiosk.store.database import connect

PREVIEW_WIDTH = 340


class PersonPanel(QWidget):
    """Shows one registration and the desk's actions on it."""

    changed = Signal(str)  # the registration changed (the roster updates its row)

    def __init__(
        self,
        context: AppContext,
        desk: DeskActions,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personPanel")
        self.context = context
        self.desk = desk
        self.runner = runner
        self.record: PersonRecord | None = None
        self.preview_task: Task | None = None
        self.confirm = True  # ask before reissuing or cancelling (tests switch it off)

        self.title = QLabel()
        self.title.setObjectName("personTitle")
        self.title.setWordWrap(True)
        emphasise(self.title, context.prefs, 1.4)
        self.details = QFormLayout()
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        for key in (
            "registration",
            "local",
            "organization",
            "category",
            "status",
            "code",
            "tickets",
            "arrived",
            "printed",
            "invitations",
            "accessibility",
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption = QLabel()
            self.values[key] = value
            self.captions[key] = caption
            self.details.addRow(caption, value)

        self.preview = QLabel()
        self.preview.setObjectName("badgePreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_WIDTH, int(PREVIEW_WIDTH * 0.63))
        self.preview.setWordWrap(True)

        self.print_button = QPushButton()
        self.print_button.setObjectName("printBadge")
        self.print_button.clicked.connect(self.print_badge)
        self.reissue_button = QPushButton()
        self.reissue_button.setObjectName("reissueCode")
        self.reissue_button.clicked.connect(self.reissue)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelRegistration")
        self.cancel_button.clicked.connect(self.toggle_cancelled)
        actions = FlowRowLayout(spacing=6)  # on two lines when the panel is narrow
        actions.addWidget(self.print_button)
        actions.addWidget(self.reissue_button)
        actions.addWidget(self.cancel_button)

        self.family = QLineEdit()
        self.family.setObjectName("editFamily")
        self.given = QLineEdit()
        self.given.setObjectName("editGiven")
        self.local = QLineEdit()
        self.local.setObjectName("editLocal")
        self.family_caption = QLabel()
        self.family_caption.setBuddy(self.family)
        self.given_caption = QLabel()
        self.given_caption.setBuddy(self.given)
        self.local_caption = QLabel()
        self.local_caption.setBuddy(self.local)
        self.save_name = QPushButton()
        self.save_name.setObjectName("saveBadgeName")
        self.save_name.clicked.connect(self.rename)
        self.name_box = QGroupBox()
        form = QFormLayout(self.name_box)
        form.addRow(self.family_caption, self.family)
        form.addRow(self.given_caption, self.given)
        form.addRow(self.local_caption, self.local)
        form.addRow(self.save_name)

        self.message = QLabel()
        self.message.setObjectName("personMessage")
        self.message.setWordWrap(True)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.title)
        layout.addLayout(self.details)
        layout.addWidget(self.preview)
        layout.addLayout(actions)
        layout.addWidget(self.name_box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        # The badge-name editor is below the preview: whatever takes the focus scrolls into view.
        scroll = PageScroller(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        desk.person_changed.connect(self._person_changed)
        desk.print_state.connect(self._print_state)
        self.retranslate()
        self.show_person(None)

    # --- showing -----------------------------------------------------------------------------

    def show_person(self, registration_id: str | None) -> None:
        """Show a registration (None: nobody chosen)."""
        if registration_id is None:
            self.record = None
        else:
            try:
                self.record = person_record(self.context.conn, registration_id)
            except KioskError as exc:
                self.record = None
                self.message.setText(str(exc))
        self._fill()
        self._render_preview()

    def _fill(self) -> None:
        record = self.record
        enabled = record is not None
        for widget in (
            self.print_button,
            self.reissue_button,
            self.cancel_button,
            self.name_box,
        ):
            widget.setEnabled(enabled)
        if record is None:
            self.title.setText(self.tr("Choose a person in the list"))
            for value in self.values.values():
                value.setText("")
            for line in (self.family, self.given, self.local):
                line.clear()
            self.preview.setPixmap(QPixmap())
            self.preview.setText("")
            self.cancel_button.setText(self.tr("Cancel registration"))
            self.cancel_button.setAccessibleName(self.cancel_button.text())
            return
        tz = self.context.event.tz
        self.title.setText(record.name or record.registration_id)
        self.values["registration"].setText(record.registration_id)
        self.values["local"].setText(record.name_local or "—")
        organization = record.organization or "—"
        if record.badge_privacy:
            organization += " " + self.tr("(not printed on the badge)")
        self.values["organization"].setText(organization)
        self.values["category"].setText(category_label(record.category))
        status = status_label(record.status)
        self.values["status"].setText(("✖ " if record.cancelled else "✔ ") + status)
        if record.code_version:
            code = self.tr("version {version}").format(version=record.code_version)
            if record.code_version > 1:
                code += " " + self.tr("(earlier codes revoked)")
        else:
            code = self.tr("not issued yet")
        if record.external_code_revoked and record.tickets:
            # The tickets below were replaced by a reissue of this system's code.
            code += " · " + self.tr("code from the registration system: {state}").format(
                state=self.tr("revoked") if record.external_code_revoked else self.tr("valid")
            )
        self.values["code"].setText(code)
        self.values["tickets"].setText(self._tickets_text(record) or "—")
        self.values["arrived"].setText(
            from_ms(record.arrived_ms, tz).strftime("%Y-%m-%d %H:%M")
            if record.arrived_ms is not None
            else self.tr("Not yet")
        )
        printed = self.tr("%n time(s)", "", record.badges_printed)
        if record.last_print_ms is not None:
            printed += " · " + from_ms(record.last_print_ms, tz).strftime("%Y-%m-%d %H:%M")
        self.values["printed"].setText(printed if record.badges_printed else yes_no(False))
        sessions = list(record.invitations)
        sessions += [self.tr("{session} (speaker)").format(session=s) for s in record.speaker_of]
        self.values["invitations"].setText(", ".join(sessions) or "—")
        self.values["accessibility"].setText(record.accessibility or "—")
        self.family.setText(record.family_name or "")
        self.given.setText(record.given_name or "")
        self.local.setText(record.name_local or "")
        self.print_button.setEnabled(not record.cancelled)
        self.cancel_button.setText(
            self.tr("Restore registration") if record.cancelled else self.tr("Cancel registration")
        )
        self.cancel_button.setAccessibleName(self.cancel_button.text())

    def _tickets_text(self, record: PersonRecord) -> str:
        """The person's tickets, one a line: type, the code's last four characters only (the
        code is a secret), and whether it is cancelled."""
        lines = []
        for ticket in record.tickets:
            kind = ticket.ticket_type or self.tr("Ticket")
            state = self.tr("cancelled") if ticket.cancelled else self.tr("valid")
            lines.append(
                self.tr("{type} ···{tail} ({state})").format(
                    type=kind, tail=ticket.code_tail, state=state
                )
            )
        return "\n".join(lines)

    def _render_preview(self) -> None:
        if self.preview_task is not None:
            self.preview_task.cancel()
            self.preview_task = None
        record = self.record
        if record is None:
            return
        self.preview.setPixmap(QPixmap())
        self.preview.setText(self.tr("Drawing the badge…"))
        rid = record.registration_id
        db_path = self.context.db_path

        def job(context: TaskContext) -> QImage:
            conn = connect(db_path)
            try:
                context.check()
                return render_preview(conn, rid)
            finally:
                conn.close()

        task = Task(job, label=rid)
        task.signals.finished.connect(self._preview_ready)
        task.signals.failed.connect(self._preview_failed)
        self.preview_task = task
        self.runner.start(task)

    def _preview_ready(self, image: QImage) -> None:
        if not sent_by(self, self.preview_task):
            return
        self.preview_task = None
        pixmap = QPixmap.fromImage(image)
        width = min(PREVIEW_WIDTH, max(200, self.width() - 40))
        self.preview.setText("")
        self.preview.setPixmap(
            pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        )
        self.preview.setAccessibleName(self.tr("Badge preview"))

    def _preview_failed(self, message: str) -> None:
        if sent_by(self, self.preview_task):
            self.preview_task = None
            self.preview.setText(self.tr("No preview: {message}").format(message=message))

    # --- actions -----------------------------------------------------------------------------

    def _ask(self, title: str, text: str) -> bool:
        if not self.confirm:
            return True
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def print_badge(self) -> None:
        if self.record is None:
            return
        try:
            self.desk.print_badges([self.record.registration_id])
        except KioskError as exc:
            self.message.setText(str(exc))

    def reissue(self) -> None:
        record = self.record
        if record is None:
            return
        if not self._ask(
            self.tr("Reissue the code"),
            self.tr("Give {name} a new code? Their current badge will stop working.").format(
                name=record.name
            ),
        ):
            return
        try:
            self.desk.reissue(record.registration_id)
        except KioskError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(
            self.tr("New code issued. Print the new badge: the old one no longer opens doors.")
        )

    def toggle_cancelled(self) -> None:
        record = self.record
        if record is None:
            return
        cancel = not record.cancelled
        if cancel and not self._ask(
            self.tr("Cancel the registration"),
            self.tr("Cancel the registration of {name}? Their badge will be refused.").format(
                name=record.name
            ),
        ):
            return
        try:
            self.desk.set_cancelled(record.registration_id, cancel)
        except KioskError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(
            self.tr("Registration cancelled.") if cancel else self.tr("Registration restored.")
        )

    def rename(self) -> None:
        record = self.record
        if record is None:
            return
        try:
            self.desk.rename(
                record.registration_id, self.family.text(), self.given.text(), self.local.text()
            )
        except KioskError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("Badge name saved."))

    def _person_changed(self, registration_id: str) -> None:
        if self.record is not None and self.record.registration_id == registration_id:
            self.show_person(registration_id)
        self.changed.emit(registration_id)

    def _print_state(self, label: str, state: str, message: str) -> None:
        if self.record is None or self.record.registration_id not in label.split(","):
            return
        texts = {
            "queued": self.tr("Badge queued for printing."),
            "running": self.tr("Printing the badge…"),
            "done": self.tr("✔ Badge printed."),
            "failed": self.tr("✖ Printing failed: {message}").format(message=message),
            "warning": "⚠ " + message,
        }
        self.message.setText(texts.get(state, state))

    # --- language ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        captions = {
            "registration": self.tr("Registration"),
            "local": self.tr("Local name"),
            "organization": self.tr("Organisation"),
            "category": self.tr("Category"),
            "status": self.tr("Status"),
            "code": self.tr("Code"),
            "tickets": self.tr("Tickets"),
            "arrived": self.tr("Checked in"),
            "printed": self.tr("Badge printed"),
            "invitations": self.tr("Invited to"),
            "accessibility": self.tr("Access needs"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
            self.values[key].setAccessibleName(text)
        self.print_button.setText(self.tr("Print badge"))
        self.print_button.setAccessibleName(self.tr("Print this person's badge"))
        self.reissue_button.setText(self.tr("Reissue code"))
        self.reissue_button.setAccessibleName(self.tr("Reissue this person's code (lost badge)"))
        self.name_box.setTitle(self.tr("Name on the badge"))
        self.family_caption.setText(self.tr("&Family name"))
        self.given_caption.setText(self.tr("&Given name"))
        self.local_caption.setText(self.tr("&Local script"))
        self.family.setAccessibleName(self.tr("Family name on the badge"))
        self.given.setAccessibleName(self.tr("Given name on the badge"))
        self.local.setAccessibleName(self.tr("Name in local script on the badge"))
        self.save_name.setText(self.tr("Save name"))
        self.save_name.setAccessibleName(self.tr("Save the name on the badge"))
        self.preview.setAccessibleName(self.tr("Badge preview"))
        self._fill()
