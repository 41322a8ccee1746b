"""The badge fonts serve the screens too: every name shows with the same glyphs."""

from __future__ import annotations


def test_the_badge_fonts_are_registered_in_qt(qapp):
    from PySide6.QtGui import QFontDatabase, QFontMetrics

    from kiosk.gui.fonts import register_fonts

    families = register_fonts(qapp)
    assert "NanumGothic" in families and "DejaVu Sans" in families
    assert "NanumGothic" in QFontDatabase.families()
    for noto in ("Noto Sans Devanagari", "Noto Sans Thai", "Noto Sans Arabic"):
        assert noto in families  # the badge preview shows these names with the badge's glyphs
    metrics = QFontMetrics(qapp.font())
    for char in "김ễØßщकสم":
        assert metrics.inFontUcs4(ord(char)) or any(
            QFontMetrics(QFontDatabase.font(f, "", 12)).inFontUcs4(ord(char)) for f in families
        ), char
