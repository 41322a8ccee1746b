"""The app's first start on a device without an organiser PIN: a real dialog asks for one (twice,
at least six digits), in Korean on a Korean screen; postponing it leaves the device without a PIN
and the question comes back."""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.gui.shell.pin_setup import PinSetupDialog, ask_for_first_pin
from kiosk.gui.translations import LanguageSwitcher
from kiosk.services.pin import check_pin, has_pin, set_pin

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _answer(action) -> None:  # noqa: ANN001
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        action(dialog)

    QTimer.singleShot(20, act)


def test_the_dialog_refuses_short_and_mismatched_pins_then_saves(qtbot, event_db):
    conn = event_db.conn
    dialog = PinSetupDialog(conn)
    qtbot.addWidget(dialog)
    dialog.field.setText("2019")
    dialog.again.setText("2019")
    dialog.save()
    assert "at least 6 digits" in dialog.message.text() and not has_pin(conn)
    dialog.field.setText("201909")
    dialog.again.setText("201908")
    dialog.save()
    assert "differ" in dialog.message.text() and dialog.again.text() == ""
    dialog.again.setText("201909")
    dialog.save()
    assert dialog.result() == PinSetupDialog.DialogCode.Accepted
    assert check_pin(conn, "201909").ok
    assert dialog.field.text() == ""  # nothing typed stays in the widget
    # Only digits can be typed at all.
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, "12ab34")
    assert dialog.field.text() == "1234"


def test_first_start_asks_and_a_postponed_question_comes_back(qtbot, event_db):
    conn = event_db.conn
    _answer(lambda dialog: dialog.reject())
    assert ask_for_first_pin(conn) is False and not has_pin(conn)

    def choose(dialog) -> None:  # noqa: ANN001
        assert isinstance(dialog, PinSetupDialog)
        dialog.field.setText("550011")
        dialog.again.setText("550011")
        dialog.save()

    _answer(choose)
    assert ask_for_first_pin(conn) is True and check_pin(conn, "550011").ok
    # With a PIN, nothing is asked.
    assert ask_for_first_pin(conn) is True


def test_a_device_with_a_pin_is_not_asked(event_db):
    set_pin(event_db.conn, "482913")
    assert ask_for_first_pin(event_db.conn)


def test_the_dialog_speaks_korean(qtbot, qapp, event_db):
    languages = LanguageSwitcher()
    assert languages.use("ko")
    try:
        dialog = PinSetupDialog(event_db.conn)
        qtbot.addWidget(dialog)
        for text in (dialog.windowTitle(), dialog.prompt.text(), dialog.field.accessibleName()):
            assert HANGUL.search(text), text
        dialog.field.setText("12")
        dialog.save()
        assert HANGUL.search(dialog.message.text())
    finally:
        languages.use("en")
