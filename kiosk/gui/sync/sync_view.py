"""The organiser's Sync tab: roster bundles out, events bundles in (with progress, off the UI
thread), the LAN hub started and stopped here (HTTPS when given a certificate and key file),
devices enrolled and revoked (`EnrolPanel`), the devices it knows and the conflicts found.
While the hub runs, the tab polls its staff calls and announces each new one (`staff_called`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.gui.fitting import StackingRow, side_by_side
from kiosk.gui.organiser.tasks import Task, TaskRunner, sent_by
from kiosk.gui.shell.context import AppContext
from kiosk.gui.sync.devices_model import COLUMNS, DevicesModel
from kiosk.gui.sync.doctor_view import DoctorView
from kiosk.gui.sync.enrol_panel import EnrolPanel
from kiosk.gui.sync.jobs import export_roster_job, import_bundles_job, read_state_job, start_hub_job

REFRESH_MS = 3_000
STAFF_POLL_MS = 500
DEFAULT_PORT = 8765
DETAIL_KEYS = ("session_id", "registration_id", "device", "devices", "at", "peak", "capacity")


class SyncView(QWidget):
    """The Sync tab. `imported(kind)` follows a successful import: events or roster."""

    imported = Signal(str)
    staff_called = Signal(object)  # a kiosk's StaffCall, received by the hub running here

    def __init__(
        self,
        context: AppContext,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        refresh_ms: int = REFRESH_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncView")
        self.context = context
        self.runner = runner
        self.hub: Any = None  # the RunningHub while serving
        self.last_result: Any = None
        self.task: Task | None = None  # the export, import or hub start running now
        self._refreshing: Task | None = None

        self.bundles_box = QGroupBox()
        self.passphrase_caption = QLabel()
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("syncPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_caption.setBuddy(self.passphrase)
        self.export_button = QPushButton()
        self.export_button.setObjectName("syncExportRoster")
        self.export_button.clicked.connect(self.choose_export)
        self.import_button = QPushButton()
        self.import_button.setObjectName("syncImport")
        self.import_button.clicked.connect(self.choose_import)
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.result_label = QLabel()
        self.result_label.setObjectName("syncResult")
        self.result_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.passphrase_caption, self.passphrase)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        bundles = QVBoxLayout(self.bundles_box)
        bundles.addLayout(form)
        bundles.addLayout(buttons)
        bundles.addWidget(self.progress)
        bundles.addWidget(self.result_label)

        self.hub_box = QGroupBox()
        self.host_caption = QLabel()
        self.host = QLineEdit("0.0.0.0")
        self.host.setObjectName("syncHubHost")
        self.host_caption.setBuddy(self.host)
        self.port_caption = QLabel()
        self.port = QSpinBox()
        self.port.setObjectName("syncHubPort")
        self.port.setRange(0, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port_caption.setBuddy(self.port)
        self.cert_caption = QLabel()
        self.cert = QLineEdit()
        self.cert.setObjectName("syncHubCert")
        self.cert_caption.setBuddy(self.cert)
        self.cert_browse = QPushButton()
        self.cert_browse.setObjectName("syncHubCertBrowse")
        self.cert_browse.clicked.connect(
            lambda: self._browse(self.cert, self.tr("TLS certificate"))
        )
        self.key_caption = QLabel()
        self.key = QLineEdit()
        self.key.setObjectName("syncHubKey")
        self.key_caption.setBuddy(self.key)
        self.key_browse = QPushButton()
        self.key_browse.setObjectName("syncHubKeyBrowse")
        self.key_browse.clicked.connect(lambda: self._browse(self.key, self.tr("TLS private key")))
        self.hub_button = QPushButton()
        self.hub_button.setObjectName("syncHubButton")
        self.hub_button.clicked.connect(self.toggle_hub)
        self.hub_label = QLabel()
        self.hub_label.setObjectName("syncHubUrl")
        self.hub_label.setWordWrap(True)
        # Each row in two halves, the second under the first on a narrow window (200 % text).
        hub_row = StackingRow(
            [
                (side_by_side((self.host_caption, 0), (self.host, 1)), 2),
                (side_by_side((self.port_caption, 0), (self.port, 0), (self.hub_button, 0)), 0),
            ]
        )
        tls_row = StackingRow(
            [
                (side_by_side((self.cert_caption, 0), (self.cert, 1), (self.cert_browse, 0)), 1),
                (side_by_side((self.key_caption, 0), (self.key, 1), (self.key_browse, 0)), 1),
            ]
        )
        hub_layout = QVBoxLayout(self.hub_box)
        hub_layout.addWidget(hub_row)
        hub_layout.addWidget(tls_row)
        hub_layout.addWidget(self.hub_label)

        self.enrol_panel = EnrolPanel(context, self)
        self.enrol_panel.changed.connect(self.refresh)

        self.devices_caption = QLabel()
        self.devices_model = DevicesModel(context.event.tz, self)
        self.devices = QTableView()
        self.devices.setObjectName("syncDevices")
        self.devices.setModel(self.devices_model)
        self.devices.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.devices.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.devices.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.devices_caption.setBuddy(self.devices)
        self.conflicts_caption = QLabel()
        self.conflicts = QListWidget()
        self.conflicts.setObjectName("syncConflicts")
        self.conflicts.setWordWrap(True)
        self.conflicts_caption.setBuddy(self.conflicts)
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("syncRefresh")
        self.refresh_button.clicked.connect(self.refresh)

        lists = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.devices_caption)
        left.addWidget(self.devices, 1)
        right = QVBoxLayout()
        right.addWidget(self.conflicts_caption)
        right.addWidget(self.conflicts, 1)
        lists.addLayout(left, 3)
        lists.addLayout(right, 2)
        lists_page = QWidget()
        lists_page.setLayout(lists)
        self.doctor = DoctorView(context, runner)
        self.pages = QTabWidget()
        self.pages.setObjectName("syncPages")
        self.pages.addTab(lists_page, "")
        self.pages.addTab(self.doctor, "")
        self.pages.addTab(self.enrol_panel, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.bundles_box)
        layout.addWidget(self.hub_box)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.refresh_button)

        self.timer = QTimer(self)
        self.timer.setInterval(refresh_ms)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._staff_seen = 0  # the number of the last staff call announced
        self.staff_timer = QTimer(self)
        self.staff_timer.setInterval(STAFF_POLL_MS)
        self.staff_timer.timeout.connect(self.poll_staff_calls)
        self.conflict_report: dict[str, Any] = {"conflicts": [], "total": 0}
        self.retranslate()
        self.refresh()

    # --- bundles -----------------------------------------------------------------------------

    def _passphrase(self) -> str | None:
        return self.passphrase.text() or None

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the roster bundle"), "roster.kbundle"
        )
        if path:
            self.export_roster_to(Path(path))

    def choose_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Bundles to import"))
        if paths:
            self.import_files([Path(p) for p in paths])

    def export_roster_to(self, path: Path) -> Task | None:
        """Write a roster bundle for devices (encrypted when a passphrase is given)."""
        db, passphrase = self.context.db_path, self._passphrase()
        return self._run(
            lambda task: export_roster_job(db, path, passphrase, task), self.tr("Exporting…")
        )

    def import_files(self, paths: list[Path]) -> Task | None:
        """Import events bundles (all at once) or one roster bundle."""
        db, passphrase = self.context.db_path, self._passphrase()
        files = list(paths)
        return self._run(
            lambda task: import_bundles_job(db, files, passphrase, task), self.tr("Importing…")
        )

    def _run(self, job: Any, message: str) -> Task | None:
        if self.task is not None:
            return None
        self.progress.setRange(0, 0)
        self.result_label.setText(message)
        self._busy(True)
        task = Task(job, label="sync")
        task.signals.progress.connect(self._progress)
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(self._cancelled)
        self.task = task
        return self.runner.start(task)

    def _busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy)
        self.hub_button.setEnabled(not busy)

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        if not sent_by(self, self.task):
            return
        if total <= 0:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _end(self) -> None:
        self.task = None
        self._busy(False)
        self.progress.setRange(0, 1)

    @Slot(object)
    def _finished(self, result: Any) -> None:
        if not sent_by(self, self.task):
            return
        self._end()
        self.progress.setValue(1)
        if isinstance(result, dict):
            self.last_result = result
            self.result_label.setText(self._describe(result))
            if result.get("kind") in ("events", "roster") and "added" in result:
                self.imported.emit("events")
            elif "applied" in result:
                self.imported.emit("roster")
        else:  # the hub started
            self.hub = result
            self._staff_seen = 0
            self.staff_timer.start()
            self._show_hub()
        self.result_label.setAccessibleName(self.result_label.text())
        self.refresh()

    @Slot(str)
    def _failed(self, message: str) -> None:
        if not sent_by(self, self.task):
            return
        self._end()
        self.progress.setValue(0)
        self.result_label.setText(self.tr("✖ {message}").format(message=message))
        self.result_label.setAccessibleName(self.result_label.text())
        self._show_hub()

    @Slot()
    def _cancelled(self) -> None:
        if sent_by(self, self.task):
            self._end()

    def _describe(self, result: dict[str, Any]) -> str:
        if "added" in result:
            return self.tr(
                "{added} check-ins added, {duplicates} already here, {conflicting} conflicting "
                "kept aside"
            ).format(
                added=result.get("added", 0),
                duplicates=result.get("duplicates", 0),
                conflicting=result.get("conflicting", 0),
            )
        if "applied" in result:
            return self.tr("Roster version {version} read; applied: {applied}").format(
                version=result.get("version"),
                applied=self.tr("yes") if result.get("applied") else self.tr("no"),
            )
        return self.tr("Roster version {version} ({attendees} attendees) written to {path}").format(
            version=result.get("version"),
            attendees=result.get("attendees"),
            path=result.get("path"),
        )

    # --- hub ---------------------------------------------------------------------------------

    def toggle_hub(self) -> None:
        if self.hub is None:
            self.start_hub()
        else:
            self.stop_hub()

    def start_hub(self) -> Task | None:
        """Start the LAN hub on host:port (off the UI thread: it builds the roster first)."""
        if self.hub is not None:
            return None
        db, host, port = self.context.db_path, self.host.text().strip(), self.port.value()
        cert_text, key_text = self.cert.text().strip(), self.key.text().strip()
        if bool(cert_text) != bool(key_text):
            self.result_label.setText(
                self.tr("✖ HTTPS needs both a certificate file and a key file (or neither).")
            )
            self.result_label.setAccessibleName(self.result_label.text())
            return None
        cert = Path(cert_text) if cert_text else None
        key = Path(key_text) if key_text else None
        return self._run(
            lambda task: start_hub_job(db, host, port, task, cert=cert, key=key),
            self.tr("Starting…"),
        )

    def _browse(self, field: QLineEdit, title: str) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, title, field.text(), self.tr("PEM files (*.pem *.crt *.key);;All files (*)")
        )
        if path:
            field.setText(path)

    def poll_staff_calls(self) -> int:
        """Announce the staff calls the running hub received since the last look (`staff_called`
        for each); how many there were."""
        if self.hub is None:
            return 0
        calls = self.hub.hub.staff_calls(self._staff_seen)
        for call in calls:
            self._staff_seen = max(self._staff_seen, call.number)
            self.staff_called.emit(call)
        return len(calls)

    def stop_hub(self) -> None:
        """Stop the hub; devices fall back to working offline."""
        self.staff_timer.stop()
        hub, self.hub = self.hub, None
        if hub is not None:
            hub.stop()
            self.result_label.setText(self.tr("The hub stopped."))
            self.result_label.setAccessibleName(self.result_label.text())
        self._show_hub()

    def _show_hub(self) -> None:
        serving = self.hub is not None
        for widget in (
            self.host,
            self.port,
            self.cert,
            self.cert_browse,
            self.key,
            self.key_browse,
        ):
            widget.setEnabled(not serving)
        if serving:
            self.hub_button.setText(self.tr("Stop the hub"))
            self.hub_label.setText(
                self.tr("Serving at {url}: start devices with --hub {url}").format(url=self.hub.url)
            )
        else:
            self.hub_button.setText(self.tr("Start the hub"))
            self.hub_label.setText(self.tr("The hub is not running."))
        self.hub_button.setAccessibleName(self.hub_button.text())
        self.hub_label.setAccessibleName(self.hub_label.text())

    # --- devices and conflicts ---------------------------------------------------------------

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> Task | None:
        """Read the devices and conflicts again, off the UI thread."""
        if self._refreshing is not None:
            return None
        db = self.context.db_path
        task = Task(lambda job: read_state_job(db, job), label="sync-state")
        task.signals.finished.connect(self._state_read)
        task.signals.failed.connect(self._state_failed)
        self._refreshing = task
        return self.runner.start(task)

    @Slot(object)
    def _state_read(self, state: Any) -> None:
        if not sent_by(self, self._refreshing):
            return
        self._refreshing = None
        devices, report = state
        self.devices_model.set_devices(devices)
        self.conflict_report = report
        self._show_conflicts()
        self.doctor.refresh()

    @Slot(str)
    def _state_failed(self, _message: str) -> None:
        if sent_by(self, self._refreshing):
            self._refreshing = None

    def _kind(self, kind: str) -> str:
        return {
            "double_admission": self.tr("Admitted at two doors"),
            "over_capacity": self.tr("Over capacity across doors"),
            "revoked_code_used": self.tr("Revoked code used"),
            "cancelled_registration_admitted": self.tr("Cancelled registration admitted"),
            "sequence_taken": self.tr("Two devices with one name"),
            "scanned_while_inside": self.tr("Warning: scanned while already inside"),
        }.get(kind, kind)

    def _show_conflicts(self) -> None:
        self.conflicts.clear()
        items = self.conflict_report.get("conflicts", [])
        for item in items:
            details = ", ".join(
                f"{key}: {', '.join(map(str, value)) if isinstance(value, list) else value}"
                for key in DETAIL_KEYS
                if (value := item.get(key)) not in (None, [], "")
            )
            self.conflicts.addItem(f"{self._kind(str(item.get('kind')))} — {details}")
        if not items:
            self.conflicts.addItem(self.tr("No conflicts"))
        self.conflicts_caption.setText(self.tr("&Conflicts ({count})").format(count=len(items)))

    # --- words and closing -------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.bundles_box.setTitle(self.tr("Bundles (USB stick)"))
        self.passphrase_caption.setText(self.tr("&Passphrase (optional)"))
        self.passphrase.setAccessibleName(self.tr("Bundle passphrase"))
        self.passphrase.setAccessibleDescription(
            self.tr("Encrypts the roster bundle; devices need it to import")
        )
        self.export_button.setText(self.tr("&Export roster bundle…"))
        self.export_button.setAccessibleName(self.tr("Export roster bundle"))
        self.import_button.setText(self.tr("I&mport bundles…"))
        self.import_button.setAccessibleName(self.tr("Import bundles"))
        self.progress.setAccessibleName(self.tr("Bundle progress"))
        self.hub_box.setTitle(self.tr("LAN hub"))
        self.host_caption.setText(self.tr("&Host"))
        self.host.setAccessibleName(self.tr("Hub address to listen on"))
        self.port_caption.setText(self.tr("P&ort"))
        self.port.setAccessibleName(self.tr("Hub port"))
        self.cert_caption.setText(self.tr("TLS cer&tificate (optional)"))
        self.cert.setAccessibleName(self.tr("TLS certificate file"))
        self.cert.setPlaceholderText(self.tr("none: plain HTTP"))
        self.cert_browse.setText(self.tr("Browse…"))
        self.cert_browse.setAccessibleName(self.tr("Choose the TLS certificate file"))
        self.key_caption.setText(self.tr("TLS &key"))
        self.key.setAccessibleName(self.tr("TLS private key file"))
        self.key_browse.setText(self.tr("Browse…"))
        self.key_browse.setAccessibleName(self.tr("Choose the TLS private key file"))
        self.devices_caption.setText(self.tr("&Devices"))
        self.devices.setAccessibleName(self.tr("Devices"))
        self.conflicts.setAccessibleName(self.tr("Conflicts"))
        self.pages.setTabText(0, self.tr("Devices and conflicts"))
        self.pages.setTabText(1, self.tr("Device check"))
        self.pages.setTabText(2, self.tr("Enrol and revoke devices"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh devices and conflicts"))
        self.devices_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        self._show_hub()
        self._show_conflicts()

    def shutdown(self) -> None:
        """Stop refreshing and stop the hub (the window is closing)."""
        self.timer.stop()
        self.stop_hub()
