"""The app shell: leaving a kiosk needs the organiser PIN; scans reach the screen showing."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk.gui.shell.context import open_context
from kiosk.gui.shell.pin_dialog import PinDialog
from kiosk.gui.shell.window import ModeDialog, ShellWindow
from kiosk.services.pin import set_pin


class FakeScreen(QLabel):
    """A stand-in screen that records the scans it is given."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.scans: list[str] = []

    def handle_scan(self, code: str) -> None:
        self.scans.append(code)


def make_shell(qtbot, db_path, mode="kiosk"):
    app = QApplication.instance()
    context = open_context(app, db_path, "en")
    factories = {
        name: (lambda _c, n=name: FakeScreen(n)) for name in ("door", "kiosk", "organiser")
    }
    window = ShellWindow(context, factories, mode)
    qtbot.addWidget(window)
    return window


def answer_next_dialog(action):
    """Act on the next modal dialog as soon as it opens."""

    def act():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        action(dialog)

    QTimer.singleShot(20, act)


def test_scans_go_to_the_screen_showing(qtbot, event_db, db_path):
    window = make_shell(qtbot, db_path, "door")
    window.handle_scan("ABC")
    window.show_mode("kiosk")
    window.handle_scan("DEF")
    assert window.current_screen().scans == ["DEF"]
    window.show_mode("door")
    assert window.current_screen().scans == ["ABC"]


def test_switching_mode_needs_the_organiser_pin(qtbot, event_db, db_path):
    set_pin(event_db.conn, "201909")
    window = make_shell(qtbot, db_path, "kiosk")

    def wrong_then_cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, PinDialog)
        dialog.field.setText("1111")
        dialog.try_pin()
        assert "Wrong PIN" in dialog.message.text()
        dialog.reject()

    answer_next_dialog(wrong_then_cancel)
    window.ask_for_mode()
    assert window.mode == "kiosk"

    def right_pin(dialog: QWidget) -> None:
        assert isinstance(dialog, PinDialog)
        dialog.field.setText("201909")
        dialog.try_pin()
        answer_next_dialog(choose_door)

    def choose_door(dialog: QWidget) -> None:
        assert isinstance(dialog, ModeDialog)
        dialog.choices["door"].setChecked(True)
        dialog.accept()

    answer_next_dialog(right_pin)
    window.ask_for_mode()
    assert window.mode == "door"


def test_full_screen_is_left_only_with_the_pin(qtbot, event_db, db_path):
    set_pin(event_db.conn, "201909")
    window = make_shell(qtbot, db_path, "kiosk")
    window.showFullScreen()
    qtbot.waitExposed(window)
    answer_next_dialog(lambda dialog: dialog.reject())
    window.toggle_full_screen()
    assert window.isFullScreen()

    def right_pin(dialog: QWidget) -> None:
        dialog.field.setText("201909")
        dialog.try_pin()

    answer_next_dialog(right_pin)
    window.toggle_full_screen()
    assert not window.isFullScreen()


def test_the_camera_panel_feeds_the_same_scan_handler(qtbot, event_db, db_path):
    import qrcode
    from PIL.ImageQt import ImageQt

    window = make_shell(qtbot, db_path, "door")
    window.toggle_camera()
    panel = window.camera_dock.widget()
    assert panel.toggle.accessibleName() == "Start camera"
    if not panel.scanner.available_cameras():
        assert "No camera" in panel.status.text()
        panel.start_or_stop()  # no camera here: a clear message, no crash
        assert not panel.scanner.running and panel.status.text()
    image = qrcode.make("CAMERA-CODE-123").convert("RGB")
    with qtbot.waitSignal(panel.scanner.scanned, timeout=5000):
        assert panel.scanner.feed_image(ImageQt(image).copy())
    assert window.current_screen().scans == ["CAMERA-CODE-123"]
    window.toggle_camera()
    assert not window.camera_dock.isVisible()
