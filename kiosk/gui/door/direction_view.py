"""The entry/exit switch: two exclusive checkable buttons; Tab to reach, arrows to switch."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.core.model import Direction
from kiosk.gui.theme import DisplayPreferences

# The chosen direction is filled and marked with a dot, the other hollow: not colour alone.
CHECKED_COLOURS = {
    "standard": ("#0b5cad", "#ffffff"),  # 6.7:1
    "high_contrast": ("#ffff00", "#000000"),  # 19.6:1
}
CHOSEN_MARK = "●"
OTHER_MARK = "○"


class DirectionSwitch(QWidget):
    """Entry or exit scanning: Tab reaches the chosen one, the arrow keys switch (as radio
    buttons do)."""

    direction_chosen = Signal(object)  # Direction

    def __init__(self, prefs: DisplayPreferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prefs = prefs
        self.caption = QLabel()
        self.entry_button = QPushButton()
        self.entry_button.setObjectName("entryButton")
        self.exit_button = QPushButton()
        self.exit_button.setObjectName("exitButton")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        for button in (self.entry_button, self.exit_button):
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.group.addButton(button)
        self.entry_button.setChecked(True)
        self.entry_button.toggled.connect(self._toggled)
        self.caption.setBuddy(self.entry_button)

        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.entry_button)
        row.addWidget(self.exit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addLayout(row)
        prefs.changed.connect(self.restyle)
        self.restyle()
        self.retranslate()

    def restyle(self) -> None:
        """Colours of the chosen button for the theme (the focus ring stays the theme's)."""
        background, foreground = CHECKED_COLOURS[self._prefs.theme]
        self.setStyleSheet(
            f"QPushButton:checked {{ background: {background}; color: {foreground}; "
            "font-weight: bold; }"
        )

    @property
    def direction(self) -> Direction:
        return Direction.IN if self.entry_button.isChecked() else Direction.OUT

    def set_direction(self, direction: Direction) -> None:
        """Show a direction chosen elsewhere (no signal if it is already shown)."""
        button = self.entry_button if direction is Direction.IN else self.exit_button
        if not button.isChecked():
            button.setChecked(True)

    def _toggled(self, _checked: bool) -> None:
        self._refresh_texts()
        self.direction_chosen.emit(self.direction)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Scanning direction"))
        self.caption.setToolTip(self.tr("Use the arrow keys to switch between entry and exit"))
        self.entry_button.setToolTip(self.tr("Count people coming in"))
        self.exit_button.setToolTip(self.tr("Count people leaving the room"))
        self._refresh_texts()

    def _refresh_texts(self) -> None:
        for button, text in (
            (self.entry_button, self.tr("➜ Entry")),
            (self.exit_button, self.tr("⬅ Exit")),
        ):
            mark = CHOSEN_MARK if button.isChecked() else OTHER_MARK
            button.setText(f"{mark} {text}")
        selected = self.tr("selected")
        not_selected = self.tr("not selected")
        self.entry_button.setAccessibleName(self.tr("Entry scanning"))
        self.exit_button.setAccessibleName(self.tr("Exit scanning"))
        self.entry_button.setAccessibleDescription(
            self.tr("Scans count people coming in ({state})").format(
                state=selected if self.entry_button.isChecked() else not_selected
            )
        )
        self.exit_button.setAccessibleDescription(
            self.tr("Scans count people leaving the room ({state})").format(
                state=selected if self.exit_button.isChecked() else not_selected
            )
        )
