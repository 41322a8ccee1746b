"""Display preferences every screen follows: large text, high contrast, verdict colours.

The standard and high-contrast style sheets live in resources/themes/. Large text scales the
application font by LARGE_TEXT_SCALE (150 %); views that set their own big fonts use `points()`
and listen to `changed` so they scale too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

THEMES_DIR = Path(__file__).resolve().parents[2] / "resources" / "themes"
LARGE_TEXT_SCALE = 1.5
BASE_POINT_SIZE = 12.0


@dataclass(frozen=True)
class VerdictStyle:
    """Colour, icon and headline of a verdict: never colour alone."""

    background: str
    foreground: str
    icon: str  # a shape that reads without colour


# admit: check mark on green; welcome back: arrow on amber; not admitted: cross on red.
# Contrast of foreground on background is at least 4.5:1 (standard) and 7:1 (high contrast).
VERDICT_STYLES: dict[str, dict[str, VerdictStyle]] = {
    "standard": {
        "admit": VerdictStyle("#0a6b2d", "#ffffff", "✔"),
        "welcome_back": VerdictStyle("#f2b705", "#000000", "➜"),
        "deny": VerdictStyle("#b00020", "#ffffff", "✖"),
        "idle": VerdictStyle("#e8e8e4", "#1a1a1a", "▣"),
    },
    "high_contrast": {
        "admit": VerdictStyle("#00ff66", "#000000", "✔"),
        "welcome_back": VerdictStyle("#ffff00", "#000000", "➜"),
        "deny": VerdictStyle("#000000", "#ff7a7a", "✖"),  # 8.3:1 on black
        "idle": VerdictStyle("#000000", "#ffffff", "▣"),
    },
}


class DisplayPreferences(QObject):
    """Large text and high contrast for the whole application; `reset()` after each person."""

    changed = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self.large_text = False
        self.high_contrast = False
        self._family_font = QFont(app.font())

    @property
    def scale(self) -> float:
        return LARGE_TEXT_SCALE if self.large_text else 1.0

    @property
    def theme(self) -> str:
        return "high_contrast" if self.high_contrast else "standard"

    def points(self, size: float) -> float:
        """A font size in points, scaled for large text."""
        return size * self.scale

    def verdict_style(self, kind: str) -> VerdictStyle:
        return VERDICT_STYLES[self.theme][kind]

    def set(self, *, large_text: bool | None = None, high_contrast: bool | None = None) -> None:
        if large_text is not None:
            self.large_text = large_text
        if high_contrast is not None:
            self.high_contrast = high_contrast
        self.apply()

    def reset(self) -> None:
        """Back to defaults (standard size and contrast), as after each kiosk visitor."""
        self.set(large_text=False, high_contrast=False)

    def apply(self) -> None:
        font = QFont(self._family_font)
        font.setPointSizeF(BASE_POINT_SIZE * self.scale)
        self._app.setFont(font)
        sheet = "high-contrast.qss" if self.high_contrast else "standard.qss"
        self._app.setStyleSheet((THEMES_DIR / sheet).read_text(encoding="utf-8"))
        self.changed.emit()
