"""The organisers' notice of a kiosk's staff call: a banner with a dismiss button, a status
message and a chime.

The organiser's screen runs the LAN hub in-process (the Sync tab's `start_hub`); the Sync tab
polls the hub's recent staff calls and hands each new one to `StaffCallBanner.show_call`. A call
names the kiosk (its device name and location label) and the time, never a person.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QWidget

from kiosk.core.clock import from_ms

BANNER_STYLE = (
    "QWidget#staffCallBanner { background: #fde2e1; border: 2px solid #a4262c; "
    "border-radius: 6px; } "
    "QLabel#staffCallText { color: #1a1a1a; font-weight: bold; background: transparent; }"
)
SHOWN_CALLS = 5  # the newest calls listed in the banner
STATUS_MS = 60_000  # how long the window's status bar keeps the message


def clock_text(at_ms: int, tz: ZoneInfo) -> str:
    """HH:MM of a moment in the event's time zone."""
    return from_ms(at_ms, tz).strftime("%H:%M")


class StaffCallBanner(QWidget):
    """Shows staff calls until dismissed; `dismissed()` follows the dismiss button."""

    dismissed = Signal()

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffCallBanner")
        # A plain QWidget paints no style-sheet background unless asked: the call must stand out.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(BANNER_STYLE)
        self.tz = tz
        self.calls: list[Any] = []  # the StaffCalls shown, oldest first
        self.sounds: Any = None  # DoorSounds, made on the first call
        self.text = QLabel()
        self.text.setObjectName("staffCallText")
        self.text.setWordWrap(True)
        self.dismiss_button = QPushButton()
        self.dismiss_button.setObjectName("staffCallDismiss")
        self.dismiss_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.dismiss_button)
        self.hide()
        self.retranslate()

    def message(self, call: Any) -> str:
        """The notice for one call: "Kiosk NAME (LOCATION) calls for staff at HH:MM"."""
        at = clock_text(int(call.at_ms), self.tz)
        if call.location:
            return self.tr("Kiosk {device} ({location}) calls for staff at {time}").format(
                device=call.device, location=call.location, time=at
            )
        return self.tr("Kiosk {device} calls for staff at {time}").format(
            device=call.device, time=at
        )

    def show_call(self, call: Any) -> None:
        """Add a call to the banner, show it, chime, and put it in the window's status bar."""
        self.calls = [*self.calls, call][-SHOWN_CALLS:]
        self._show_text()
        self.show()
        self.chime()
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.message(call), STATUS_MS)

    def chime(self) -> None:
        """The staff-call chime (the door's sound; silent without an audio device)."""
        if self.sounds is None:
            from kiosk.gui.door.sounds import DoorSounds

            self.sounds = DoorSounds()
            self.sounds.setParent(self)
        self.sounds.play("chime")

    def dismiss(self) -> None:
        """Hide the banner and forget the calls shown."""
        self.calls = []
        self.hide()
        self.dismissed.emit()

    def _show_text(self) -> None:
        self.text.setText("\n".join(self.message(call) for call in reversed(self.calls)))
        self.text.setAccessibleName(self.text.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Words in the current language."""
        self.dismiss_button.setText(self.tr("D&ismiss"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss the staff call"))
        self.setAccessibleName(self.tr("Staff call"))
        if self.calls:
            self._show_text()
