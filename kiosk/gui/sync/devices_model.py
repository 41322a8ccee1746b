"""The organiser's table of devices: name, last contact, check-ins received, highest sequence
number, what is still missing from each, and its state (enrolled, waiting for its token, revoked
and refused since) (see `kiosk.sync.state.device_list`)."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from kiosk.core.clock import from_ms
from kiosk.sync.state import DeviceStatus

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 7


class DevicesModel(QAbstractTableModel):
    """One row per device the organiser knows; `set_devices` replaces them all."""

    def __init__(self, tz: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.devices: list[DeviceStatus] = []

    def set_devices(self, devices: list[DeviceStatus]) -> None:
        if devices == self.devices:
            return
        self.beginResetModel()
        self.devices = list(devices)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.devices)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (
            self.tr("Device"),
            self.tr("Last contact"),
            self.tr("Via"),
            self.tr("Check-ins received"),
            self.tr("Highest sequence"),
            self.tr("Pending"),
            self.tr("State"),
        )
        return names[section] if 0 <= section < len(names) else None

    def _when(self, at_ms: int | None) -> str:
        if at_ms is None:
            return self.tr("never")
        return from_ms(at_ms, self.tz).strftime("%Y-%m-%d %H:%M:%S")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.devices):
            return None
        device = self.devices[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and 3 <= column <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == 0:
            return device.device
        if column == 1:
            return self._when(device.last_contact_ms)
        if column == 2:
            return {"hub": self.tr("LAN hub"), "usb": self.tr("bundle file")}.get(
                device.last_via or "", device.last_via or "—"
            )
        if column == 3:
            return str(device.received)
        if column == 4:
            return str(device.highest_seq)
        if column == 5:
            return str(device.pending)
        if column == 6:
            return self._state(device)
        return None

    def _state(self, device: DeviceStatus) -> str:
        if device.state == "revoked":
            if device.refused:
                return self.tr("revoked, refused %n time(s) since", "", device.refused)
            return self.tr("revoked")
        return {
            "enrolled": self.tr("enrolled"),
            "waiting": self.tr("waiting for its token"),
            "expired": self.tr("token expired unused"),
            "seen": self.tr("not enrolled"),
        }.get(device.state, device.state)
