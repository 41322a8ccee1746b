"""The camera as a scanner, beside any screen: choose a camera, see the live picture, start and
stop. Decoded codes go to the same scan handler as the keyboard-wedge scanner."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.gui.camera import CameraScanner


class CameraPanel(QWidget):
    """Camera choice, live preview and a start/stop button over a CameraScanner."""

    def __init__(self, scanner: CameraScanner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scanner = scanner
        self.cameras = QComboBox()
        self.toggle = QPushButton()
        self.toggle.clicked.connect(self.start_or_stop)
        self.status = QLabel()
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        self.preview = scanner.create_preview(self)
        row = QHBoxLayout()
        row.addWidget(self.cameras, 1)
        row.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        if self.preview is not None:
            self.preview.setMinimumSize(240, 180)
            layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        scanner.error.connect(self.status.setText)
        scanner.running_changed.connect(lambda _running: self.retranslate())
        scanner.cameras_changed.connect(self.refresh_cameras)
        self.refresh_cameras()
        self.retranslate()

    def refresh_cameras(self) -> None:
        """List the cameras connected now."""
        self.cameras.clear()
        for camera_id, description in self.scanner.available_cameras():
            self.cameras.addItem(description, camera_id)
        if self.cameras.count() == 0:
            self.status.setText(self.tr("No camera found. Use the badge scanner instead."))

    def start_or_stop(self) -> None:
        if self.scanner.running:
            self.scanner.stop()
        else:
            self.status.clear()
            self.scanner.start(self.cameras.currentData())
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        running = self.scanner.running
        self.toggle.setText(self.tr("Stop camera") if running else self.tr("Start camera"))
        self.toggle.setAccessibleName(self.toggle.text())
        self.cameras.setAccessibleName(self.tr("Camera"))
        self.status.setAccessibleName(self.tr("Camera status"))
