"""Today's sessions for the person: what became of the badge, then time, room, interpretation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from kiosk.core.messages import message_for
from kiosk.core.model import Reason
from kiosk.gui.selfcheckin.flow import BadgeNote
from kiosk.gui.selfcheckin.today_model import TodaySessionsModel
from kiosk.gui.selfcheckin.widgets import (
    KioskButton,
    Page,
    build_page,
    set_accessible,
    text_label,
    with_icon,
)


class TodayPage(Page):
    """The last page of a visit; Done ends it."""

    done = Signal()

    def __init__(
        self, model: TodaySessionsModel, language: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("todayPage")
        self._language = language
        self._reason: Reason | None = None
        self._badge: BadgeNote | None = None
        self.model = model
        self.badge_label = text_label("todayBadge", "field")
        self.welcome_label = text_label("todayWelcome", "body")
        self.title = text_label("todayTitle", "title")
        self.empty_label = text_label("todayEmpty", "body")
        self.list = QListView()
        self.list.setObjectName("todaySessions")
        self.list.setModel(model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(6)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.done_button = KioskButton("todayDone", primary=True)
        self.done_button.clicked.connect(self._done)
        build_page(
            self,
            [self.badge_label, self.welcome_label, self.title, self.empty_label],
            [self.done_button],
            middle=self.list,
        )
        self._refresh()

    def controls(self) -> list[QWidget]:
        return [self.list, self.done_button]

    def first_focus(self) -> QWidget:
        return self.done_button

    def show_state(self, reason: Reason | None, badge: BadgeNote | None) -> None:
        self._reason = reason
        self._badge = badge
        self._refresh()

    def clear(self) -> None:
        self.model.clear()
        self.show_state(None, None)

    def _done(self) -> None:
        self.done.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def _badge_text(self) -> str:
        if self._badge is None:
            return ""
        texts = {
            BadgeNote.PRINTED: (
                "✔",
                self.tr("Your badge is printed. Please take it from the printer."),
            ),
            BadgeNote.NO_PRINTER: (
                "ⓘ",
                self.tr(
                    "This kiosk has no badge printer. Please collect your badge at the "
                    "information desk."
                ),
            ),
            BadgeNote.ALREADY_PRINTED: (
                "ⓘ",
                self.tr(
                    "Your badge was printed before. If you need a new one, please ask at the "
                    "information desk."
                ),
            ),
            BadgeNote.SKIPPED: (
                "ⓘ",
                self.tr("Your badge was not printed. Please collect it at the information desk."),
            ),
        }
        icon, text = texts[self._badge]
        return with_icon(icon, text)

    def _refresh(self) -> None:
        self.model.set_language(self._language())
        self.badge_label.setText(self._badge_text())
        self.badge_label.setVisible(bool(self.badge_label.text()))
        if self._reason is not None and self._reason.admits:
            message = message_for(self._reason, arrival=True)
            self.welcome_label.setText(message.get(self._language(), message["en"]))
        else:
            self.welcome_label.setText("")
        self.title.setText(self.tr("Your sessions today"))
        showing = self._reason is not None
        self.empty_label.setText(self.tr("You have no sessions today."))
        self.empty_label.setVisible(showing and self.model.rowCount() == 0)
        set_accessible(
            self.list,
            self.tr("Your sessions today"),
            self.tr("Time, room, title and interpretation of each session"),
        )
        self.done_button.setText(with_icon("✔", self.tr("Done")))
        set_accessible(
            self.done_button,
            self.tr("Done"),
            self.tr("Ends your visit; the kiosk goes back to the start for the next person"),
        )
