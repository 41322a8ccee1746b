"""The organisers' console at the secretariat: dashboard, roster, programme, import, reports,
privacy, sync. One tab each (Ctrl+1 to Ctrl+7), a language switch and large text in the header,
and a reminder when the event's retention date for personal data has passed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QFont, QFontMetrics, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.clock import local_date
from kiosk.gui.fitting import ScrollingTabs
from kiosk.gui.organiser.dashboard_view import DashboardView
from kiosk.gui.organiser.desk import DeskActions, PrintWork, default_print_work
from kiosk.gui.organiser.import_wizard_view import ImportWizard
from kiosk.gui.organiser.privacy_view import PrivacyView
from kiosk.gui.organiser.programme_view import ProgrammeView
from kiosk.gui.organiser.reports_view import ReportsView
from kiosk.gui.organiser.roster_view import RosterView
from kiosk.gui.organiser.sizing import emphasise
from kiosk.gui.organiser.tasks import TaskRunner
from kiosk.gui.shell.context import AppContext
from kiosk.gui.sync.staff_call import StaffCallBanner
from kiosk.gui.sync.sync_view import SyncView
from kiosk.gui.theme import BASE_POINT_SIZE

TAB_FONT_STEP = 0.92  # the tabs' words shrink in these steps when they do not fit the width

REMINDER_STYLE = (
    "QLabel#retentionReminder { background: #fff4ce; color: #1a1a1a; "
    "border: 2px solid #8a6d00; border-radius: 6px; padding: 8px; }"
)


class OrganiserScreen(QWidget):
    """The organiser mode's screen (built by the shell with the app's context)."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        print_work: PrintWork = default_print_work,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("organiserScreen")
        self.context = context
        self.runner = TaskRunner(self)
        self.desk = DeskActions(context.conn, context.db_path, print_work=print_work)

        self.title = QLabel(context.event.name)
        self.title.setObjectName("organiserTitle")
        self.title.setWordWrap(True)  # a long event name never widens the window
        emphasise(self.title, context.prefs, 1.3)
        self.language_button = QPushButton()
        self.language_button.setObjectName("organiserLanguage")
        self.language_button.clicked.connect(self.toggle_language)
        self.large_text = QPushButton()
        self.large_text.setObjectName("organiserLargeText")
        self.large_text.setCheckable(True)
        self.large_text.setChecked(context.prefs.large_text)
        self.large_text.toggled.connect(self._large_text)
        self.reminder = QLabel()
        self.reminder.setObjectName("retentionReminder")
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet(REMINDER_STYLE)
        self.reminder.hide()
        # A kiosk's staff call (through the hub the Sync tab runs): shown over every tab.
        self.staff_banner = StaffCallBanner(context.event.tz)

        self.dashboard = DashboardView(context, self.runner)
        self.roster = RosterView(context, self.desk, self.runner)
        self.programme = ProgrammeView(context)
        self.importer = ImportWizard(context)
        self.reports = ReportsView(context, self.runner)
        self.privacy = PrivacyView(context, self.runner)
        self.sync = SyncView(context, self.runner)
        # Every tab scrolls when a laptop's screen (1366x768, 1280x800) or large text needs it,
        # but the import wizard, which fits by itself and keeps its buttons in view.
        self.tabs = ScrollingTabs()
        self.tabs.setObjectName("organiserTabs")
        for widget in (
            self.dashboard,
            self.roster,
            self.programme,
            self.importer,
            self.reports,
            self.privacy,
            self.sync,
        ):
            self.tabs.addTab(widget, "", scrolls=widget is not self.importer)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._shortcuts = []
        for number in range(self.tabs.count()):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self)
            shortcut.activated.connect(lambda n=number: self.tabs.setCurrentIndex(n))
            self._shortcuts.append(shortcut)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.large_text)
        header.addWidget(self.language_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(header)
        layout.addWidget(self.reminder)
        layout.addWidget(self.staff_banner)
        layout.addWidget(self.tabs, 1)

        self.importer.imported.connect(self._imported)
        self.programme.import_requested.connect(self.show_import)
        self.privacy.about_to_purge.connect(self.dashboard.stop)
        self.privacy.purged.connect(self._purged)
        self.privacy.state_changed.connect(self.update_reminder)
        self.sync.imported.connect(self._imported)
        self.sync.staff_called.connect(self.staff_banner.show_call)
        context.languages.changed.connect(self._language_changed)
        context.prefs.changed.connect(self._fit_tab_names)
        self.retranslate()
        self.update_reminder()
        self.roster.reload()
        self.dashboard.start()

    # --- navigation --------------------------------------------------------------------------

    def show_tab(self, widget: QWidget) -> None:
        self.tabs.setCurrentWidget(widget)

    def show_import(self, kind: str) -> None:
        self.importer.controller.kind = kind
        self.importer.kind_combo.setCurrentIndex(self.importer.kind_combo.findData(kind))
        self.show_tab(self.importer)
        self.importer.choose_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def handle_scan(self, code: str) -> bool:
        """A badge scanned at the desk opens that person's page (the shell routes scans here)."""
        from kiosk.core.model import CodeStatus
        from kiosk.services.identify import identify

        found = identify(self.context.conn, self.context.event, code)
        if found.status is not CodeStatus.VALID or found.attendee is None:
            self.roster.count.setText(
                self.tr("✖ This code is not a current badge of this event ({status}).").format(
                    status=found.status.value
                )
            )
            self.show_tab(self.roster)
            return False
        self.show_tab(self.roster)
        self.roster.search.setText(found.attendee.registration_id)
        return self.roster.select(found.attendee.registration_id)

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.dashboard:
            self.dashboard.refresh(force=True)
        elif widget is self.reports:
            self.reports.reload()
        elif widget is self.privacy:
            self.privacy.refresh()
        elif widget is self.sync:
            self.sync.refresh()

    def _imported(self, kind: str) -> None:
        if kind in ("roster", "invitations"):
            self.roster.reload()
        self.programme.reload()
        self.reports.reload()
        self.dashboard.refresh(force=True)
        self.update_reminder()

    def _purged(self, _result: object) -> None:
        self.roster.reload()
        self.programme.reload()
        self.dashboard.start()
        self.update_reminder()

    def update_reminder(self) -> None:
        """Show the retention reminder when the date has passed and personal data is held."""
        state = self.privacy.state()
        today = local_date(self.context.clock(), self.context.event.tz)
        if state.due(today) or (
            state.retention_date is None and state.attendees_with_personal_data > 0
        ):
            self.reminder.setText(self.privacy.describe(state))
            self.reminder.setAccessibleName(self.reminder.text())
            self.reminder.show()
        else:
            self.reminder.hide()

    # --- language and size -------------------------------------------------------------------

    def _large_text(self, on: bool) -> None:
        self.context.prefs.set(large_text=on)
        self.retranslate()

    def _language_changed(self, _language: str) -> None:
        self.retranslate()

    def toggle_language(self) -> None:
        languages = self.context.languages
        languages.use("en" if languages.language == "ko" else "ko")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        names = (
            self.tr("&1 Dashboard"),
            self.tr("&2 Roster"),
            self.tr("&3 Programme and invitations"),
            self.tr("&4 Import"),
            self.tr("&5 Reports and exports"),
            self.tr("&6 Privacy"),
            self.tr("&7 Sync"),
        )
        # On a narrow window (a laptop in large text, a portrait screen) the tabs take short
        # names, the whole name in their tooltips.
        short = (
            self.tr("&1 Dashboard"),
            self.tr("&2 Roster"),
            self.tr("&3 Programme"),
            self.tr("&4 Import"),
            self.tr("&5 Reports"),
            self.tr("&6 Privacy"),
            self.tr("&7 Sync"),
        )
        self._tab_names = (names, short)
        for index, name in enumerate(names):
            self.tabs.setTabToolTip(index, name.replace("&", ""))
        self._fit_tab_names()
        self.tabs.setAccessibleName(self.tr("Organiser sections"))
        # The switch names the other language in that language, so anyone can find it.
        ko = self.context.languages.language == "ko"
        self.language_button.setText("English" if ko else "한국어")
        self.language_button.setAccessibleName(
            "Switch to English" if ko else "한국어로 전환 (switch to Korean)"
        )
        on = self.large_text.isChecked()
        self.large_text.setText(("✔ " if on else "") + self.tr("Large text"))
        self.large_text.setAccessibleName(self.tr("Large text on or off"))
        self.update_reminder()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_tab_names()

    def _fit_tab_names(self) -> None:
        """The whole names when every tab fits the window's width, else the short ones."""
        names, short = getattr(self, "_tab_names", ((), ()))
        if not names:
            return
        bar = self.tabs.tabBar()
        room = self.width() - 24 - 8  # the layout's margins, the tab frame's
        font = QFont(self.font())

        def width(texts: tuple[str, ...]) -> int:
            metrics = QFontMetrics(font)
            return sum(metrics.horizontalAdvance(text.replace("&", "")) + 40 for text in texts)

        chosen = names if width(names) <= room else short
        # Not even the short names side by side (200 % text on a laptop): the tabs' words get
        # as small as it takes, never below the standard text size.
        smallest = BASE_POINT_SIZE
        while width(chosen) > room and font.pointSizeF() * TAB_FONT_STEP >= smallest:
            font.setPointSizeF(font.pointSizeF() * TAB_FONT_STEP)
        if bar.font() != font:
            bar.setFont(font)
        for index, name in enumerate(chosen):
            if self.tabs.tabText(index) != name:
                self.tabs.setTabText(index, name)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop timers and wait for background work (the window is closing)."""
        self.dashboard.stop()
        self.sync.shutdown()
        self.importer.controller.cancel()
        self.runner.wait(10_000)
        self.dashboard.close_reader()
        self.desk.close()
