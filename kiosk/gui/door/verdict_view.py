"""The big verdict panel: colour, icon and large text together, never colour alone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.gui.door.presentation import PanelState, style_for
from kiosk.gui.theme import DisplayPreferences

# Point sizes before large-text scaling.
ICON_POINTS = 60.0
HEADLINE_POINTS = 40.0
PERSON_POINTS = 24.0
PRIMARY_POINTS = 19.0
SECONDARY_POINTS = 16.0
NOTE_POINTS = 14.0


class VerdictPanel(QFrame):
    """Shows one PanelState: icon and headline on top, then name, reason (both languages)."""

    def __init__(self, prefs: DisplayPreferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prefs = prefs
        self.state: PanelState | None = None
        self.setObjectName("verdictPanel")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.icon_label = self._label("verdictIcon")
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline_label = self._label("verdictHeadline")
        self.person_label = self._label("verdictPerson")
        self.primary_label = self._label("verdictPrimary")
        self.secondary_label = self._label("verdictSecondary")
        self.note_label = self._label("verdictNote")

        top = QHBoxLayout()
        top.setSpacing(18)
        top.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.headline_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.person_label)
        layout.addWidget(self.primary_label)
        layout.addWidget(self.secondary_label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)

        prefs.changed.connect(self.restyle)
        self.retranslate()
        self.apply_fonts()

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        return label

    @property
    def kind(self) -> str | None:
        return self.state.kind if self.state is not None else None

    def show_state(self, state: PanelState) -> None:
        """Show a state: words, colours and icon of its kind."""
        self.state = state
        self.icon_label.setText(state.icon)
        self.headline_label.setText(state.headline)
        for label, text in (
            (self.person_label, state.person),
            (self.primary_label, state.primary),
            (self.secondary_label, state.secondary),
            (self.note_label, state.note),
        ):
            label.setText(text)
            label.setVisible(bool(text))
        self.setAccessibleDescription(state.spoken)
        self._apply_colours()

    def restyle(self) -> None:
        """Follow the display preferences (large text, high contrast)."""
        self.apply_fonts()
        self._apply_colours()

    def apply_fonts(self) -> None:
        for label, points, bold in (
            (self.icon_label, ICON_POINTS, True),
            (self.headline_label, HEADLINE_POINTS, True),
            (self.person_label, PERSON_POINTS, True),
            (self.primary_label, PRIMARY_POINTS, False),
            (self.secondary_label, SECONDARY_POINTS, False),
            (self.note_label, NOTE_POINTS, False),
        ):
            font = label.font()
            font.setPointSizeF(self._prefs.points(points))
            font.setBold(bold)
            label.setFont(font)

    def _apply_colours(self) -> None:
        if self.state is None:
            return
        style = style_for(self._prefs, self.state.kind)
        if self.state.icon != style.icon:  # the theme changed under a shown state
            self.icon_label.setText(style.icon)
        self.setStyleSheet(
            f"QFrame#verdictPanel {{ background: {style.background}; "
            f"border: 4px solid {style.foreground}; border-radius: 14px; }}\n"
            f"QFrame#verdictPanel QLabel {{ color: {style.foreground}; background: transparent; "
            "border: none; }"
        )

    def colours(self) -> tuple[str, str]:
        """(background, foreground) of the state shown, for checks."""
        style = style_for(self._prefs, self.kind or "idle")
        return style.background, style.foreground

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Verdict"))
