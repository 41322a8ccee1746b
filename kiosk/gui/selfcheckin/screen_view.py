"""The self check-in kiosk screen: the pages in a stack, the bar of every page, the idle watch.

The shell builds it as `SelfCheckinScreen(context)` and connects the wedge scanner and the camera
to `handle_scan`. Everything the person did lives in `KioskFlow`; `refresh()` shows it, and every
page that is not showing is emptied, so nothing of a person lingers in a hidden widget.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from kiosk.gui.selfcheckin.chrome_view import IdleWarningBar, NavigationBar, StaffCalledBanner
from kiosk.gui.selfcheckin.confirm_view import ConfirmPage
from kiosk.gui.selfcheckin.find_view import FindYourselfPage
from kiosk.gui.selfcheckin.finding import FindBy, LookupThrottle
from kiosk.gui.selfcheckin.flow import KioskFlow, Step
from kiosk.gui.selfcheckin.idle import IDLE_MS, WARNING_MS, ActivityFilter, IdleWatch
from kiosk.gui.selfcheckin.print_bridge import PrintBridge
from kiosk.gui.selfcheckin.printing_view import PrintingPage
from kiosk.gui.selfcheckin.refusal_view import RefusalPage
from kiosk.gui.selfcheckin.today_model import TodaySessionsModel
from kiosk.gui.selfcheckin.today_view import TodayPage
from kiosk.gui.selfcheckin.welcome_view import WelcomePage
from kiosk.gui.selfcheckin.widgets import Page, announce, kiosk_style
from kiosk.gui.shell.context import AppContext


class SelfCheckinScreen(QWidget):
    """The attendees' kiosk. `handle_scan(code)` takes every scan, at any step."""

    def __init__(
        self,
        context: AppContext,
        *,
        idle_ms: int = IDLE_MS,
        warning_ms: int = WARNING_MS,
        printer: PrintBridge | None = None,
        default_language: str | None = None,
        throttle: LookupThrottle | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("selfCheckin")
        self.prefs = context.prefs
        self.languages = context.languages
        self.printer = printer or PrintBridge(parent=self)
        self.flow = KioskFlow(
            conn=context.conn,
            event=context.event,
            service=context.checkins,
            db_path=context.db_path,
            prefs=context.prefs,
            languages=context.languages,
            default_language=default_language or context.languages.language,
            clock=context.clock,
            printer=self.printer,
            throttle=throttle,
            parent=self,
        )
        self.model = TodaySessionsModel(self)
        self._shown_sessions: object = None

        def language() -> str:
            return self.languages.language

        self.welcome_page = WelcomePage(context.event.name)
        self.find_page = FindYourselfPage()
        self.confirm_page = ConfirmPage()
        self.refusal_page = RefusalPage(language)
        self.printing_page = PrintingPage()
        self.today_page = TodayPage(self.model, language)
        self.pages: dict[Step, Page] = {
            Step.WELCOME: self.welcome_page,
            Step.FIND: self.find_page,
            Step.CONFIRM: self.confirm_page,
            Step.REFUSED: self.refusal_page,
            Step.PRINTING: self.printing_page,
            Step.TODAY: self.today_page,
        }
        self.stack = QStackedWidget()
        self.stack.setObjectName("selfCheckinPages")
        for page in self.pages.values():
            self.stack.addWidget(page)
        self.staff_banner = StaffCalledBanner()
        self.staff_banner.hide()
        # The idle warning floats over the lower part of the page, just above the bar, so that
        # showing it never moves or squeezes the page.
        self.idle_bar = IdleWarningBar(self)
        self.idle_bar.hide()
        self.nav = NavigationBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.staff_banner)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.nav)

        self.idle = IdleWatch(idle_ms, warning_ms, self)
        self._activity = ActivityFilter(self, self.idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._activity)
        self._focus_before_warning: QWidget | None = None
        self._wait_timer = QTimer(self)
        self._wait_timer.setSingleShot(True)
        self._wait_timer.timeout.connect(self.refresh)
        self._shown: tuple[Step, bool] | None = None  # the page (and its state) focus went to

        self._connect()
        self._set_tab_order()
        self._apply_style()
        self.refresh()

    # -- wiring ----------------------------------------------------------------------------------

    def _connect(self) -> None:
        flow = self.flow
        flow.changed.connect(self.refresh)
        flow.announce.connect(self._announce)
        self.welcome_page.language_chosen.connect(flow.choose_language)
        self.welcome_page.large_text_toggled.connect(flow.set_large_text)
        self.welcome_page.high_contrast_toggled.connect(flow.set_high_contrast)
        self.welcome_page.no_code.connect(flow.find_myself)
        self.find_page.find_by_chosen.connect(self._find_by_chosen)
        self.find_page.find_requested.connect(flow.find)
        self.confirm_page.confirmed.connect(flow.confirm)
        self.confirm_page.not_me.connect(flow.not_me)
        self.refusal_page.finished.connect(flow.done)
        self.printing_page.retry.connect(flow.retry_print)
        self.printing_page.skip.connect(flow.skip_badge)
        self.today_page.done.connect(flow.done)
        self.nav.home.connect(flow.home)
        self.nav.cancel.connect(flow.cancel)
        self.nav.call_staff.connect(flow.call_staff)
        self.nav.switch_language.connect(self._switch_language)
        self.idle.warned.connect(self._idle_warned)
        self.idle.tick.connect(self.idle_bar.set_seconds)
        self.idle.cleared.connect(self._idle_cleared)
        self.idle.expired.connect(flow.idle_expired)
        self.idle_bar.more_time.connect(self.idle.poke)
        self.prefs.changed.connect(self._apply_style)
        self.languages.changed.connect(self._language_changed)

    def _set_tab_order(self) -> None:
        """Page controls, then "More time" (over the page's foot), then the bar: as seen."""
        chain: list[QWidget] = [w for page in self.pages.values() for w in page.controls()]
        chain.append(self.idle_bar.more_button)
        chain.extend(self.nav.controls())
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- input -----------------------------------------------------------------------------------

    @Slot(str)
    def handle_scan(self, code: str) -> None:
        """A code from the wedge scanner or the camera: a fresh person's visit, at any step."""
        self.idle.poke()
        self.flow.scan(code)

    def _find_by_chosen(self, value: str) -> None:
        self.flow.set_find_by(FindBy(value))

    def _switch_language(self) -> None:
        self.flow.choose_language("en" if self.languages.language == "ko" else "ko")

    # -- showing ---------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Show the flow's state; empty every page that is not showing."""
        flow = self.flow
        visit = flow.visit
        step = flow.step
        for other, page in self.pages.items():
            if other is not step:
                page.clear()
        if step is not Step.TODAY:
            self._shown_sessions = None
        if step is Step.WELCOME:
            self.welcome_page.show_state(
                self.languages.language, self.prefs.large_text, self.prefs.high_contrast
            )
        elif step is Step.FIND:
            wait = flow.lookup_wait_s()
            self.find_page.show_state(visit.find_by, visit.find_note, wait)
            if wait > 0:
                self._wait_timer.start(math.ceil(wait * 1000))
        elif step is Step.CONFIRM:
            self.confirm_page.show_person(visit.person)
        elif step is Step.REFUSED:
            self.refusal_page.show_reason(visit.reason)
        elif step is Step.PRINTING:
            self.printing_page.show_state(
                visit.printing, visit.progress, visit.problem, visit.problem_detail
            )
        elif step is Step.TODAY:
            if self._shown_sessions is not visit.sessions:
                self._shown_sessions = visit.sessions
                self.model.set_sessions(
                    visit.sessions,
                    person_language=visit.person.language if visit.person else None,
                    main_language=flow.main_language,
                )
            self.today_page.show_state(visit.reason, visit.badge)
        self.stack.setCurrentWidget(self.pages[step])
        self.nav.show_state(self.languages.language, offer_language=step is not Step.WELCOME)
        self.staff_banner.setVisible(visit.staff_called)
        self.idle.set_armed(flow.in_use and not visit.printing)
        if self.idle_bar.isVisible():
            self._place_idle_bar()
        shown = (step, visit.problem is not None)
        if shown != self._shown:
            self._shown = shown
            self._focus_page(step)

    def _focus_page(self, step: Step) -> None:
        self.pages[step].first_focus().setFocus(Qt.FocusReason.OtherFocusReason)

    def _apply_style(self) -> None:
        self.setStyleSheet(kiosk_style(self.prefs))
        if self.idle_bar.isVisible():
            self._place_idle_bar()

    def _language_changed(self, _language: str) -> None:
        self.refresh()

    def _announce(self, key: str) -> None:
        texts = {
            "refused": self.refusal_page.spoken(),
            "find_failed": self.find_page.message.text(),
            "find_missing": self.find_page.message.text(),
            "print_failed": self.printing_page.problem_label.text(),
            "staff_called": self.staff_banner.text(),
        }
        announce(self, texts.get(key, self.today_page.badge_label.text()))

    # -- idle ------------------------------------------------------------------------------------

    def _idle_warned(self) -> None:
        self.idle_bar.set_seconds(self.idle.seconds_left())
        self._place_idle_bar()
        self.idle_bar.show()
        self.idle_bar.raise_()
        focus = QApplication.focusWidget()
        self._focus_before_warning = (
            focus if focus is not None and self.isAncestorOf(focus) else None
        )
        self.idle_bar.more_button.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self, self.idle_bar.spoken())

    def _idle_cleared(self) -> None:
        had_focus = self.idle_bar.more_button.hasFocus()
        self.idle_bar.hide()
        previous = self._focus_before_warning
        self._focus_before_warning = None
        if had_focus and previous is not None and previous.isVisible():
            previous.setFocus(Qt.FocusReason.OtherFocusReason)

    def _place_idle_bar(self) -> None:
        bar = self.idle_bar
        margin = 40
        width = self.width() - 2 * margin
        height = max(bar.sizeHint().height(), bar.heightForWidth(width))
        bar.setGeometry(margin, self.nav.y() - height, width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.idle_bar.isVisible():
            self._place_idle_bar()

    def shutdown(self) -> None:
        """Stop the print queue's worker (a badge printing now still finishes)."""
        self.idle.set_armed(False)
        self.printer.close()
