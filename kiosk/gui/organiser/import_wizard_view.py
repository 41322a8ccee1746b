"""The import wizard: choose a file, see how it is read, map its columns, preview, confirm."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import KioskError
from kiosk.gui.fitting import ElidedLabel, PageScroller
from kiosk.gui.organiser.import_controller import KINDS, CheckResult, ImportController
from kiosk.gui.organiser.import_messages import error_text, translated, warning_text
from kiosk.gui.organiser.import_models import MappingDelegate, MappingModel, PreviewModel
from kiosk.gui.organiser.sizing import fit_rows
from kiosk.gui.shell.context import AppContext
from kiosk.imports import ImportReport

RECHECK_DELAY_MS = 300
PREVIEW_SAMPLE_ROWS = 200  # rows measured when sizing the preview's columns
PREVIEW_MAX_COLUMN = 420


class ImportWizard(QWidget):
    """Import the roster, the programme or invitation lists; nothing is written before Import."""

    imported = Signal(str)  # the kind imported

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.context = context
        self.controller = ImportController(context.conn, context.db_path)
        self.last_report: ImportReport | None = None

        self.choose_button = QPushButton()
        self.choose_button.setObjectName("chooseFile")
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = ElidedLabel()  # a long path never widens the window
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind_label = QLabel()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("importKind")
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for kind in KINDS:
            self.kind_combo.addItem(kind, kind)
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self.kind_label.setBuddy(self.kind_combo)
        self.detected_label = QLabel()
        self.detected_label.setObjectName("detected")
        self.detected_label.setWordWrap(True)

        self.mapping_model = MappingModel()
        self.mapping_view = QTableView()
        self.mapping_view.setObjectName("mappingTable")
        self.mapping_view.setModel(self.mapping_model)
        self.mapping_view.setItemDelegateForColumn(MappingModel.TARGET, MappingDelegate(self))
        self.mapping_view.verticalHeader().hide()
        self.mapping_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.mapping_view.horizontalHeader().setStretchLastSection(True)
        self.mapping_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.mapping_model.mapping_edited.connect(self._mapping_edited)
        self.mapping_model.modelReset.connect(self._open_editors)
        self.mapping_hint = QLabel()
        self.mapping_hint.setWordWrap(True)
        self.mapping_hint.setProperty("role", "hint")
        self.mapping_box = QGroupBox()
        box = QVBoxLayout(self.mapping_box)
        box.addWidget(self.mapping_view, 1)
        box.addWidget(self.mapping_hint)

        self.preview_model = PreviewModel()
        self.preview_view = QTableView()
        self.preview_view.setObjectName("previewTable")
        self.preview_view.setModel(self.preview_model)
        self.preview_view.verticalHeader().hide()
        preview_header = self.preview_view.horizontalHeader()
        preview_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        preview_header.setResizeContentsPrecision(PREVIEW_SAMPLE_ROWS)
        preview_header.setMaximumSectionSize(PREVIEW_MAX_COLUMN)  # reasons in full as tooltips
        self.preview_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_view.setWordWrap(False)
        self.only_problems = QCheckBox()
        self.only_problems.setObjectName("onlyProblems")
        self.only_problems.toggled.connect(self.preview_model.set_only_problems)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_box = QGroupBox()
        box = QVBoxLayout(self.preview_box)
        box.addWidget(self.summary_label)
        box.addWidget(self.preview_view, 1)
        box.addWidget(self.only_problems)

        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.clicked.connect(self.controller.cancel)
        self.cancel_button.setEnabled(False)
        self.check_button = QPushButton()
        self.check_button.setObjectName("checkAgain")
        self.check_button.clicked.connect(self.controller.check)
        self.import_button = QPushButton()
        self.import_button.setObjectName("confirmImport")
        self.import_button.clicked.connect(self.confirm)
        self._enable_import(False)

        # The file on one line, what it holds on the next: both fit a narrow window.
        top = QGridLayout()
        top.addWidget(self.choose_button, 0, 0)
        top.addWidget(self.file_label, 0, 1, 1, 3)
        top.addWidget(self.kind_label, 1, 0)
        top.addWidget(self.kind_combo, 1, 1)
        top.addWidget(self.detected_label, 2, 0, 1, 4)
        top.setColumnStretch(2, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.mapping_box)
        split.addWidget(self.preview_box)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.check_button)
        bottom.addWidget(self.import_button)
        # What is read and checked scrolls when the window is short (a laptop, large text);
        # Cancel, Check again and Import stay in view below it.
        body = QWidget()
        body.setObjectName("importBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(top)
        body_layout.addWidget(split, 1)
        self.body_scroller = PageScroller(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body_scroller, 1)
        layout.addLayout(bottom)

        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(RECHECK_DELAY_MS)
        self._recheck.timeout.connect(self.controller.check)

        self._text_size_changed()
        context.prefs.changed.connect(self._text_size_changed)
        control = self.controller
        control.source_changed.connect(self._show_source)
        control.mapping_changed.connect(self._show_mapping)
        control.busy_changed.connect(self._busy)
        control.progress.connect(self._progress)
        control.checked.connect(self._checked)
        control.imported.connect(self._imported)
        control.failed.connect(self._failed)
        control.cancelled.connect(self._cancelled)
        self.retranslate()

    # --- actions -----------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a file to import"),
            "",
            self.tr("Spreadsheets and lists (*.csv *.xlsx *.json);;All files (*)"),
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path, kind: str | None = None) -> None:
        """Read a file's description and check it (also how tests and other tabs start it)."""
        self.last_report = None
        try:
            self.controller.open_file(Path(path), kind)
        except KioskError:
            return

    def confirm(self) -> None:
        if self.controller.confirm() is not None:
            self.summary_label.setText(self.tr("Importing… nothing is kept if you cancel."))

    # --- showing state -----------------------------------------------------------------------

    def _enable_import(self, enabled: bool) -> None:
        """Import is the primary action only when it can be pressed (readable when disabled)."""
        self.import_button.setEnabled(enabled)
        if bool(self.import_button.property("primary")) != enabled:
            self.import_button.setProperty("primary", enabled)
            self.import_button.style().unpolish(self.import_button)
            self.import_button.style().polish(self.import_button)

    def _kind_chosen(self) -> None:
        kind = self.kind_combo.currentData()
        if kind and kind != self.controller.kind:
            self.controller.set_kind(str(kind))

    def _mapping_edited(self, label: str, column: object) -> None:
        self.controller.mapping[label] = column if isinstance(column, str) else None
        self.controller.result = None  # the last check was of another mapping
        self._show_hint()
        self._enable_import(False)
        self._recheck.start()

    def _open_editors(self) -> None:
        for row in range(self.mapping_model.rowCount()):
            self.mapping_view.openPersistentEditor(
                self.mapping_model.index(row, MappingModel.TARGET)
            )

    def _show_source(self) -> None:
        control = self.controller
        info = control.source
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(control.kind)))
        self.kind_combo.blockSignals(False)
        self.preview_model.clear()
        if info is None:
            self.file_label.setText(self.tr("No file chosen"))
            self.detected_label.setText("")
            return
        self.file_label.setText(str(info.path))
        parts = [self.tr("Format: {format}").format(format=info.format)]
        if info.encoding is not None:
            parts.append(self.tr("Encoding: {encoding}").format(encoding=self._encoding(info)))
        elif info.format in ("CSV", "JSON"):
            parts.append(self.tr("Encoding: not recognised"))
        if info.rows_estimate is not None:
            parts.append(self.tr("About {rows} rows").format(rows=f"{info.rows_estimate:,}"))
        parts.append(self.tr("{columns} columns").format(columns=len(info.headers)))
        preset = self.controller.preset
        if preset is not None:
            label = preset.label_ko if translated() else preset.label
            parts.append(
                self.tr("Recognised as: {preset} ({name})").format(preset=label, name=preset.name)
            )
            if preset.sheet:
                parts.append(self.tr("Sheet: {sheet}").format(sheet=preset.sheet))
        self.detected_label.setText(" · ".join(parts))
        self.detected_label.setAccessibleName(self.detected_label.text())

    def _encoding(self, info: object) -> str:
        encoding = getattr(info, "encoding", None)
        return {
            "UTF-8": self.tr("UTF-8"),
            "UTF-8 BOM": self.tr("UTF-8 with byte order mark"),
            "UTF-16": self.tr("UTF-16"),
            "CP949": self.tr("CP949 / EUC-KR (Korean Excel)"),
        }.get(str(encoding), str(encoding))

    def _show_mapping(self) -> None:
        control = self.controller
        info = control.source
        self.mapping_model.set_source(
            info.headers if info else [],
            info.samples if info else {},
            control.mapping,
            control.choices,
        )
        self._show_hint()

    def _show_hint(self) -> None:
        control = self.controller
        missing, twice = control.problems()
        lines = []
        if control.source is not None and control.remembered:
            lines.append(self.tr("The mapping you chose for this source last time is used."))
        if missing:
            lines.append(
                self.tr("✖ Required and not mapped: {columns}").format(columns=", ".join(missing))
            )
        if twice:
            lines.append(
                self.tr("✖ Chosen for more than one column: {columns}").format(
                    columns=", ".join(twice)
                )
            )
        self.mapping_hint.setText("\n".join(lines))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(busy)
        self.check_button.setEnabled(not busy and self.controller.source is not None)
        self._enable_import(self.controller.can_import)
        self.choose_button.setEnabled(not busy or self.controller.stage == "check")
        if busy and self.controller.stage == "check":
            self.summary_label.setText(self.tr("Checking every row…"))

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.progress.setFormat(self.tr("Row %v of about %m"))
        else:
            self.progress.setRange(0, 0)

    def _checked(self, result: CheckResult) -> None:
        report = result.report
        preview = result.preview
        if preview is not None:
            self.preview_model.set_preview(preview.columns, preview.rows, report.errors)
        else:
            self.preview_model.clear()
        self.summary_label.setText(
            self._summary(report, preview.total_rows if preview else None, preview is not None)
        )
        self._enable_import(self.controller.can_import)

    def _summary(self, report: ImportReport, rows: int | None, previewed: bool = True) -> str:
        """What the check found; problems with the file as a whole (and, when there is no
        preview to show them in, those of its rows) are listed in the screen's language."""
        lines = []
        if report.errors:
            bad_rows = len({error.row for error in report.errors if error.row > 1})
            lines.append(
                self.tr(
                    "✖ {errors} problem(s) in {rows} row(s): nothing will be imported. "
                    "Fix the file or the column mapping, then check again."
                ).format(errors=report.error_count, rows=bad_rows)
            )
            for error in report.errors:
                if error.row <= 1:
                    lines.append(
                        self.tr("File: {field}: {message}").format(
                            field=error.field, message=error_text(error)
                        )
                    )
                elif not previewed:
                    lines.append(
                        self.tr("Row {row}: {field}: {message}").format(
                            row=error.row, field=error.field, message=error_text(error)
                        )
                    )
        else:
            lines.append(
                self.tr(
                    "✔ Ready: {added} to add, {updated} to update, {unchanged} unchanged, "
                    "{removed} to remove. Nothing is written until you press Import."
                ).format(
                    added=report.added,
                    updated=report.updated,
                    unchanged=report.unchanged,
                    removed=report.removed,
                )
            )
        details = report.details
        if not report.errors and "tickets" in details:
            lines.append(
                self.tr(
                    "{people} people with {tickets} ticket(s): {cancelled} cancelled, "
                    "{pending} pending (not imported)."
                ).format(
                    people=details.get("people", 0),
                    tickets=details["tickets"],
                    cancelled=details.get("cancelled", 0),
                    pending=details.get("pending_skipped", 0),
                )
            )
        if rows is not None:
            lines.append(self.tr("{rows} data rows read.").format(rows=f"{rows:,}"))
        lines += [f"⚠ {warning_text(warning)}" for warning in report.warnings]
        return "\n".join(lines)

    def _imported(self, report: ImportReport) -> None:
        self.last_report = report
        if report.errors:
            preview = self.controller.result.preview if self.controller.result else None
            self.summary_label.setText(self._summary(report, None, preview is not None))
            return
        self.summary_label.setText(
            self.tr(
                "✔ Imported: {added} added, {updated} updated, {unchanged} unchanged, "
                "{removed} removed."
            ).format(
                added=report.added,
                updated=report.updated,
                unchanged=report.unchanged,
                removed=report.removed,
            )
        )
        self._enable_import(False)
        self.imported.emit(report.kind)

    def _failed(self, message: str) -> None:
        self.summary_label.setText(self.tr("✖ {message}").format(message=message))
        self._enable_import(False)

    def _cancelled(self) -> None:
        self.summary_label.setText(self.tr("Cancelled: nothing was imported."))
        self._enable_import(False)

    def _text_size_changed(self) -> None:
        fit_rows(self.preview_view)
        # The mapping rows hold combo boxes: a little taller than text.
        fit_rows(self.mapping_view)
        header = self.mapping_view.verticalHeader()
        header.setDefaultSectionSize(int(header.defaultSectionSize() * 1.35))

    # --- language ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.choose_button.setText(self.tr("Choose a file…"))
        self.choose_button.setAccessibleName(self.tr("Choose a file to import"))
        self.kind_label.setText(self.tr("&What the file holds:"))
        names = {
            "roster": self.tr("Roster (attendees)"),
            "programme": self.tr("Programme (rooms and sessions)"),
            "invitations": self.tr("Invitation lists"),
        }
        for index in range(self.kind_combo.count()):
            self.kind_combo.setItemText(index, names[str(self.kind_combo.itemData(index))])
        self.kind_combo.setAccessibleName(self.tr("What the file holds"))
        self.mapping_box.setTitle(self.tr("Columns"))
        self.mapping_view.setAccessibleName(self.tr("Columns of the file and what they become"))
        self.preview_box.setTitle(self.tr("Preview"))
        self.preview_view.setAccessibleName(self.tr("Preview of the rows, problems first marked"))
        self.only_problems.setText(self.tr("Show only rows with problems"))
        self.only_problems.setAccessibleName(self.only_problems.text())
        self.progress.setAccessibleName(self.tr("Progress of the check or import"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the check or import"))
        self.check_button.setText(self.tr("Check again"))
        self.check_button.setAccessibleName(self.tr("Check the file again"))
        self.import_button.setText(self.tr("Import"))
        self.import_button.setAccessibleName(self.tr("Import the checked file"))
        self.mapping_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        self._show_source()
        if self.controller.result is not None:
            self._checked(self.controller.result)
        elif self.controller.source is None:
            self.summary_label.setText(
                self.tr("Choose a CSV, XLSX or JSON file. Nothing is written until you confirm.")
            )
