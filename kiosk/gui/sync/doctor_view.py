"""The Sync tab's "Device check" page: each connected device's latest machine check (`kiosk
doctor`, sent with its sync rounds), and this machine's own on demand.

One entry per device, failing devices first: its name and role, what its check counted and
when; under it each line of the check in the screen's language, what to fix first, with
OK / Check / Fix in words and a mark (never colour alone). Devices with something to fix are
opened at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.clock import from_ms
from kiosk.doctor.findings import Report
from kiosk.gui.organiser.tasks import Task, TaskContext, TaskRunner, sent_by
from kiosk.gui.shell.context import AppContext
from kiosk.gui.sync.doctor_messages import finding_text, role_text, status_text
from kiosk.services.device_health import DeviceHealth, latest_reports

MARKS = {"ok": "✔", "warn": "▲", "fail": "✖"}
COLOURS = {"ok": "#1b5e20", "warn": "#8a4b00", "fail": "#b00020"}  # each >= 4.5:1 on white


def screen_sizes() -> list[tuple[int, int]]:
    """This machine's screens in device pixels (what the doctor judges)."""
    sizes = []
    for screen in QGuiApplication.screens():
        size, ratio = screen.size(), screen.devicePixelRatio()
        sizes.append((round(size.width() * ratio), round(size.height() * ratio)))
    return sizes


def check_this_machine(db_path: Any, role: str, screens: list[tuple[int, int]]) -> Any:
    """The job: the doctor for this machine (off the UI thread)."""
    from kiosk.doctor import DoctorOptions, run_doctor

    def job(_task: TaskContext) -> Report:
        return run_doctor(db_path, DoctorOptions(role=role, screens=screens))

    return job


class DoctorView(QWidget):
    """Devices' machine checks; `refresh()` reads them again, `check_here()` checks this one."""

    def __init__(
        self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("doctorView")
        self.context = context
        self.runner = runner
        self.devices: list[DeviceHealth] = []
        self.own: Report | None = None
        self.task: Task | None = None

        self.caption = QLabel()
        self.caption.setObjectName("doctorCaption")
        self.caption.setWordWrap(True)
        self.check_button = QPushButton()
        self.check_button.setObjectName("doctorCheckHere")
        self.check_button.clicked.connect(self.check_here)
        self.tree = QTreeWidget()
        self.tree.setObjectName("doctorTree")
        self.tree.setColumnCount(2)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.caption.setBuddy(self.tree)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        self.retranslate()

    # --- data ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read every device's latest check (a small read on the screen's connection)."""
        self.show_reports(latest_reports(self.context.conn), self.own)

    def show_reports(self, devices: list[DeviceHealth], own: Report | None = None) -> None:
        self.devices, self.own = list(devices), own
        self._fill()

    def check_here(self) -> Task | None:
        """Run the doctor for this machine (the organiser's) off the UI thread."""
        if self.task is not None:
            return None
        task = Task(
            check_this_machine(self.context.db_path, "organiser", screen_sizes()), label="doctor"
        )
        task.signals.finished.connect(self._checked)
        task.signals.failed.connect(self._check_failed)
        self.task = task
        self.retranslate()
        return self.runner.start(task)

    @Slot(object)
    def _checked(self, report: Report) -> None:
        if not sent_by(self, self.task):
            return
        self.task = None
        self.own = report
        self.retranslate()

    @Slot(str)
    def _check_failed(self, message: str) -> None:
        if not sent_by(self, self.task):
            return
        self.task = None
        self.retranslate()
        self.caption.setText(
            self.tr("✖ The check did not finish: {message}").format(message=message)
        )

    # --- drawing ---------------------------------------------------------------------------------

    def _when(self, at_ms: int) -> str:
        return from_ms(at_ms, self.context.event.tz).strftime("%Y-%m-%d %H:%M")

    def _summary(self, report: Report) -> str:
        counts = report.counts()
        return self.tr("{fail} to fix, {warn} to check, {ok} OK — checked {when}").format(
            fail=counts["fail"], warn=counts["warn"], ok=counts["ok"], when=self._when(report.at_ms)
        )

    def _device_item(self, name: str, report: Report) -> QTreeWidgetItem:
        worst = report.worst()
        head = f"{MARKS[worst]} {name} ({role_text(report.role)})"
        item = QTreeWidgetItem([head, self._summary(report)])
        item.setForeground(0, QColor(COLOURS[worst]))
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{status_text(worst)}: {head}")
        severity = {"fail": 0, "warn": 1, "ok": 2}
        for finding in sorted(report.findings, key=lambda f: severity.get(f.status, 3)):
            status = f"{MARKS[finding.status]} {status_text(finding.status)}"
            child = QTreeWidgetItem([status, finding_text(finding)])
            child.setForeground(0, QColor(COLOURS[finding.status]))
            child.setData(
                1,
                Qt.ItemDataRole.AccessibleTextRole,
                f"{status_text(finding.status)}: {finding_text(finding)}",
            )
            child.setToolTip(1, finding_text(finding))
            item.addChild(child)
        return item

    def _fill(self) -> None:
        self.tree.clear()
        entries = []
        if self.own is not None:
            entries.append((self.tr("this machine"), self.own))
        entries += [(health.device, health.report) for health in self.devices]
        for name, report in entries:
            item = self._device_item(name, report)
            self.tree.addTopLevelItem(item)
            item.setExpanded(report.worst() != "ok")
        if not entries:
            empty = QTreeWidgetItem(
                [
                    self.tr("No device has sent a check yet."),
                    self.tr("Doors and kiosks syncing with the hub send theirs."),
                ]
            )
            self.tree.addTopLevelItem(empty)

    def retranslate(self) -> None:
        self.caption.setText(
            self.tr(
                "Device check: each door and kiosk checks its screen, printer, sound, speech, "
                "disk and clock and sends the result with its sync rounds."
            )
        )
        busy = self.task is not None
        label = self.tr("Checking…") if busy else self.tr("Check this machine")
        self.check_button.setText(label)
        self.check_button.setAccessibleName(label)
        self.check_button.setEnabled(not busy)
        self.tree.setHeaderLabels([self.tr("Device"), self.tr("Finding")])
        self.tree.setAccessibleName(self.tr("Device checks"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
