"""Asking for the organiser PIN before leaving kiosk mode or full screen."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.pin import check_pin
from kiosk.store.database import Connection


class PinDialog(QDialog):
    """A PIN prompt; wrong tries are answered more and more slowly (the service decides)."""

    def __init__(self, conn: Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._conn = conn
        self.setModal(True)
        self.prompt = QLabel()
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,12}"), self))
        self.field.setMaxLength(12)
        self.message = QLabel()
        self.message.setProperty("role", "hint")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.try_pin)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Organiser PIN"))
        self.prompt.setText(self.tr("Enter the organiser PIN"))
        self.field.setAccessibleName(self.tr("Organiser PIN"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def try_pin(self) -> None:
        answer = check_pin(self._conn, self.field.text())
        self.field.clear()
        if answer.ok:
            self.accept()
            return
        if answer.wait_seconds:
            self.message.setText(
                self.tr("Wrong PIN. Please wait {seconds} s before trying again.").format(
                    seconds=answer.wait_seconds
                )
            )
        else:
            self.message.setText(self.tr("Wrong PIN. Please try again."))
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
