"""Asking for this device's organiser PIN when it has none yet (the app's first start).

A device without a PIN would leave kiosk mode and full screen unguarded, so the app asks for
one before anything else: twice, at least six digits. It can be postponed (the dialog comes
back at the next start); the PIN is checked and stored by `kiosk.services.pin`.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import KioskError
from kiosk.services.pin import MAX_DIGITS, MIN_DIGITS, change_pin, has_pin
from kiosk.store.database import Connection


class PinSetupDialog(QDialog):
    """Choose the organiser PIN: typed twice, 6 to 12 digits."""

    def __init__(self, conn: Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinSetup")
        self._conn = conn
        self.setModal(True)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.field = self._pin_field("pinSetupNew")
        self.again = self._pin_field("pinSetupAgain")
        self.field_caption = QLabel()
        self.field_caption.setBuddy(self.field)
        self.again_caption = QLabel()
        self.again_caption.setBuddy(self.again)
        self.message = QLabel()
        self.message.setObjectName("pinSetupMessage")
        self.message.setProperty("role", "hint")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.field_caption, self.field)
        form.addRow(self.again_caption, self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()

    def _pin_field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(MAX_DIGITS)
        field.setValidator(
            QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{MAX_DIGITS}}}"), self)
        )
        return field

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Organiser PIN for this device"))
        self.prompt.setText(
            self.tr(
                "This device has no organiser PIN yet. Choose one of {low} to {high} digits: "
                "it is asked before leaving kiosk mode or full screen. It stays on this device "
                "and never travels in a bundle."
            ).format(low=MIN_DIGITS, high=MAX_DIGITS)
        )
        self.field_caption.setText(self.tr("&New PIN"))
        self.field.setAccessibleName(self.tr("New organiser PIN"))
        self.again_caption.setText(self.tr("&Again"))
        self.again.setAccessibleName(self.tr("The same PIN again"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save PIN"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Later"))

    def save(self) -> None:
        """Store the PIN if both fields agree and it is long enough; else say why."""
        pin = self.field.text()
        if len(pin) < MIN_DIGITS:
            self._say(self.tr("A PIN has at least {low} digits.").format(low=MIN_DIGITS))
            return
        if self.again.text() != pin:
            self._say(self.tr("The two PINs differ. Please type them again."))
            self.again.clear()
            return
        try:
            change_pin(self._conn, pin)
        except KioskError:
            self._say(self.tr("This PIN cannot be used. Please choose another."))
            return
        self.field.clear()
        self.again.clear()
        self.accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.field.setFocus()


def ask_for_first_pin(conn: Connection, parent: QWidget | None = None) -> bool:
    """On a device without a PIN, ask for one; True when the device has a PIN afterwards."""
    if has_pin(conn):
        return True
    PinSetupDialog(conn, parent).exec()
    return has_pin(conn)
