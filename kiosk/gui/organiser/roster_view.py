"""The roster tab: search and filters over every registration, a person's page, walk-ins."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.model import CATEGORIES
from kiosk.gui.fitting import FlowRowLayout, FoldingSplitter
from kiosk.gui.organiser.desk import DeskActions
from kiosk.gui.organiser.labels import category_label
from kiosk.gui.organiser.person_view import PersonPanel
from kiosk.gui.organiser.roster_model import RosterData, RosterFilter, RosterModel, load_roster
from kiosk.gui.organiser.sizing import fit_rows
from kiosk.gui.organiser.tasks import (
    Task,
    TaskContext,
    TaskRunner,
    sent_by,
)
from kiosk.gui.organiser.walkin_view import WalkInDialog
from kiosk.gui.shell.context import AppContext
from kiosk.services.roster_admin import person_record
from kiosk.store.database import connect


class RosterView(QWidget):
    """Every registration, searched as you type, with the chosen person's page beside it."""

    loaded = Signal(int)  # people in the roster, after each (re)load

    def __init__(
        self,
        context: AppContext,
        desk: DeskActions,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rosterView")
        self.context = context
        self.desk = desk
        self.runner = runner
        self.load_task: Task | None = None
        self._select_after_load: str | None = None

        self.search = QLineEdit()
        self.search.setObjectName("rosterSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        self.category = QComboBox()
        self.category.setObjectName("rosterCategory")
        self.category.addItem("", None)
        for category in CATEGORIES:
            self.category.addItem(category, category)
        self.status = QComboBox()
        self.status.setObjectName("rosterStatus")
        for value in (None, "registered", "cancelled"):
            self.status.addItem("", value)
        self.arrived = QComboBox()
        self.arrived.setObjectName("rosterArrived")
        for flag in (None, True, False):
            self.arrived.addItem("", flag)
        for combo in (self.category, self.status, self.arrived):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.count = QLabel()
        self.count.setObjectName("rosterCount")
        self.walk_in_button = QPushButton()
        self.walk_in_button.setObjectName("walkInButton")
        self.walk_in_button.clicked.connect(self.open_walk_in)
        self.reload_button = QPushButton()
        self.reload_button.setObjectName("reloadRoster")
        self.reload_button.clicked.connect(self.reload)

        self.model = RosterModel()
        self.table = QTableView()
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        fit_rows(self.table)
        context.prefs.changed.connect(self._text_size_changed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((180, 100, 120, 210, 120, 120, 130, 60)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.person = PersonPanel(context, desk, runner)
        self.person.changed.connect(self._person_changed)
        desk.person_added.connect(self._person_added)

        # Side by side; on a narrow window (portrait, large text) on two lines.
        filters = FlowRowLayout(spacing=6)
        filters.addWidget(self.search)
        filters.addWidget(self.category)
        filters.addWidget(self.status)
        filters.addWidget(self.arrived)
        bar = QHBoxLayout()
        bar.addWidget(self.count, 1)
        bar.addWidget(self.reload_button)
        bar.addWidget(self.walk_in_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(bar)
        split = FoldingSplitter()  # the details under the list on a narrow window
        split.addWidget(left)
        split.addWidget(self.person)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._find = QShortcut(QKeySequence.StandardKey.Find, self)
        self._find.activated.connect(self.focus_search)
        self.retranslate()

    # --- loading -----------------------------------------------------------------------------

    def reload(self) -> Task:
        """Load the roster off the UI thread; the table keeps its filter and order."""
        if self.load_task is not None:
            self.load_task.cancel()
        self.count.setText(self.tr("Loading the roster…"))
        db_path = self.context.db_path

        def job(context: TaskContext) -> RosterData:
            conn = connect(db_path)
            try:
                return load_roster(conn)
            finally:
                conn.close()

        task = Task(job, label="roster")
        task.signals.finished.connect(self._loaded)
        task.signals.failed.connect(self._load_failed)
        self.load_task = task
        self.runner.start(task)
        return task

    def set_roster(self, data: RosterData) -> None:
        """Show a roster loaded elsewhere (also for tests and the bench)."""
        selected = self.selected_registration()
        self.model.set_roster(data)
        self._show_count()
        wanted = self._select_after_load or selected
        self._select_after_load = None
        if wanted is not None:
            self.select(wanted)
        self.loaded.emit(len(data))

    def _loaded(self, data: RosterData) -> None:
        if sent_by(self, self.load_task):
            self.load_task = None
            self.set_roster(data)

    def _load_failed(self, message: str) -> None:
        if sent_by(self, self.load_task):
            self.load_task = None
            self.count.setText("✖ " + message)

    # --- searching ---------------------------------------------------------------------------

    def current_filter(self) -> RosterFilter:
        return RosterFilter(
            query=self.search.text(),
            category=self.category.currentData(),
            status=self.status.currentData(),
            arrived=self.arrived.currentData(),
        )

    def apply_filter(self) -> int:
        """Filter the table to what the search field and filters say; returns the row count."""
        count = self.model.apply(self.current_filter())
        self._show_count()
        return count

    def _show_count(self) -> None:
        self.count.setText(
            self.tr("{shown} of {total} people").format(
                shown=f"{len(self.model.visible):,}", total=f"{len(self.model.data_):,}"
            )
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- the person page ---------------------------------------------------------------------

    def selected_registration(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.registration_at(rows[0].row()) if rows else None

    def select(self, registration_id: str) -> bool:
        row = self.model.row_of(registration_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selected(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self.person.show_person(self.selected_registration())

    def _person_changed(self, registration_id: str) -> None:
        try:
            record = person_record(self.context.conn, registration_id)
        except Exception:
            return
        self.model.update_person(
            registration_id,
            name=record.name or (record.name_local or ""),
            local=record.name_local or "",
            status=record.status,
            version=record.code_version,
        )

    def _person_added(self, registration_id: str) -> None:
        self._select_after_load = registration_id
        self.reload()

    def open_walk_in(self) -> WalkInDialog:
        dialog = WalkInDialog(self.desk, self)
        dialog.open()
        return dialog

    def _text_size_changed(self) -> None:
        fit_rows(self.table)

    # --- language ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search: name, registration or organisation"))
        self.search.setAccessibleName(self.tr("Search the roster"))
        self.category.setItemText(0, self.tr("All categories"))
        for index in range(1, self.category.count()):
            self.category.setItemText(index, category_label(str(self.category.itemData(index))))
        self.category.setAccessibleName(self.tr("Category filter"))
        self.status.setItemText(0, self.tr("Any status"))
        self.status.setItemText(1, self.tr("Registered"))
        self.status.setItemText(2, self.tr("Cancelled"))
        self.status.setAccessibleName(self.tr("Status filter"))
        self.arrived.setItemText(0, self.tr("Checked in: any"))
        self.arrived.setItemText(1, self.tr("Checked in"))
        self.arrived.setItemText(2, self.tr("Not checked in"))
        self.arrived.setAccessibleName(self.tr("Check-in filter"))
        self.walk_in_button.setText(self.tr("Register a walk-in…"))
        self.walk_in_button.setAccessibleName(self.tr("Register a walk-in at the desk"))
        self.reload_button.setText(self.tr("Reload"))
        self.reload_button.setAccessibleName(self.tr("Reload the roster"))
        self.table.setAccessibleName(self.tr("Roster"))
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, len(RosterModel.COLUMNS) - 1
        )
        self.table.viewport().update()
        self._show_count()
