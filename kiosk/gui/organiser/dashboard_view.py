"""The live dashboard: checked in against registered, arrivals per 15 minutes, rooms against
capacity (near capacity in colour and in words), and a roll-call of who is inside a room.

It refreshes every two seconds when the database has changed (PRAGMA data_version of its own
read-only connection moves with every commit by any connection), off the UI thread.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QItemSelection, QMargins, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.clock import from_ms, local_date
from kiosk.gui.organiser.dashboard_models import (
    STATE_COLOURS,
    RollCallModel,
    RoomsModel,
    SessionCountsModel,
)
from kiosk.gui.organiser.sizing import emphasise, fit_rows
from kiosk.gui.organiser.tasks import (
    Task,
    TaskContext,
    TaskRunner,
    sent_by,
)
from kiosk.gui.shell.context import AppContext
from kiosk.services.dashboard import (
    FULL,
    NEAR,
    NO_LIMIT,
    SPACE,
    LiveCounts,
    Snapshot,
    dashboard_days,
    roll_call,
    snapshot,
)
from kiosk.store.database import connect, data_version

REFRESH_MS = 2_000
ROLL_CALL_ROWS = 6  # people the roll call shows at least, at any window size
STALE_MS = 30_000  # refresh at least this often (rooms follow the clock)
ARRIVALS_COLOUR = "#0b5cad"


class DashboardView(QWidget):
    """Live figures for the secretariat; `updated` fires after each refresh."""

    updated = Signal(object)  # Snapshot

    def __init__(
        self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardView")
        self.context = context
        self.runner = runner
        self.snapshot: Snapshot | None = None
        self.live = LiveCounts()
        self.task: Task | None = None
        self._reader = connect(context.db_path, read_only=True)
        self._seen_version = -1
        self._seen_at = 0
        self._seen_day: date | None = None
        self.chosen_session: str | None = None

        self.day = QComboBox()
        self.day.setObjectName("dashboardDay")
        self.day.currentIndexChanged.connect(lambda _i: self.refresh(force=True))
        self.day_label = QLabel()
        self.day_label.setBuddy(self.day)
        self.headline = QLabel()
        self.headline.setObjectName("dashboardHeadline")
        emphasise(self.headline, context.prefs, 1.6)
        self.headline.setWordWrap(True)
        self.meter = QProgressBar()
        self.meter.setObjectName("checkedInMeter")
        self.meter.setTextVisible(True)
        self.updated_label = QLabel()
        self.updated_label.setProperty("role", "hint")

        self.arrivals_chart = QChart()
        self.arrivals_chart.legend().hide()
        self.arrivals_chart.setMargins(QMargins(4, 4, 4, 4))
        self.arrivals_view = QChartView(self.arrivals_chart)
        self.arrivals_view.setObjectName("arrivalsChart")
        self.arrivals_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.arrivals_view.setMinimumHeight(200)

        self.rooms_chart = QChart()
        self.rooms_chart.setMargins(QMargins(4, 4, 4, 4))
        self.rooms_view = QChartView(self.rooms_chart)
        self.rooms_view.setObjectName("roomsChart")
        self.rooms_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.rooms_view.setMinimumHeight(200)

        self.rooms_model = RoomsModel()
        self.rooms = QTableView()
        self.rooms.setObjectName("roomsTable")
        self.rooms.setModel(self.rooms_model)
        self.rooms.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rooms.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rooms.verticalHeader().hide()
        rooms_header = self.rooms.horizontalHeader()
        rooms_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rooms_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rooms.selectionModel().selectionChanged.connect(self._room_chosen)

        self.counts_model = SessionCountsModel()
        self.counts = QTableView()
        self.counts.setObjectName("sessionCounts")
        self.counts.setModel(self.counts_model)
        self.counts.verticalHeader().hide()
        self.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.roll_model = RollCallModel(context.event.tz)
        self.roll = QTableView()
        self.roll.setObjectName("rollCall")
        self.roll.setModel(self.roll_model)
        self.roll.verticalHeader().hide()
        self.roll.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((220, 130, 140, 110, 110)):
            self.roll.setColumnWidth(column, width)
        self.roll_title = QLabel()
        self.roll_title.setObjectName("rollCallTitle")
        self.roll_title.setWordWrap(True)

        top = QGridLayout()
        top.addWidget(self.headline, 0, 0, 1, 3)
        top.addWidget(self.day_label, 0, 3)
        top.addWidget(self.day, 0, 4)
        top.addWidget(self.meter, 1, 0, 1, 3)
        top.addWidget(self.updated_label, 1, 3, 1, 2)
        top.setColumnStretch(0, 1)
        self.arrivals_box = QGroupBox()
        QVBoxLayout(self.arrivals_box).addWidget(self.arrivals_view)
        self.rooms_box = QGroupBox()
        QVBoxLayout(self.rooms_box).addWidget(self.rooms_view)
        self.table_box = QGroupBox()
        QVBoxLayout(self.table_box).addWidget(self.rooms)
        self.roll_box = QGroupBox()
        box = QVBoxLayout(self.roll_box)
        box.addWidget(self.roll_title)
        box.addWidget(self.roll, 1)
        self.counts_box = QGroupBox()
        QVBoxLayout(self.counts_box).addWidget(self.counts)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.arrivals_box)
        charts.addWidget(self.rooms_box)
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(self.table_box)
        middle.addWidget(self.counts_box)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 1)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(charts)
        body.addWidget(middle)
        body.addWidget(self.roll_box)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        body.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(body, 1)

        self._build_charts()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        context.prefs.changed.connect(self._text_size_changed)
        fit_rows(self.rooms, self.counts, self.roll)
        self._roll_rows()
        self._fill_days()
        self.retranslate()
        self._style_charts()

    # --- refreshing --------------------------------------------------------------------------

    def start(self) -> None:
        """Start refreshing (from a fresh read of the whole log)."""
        if self.task is not None:
            self.task.done.wait(10)
            self.task = None
        self.live = LiveCounts()
        self.refresh(force=True)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _fill_days(self) -> None:
        days = dashboard_days(self.context.conn)
        today = local_date(self.context.clock(), self.context.event.tz).isoformat()
        current = self.day.currentData()
        self.day.blockSignals(True)
        self.day.clear()
        for day in days:
            self.day.addItem(day, day)
        if today not in days:
            self.day.addItem(today, today)
        wanted = current or (today if today in days else (days[0] if days else today))
        self.day.setCurrentIndex(max(0, self.day.findData(wanted)))
        self.day.blockSignals(False)

    def chosen_day(self) -> date:
        value = self.day.currentData()
        if value:
            return date.fromisoformat(str(value))
        return local_date(self.context.clock(), self.context.event.tz)

    def refresh(self, force: bool = False) -> Task | None:
        """Recompute off the UI thread when something changed (or when forced)."""
        if self.task is not None:
            return None
        now = self.context.clock()
        day = self.chosen_day()
        version = data_version(self._reader)
        if (
            not force
            and version == self._seen_version
            and day == self._seen_day
            and now - self._seen_at < STALE_MS
        ):
            return None
        self._seen_version, self._seen_at, self._seen_day = version, now, day
        reader, event, live = self._reader, self.context.event, self.live
        chosen = self.chosen_session

        def job(context: TaskContext) -> tuple[Snapshot, list[object]]:
            shot = snapshot(reader, event, day, now, live)
            session = chosen
            if session is None or session not in {room.session_id for room in shot.rooms}:
                session = shot.rooms[0].session_id if shot.rooms else None
            people: list[object] = list(roll_call(reader, session)) if session else []
            return shot, [session, people]

        task = Task(job, label="dashboard")
        task.signals.finished.connect(self._done)
        task.signals.failed.connect(self._failed)
        self.task = task
        self.runner.start(task)
        return task

    def _failed(self, message: str) -> None:
        if sent_by(self, self.task):
            self.task = None
            self.updated_label.setText("✖ " + message)

    def _done(self, result: tuple[Snapshot, list[object]]) -> None:
        if not sent_by(self, self.task):
            return
        self.task = None
        shot, (session, people) = result
        self.show_snapshot(shot)
        self.chosen_session = session if isinstance(session, str) else None
        self.roll_model.set_people(people)  # type: ignore[arg-type]
        self._select_room(self.chosen_session)
        self._roll_title()
        self.updated.emit(shot)

    def show_snapshot(self, shot: Snapshot) -> None:
        self.snapshot = shot
        self.rooms_model.language = self.context.languages.language
        self.rooms_model.set_rooms(shot.rooms)
        self.counts_model.set_sessions(shot.sessions)
        self._headline()
        self._draw_arrivals()
        self._draw_rooms()

    # --- showing -----------------------------------------------------------------------------

    def _headline(self) -> None:
        shot = self.snapshot
        if shot is None:
            self.headline.setText(self.tr("Loading…"))
            return
        checked, registered = f"{shot.checked_in:,}", f"{shot.attendees:,}"
        if shot.attendees:
            share = round(100 * shot.checked_in / shot.attendees)
            self.headline.setText(
                self.tr("{checked} of {registered} registered people checked in ({share}%)").format(
                    checked=checked, registered=registered, share=share
                )
            )
        else:
            self.headline.setText(self.tr("No one is registered yet: import the roster first"))
        self.headline.setAccessibleName(self.headline.text())
        # With nobody registered there is nothing to measure: no bar (an empty range would draw
        # a misleading "0 of 1"); the headline says what to do.
        self.meter.setVisible(shot.attendees > 0)
        # The bar's own text says the real numbers (its range cannot be empty).
        self.meter.setRange(0, max(1, shot.attendees))
        self.meter.setValue(min(shot.checked_in, max(1, shot.attendees)))
        self.meter.setFormat(
            self.tr("{checked} of {registered} checked in").format(
                checked=checked, registered=registered
            )
        )
        moment = from_ms(shot.now_ms, self.context.event.tz).strftime("%H:%M:%S")
        self.updated_label.setText(self.tr("Updated at {time}").format(time=moment))

    def _font(self, scale: float = 1.0) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * scale))
        return font

    def _build_charts(self) -> None:
        """The charts' series and axes, made once and refilled at each refresh."""
        chart = self.arrivals_chart
        self.arrivals_set = QBarSet("")
        self.arrivals_set.setColor(QColor(ARRIVALS_COLOUR))
        self.arrivals_series = QBarSeries()
        self.arrivals_series.append(self.arrivals_set)
        self.arrivals_series.setBarWidth(0.9)
        chart.addSeries(self.arrivals_series)
        self.arrivals_x = QCategoryAxis()
        self.arrivals_x.setLabelsPosition(
            QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue
        )
        self.arrivals_x.setTruncateLabels(False)
        self.arrivals_y = QValueAxis()
        self.arrivals_y.setLabelFormat("%d")
        chart.addAxis(self.arrivals_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.arrivals_y, Qt.AlignmentFlag.AlignLeft)
        self.arrivals_series.attachAxis(self.arrivals_x)
        self.arrivals_series.attachAxis(self.arrivals_y)

        chart = self.rooms_chart
        self.room_sets: dict[str, QBarSet] = {}
        self.rooms_series = QHorizontalStackedBarSeries()
        for state in (SPACE, NEAR, FULL):
            bar_set = QBarSet("")
            colour = STATE_COLOURS[state][0] if state != SPACE else "#0a6b2d"
            bar_set.setColor(QColor(colour))
            self.room_sets[state] = bar_set
            self.rooms_series.append(bar_set)
        chart.addSeries(self.rooms_series)
        self.rooms_y = QBarCategoryAxis()
        self.rooms_y.setTruncateLabels(False)
        self.rooms_x = QValueAxis()
        self.rooms_x.setLabelFormat("%d%%")
        chart.addAxis(self.rooms_y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self.rooms_x, Qt.AlignmentFlag.AlignBottom)
        self.rooms_series.attachAxis(self.rooms_y)
        self.rooms_series.attachAxis(self.rooms_x)
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    def _draw_arrivals(self) -> None:
        shot = self.snapshot
        chart = self.arrivals_chart
        chart.setTitle(self.tr("Arrivals per 15 minutes"))
        chart.setTitleFont(self._font(1.0))
        self.arrivals_set.setLabel(self.tr("Arrivals"))
        self.arrivals_y.setTitleText(self.tr("People"))
        self.arrivals_y.setLabelsFont(self._font(0.8))
        self.arrivals_y.setTitleFont(self._font(0.8))
        self.arrivals_x.setLabelsFont(self._font(0.75))
        if shot is None:
            return
        tz = self.context.event.tz
        self.arrivals_set.remove(0, self.arrivals_set.count())
        for label in self.arrivals_x.categoriesLabels():
            self.arrivals_x.remove(label)
        for index, (start, count) in enumerate(shot.buckets):
            self.arrivals_set.append(count)
            moment = from_ms(start, tz)
            if moment.minute == 0:
                self.arrivals_x.append(moment.strftime("%H:%M"), index - 0.5)
        self.arrivals_x.setRange(-0.5, max(0.5, len(shot.buckets) - 0.5))
        self.arrivals_y.setRange(0, max([4, *(count for _, count in shot.buckets)]))
        self.arrivals_y.applyNiceNumbers()

    def _draw_rooms(self) -> None:
        shot = self.snapshot
        chart = self.rooms_chart
        chart.setTitle(self.tr("People inside each room, % of capacity"))
        chart.setTitleFont(self._font(1.0))
        names = {
            SPACE: self.tr("Space left"),
            NEAR: self.tr("Near capacity (90% or more)"),
            FULL: self.tr("Full"),
        }
        for state, bar_set in self.room_sets.items():
            bar_set.setLabel(names[state])
        chart.legend().setFont(self._font(0.8))
        self.rooms_y.setLabelsFont(self._font(0.8))
        self.rooms_x.setLabelsFont(self._font(0.8))
        if shot is None:
            return
        rooms = [room for room in shot.rooms if room.capacity][:12]
        rooms.reverse()  # the fullest at the top
        for state, bar_set in self.room_sets.items():
            bar_set.remove(0, bar_set.count())
            for room in rooms:
                bar_set.append(round(100 * (room.share or 0.0)) if room.state == state else 0)
        self.rooms_y.clear()
        self.rooms_y.append([room.room for room in rooms] or [""])
        self.rooms_x.setRange(0, max([100, *(round(100 * (r.share or 0)) for r in rooms)]))

    def _text_size_changed(self) -> None:
        fit_rows(self.rooms, self.counts, self.roll)
        self._roll_rows()
        self._style_charts()

    def _roll_rows(self) -> None:
        """The roll call always shows at least ROLL_CALL_ROWS people: on a laptop's screen the
        dashboard scrolls to it rather than squeeze it to a row or two."""
        rows = self.roll.verticalHeader().defaultSectionSize() * ROLL_CALL_ROWS
        header = self.roll.horizontalHeader().sizeHint().height()
        frame = 2 * self.roll.frameWidth() + self.roll.horizontalScrollBar().sizeHint().height()
        self.roll.setMinimumHeight(rows + header + frame)

    def _style_charts(self) -> None:
        self._draw_arrivals()
        self._draw_rooms()

    def _select_room(self, session_id: str | None) -> None:
        for row, room in enumerate(self.rooms_model.rooms):
            if room.session_id == session_id:
                self.rooms.selectionModel().blockSignals(True)
                self.rooms.selectRow(row)
                self.rooms.selectionModel().blockSignals(False)
                return

    def _room_chosen(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        rows = self.rooms.selectionModel().selectedRows()
        room = self.rooms_model.room_at(rows[0].row()) if rows else None
        if room is None:
            return
        self.chosen_session = room.session_id
        self.roll_model.set_people(roll_call(self.context.conn, room.session_id))
        self._roll_title()

    def _roll_title(self) -> None:
        room = next(
            (r for r in self.rooms_model.rooms if r.session_id == self.chosen_session), None
        )
        if room is None:
            self.roll_title.setText(self.tr("Choose a room to see who is inside."))
            return
        self.roll_title.setText(
            self.tr(
                "Inside {room} now ({session}): %n people", "", self.roll_model.rowCount()
            ).format(room=room.room, session=room.session_id)
        )
        self.roll_title.setAccessibleName(self.roll_title.text())

    # --- language ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.day_label.setText(self.tr("&Day"))
        self.day.setAccessibleName(self.tr("Day shown"))
        self.meter.setAccessibleName(self.tr("People checked in"))
        self.arrivals_box.setTitle(self.tr("Arrivals"))
        self.arrivals_view.setAccessibleName(self.tr("Chart of arrivals per 15 minutes"))
        self.rooms_box.setTitle(self.tr("Rooms"))
        self.table_box.setTitle(self.tr("Rooms against capacity"))
        self.rooms_view.setAccessibleName(self.tr("Chart of people inside each room"))
        self.rooms.setAccessibleName(self.tr("Rooms against capacity"))
        self.roll_box.setTitle(self.tr("Roll-call for evacuation"))
        self.roll.setAccessibleName(self.tr("People inside the chosen room"))
        self.counts_box.setTitle(self.tr("Sessions"))
        self.counts.setAccessibleName(self.tr("Entered and inside per session"))
        for model in (self.rooms_model, self.counts_model, self.roll_model):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        self.rooms_model.language = self.context.languages.language
        self.rooms.viewport().update()
        self._headline()
        self._style_charts()
        self._roll_title()

    def close_reader(self) -> None:
        self.timer.stop()
        if self.task is not None:
            self.task.done.wait(5)
        self._reader.close()


__all__ = ["NO_LIMIT", "DashboardView"]
