"""People inside the door's session against its capacity: a bar with "inside / capacity"."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

NEARLY_FULL = 0.9


class OccupancyView(QWidget):
    """A caption, a capacity bar and a status word (nearly full, full): never colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inside = 0
        self.capacity: int | None = None
        self.caption = QLabel()
        self.bar = QProgressBar()
        self.bar.setObjectName("occupancyBar")
        self.bar.setTextVisible(True)
        self.bar.setMinimumHeight(36)
        self.status = QLabel()
        self.status.setObjectName("occupancyStatus")
        self.status.setWordWrap(True)
        self.caption.setBuddy(self.bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        self.set_occupancy(0, None)

    def set_occupancy(self, inside: int, capacity: int | None) -> None:
        """Show a count; a count above capacity (staff overrides) is shown as it is."""
        self.inside = inside
        self.capacity = capacity
        if capacity is None or capacity <= 0:
            self.bar.setRange(0, 1)  # never (0, 0): that is Qt's busy animation
            self.bar.setValue(0)
        else:
            self.bar.setRange(0, capacity)
            self.bar.setValue(min(inside, capacity))
        self.retranslate()

    def _place_text(self) -> None:
        """Draw "inside / capacity" beside the bar, on the page colour: over the filled part
        no single text colour keeps its contrast in both themes."""
        width = QFontMetrics(self.bar.font()).horizontalAdvance(self.bar.format()) + 20
        self.bar.setStyleSheet(f"QProgressBar {{ text-align: right; margin-right: {width}px; }}")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._place_text()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.caption.setText(self.tr("People inside"))
        inside, capacity = self.inside, self.capacity
        if capacity is None:
            text = self.tr("{inside} inside · no limit").format(inside=inside)
            description = self.tr("{inside} people inside; this room has no capacity limit").format(
                inside=inside
            )
            status = ""
        else:
            text = f"{inside} / {capacity}"
            description = self.tr("{inside} people inside of a capacity of {capacity}").format(
                inside=inside, capacity=capacity
            )
            if inside >= capacity:
                status = self.tr("■ Room full: admissions stop until someone leaves")
            elif inside >= NEARLY_FULL * capacity:
                status = self.tr("▲ Nearly full: {left} places left").format(left=capacity - inside)
            else:
                status = ""
        self.bar.setFormat(text)
        self._place_text()
        self.bar.setAccessibleName(self.tr("Occupancy"))
        self.bar.setAccessibleDescription(description)
        self.status.setText(status)
        self.status.setVisible(bool(status))
