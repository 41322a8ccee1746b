"""The first window opens on an event in a real Qt window, in Korean and in English."""

from __future__ import annotations

from PySide6.QtCore import Qt

from builders import add_session
from kiosk.gui.main_window import MainWindow
from kiosk.gui.sessions_model import SessionsModel
from kiosk.gui.translations import LanguageSwitcher
from kiosk.services.programme import list_sessions


def build_window(conn, language):
    languages = LanguageSwitcher()
    languages.use(language)
    return MainWindow("Test Forum", SessionsModel(list_sessions(conn), language), languages)


def test_window_lists_the_sessions_in_korean_then_english(qtbot, event_db, db_path):
    add_session(event_db.conn, "NS1", invite_only=True, capacity=120)
    add_session(event_db.conn, "NS2", day="2019-10-01", start="16:00", end="18:30")
    window = build_window(event_db.conn, "ko")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    model = window.table.model()
    assert model.rowCount() == 2
    header = model.headerData(1, Qt.Orientation.Horizontal)
    assert header == "세션"
    assert model.index(0, 1).data() == "세션 NS1"
    assert model.index(0, 3).data() == "초청자 및 스태프"
    assert "Test Forum" in window.windowTitle() and "체크인" in window.windowTitle()
    assert window.language_button.text() == "English"

    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Session"
    assert model.index(0, 1).data() == "Session NS1"
    assert model.index(1, 4).data() == "No limit"
    assert window.language_button.text() == "한국어"
    assert window.language_button.accessibleName() == "Change language"


def test_the_badge_fonts_are_registered_in_qt(qapp):
    from PySide6.QtGui import QFontDatabase, QFontMetrics

    from kiosk.gui.fonts import register_fonts

    families = register_fonts(qapp)
    assert "NanumGothic" in families and "DejaVu Sans" in families
    assert "NanumGothic" in QFontDatabase.families()
    metrics = QFontMetrics(qapp.font())
    for char in "김ễØßщ":
        assert metrics.inFontUcs4(ord(char)) or any(
            QFontMetrics(QFontDatabase.font(f, "", 12)).inFontUcs4(ord(char)) for f in families
        ), char
