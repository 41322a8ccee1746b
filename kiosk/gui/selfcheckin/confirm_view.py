"""Is this you? The person's name and affiliation (never under badge privacy), yes or no."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget

from kiosk.gui.selfcheckin.widgets import (
    KioskButton,
    Page,
    build_page,
    set_accessible,
    text_label,
    with_icon,
)
from kiosk.services.person_card import PersonCard


class ConfirmPage(Page):
    """Shows the one person found; "Yes" checks them in and prints, "not me" records nothing."""

    confirmed = Signal()
    not_me = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmPage")
        self._person: PersonCard | None = None
        self.title = text_label("confirmTitle", "title")
        self.name_label = text_label("confirmName", "person")
        self.local_name_label = text_label("confirmLocalName", "person")
        self.affiliation_label = text_label("confirmAffiliation", "body")
        self.hint = text_label("confirmHint", "body")
        self.yes_button = KioskButton("confirmYes", primary=True)
        self.yes_button.clicked.connect(self._yes)
        self.not_me_button = KioskButton("confirmNotMe")
        self.not_me_button.clicked.connect(self._not_me)
        build_page(
            self,
            [self.title, self.name_label, self.local_name_label, self.affiliation_label, self.hint],
            [[self.yes_button, self.not_me_button]],
        )
        self._refresh()

    def controls(self) -> list[QWidget]:
        return [self.yes_button, self.not_me_button]

    def first_focus(self) -> QWidget:
        return self.yes_button

    def show_person(self, person: PersonCard | None) -> None:
        self._person = person
        self._refresh()

    def clear(self) -> None:
        self.show_person(None)

    def _yes(self) -> None:
        self.confirmed.emit()

    def _not_me(self) -> None:
        self.not_me.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def _refresh(self) -> None:
        person = self._person
        self.title.setText(self.tr("Is this you?"))
        self.name_label.setText(person.name if person else "")
        self.local_name_label.setText(person.name_local or "" if person else "")
        self.local_name_label.setVisible(bool(self.local_name_label.text()))
        self.affiliation_label.setText(person.affiliation or "" if person else "")
        self.affiliation_label.setVisible(bool(self.affiliation_label.text()))
        self.hint.setText(
            self.tr("If this is you, your check-in is recorded and your badge is printed.")
        )
        self.yes_button.setText(with_icon("✔", self.tr("Yes, print my badge")))
        set_accessible(
            self.yes_button,
            self.tr("Yes, print my badge"),
            self.tr("Confirms that this is you, checks you in and prints your badge"),
        )
        self.not_me_button.setText(with_icon("✕", self.tr("This is not me")))
        set_accessible(
            self.not_me_button,
            self.tr("This is not me"),
            self.tr("Goes back to the start; nothing is recorded"),
        )
