"""The big verdict panel: colour, icon and large text together, never colour alone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
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
# On a small screen in large text the words would not fit the panel: they shrink, in steps, to
# no less than this share of their size, rather than be cut off (a 1366x768 laptop; at 200 %
# text, 60 % of the standard size).
SMALLEST_FIT = 0.3
FIT_STEP = 0.92
MIN_HEIGHT_PX = 120
MIN_WIDTH_PX = 240  # the panel gives way to the header above it; its words shrink instead


class VerdictPanel(QFrame):
    """Shows one PanelState: icon and headline on top, then name, reason (both languages)."""

    def __init__(self, prefs: DisplayPreferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prefs = prefs
        self._fit = 1.0  # the share of their size the words have (see fit_text)
        self._fitting = False
        self.state: PanelState | None = None
        self.setObjectName("verdictPanel")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(MIN_HEIGHT_PX)

        self.icon_label = self._label("verdictIcon")
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon_label.setWordWrap(False)  # one symbol: its height is its size hint's
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
        self.fit_text()

    def restyle(self) -> None:
        """Follow the display preferences (large text, high contrast)."""
        self.apply_fonts()
        self._apply_colours()
        self.fit_text()

    def hasHeightForWidth(self) -> bool:
        """The panel takes the height it is given and fits its words to it (fit_text): it never
        asks the window for the height its words would need at full size."""
        return False

    def minimumSizeHint(self) -> QSize:
        return QSize(MIN_WIDTH_PX, MIN_HEIGHT_PX)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_text()

    def fit_text(self) -> None:
        """The largest text size (up to the preferences' own) at which every line fits the
        panel's height: nothing of a verdict is ever cut off."""
        layout = self.layout()
        if self._fitting or layout is None or self.width() <= 0 or self.height() <= 0:
            return
        self._fitting = True
        try:
            fit = 1.0
            self._fit = fit
            self.apply_fonts()
            while fit > SMALLEST_FIT and self._cut():
                fit = max(fit * FIT_STEP, SMALLEST_FIT)
                self._fit = fit
                self.apply_fonts()
        finally:
            self._fitting = False

    def _cut(self) -> bool:
        """Whether any line is cut as the panel is laid out now (its layout run at once)."""
        layout = self.layout()
        assert layout is not None
        layout.invalidate()
        layout.activate()
        if layout.totalMinimumSize().height() > self.height():
            return True  # lines would be drawn over one another
        below = (self.person_label, self.primary_label, self.secondary_label, self.note_label)
        if any(
            not label.isHidden() and label.geometry().intersects(self.icon_label.geometry())
            for label in below
        ):
            return True  # the symbol reaches down into the lines below the headline
        for label in (
            self.icon_label,
            self.headline_label,
            self.person_label,
            self.primary_label,
            self.secondary_label,
            self.note_label,
        ):
            if label.isHidden() or not label.text():
                continue
            if label.width() + 1 < label.minimumSizeHint().width():
                return True
            need = (
                label.heightForWidth(label.width())
                if label.wordWrap()
                else label.sizeHint().height()
            )
            if label.height() + 1 < need:
                return True
        return False

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
            font.setPointSizeF(self._prefs.points(points) * self._fit)
            font.setBold(bold)
            label.setFont(font)
        # The symbol's whole height (the row beside a short headline would cut its foot).
        self.icon_label.setMinimumHeight(0)
        self.icon_label.setMinimumHeight(self.icon_label.sizeHint().height())

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
