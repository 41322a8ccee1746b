"""The Sync tab's device enrolment: a one-time token for a new door or kiosk, shown as text and
as a QR code, and revoking a device (a lost laptop). The rules are `kiosk.sync.enrolment` and
`kiosk.sync.identity`; this panel only asks and shows.

The token is shown once, here, until the next one is made or the panel is cleared: it is not
stored anywhere the organiser's screen could show it again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.badges.qr import QUIET_ZONE_MODULES, qr_matrix
from kiosk.core.clock import from_ms, now_ms
from kiosk.errors import KioskError
from kiosk.gui.fitting import StackingRow, side_by_side
from kiosk.gui.shell.context import AppContext
from kiosk.sync.enrolment import (
    DEFAULT_VALID_HOURS,
    MAX_VALID_HOURS,
    Enrolment,
    enrol_new_device,
)
from kiosk.sync.identity import revoke_device

QR_MODULE_PX = 5


def qr_pixmap(text: str, module_px: int = QR_MODULE_PX) -> QPixmap:
    """`text` as a black-on-white QR code with its quiet zone, `module_px` pixels a module."""
    matrix = qr_matrix(text)
    size = (len(matrix) + 2 * QUIET_ZONE_MODULES) * module_px
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for row, modules in enumerate(matrix):
        for column, dark in enumerate(modules):
            if dark:
                painter.fillRect(
                    (column + QUIET_ZONE_MODULES) * module_px,
                    (row + QUIET_ZONE_MODULES) * module_px,
                    module_px,
                    module_px,
                    QColor("black"),
                )
    painter.end()
    return QPixmap.fromImage(image)


class EnrolPanel(QGroupBox):
    """Enrol a device (token as text and QR) and revoke one. `changed` follows either."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncEnrol")
        self.context = context
        self.enrolment: Enrolment | None = None
        name_rule = QRegularExpressionValidator(
            QRegularExpression(r"[A-Za-z0-9][A-Za-z0-9._-]{0,62}"), self
        )
        self.name_caption = QLabel()
        self.name = QLineEdit()
        self.name.setObjectName("syncEnrolName")
        self.name.setValidator(name_rule)
        self.name_caption.setBuddy(self.name)
        self.hours_caption = QLabel()
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("syncEnrolHours")
        self.hours.setDecimals(0)
        self.hours.setRange(1, MAX_VALID_HOURS)
        self.hours.setValue(DEFAULT_VALID_HOURS)
        self.hours_caption.setBuddy(self.hours)
        self.enrol_button = QPushButton()
        self.enrol_button.setObjectName("syncEnrolButton")
        self.enrol_button.clicked.connect(self.enrol_from_fields)
        self.name.returnPressed.connect(self.enrol_from_fields)

        self.token = QLabel()
        self.token.setObjectName("syncEnrolToken")
        self.token.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.token.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(max(14.0, self.font().pointSizeF() * 1.6))
        font.setBold(True)
        self.token.setFont(font)
        self.qr = QLabel()
        self.qr.setObjectName("syncEnrolQr")
        self.details = QLabel()
        self.details.setObjectName("syncEnrolDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.revoke_caption = QLabel()
        self.revoke_name = QLineEdit()
        self.revoke_name.setObjectName("syncRevokeName")
        self.revoke_name.setValidator(QRegularExpressionValidator(QRegularExpression(r"\S{0,64}")))
        self.revoke_caption.setBuddy(self.revoke_name)
        self.revoke_button = QPushButton()
        self.revoke_button.setObjectName("syncRevokeButton")
        self.revoke_button.clicked.connect(self.ask_and_revoke)
        self.message = QLabel()
        self.message.setObjectName("syncEnrolMessage")
        self.message.setWordWrap(True)

        # The name and the hours side by side, or one under the other on a narrow window.
        enrol_row = StackingRow(
            [
                (side_by_side((self.name_caption, 0), (self.name, 1)), 1),
                (
                    side_by_side((self.hours_caption, 0), (self.hours, 0), (self.enrol_button, 0)),
                    0,
                ),
            ]
        )
        # Stacked, the rows keep their own height: the spare height stays below them.
        enrol_row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        revoke_row = side_by_side(
            (self.revoke_caption, 0), (self.revoke_name, 1), (self.revoke_button, 0)
        )
        shown = QVBoxLayout()
        shown.addWidget(self.token)
        shown.addWidget(self.details)
        shown.addStretch(1)
        result = QHBoxLayout()
        result.addWidget(self.qr)
        result.addLayout(shown, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(enrol_row)
        layout.addWidget(revoke_row)
        layout.addLayout(result)
        layout.addWidget(self.message)
        self.retranslate()

    # --- enrolling ---------------------------------------------------------------------------

    def enrol_from_fields(self) -> Enrolment | None:
        return self.enrol(self.name.text(), self.hours.value())

    def enrol(self, name: str, hours: float = DEFAULT_VALID_HOURS) -> Enrolment | None:
        """Make a one-time token for device `name` and show it (text and QR)."""
        try:
            made = enrol_new_device(self.context.conn, name, valid_hours=hours)
        except KioskError as exc:
            self.clear_token()
            self._say(self.tr("✖ {reason}").format(reason=str(exc)))
            return None
        self.enrolment = made
        self._show_token()
        self._say("")
        self.changed.emit()
        return made

    def clear_token(self) -> None:
        """Stop showing the last token (it stays valid until used or expired)."""
        self.enrolment = None
        self._show_token()

    def _show_token(self) -> None:
        made = self.enrolment
        if made is None:
            self.token.clear()
            self.qr.clear()
            self.details.clear()
            self.token.setAccessibleName(self.tr("No enrolment token shown"))
            return
        until = from_ms(made.expires_ms, self.context.event.tz).strftime("%Y-%m-%d %H:%M")
        self.token.setText(made.token)
        self.token.setAccessibleName(
            self.tr("Enrolment token for {device}: {token}").format(
                device=made.device, token=" ".join(made.token.replace("-", ""))
            )
        )
        self.qr.setPixmap(qr_pixmap(made.token))
        self.qr.setAccessibleName(self.tr("The same token as a QR code"))
        self.details.setText(
            self.tr(
                "For device {device}, one use, until {until}. On the device: kiosk init "
                "--from-bundle ROSTER --device {device} --enrol {token}"
            ).format(device=made.device, until=until, token=made.token)
        )

    # --- revoking ----------------------------------------------------------------------------

    def ask_and_revoke(self) -> list[str] | None:
        name = self.revoke_name.text().strip()
        if not name:
            return None
        answer = QMessageBox.warning(
            self,
            self.tr("Revoke a device"),
            self.tr(
                "Refuse everything device {device} sends from now on? Its check-ins so far stay. "
                "A replacement is enrolled under a new name."
            ).format(device=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self.revoke(name)

    def revoke(self, name: str) -> list[str] | None:
        """Revoke device `name` (and every name its key signed for)."""
        try:
            names = revoke_device(self.context.conn, name, now_ms())
        except KioskError as exc:
            self._say(self.tr("✖ {reason}").format(reason=str(exc)))
            return None
        self.revoke_name.clear()
        self._say(
            self.tr(
                "Revoked {devices}. Export a new roster so other devices refuse it too."
            ).format(devices=", ".join(names))
        )
        self.changed.emit()
        return names

    # --- words -------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Devices allowed to send check-ins"))
        self.name_caption.setText(self.tr("New device &name"))
        self.name.setAccessibleName(self.tr("Name of the device to enrol"))
        self.name.setPlaceholderText(self.tr("e.g. door-211"))
        self.hours_caption.setText(self.tr("Valid for (&hours)"))
        self.hours.setAccessibleName(self.tr("Hours the token can be used"))
        self.enrol_button.setText(self.tr("Make an &enrolment token"))
        self.enrol_button.setAccessibleName(self.tr("Make an enrolment token"))
        self.revoke_caption.setText(self.tr("Re&voke device"))
        self.revoke_name.setAccessibleName(self.tr("Name of the device to revoke"))
        self.revoke_button.setText(self.tr("Revoke…"))
        self.revoke_button.setAccessibleName(self.tr("Revoke the device"))
        self._show_token()
