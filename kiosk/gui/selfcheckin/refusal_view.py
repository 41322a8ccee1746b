"""A code or registration that cannot check in: a polite message in both languages, and the desk.

Nothing about the person is shown: only the reason's message from kiosk.core.messages.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.core.messages import message_for
from kiosk.core.model import Reason
from kiosk.gui.selfcheckin.widgets import (
    KioskButton,
    Page,
    build_page,
    set_accessible,
    text_label,
    with_icon,
)


class RefusalPage(Page):
    """The refusal, first in the screen's language, then in the other one."""

    finished = Signal()

    def __init__(self, language: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refusalPage")
        self._language = language
        self._reason: Reason | None = None
        self.icon = text_label("refusalIcon", "icon")
        self.icon.setText("ⓘ")
        self.title = text_label("refusalTitle", "title")
        self.primary = text_label("refusalPrimary", "body")
        self.secondary = text_label("refusalSecondary", "note")
        self.done_button = KioskButton("refusalDone", primary=True)
        self.done_button.clicked.connect(self._done)
        build_page(self, [self.icon, self.title, self.primary, self.secondary], [self.done_button])
        self._refresh()

    def controls(self) -> list[QWidget]:
        return [self.done_button]

    def first_focus(self) -> QWidget:
        return self.done_button

    def show_reason(self, reason: Reason | None) -> None:
        self._reason = reason
        self._refresh()

    def clear(self) -> None:
        self.show_reason(None)

    def spoken(self) -> str:
        return self.primary.text()

    def spoken_labels(self) -> list[QLabel]:
        """The refusal in the screen's language only (the voice speaks one language)."""
        return [label for label in super().spoken_labels() if label is not self.secondary]

    def _done(self) -> None:
        self.finished.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def _refresh(self) -> None:
        self.icon.setAccessibleName(self.tr("Information"))
        self.title.setText(self.tr("We cannot check you in here"))
        if self._reason is None:
            self.primary.setText("")
            self.secondary.setText("")
        else:
            message = message_for(self._reason, arrival=True)
            language = self._language()
            other = "en" if language == "ko" else "ko"
            self.primary.setText(message.get(language, message["en"]))
            self.secondary.setText(message[other])
        self.done_button.setText(with_icon("✔", self.tr("OK")))
        set_accessible(
            self.done_button,
            self.tr("OK"),
            self.tr("Ends your visit at the kiosk; the staff at the information desk can help"),
        )
