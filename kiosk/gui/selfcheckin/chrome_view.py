"""What every page has: Home, Cancel, Call staff (and the language), the staff notice, the
idle warning with its one-press "More time", the voice controls while voice guidance is on, and
the device's sync status."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.gui.fitting import FlowRowLayout
from kiosk.gui.scanner import MISREAD_SHORT
from kiosk.gui.selfcheckin.welcome_view import LANGUAGE_NAMES
from kiosk.gui.selfcheckin.widgets import KioskButton, set_accessible, text_label, with_icon


class NavigationBar(QWidget):
    """The bottom row of every page."""

    home = Signal()
    cancel = Signal()
    call_staff = Signal()
    switch_language = Signal()
    voice_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self._language = "en"
        self.home_button = KioskButton("navHome")
        self.cancel_button = KioskButton("navCancel")
        self.staff_button = KioskButton("navCallStaff")
        self.voice_button = KioskButton("navVoice")
        self.voice_button.setCheckable(True)
        self.voice_button.toggled.connect(self._voice_toggled)
        self.language_button = KioskButton("navLanguage")
        self.home_button.clicked.connect(self._home)
        self.cancel_button.clicked.connect(self._cancel)
        self.staff_button.clicked.connect(self._call_staff)
        self.language_button.clicked.connect(self._switch_language)
        # One row on a wide screen; a second on a narrow one (a portrait kiosk in large text).
        layout = FlowRowLayout(self, spacing=24)
        layout.setContentsMargins(40, 6, 40, 14)
        for button in self.controls():
            layout.addWidget(button)
        self._refresh()

    def controls(self) -> list[KioskButton]:
        return [
            self.home_button,
            self.cancel_button,
            self.staff_button,
            self.voice_button,
            self.language_button,
        ]

    def show_state(self, language: str, *, offer_language: bool, voice: bool = False) -> None:
        """The language button names the other language, in that language; the voice button
        shows whether voice guidance is on."""
        self._language = language
        self.language_button.setVisible(offer_language)
        self.voice_button.blockSignals(True)
        self.voice_button.setChecked(voice)
        self.voice_button.blockSignals(False)
        self._refresh()

    def _voice_toggled(self, on: bool) -> None:
        self.voice_toggled.emit(on)

    def _home(self) -> None:
        self.home.emit()

    def _cancel(self) -> None:
        self.cancel.emit()

    def _call_staff(self) -> None:
        self.call_staff.emit()

    def _switch_language(self) -> None:
        self.switch_language.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def _refresh(self) -> None:
        self.home_button.setText(with_icon("⌂", self.tr("Home")))
        set_accessible(
            self.home_button,
            self.tr("Home"),
            self.tr("Back to the first screen; what was shown about you is cleared"),
        )
        self.cancel_button.setText(with_icon("✕", self.tr("Cancel")))
        set_accessible(
            self.cancel_button,
            self.tr("Cancel"),
            self.tr("Stops and clears everything, for the next person"),
        )
        self.staff_button.setText(with_icon("☎", self.tr("Call staff")))
        set_accessible(
            self.staff_button,
            self.tr("Call staff"),
            self.tr("Asks a staff member to come and help you"),
        )
        voice = self.voice_button.isChecked()
        self.voice_button.setText(with_icon("☑" if voice else "☐", self.tr("Voice")))
        set_accessible(
            self.voice_button,
            self.tr("Voice guidance"),
            self.tr("Speaks every screen aloud; on a keypad, press 0"),
        )
        other = "en" if self._language == "ko" else "ko"
        self.language_button.setText(with_icon("⇄", LANGUAGE_NAMES[other]))
        set_accessible(
            self.language_button,
            self.tr("{language}: change language").format(language=LANGUAGE_NAMES[other]),
            self.tr("Shows the kiosk in English")
            if other == "en"
            else self.tr("Shows the kiosk in Korean"),
        )


class StaffCalledBanner(QFrame):
    """The notice that a staff member has been called, shown until the visit ends."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffCalled")
        self.label = text_label("staffCalledText", "field")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        layout.addWidget(self.label)
        self._refresh()

    def text(self) -> str:
        return self.label.text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def _refresh(self) -> None:
        self.label.setText(
            with_icon("☎", self.tr("A staff member has been called. Please wait here."))
        )


class ScanNoticeBanner(QFrame):
    """What the scanner heard that was not a code, said for a few seconds instead of nothing:
    a code cut short (a scanner ending with Tab, or without Enter) or a few keys at scanner
    speed. `reason` is one of kiosk.gui.scanner's MISREAD_* values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanNotice")
        self.label = text_label("scanNoticeText", "field")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        layout.addWidget(self.label)
        self._reason = ""
        self._refresh()

    def show_reason(self, reason: str) -> None:
        self._reason = reason
        self._refresh()
        self.show()

    def text(self) -> str:
        return self.label.text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def _refresh(self) -> None:
        if self._reason == MISREAD_SHORT:
            text = self.tr(
                "That was not a badge code. Please scan the QR code on your badge or "
                "confirmation, or choose “I have no code”."
            )
        else:
            text = self.tr(
                "The code was not read completely. Please scan it again, or ask the staff."
            )
        self.label.setText(with_icon("⌨", text))


class IdleWarningBar(QFrame):
    """The idle warning: "Are you still there?", the seconds left and "More time"."""

    more_time = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idleWarning")
        self._seconds = 0
        self.question = text_label("idleQuestion", "title")
        self.detail = text_label("idleDetail", "body")
        self.more_button = KioskButton("moreTime", primary=True)
        self.more_button.clicked.connect(self._more_time)
        words = QVBoxLayout()
        words.addWidget(self.question)
        words.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 10)
        layout.setSpacing(24)
        layout.addLayout(words, 3)
        layout.addWidget(self.more_button, 1)
        # Never narrower than its words: on a narrow screen the question wraps instead.
        self.more_button.setSizePolicy(
            QSizePolicy.Policy.MinimumExpanding, QSizePolicy.Policy.Fixed
        )
        self._refresh()

    def set_seconds(self, seconds: int) -> None:
        self._seconds = seconds
        self._refresh()

    def _more_time(self) -> None:
        self.more_time.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def spoken(self) -> str:
        return f"{self.question.text()} {self.detail.text()}"

    def _refresh(self) -> None:
        self.question.setText(self.tr("Are you still there?"))
        self.detail.setText(
            self.tr(
                "To protect your privacy, the kiosk goes back to the start in {seconds} seconds."
            ).format(seconds=self._seconds)
        )
        self.more_button.setText(with_icon("+", self.tr("More time")))
        set_accessible(
            self.more_button,
            self.tr("More time"),
            self.tr("Keeps this screen for you"),
        )


class VoiceBar(QFrame):
    """The voice controls, shown on every page while voice guidance is on."""

    repeat = Signal()
    pause = Signal()
    stop = Signal()
    slower = Signal()
    faster = Signal()
    softer = Signal()
    louder = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voiceBar")
        self._paused = False
        self._available = True
        self.buttons: dict[str, KioskButton] = {}
        self.unavailable = text_label("voiceUnavailable", "field")
        self.unavailable.hide()
        layout = FlowRowLayout(self, spacing=24)
        layout.setContentsMargins(40, 6, 40, 6)
        for name in ("repeat", "pause", "stop", "slower", "faster", "softer", "louder"):
            button = KioskButton(f"voice-{name}")
            button.clicked.connect(getattr(self, name).emit)
            self.buttons[name] = button
            layout.addWidget(button)
        layout.addWidget(self.unavailable)
        self._refresh()

    def controls(self) -> list[KioskButton]:
        return list(self.buttons.values())

    def show_state(self, paused: bool, available: bool = True) -> None:
        """Pause or Resume; or, when the speech engine does not work, a notice instead."""
        self._paused = paused
        self._available = available
        for button in self.buttons.values():
            button.setVisible(available)
        self.unavailable.setVisible(not available)
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def _refresh(self) -> None:
        texts = {
            "repeat": (self.tr("Repeat"), self.tr("Says this screen again")),
            "pause": (
                (self.tr("Resume"), self.tr("Goes on speaking"))
                if self._paused
                else (self.tr("Pause"), self.tr("Pauses the voice"))
            ),
            "stop": (self.tr("Stop"), self.tr("Stops speaking")),
            "slower": (self.tr("Slower"), self.tr("Speaks more slowly")),
            "faster": (self.tr("Faster"), self.tr("Speaks faster")),
            "softer": (self.tr("Quieter"), self.tr("Speaks more quietly")),
            "louder": (self.tr("Louder"), self.tr("Speaks louder")),
        }
        self.unavailable.setText(
            self.tr("Voice guidance is not working at this kiosk. Please call staff.")
        )
        for name, (text, description) in texts.items():
            button = self.buttons[name]
            button.setText(text)  # words alone: seven buttons share one row at any text size
            set_accessible(button, text, description)


class SyncStatusLine(QLabel):
    """The device's last sync and the check-ins waiting to be sent, in small print."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setProperty("role", "note")
        self._moment: str | None = None
        self._pending = 0
        self._refresh()

    def show_state(self, moment: str | None, pending: int) -> None:
        """`moment`: when this device last synced, as shown (None: never)."""
        self._moment = moment
        self._pending = pending
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def _refresh(self) -> None:
        if self._moment is None:
            text = self.tr("Last sync: never")
        else:
            text = self.tr("Last sync: {time}").format(time=self._moment)
        if self._pending:
            text += " · " + self.tr("{count} waiting to be sent").format(count=self._pending)
        self.setText(text)
