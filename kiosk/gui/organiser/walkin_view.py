"""Registering someone at the desk: their details, then register, issue and print in one step."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.model import CATEGORIES
from kiosk.errors import KioskError
from kiosk.gui.organiser.desk import DeskActions
from kiosk.gui.organiser.labels import category_label
from kiosk.services.roster_admin import NewPerson, check_new_person


class WalkInDialog(QDialog):
    """A walk-in registration form; `registered` holds the new registration id once done."""

    def __init__(self, desk: DeskActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("walkInDialog")
        self.desk = desk
        self.registered: str | None = None
        self.fields: dict[str, QLineEdit] = {}
        self.captions: dict[str, QLabel] = {}
        form = QFormLayout()
        for key in ("family_name", "given_name", "name_local", "organization", "title", "country"):
            line = QLineEdit()
            line.setObjectName(f"walkin-{key}")
            caption = QLabel()
            caption.setBuddy(line)
            self.fields[key] = line
            self.captions[key] = caption
            form.addRow(caption, line)
        self.category = QComboBox()
        self.category.setObjectName("walkin-category")
        for category in CATEGORIES:
            self.category.addItem(category, category)
        self.category_caption = QLabel()
        self.category_caption.setBuddy(self.category)
        form.addRow(self.category_caption, self.category)
        self.email = QLineEdit()
        self.email.setObjectName("walkin-email")
        self.email_caption = QLabel()
        self.email_caption.setBuddy(self.email)
        form.addRow(self.email_caption, self.email)
        self.language = QComboBox()
        self.language.setObjectName("walkin-language")
        for code in ("", "ko", "en"):
            self.language.addItem(code, code)
        self.language_caption = QLabel()
        self.language_caption.setBuddy(self.language)
        form.addRow(self.language_caption, self.language)
        self.privacy = QCheckBox()
        self.privacy.setObjectName("walkin-privacy")
        form.addRow(self.privacy)
        self.print_now = QCheckBox()
        self.print_now.setObjectName("walkin-print")
        self.print_now.setChecked(True)
        form.addRow(self.print_now)
        self.message = QLabel()
        self.message.setObjectName("walkinMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.register)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()

    def person(self) -> NewPerson:
        text = {key: line.text() for key, line in self.fields.items()}
        return NewPerson(
            family_name=text["family_name"],
            given_name=text["given_name"],
            name_local=text["name_local"],
            organization=text["organization"],
            title=text["title"],
            country=text["country"],
            category=str(self.category.currentData()),
            email=self.email.text(),
            language=str(self.language.currentData() or ""),
            badge_privacy=self.privacy.isChecked(),
        )

    def register(self) -> None:
        """Register, issue and (if ticked) print; stays open with the reason if a field is wrong."""
        person = self.person()
        problems = check_new_person(person)
        if problems:
            field, message = problems[0]
            self.message.setText("✖ " + self._problem(field, message))
            widget = self.fields.get(field) or (self.email if field == "email" else None)
            if widget is not None:
                widget.setFocus()
            return
        try:
            self.registered = self.desk.walk_in(person, print_badge=self.print_now.isChecked())
        except KioskError as exc:
            self.message.setText("✖ " + str(exc))
            return
        self.accept()

    def _problem(self, field: str, message: str) -> str:
        if field == "family_name":
            return self.tr("Enter a family name or a given name.")
        if field == "email":
            return self.tr("This is not an e-mail address.")
        return message

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Register a walk-in"))
        captions = {
            "family_name": self.tr("&Family name"),
            "given_name": self.tr("&Given name"),
            "name_local": self.tr("Name in &local script"),
            "organization": self.tr("&Organisation"),
            "title": self.tr("&Title"),
            "country": self.tr("C&ountry"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
            self.fields[key].setAccessibleName(text.replace("&", ""))
        self.category_caption.setText(self.tr("&Category"))
        self.category.setAccessibleName(self.tr("Category"))
        for index in range(self.category.count()):
            self.category.setItemText(index, category_label(str(self.category.itemData(index))))
        self.email_caption.setText(self.tr("&E-mail (stored only as a hash)"))
        self.email.setAccessibleName(self.tr("E-mail"))
        self.language_caption.setText(self.tr("Kiosk &language"))
        self.language.setAccessibleName(self.tr("Kiosk language"))
        self.language.setItemText(0, self.tr("Not set"))
        self.language.setItemText(1, self.tr("Korean"))
        self.language.setItemText(2, self.tr("English"))
        self.privacy.setText(self.tr("Leave organisation and country off the badge"))
        self.privacy.setAccessibleName(self.privacy.text())
        self.print_now.setText(self.tr("Print the badge now"))
        self.print_now.setAccessibleName(self.print_now.text())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Register, issue and print"))
        ok.setAccessibleName(ok.text())
        ok.setObjectName("walkinRegister")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(cancel.text())
