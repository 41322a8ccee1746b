"""The first window: the event, its sessions, and the language choice."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.gui.sessions_model import SessionsModel
from kiosk.gui.translations import LanguageSwitcher


class MainWindow(QMainWindow):
    """Shows the event a device serves; the door and kiosk screens build on it later."""

    def __init__(
        self, event_name: str, sessions: SessionsModel, languages: LanguageSwitcher
    ) -> None:
        super().__init__()
        self._event_name = event_name
        self._languages = languages
        self.sessions = sessions

        self.heading = QLabel(event_name)
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.heading.setFont(font)

        self.language_button = QPushButton()
        self.language_button.clicked.connect(self.toggle_language)

        self.table = QTableView()
        self.table.setModel(sessions)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.language_button)
        layout = QVBoxLayout()
        layout.addLayout(top)
        self.subheading = QLabel()
        layout.addWidget(self.subheading)
        layout.addWidget(self.table, 1)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.resize(960, 540)
        self.retranslate()

    def toggle_language(self) -> None:
        """Switch between Korean and English."""
        self._languages.use("en" if self._languages.language == "ko" else "ko")
        self.sessions.set_language(self._languages.language)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Check-in kiosk — {event}").format(event=self._event_name))
        self.subheading.setText(self.tr("Sessions"))
        # The button names the language it switches to, in that language.
        self.language_button.setText("English" if self._languages.language == "ko" else "한국어")
        self.language_button.setAccessibleName(self.tr("Change language"))
        self.table.setAccessibleName(self.tr("Sessions of the event"))
