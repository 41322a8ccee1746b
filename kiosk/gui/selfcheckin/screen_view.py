"""The self check-in kiosk screen: the pages in a stack, the bar of every page, the idle watch.

The shell builds it as `SelfCheckinScreen(context)` and connects the wedge scanner and the camera
to `handle_scan`. Everything the person did lives in `KioskFlow`; `refresh()` shows it, and every
page that is not showing is emptied, so nothing of a person lingers in a hidden widget.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from kiosk.core.clock import short_moment
from kiosk.gui.door.sounds import DoorSounds
from kiosk.gui.fitting import PageScroller
from kiosk.gui.scanner import MISREAD_SHORT, typing_lands_in_a_field
from kiosk.gui.selfcheckin.chrome_view import (
    IdleWarningBar,
    NavigationBar,
    ScanNoticeBanner,
    StaffCalledBanner,
    SyncStatusLine,
    VoiceBar,
)
from kiosk.gui.selfcheckin.confirm_view import ConfirmPage
from kiosk.gui.selfcheckin.find_view import FindYourselfPage
from kiosk.gui.selfcheckin.flow import KioskFlow, Step
from kiosk.gui.selfcheckin.idle import IDLE_MS, WARNING_MS, ActivityFilter, IdleWatch
from kiosk.gui.selfcheckin.keypad import KeypadNavigator
from kiosk.gui.selfcheckin.print_bridge import PrintBridge
from kiosk.gui.selfcheckin.printing_view import PrintingPage
from kiosk.gui.selfcheckin.refusal_view import RefusalPage
from kiosk.gui.selfcheckin.today_model import TodaySessionsModel
from kiosk.gui.selfcheckin.today_view import TodayPage
from kiosk.gui.selfcheckin.voice import KioskVoice
from kiosk.gui.selfcheckin.welcome_view import WelcomePage
from kiosk.gui.selfcheckin.widgets import Page, announce, kiosk_style
from kiosk.gui.shell.context import AppContext
from kiosk.services.self_lookup import FindBy, LookupThrottle
from kiosk.store.database import DatabaseError
from kiosk.store.settings import get_setting
from kiosk.sync.state import last_sync_ms, pending_events

NOTICE_MS = 8_000  # how long a word about a misread scan stays


class SelfCheckinScreen(QWidget):
    """The attendees' kiosk. `handle_scan(code)` takes every scan, at any step."""

    staff_call = Signal()  # the person pressed Call staff (the shell tells the organisers' hub)

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
        self.context = context
        self.sounds = DoorSounds()
        self.voice = KioskVoice(context.languages.language, parent=self)
        # Only a kiosk whose voice goes to headphones may read out the visitor's name.
        self.voice.set_private_audio(get_setting(context.conn, "voice_headphones", False) is True)
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
            voice=self.voice,
            parent=self,
        )
        self.model = TodaySessionsModel(self)
        self._shown_sessions: object = None

        def language() -> str:
            return self.languages.language

        self.welcome_page = WelcomePage(context.event.name)
        self.find_page = FindYourselfPage()
        self.find_page.set_language(self.languages.language)
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
        self.scan_notice = ScanNoticeBanner()
        self.scan_notice.hide()
        self.notice_timer = QTimer(self)
        self.notice_timer.setSingleShot(True)
        self.notice_timer.setInterval(NOTICE_MS)
        self.notice_timer.timeout.connect(self.scan_notice.hide)
        # The idle warning takes its place just above the bars at the foot, where the eyes and
        # hands already are: the page gives up the empty space above its controls, so that the
        # warning never covers a button.
        self.idle_bar = IdleWarningBar(self)
        self.idle_bar.hide()
        self.voice_bar = VoiceBar()
        self.voice_bar.hide()
        self.nav = NavigationBar()
        self.sync_line = SyncStatusLine()
        self.sync_line.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.sync_line.setContentsMargins(40, 0, 40, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.staff_banner)
        layout.addWidget(self.scan_notice)
        # The pages scroll when a small screen or large text needs it; the idle warning and the
        # bars below stay on screen whatever page is open.
        self.page_scroller = PageScroller(self.stack)
        self.page_scroller.keep_in_view(self.find_page.keyboard)
        layout.addWidget(self.page_scroller, 1)
        layout.addWidget(self.idle_bar)
        layout.addWidget(self.voice_bar)
        layout.addWidget(self.nav)
        layout.addWidget(self.sync_line)

        self.idle = IdleWatch(idle_ms, warning_ms, self)
        self._activity = ActivityFilter(self, self.idle)
        # The keypad (see keypad.py): moving, choosing, Home, Cancel, Call staff and the voice.
        self.keypad = KeypadNavigator(
            self,
            {
                "home": self.flow.home,
                "cancel": self.flow.cancel,
                "call_staff": self.flow.call_staff,
                **self.voice.keypad_actions(),
            },
        )
        app = QApplication.instance()
        if app is not None:
            # Installed first, so it runs after the idle watch (the last filter installed runs
            # first): a key the keypad consumes still counts as activity.
            app.installEventFilter(self.keypad)
            app.installEventFilter(self._activity)
        self._focus_before_warning: QWidget | None = None
        self._wait_timer = QTimer(self)
        self._wait_timer.setSingleShot(True)
        self._wait_timer.timeout.connect(self.refresh)
        self._shown: tuple[Step, bool] | None = None  # the page (and its state) focus went to

        self._refreshing = False
        self._connect()
        self._set_tab_order()
        self._apply_style()
        self.refresh_sync()
        self.refresh()

    # -- wiring ----------------------------------------------------------------------------------

    def _connect(self) -> None:
        flow = self.flow
        flow.changed.connect(self.refresh)
        flow.announce.connect(self._announce)
        self.welcome_page.language_chosen.connect(flow.choose_language)
        self.welcome_page.large_text_toggled.connect(flow.set_large_text)
        self.welcome_page.high_contrast_toggled.connect(flow.set_high_contrast)
        self.nav.voice_toggled.connect(self.voice.set_enabled)
        self.voice.changed.connect(self.refresh)
        bar = self.voice_bar
        bar.repeat.connect(self.voice.repeat)
        bar.pause.connect(self.voice.pause_or_resume)
        bar.stop.connect(self.voice.stop)
        bar.slower.connect(self.voice.slower)
        bar.faster.connect(self.voice.faster)
        bar.softer.connect(self.voice.softer)
        bar.louder.connect(self.voice.louder)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.welcome_page.no_code.connect(flow.find_myself)
        self.find_page.find_by_chosen.connect(self._find_by_chosen)
        self.find_page.find_requested.connect(flow.find)
        self.find_page.choices_requested.connect(flow.offer_family_names)
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
        chain.extend(self.voice_bar.controls())
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

    @Slot(str)
    def handle_misread(self, reason: str) -> None:
        """Keys at scanner speed that made no code: say so for a few seconds (on screen, to a
        screen reader and with voice guidance), rather than stay silent. A few quick keys typed
        into a field are typing, not a misread."""
        if reason == MISREAD_SHORT and typing_lands_in_a_field():
            return
        self.idle.poke()
        self.scan_notice.show_reason(reason)
        self.notice_timer.start()
        text = self.scan_notice.text()
        announce(self, text)
        self.voice.speak_notice(text)

    def _find_by_chosen(self, value: str) -> None:
        self.flow.set_find_by(FindBy(value))

    def _switch_language(self) -> None:
        self.flow.choose_language("en" if self.languages.language == "ko" else "ko")

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """With voice guidance on, the control the person moved to is said (a page change says
        the whole page instead)."""
        if self._refreshing or new is None or not self.voice.enabled or not self.isAncestorOf(new):
            return
        name = new.accessibleName() or getattr(new, "text", lambda: "")()
        description = new.accessibleDescription()
        checked = getattr(new, "isCheckable", lambda: False)() and new.isChecked()  # type: ignore[attr-defined]
        parts = [name]
        if checked:
            parts.append(self.tr("on"))
        if description:
            parts.append(description)
        self.voice.speak_focus(". ".join(p for p in parts if p))

    # -- sync ------------------------------------------------------------------------------------

    def refresh_sync(self) -> None:
        """Read this device's last sync and the check-ins waiting to be sent (after a round)."""
        conn = self.context.conn
        try:
            at = last_sync_ms(conn)
            pending = pending_events(conn)
        except DatabaseError:
            return
        tz = self.context.event.tz
        moment = None if at is None else short_moment(at, self.context.clock(), tz)
        self.sync_line.show_state(moment, pending)

    # -- showing ---------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Show the flow's state; empty every page that is not showing."""
        self._refreshing = True
        try:
            self._show()
        finally:
            self._refreshing = False
        self._speak_page()

    def _show(self) -> None:
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
                self.languages.language,
                self.prefs.large_text,
                self.prefs.high_contrast,
            )
        elif step is Step.FIND:
            wait = flow.lookup_wait_s()
            self.find_page.show_state(
                visit.find_by,
                visit.find_note,
                wait,
                numeric=visit.find_numeric,
                number=visit.find_number,
                choices=visit.find_choices,
            )
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
        self.nav.show_state(
            self.languages.language,
            offer_language=step is not Step.WELCOME,
            voice=self.voice.enabled,
        )
        self.staff_banner.setVisible(visit.staff_called)
        self.voice_bar.setVisible(self.voice.enabled)
        available = not self.voice.enabled or self.voice.available
        self.voice_bar.show_state(self.voice.paused, available)
        self.idle.set_armed(flow.in_use and not visit.printing)
        shown = (step, visit.problem is not None)
        if shown != self._shown:
            self._shown = shown
            self._focus_page(step)

    def _focus_page(self, step: Step) -> None:
        self.pages[step].first_focus().setFocus(Qt.FocusReason.OtherFocusReason)

    def _speak_page(self) -> None:
        """With voice guidance on, say the page showing (once per change of its words)."""
        if self.voice.enabled:
            page: Any = self.stack.currentWidget()
            self.voice.speak_page(page.spoken_text())

    def spoken_page(self) -> str:
        """The words voice guidance says for the page showing now."""
        page = self.pages[self.flow.step]
        return page.spoken_text()

    def _apply_style(self) -> None:
        self.setStyleSheet(kiosk_style(self.prefs))

    def _language_changed(self, language: str) -> None:
        self.voice.set_language(language)
        self.find_page.set_language(language)
        self.refresh()

    def _announce(self, key: str) -> None:
        texts = {
            "refused": self.refusal_page.spoken(),
            "find_failed": self.find_page.message.text(),
            "find_missing": self.find_page.message.text(),
            "find_choose": self.find_page.choice_caption.text(),
            "print_failed": self.printing_page.problem_label.text(),
            "staff_called": self.staff_banner.text(),
        }
        text = texts.get(key, self.today_page.badge_label.text())
        announce(self, text)
        if key == "staff_called":
            self.sounds.play("chime")
            self.voice.speak_notice(text)
            self.staff_call.emit()

    # -- idle ------------------------------------------------------------------------------------

    def _idle_warned(self) -> None:
        self.idle_bar.set_seconds(self.idle.seconds_left())
        self.idle_bar.show()
        focus = QApplication.focusWidget()
        self._focus_before_warning = (
            focus if focus is not None and self.isAncestorOf(focus) else None
        )
        self._refreshing = True  # the warning is said whole, not the button it focuses
        try:
            self.idle_bar.more_button.setFocus(Qt.FocusReason.OtherFocusReason)
        finally:
            self._refreshing = False
        announce(self, self.idle_bar.spoken())
        self.voice.speak_notice(self.idle_bar.spoken())

    def _idle_cleared(self) -> None:
        had_focus = self.idle_bar.more_button.hasFocus()
        self.idle_bar.hide()
        previous = self._focus_before_warning
        self._focus_before_warning = None
        if had_focus and previous is not None and previous.isVisible():
            previous.setFocus(Qt.FocusReason.OtherFocusReason)

    def shutdown(self) -> None:
        """Stop the print queue's worker (a badge printing now still finishes)."""
        self.idle.set_armed(False)
        self.printer.close()
