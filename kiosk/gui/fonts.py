"""The badge fonts registered in Qt, so screens show every name with the same glyphs.

That includes the Noto fonts for Devanagari, Thai and Arabic (Qt shapes them itself).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.badges.fonts import font_paths


def register_fonts(app: QApplication) -> list[str]:
    """Add the project's font chain to Qt and make it the application font (with fallback).

    Returns the families registered; a missing font raises FontMissing naming the package.
    """
    families: list[str] = []
    for path in font_paths():
        font_id = QFontDatabase.addApplicationFont(str(path))
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    font = QFont(app.font())
    font.setFamilies(families)
    app.setFont(font)
    return families
