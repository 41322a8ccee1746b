"""The first page: language, display choices, how to scan, and "I have no code"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from kiosk.gui.selfcheckin.widgets import (
    KioskButton,
    Page,
    build_page,
    set_accessible,
    text_label,
    with_icon,
)

# Each language is offered in its own words, whatever the screen's language.
LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}


class WelcomeChoices(QWidget):
    """Two rows of two choices with one tall button beside them; when the width has no room for
    three columns (200 % text on a laptop or a portrait kiosk), the tall button goes under
    them, as wide as both columns."""

    GAP_PX = 24

    def __init__(self, rows: list[list[QWidget]], tall: QWidget) -> None:
        super().__init__()
        self.setObjectName("welcomeChoices")
        self._rows = rows
        self._tall = tall
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(self.GAP_PX)
        self.grid.setVerticalSpacing(14)
        for r, row in enumerate(rows):
            for column, widget in enumerate(row):
                self.grid.addWidget(widget, r, column)
        self._beside: bool | None = None
        self._place(beside=True)

    def _widths(self) -> list[int]:
        parts = [w for row in self._rows for w in row] + [self._tall]
        return [max(w.sizeHint().width(), w.minimumSizeHint().width()) for w in parts]

    def _three_columns(self) -> int:
        return 3 * max(self._widths()) + 2 * self.GAP_PX

    def _place(self, *, beside: bool) -> None:
        if beside == self._beside:
            return
        self._beside = beside
        self.grid.removeWidget(self._tall)
        rows = len(self._rows)
        if beside:
            self.grid.addWidget(self._tall, 0, 2, rows, 1)
        else:
            self.grid.addWidget(self._tall, rows, 0, 1, 2)
        for column in range(3):
            self.grid.setColumnStretch(column, 1 if beside or column < 2 else 0)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        *pairs, tall = self._widths()
        narrow = max(2 * max(pairs, default=0) + self.GAP_PX, tall)
        return QSize(narrow, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place(beside=event.size().width() >= self._three_columns())
        super().resizeEvent(event)


class WelcomePage(Page):
    """Welcome: choose 한국어 / English, large text, high contrast; scan, or find yourself."""

    language_chosen = Signal(str)
    large_text_toggled = Signal(bool)
    high_contrast_toggled = Signal(bool)
    no_code = Signal()

    def __init__(self, event_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self._language = "en"
        self.title = text_label("welcomeTitle", "title")
        self.event_label = text_label("welcomeEvent", "body")
        self.event_label.setText(event_name)
        self.scan_icon = text_label("welcomeScanIcon", "icon")
        self.scan_icon.setText("▣")
        self.scan_text = text_label("welcomeScan", "body")
        self.no_code_text = text_label("welcomeNoCode", "body")

        self.language_buttons: dict[str, KioskButton] = {}
        for code in LANGUAGE_NAMES:
            button = KioskButton(f"language-{code}")
            button.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self.language_buttons[code] = button
        self.large_text_button = KioskButton("largeText")
        self.large_text_button.setCheckable(True)
        self.large_text_button.toggled.connect(self._large_text_toggled)
        self.high_contrast_button = KioskButton("highContrast")
        self.high_contrast_button.setCheckable(True)
        self.high_contrast_button.toggled.connect(self._high_contrast_toggled)
        self.no_code_button = KioskButton("noCode")
        self.no_code_button.clicked.connect(self.no_code)

        self.no_code_button.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding
        )

        # Two rows of choices beside one tall "I have no code": low enough to reach seated.
        choices = WelcomeChoices(
            [
                [self.language_buttons["ko"], self.language_buttons["en"]],
                [self.large_text_button, self.high_contrast_button],
            ],
            self.no_code_button,
        )
        build_page(
            self,
            [self.title, self.event_label, self.scan_icon, self.scan_text, self.no_code_text],
            [choices],
        )
        self._refresh()

    def controls(self) -> list[QWidget]:
        return [
            *self.language_buttons.values(),
            self.large_text_button,
            self.high_contrast_button,
            self.no_code_button,
        ]

    def show_state(self, language: str, large_text: bool, high_contrast: bool) -> None:
        """Mark the language and the display choices in force."""
        self._language = language
        for button, on in (
            (self.large_text_button, large_text),
            (self.high_contrast_button, high_contrast),
        ):
            button.blockSignals(True)
            button.setChecked(on)
            button.blockSignals(False)
        self._refresh()

    def clear(self) -> None:
        """Nothing personal is ever shown here."""

    def _large_text_toggled(self, on: bool) -> None:
        self.large_text_toggled.emit(on)

    def _high_contrast_toggled(self, on: bool) -> None:
        self.high_contrast_toggled.emit(on)

    def spoken_text(self) -> str:
        """The page's words and choices, then how the keypad works (for people who cannot see
        the screen)."""
        return f"{super().spoken_text()} {self.keypad_help()}"

    def keypad_help(self) -> str:
        return self.tr(
            "On the keypad: arrows or 2, 4, 6 and 8 move, 5 or Enter chooses, 0 turns the "
            "voice on or off, star repeats, plus and minus change the volume, 9 and 3 the "
            "speed, the dot key cancels, 1 calls staff."
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def _refresh(self) -> None:
        self.title.setText(self.tr("Welcome"))
        self.scan_text.setText(
            self.tr(
                "Hold the QR code from your confirmation e-mail (on your phone or on paper) "
                "under the scanner."
            )
        )
        self.scan_icon.setAccessibleName(self.tr("QR code"))
        self.no_code_text.setText(
            self.tr("No code with you? Find your registration with two facts instead.")
        )
        for code, button in self.language_buttons.items():
            current = code == self._language
            button.setText(with_icon("✔" if current else "", LANGUAGE_NAMES[code]))
            set_accessible(
                button,
                LANGUAGE_NAMES[code],
                self.tr("Use this language (in use now)")
                if current
                else self.tr("Show the kiosk in this language"),
            )
        large = self.large_text_button.isChecked()
        self.large_text_button.setText(with_icon("☑" if large else "☐", self.tr("Large text")))
        set_accessible(
            self.large_text_button,
            self.tr("Large text"),
            self.tr("Makes all text on the kiosk half as large again"),
        )
        contrast = self.high_contrast_button.isChecked()
        self.high_contrast_button.setText(
            with_icon("☑" if contrast else "☐", self.tr("High contrast"))
        )
        set_accessible(
            self.high_contrast_button,
            self.tr("High contrast"),
            self.tr("White and yellow text on black"),
        )
        self.no_code_button.setText(with_icon("⌨", self.tr("I have no code")))
        set_accessible(
            self.no_code_button,
            self.tr("I have no code"),
            self.tr("Find your registration by your family name and one more fact"),
        )
