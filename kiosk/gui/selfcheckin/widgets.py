"""Small building blocks of the kiosk's pages: big buttons that Enter also presses, labels, style.

Every size here is before large-text scaling: `kiosk_style(prefs)` scales them with
`prefs.points()` and `prefs.scale`, and the screen re-applies it when `prefs.changed`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kiosk.gui.fitting import FlowRowLayout, RoomyColumnLayout
from kiosk.gui.theme import DisplayPreferences

TARGET_PX = 56  # the smallest touch target's height (about 12 mm on a kiosk screen)
BODY_PT = 18.0
BUTTON_PT = 18.0
TITLE_PT = 42.0  # Hangul glyphs of titles at least 12 mm tall on a 21.5-inch kiosk panel
PERSON_PT = 32.0
NOTE_PT = 14.0
ICON_PT = 40.0
KEY_PT = 26.0  # the on-screen keyboard's letters (loose Hangul jamo draw small)
SYNC_PT = 12.0  # the sync status is for the staff: small print, not scaled with large text


class KioskButton(QPushButton):
    """A push button that Enter and Return press too (Space already does), as on a keypad."""

    def __init__(self, name: str, *, primary: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoDefault(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if primary:
            self.setProperty("primary", True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            event.accept()
            self.click()
            return
        super().keyPressEvent(event)


def text_label(name: str, role: str = "body", parent: QWidget | None = None) -> QLabel:
    """A word-wrapped label styled by its role (title, body, person, note, icon)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def with_icon(icon: str, text: str) -> str:
    """A button's text: an icon never stands alone."""
    return f"{icon}  {text}" if icon else text


# In the high-contrast theme a primary button is yellow, like the focus ring: focused, it turns
# to yellow on black so that focus still shows (the theme's own rule would not be seen).
_HIGH_CONTRAST_FOCUS = """
#selfCheckin QPushButton[primary="true"]:focus {
    background: #000000; color: #ffff00; border: 5px solid #ffff00;
}
"""


def kiosk_style(prefs: DisplayPreferences) -> str:
    """The screen's own style sheet: sizes scaled for large text; colours stay the theme's."""
    points = prefs.points
    # Buttons grow with the text, by half as much: the touch target is met at any size, and
    # the room saved lets every page fit at twice the text size.
    grow = 1 + (prefs.scale - 1) / 2
    target = round(TARGET_PX * grow)
    # Notices (idle warning, staff called): amber in the standard theme; in high contrast
    # yellow on black, so that a yellow (primary) button inside still stands out.
    warning = prefs.verdict_style("welcome_back")
    notice_bg, notice_fg = (
        ("#000000", "#ffff00")
        if prefs.high_contrast
        else (
            warning.background,
            warning.foreground,
        )
    )
    rule = prefs.verdict_style("idle").foreground
    # Focus on the progress bar shows as on every control; inside a notice the ring is the
    # notice's own text colour (the theme's orange ring would not stand out on amber).
    ring = "#ffff00" if prefs.high_contrast else "#b35900"
    # Titles are already large (12 mm Hangul on the panel); large text grows them by half as
    # much as the rest, so that every page still fits the screen.
    title_pt = TITLE_PT * grow
    return f"""
#selfCheckin QPushButton, #selfCheckin QLineEdit {{
    min-height: {target}px; font-size: {points(BUTTON_PT):.1f}pt;
}}
#selfCheckin QPushButton[charKey="true"] {{ font-size: {points(KEY_PT):.1f}pt; }}
#selfCheckin QLabel {{ font-size: {points(BODY_PT):.1f}pt; }}
#selfCheckin QLabel[role="title"] {{ font-size: {title_pt:.1f}pt; font-weight: bold; }}
#selfCheckin QLabel[role="person"] {{ font-size: {points(PERSON_PT):.1f}pt; font-weight: bold; }}
#selfCheckin QLabel[role="note"] {{ font-size: {points(NOTE_PT):.1f}pt; }}
#selfCheckin QLabel#syncStatus {{ font-size: {SYNC_PT:.1f}pt; }}
#selfCheckin QLabel[role="icon"] {{ font-size: {points(ICON_PT):.1f}pt; }}
#selfCheckin QLabel[role="field"] {{ font-size: {points(BODY_PT):.1f}pt; font-weight: bold; }}
#selfCheckin QListView {{ font-size: {points(BODY_PT):.1f}pt; }}
#selfCheckin QListView::item {{ padding: 10px; border-bottom: 2px solid {rule}; }}
#selfCheckin QProgressBar {{ min-height: {target}px; font-size: {points(BODY_PT):.1f}pt; }}
#selfCheckin QProgressBar:focus {{ border: 5px solid {ring}; }}
#selfCheckin QFrame#idleWarning QPushButton:focus {{ border: 5px solid {notice_fg}; }}
#selfCheckin QFrame#idleWarning, #selfCheckin QFrame#staffCalled {{
    background: {notice_bg}; border: 4px solid {notice_fg};
    border-radius: 10px;
}}
#selfCheckin QFrame#staffCalled {{ margin: 10px 40px 0px 40px; }}
#selfCheckin QFrame#idleWarning {{ margin: 0px 40px 6px 40px; }}
#selfCheckin QFrame#idleWarning QLabel, #selfCheckin QFrame#staffCalled QLabel {{
    background: transparent; color: {notice_fg};
}}
""" + (_HIGH_CONTRAST_FOCUS if prefs.high_contrast else "")


def announce(widget: QWidget, text: str) -> None:
    """Ask a screen reader to say `text` now (polite), when one is listening."""
    if text and QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def set_accessible(widget: QWidget, name: str, description: str = "") -> None:
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)


Row = QWidget | list[QWidget]


def build_page(
    page: QWidget, top: list[QWidget], rows: list[Row], *, middle: QWidget | None = None
) -> None:
    """Lay a page out: words at the top, controls at the bottom (reachable seated).

    `middle`, when given, takes the free space between them (a list); otherwise the space stays
    empty, so the controls sit low on the screen whatever the text above them.
    """
    layout = RoomyColumnLayout(page, tight=8)  # side margins of 40 px, 8 px on a narrow window
    layout.setContentsMargins(40, 24, 40, 6)
    layout.setSpacing(12)
    for widget in top:
        layout.addWidget(widget)
    if middle is not None:
        layout.addWidget(middle, 1)
    else:
        layout.addStretch(1)
    for row in rows:
        if isinstance(row, list):
            # Side by side; on a narrow window (a portrait kiosk in large text) on two lines.
            line = FlowRowLayout(spacing=24)
            for widget in row:
                line.addWidget(widget)
            layout.addLayout(line)
        else:
            layout.addWidget(row)


class Page(QWidget):
    """One page of the kiosk's stack: its controls in tab order, where focus starts, and a
    `clear()` that forgets everything about the person it showed."""

    def controls(self) -> list[QWidget]:
        raise NotImplementedError

    def first_focus(self) -> QWidget:
        return self.controls()[0]

    def clear(self) -> None:
        raise NotImplementedError

    def spoken_labels(self) -> list[QLabel]:
        """The labels voice guidance reads, in reading order: every visible text but icons."""
        return [
            label
            for label in self.findChildren(QLabel)
            if label.isVisibleTo(self) and label.text() and label.property("role") != "icon"
        ]

    def spoken_choices(self) -> list[str]:
        """The names of the choices on the page, as voice guidance lists them."""
        names = []
        for control in self.controls():
            if control.isVisibleTo(self) and isinstance(control, QAbstractButton):
                name = control.accessibleName() or control.text()
                if control.isCheckable() and control.isChecked():
                    name = QCoreApplication.translate("KioskSpeech", "{choice}, on").format(
                        choice=name
                    )
                names.append(name)
        return names

    def spoken_text(self) -> str:
        """What voice guidance says for this page: its words, then its choices."""
        words = [label.text() for label in self.spoken_labels()]
        choices = self.spoken_choices()
        if choices:
            words.append(
                QCoreApplication.translate("KioskSpeech", "Choices: {choices}.").format(
                    choices=", ".join(choices)
                )
            )
        return " ".join(words)
