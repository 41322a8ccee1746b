"""The one window of the app: door, kiosk or organiser screen, full screen on kiosks.

Leaving a kiosk (switching mode, leaving full screen) needs the organiser PIN. Scans from the
keyboard-wedge scanner and the camera go to whichever screen is showing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QMainWindow,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.gui.shell.context import AppContext
from kiosk.gui.shell.pin_dialog import PinDialog
from kiosk.gui.sync.auto import AutoSync

MODES = ("door", "kiosk", "organiser")
ScreenFactory = Callable[[AppContext], QWidget]


class ScreenStack(QStackedWidget):
    """The screens of the modes built so far, one showing. Only the screen showing sets the
    window's size: a hidden one (the kiosk's, in 200 % text, behind the door) never makes the
    window wider than the screen it is on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        shown = self.currentWidget()
        if shown is None:
            return super().minimumSizeHint()
        return shown.minimumSizeHint().expandedTo(shown.minimumSize())

    def sizeHint(self) -> QSize:
        shown = self.currentWidget()
        return super().sizeHint() if shown is None else shown.sizeHint()


class ModeDialog(QDialog):
    """Choose the mode this device runs in."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        for mode in MODES:
            button = QRadioButton()
            button.setChecked(mode == current)
            self.choices[mode] = button
            layout.addWidget(button)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Mode of this device"))
        self.choices["door"].setText(self.tr("Door: scan badges at a session room"))
        self.choices["kiosk"].setText(self.tr("Kiosk: attendees check themselves in"))
        self.choices["organiser"].setText(self.tr("Organiser: roster, programme and reports"))
        for mode, button in self.choices.items():
            button.setAccessibleName(button.text())
            button.setObjectName(f"mode-{mode}")

    def chosen(self) -> str:
        return next(mode for mode, button in self.choices.items() if button.isChecked())


class ShellWindow(QMainWindow):
    """Hosts one screen at a time; the screen's `handle_scan(code)` receives every scan."""

    def __init__(
        self,
        context: AppContext,
        factories: dict[str, ScreenFactory],
        mode: str,
        *,
        sync_interval_ms: int | None = None,
    ) -> None:
        super().__init__()
        self.context = context
        # Devices sync with the hub in the background; the organiser's database is the hub.
        if sync_interval_ms is None:
            self.autosync = AutoSync(context.db_path, context.conn, parent=self)
        else:
            self.autosync = AutoSync(
                context.db_path, context.conn, parent=self, interval_ms=sync_interval_ms
            )
        self.autosync.synced.connect(self._synced)
        self._factories = factories
        self._screens: dict[str, QWidget] = {}
        self.stack = ScreenStack()
        self.setCentralWidget(self.stack)
        self.mode = ""
        self._allow_close = False
        self.camera_dock: QDockWidget | None = None
        self.show_mode(mode)
        self._switch = QShortcut(QKeySequence("Ctrl+Shift+M"), self)
        self._switch.activated.connect(self.ask_for_mode)
        self._fullscreen = QShortcut(QKeySequence("F11"), self)
        self._fullscreen.activated.connect(self.toggle_full_screen)
        self._camera_key = QShortcut(QKeySequence("Ctrl+Shift+C"), self)
        self._camera_key.activated.connect(self.toggle_camera)
        self.resize(1280, 800)
        self.retranslate()
        self.autosync.start()

    # Screens -------------------------------------------------------------------------------
    def current_screen(self) -> QWidget:
        """The screen of the mode showing (door, kiosk or organiser)."""
        return self._screens[self.mode]

    def show_mode(self, mode: str) -> None:
        """Show the screen of a mode (building it the first time)."""
        if mode not in self._factories:
            raise ValueError(f"unknown mode {mode!r}")
        if mode not in self._screens:
            widget = self._factories[mode](self.context)
            self._screens[mode] = widget
            staff_call = getattr(widget, "staff_call", None)
            if staff_call is not None:  # the kiosk's Call staff reaches the organisers' hub too
                staff_call.connect(self._call_staff)
            self.stack.addWidget(widget)
        self.mode = mode
        self.stack.setCurrentWidget(self._screens[mode])
        self.retranslate()

    def handle_scan(self, code: str) -> None:
        """Route a scan (wedge scanner or camera) to the screen showing."""
        target = getattr(self.current_screen(), "handle_scan", None)
        if callable(target):
            target(code)

    def handle_misread(self, reason: str) -> None:
        """Keys at scanner speed that made no scan: the screen showing says what it heard."""
        target = getattr(self.current_screen(), "handle_misread", None)
        if callable(target):
            target(reason)

    def _call_staff(self) -> None:
        """Tell the organisers' screen through the hub (silently nothing without one)."""
        self.autosync.call_staff()

    def _synced(self, status: str) -> None:
        """After a sync round: screens show the new roster, last sync and waiting count."""
        for screen in self._screens.values():
            controller = getattr(screen, "controller", None)
            reload_programme = getattr(controller, "reload_programme", None)
            if status == "ok" and callable(reload_programme):
                reload_programme()
            refresh = getattr(screen, "refresh_sync", None)
            if callable(refresh):
                refresh()

    def toggle_camera(self) -> None:
        """Show or hide the camera panel (built the first time it is asked for)."""
        if self.camera_dock is None:
            from kiosk.gui.camera import CameraScanner
            from kiosk.gui.shell.camera_panel import CameraPanel

            scanner = CameraScanner(self)
            scanner.scanned.connect(self.handle_scan)
            self.camera_dock = QDockWidget(self)
            self.camera_dock.setObjectName("cameraDock")
            self.camera_dock.setWidget(CameraPanel(scanner))
            self.camera_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.camera_dock)
            self.retranslate()
            return
        self.camera_dock.setVisible(not self.camera_dock.isVisible())

    # Guarded actions -----------------------------------------------------------------------
    def organiser_confirms(self) -> bool:
        """Ask for the organiser PIN (passes at once when none is set)."""
        from kiosk.services.pin import has_pin

        if not has_pin(self.context.conn):
            return True
        return PinDialog(self.context.conn, self).exec() == QDialog.DialogCode.Accepted

    def ask_for_mode(self) -> None:
        if not self.organiser_confirms():
            return
        dialog = ModeDialog(self.mode, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_mode(dialog.chosen())

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            if self.organiser_confirms():
                self.showNormal()
        else:
            self.showFullScreen()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Escape never leaves full screen on a kiosk: only F11 with the PIN does.
        if self.isFullScreen() and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isFullScreen() and not self._allow_close and not self.organiser_confirms():
            event.ignore()
            return
        self.autosync.stop()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        names = {
            "door": self.tr("Door"),
            "kiosk": self.tr("Self check-in"),
            "organiser": self.tr("Organiser"),
        }
        self.setWindowTitle(f"{self.context.event.name} — {names.get(self.mode, self.mode)}")
        if self.camera_dock is not None:
            self.camera_dock.setWindowTitle(self.tr("Camera scanner"))
