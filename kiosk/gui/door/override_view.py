""" "Admit anyway": staff must write why; the reason is logged with the admission."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.gui.door.touch import at_least_target

REASON_MAX = 200


class OverrideDialog(QDialog):
    """Asks for the reason of an override; "Admit anyway" stays disabled until one is written."""

    def __init__(self, name: str, refusal: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overrideDialog")
        self.setModal(True)
        self.setMinimumWidth(560)
        self._name = name
        self._refusal = refusal
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.caption = QLabel()
        self.field = QLineEdit()
        self.field.setObjectName("overrideReason")
        self.field.setMaxLength(REASON_MAX)
        self.caption.setBuddy(self.field)
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.ok_button = QPushButton()
        self.ok_button.setObjectName("overrideOk")
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("overrideCancel")
        self.ok_button.clicked.connect(self._accept_if_reason)
        self.cancel_button.clicked.connect(self.reject)
        self.field.textChanged.connect(self._update)
        at_least_target(self.field)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.caption)
        layout.addWidget(self.field)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.setTabOrder(self.field, self.cancel_button)
        self.setTabOrder(self.cancel_button, self.ok_button)
        self.retranslate()
        self._update()
        self.field.setFocus()

    def reason(self) -> str:
        """The reason written, trimmed."""
        return self.field.text().strip()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()))

    def _accept_if_reason(self) -> None:
        if self.reason():
            self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Admit anyway"))
        self.question.setText(
            self.tr("{name} was not admitted: {refusal}\nAdmit this person anyway?").format(
                name=self._name, refusal=self._refusal
            )
        )
        self.caption.setText(self.tr("&Reason (required, recorded in the log)"))
        self.field.setPlaceholderText(self.tr("e.g. speaker's guest, approved by the organisers"))
        self.field.setAccessibleName(self.tr("Reason for admitting anyway"))
        self.field.setAccessibleDescription(self.tr("Required. It is recorded with the admission."))
        self.hint.setText(self.tr("The admission and its reason are recorded in the log."))
        self.ok_button.setText(self.tr("Admit anyway"))
        self.ok_button.setAccessibleName(self.tr("Admit anyway"))
        self.ok_button.setAccessibleDescription(self.tr("Available once a reason is written"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel: do not admit"))
