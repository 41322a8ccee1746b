"""The self check-in kiosk in a real Qt window over the demo event in a real SQLite file, printing
through an in-memory CUPS (FakeCups): scan and look-up in both languages through to today's
sessions, a look-up that reveals nothing, refusals, printer failure and Retry, no printer, the idle
warning and reset (no personal text left in any widget), the keyboard alone, accessible names,
live language switching, touch targets and controls in the lower half of the screen.

Set KIOSK_SCREENSHOTS=DIR to save a picture of every step (English, Korean, large text, high
contrast) into DIR.
"""

from __future__ import annotations

import csv
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from printing_fixtures import FakeCups
from PySide6.QtCore import QAbstractListModel, QDeadlineTimer, QEvent, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QWidget,
)

from kiosk.core.clock import parse_at
from kiosk.core.messages import message_for
from kiosk.core.model import Reason
from kiosk.core.names import display_name
from kiosk.gui.selfcheckin import SelfCheckinScreen
from kiosk.gui.selfcheckin.flow import BadgeNote, KioskFlow, Step
from kiosk.gui.selfcheckin.idle import IDLE_MS, WARNING_MS
from kiosk.gui.selfcheckin.print_bridge import PrintBridge
from kiosk.gui.shell.context import AppContext, open_context
from kiosk.gui.translations import TRANSLATIONS_DIR, compile_translations
from kiosk.imports import run_import
from kiosk.printing import cups
from kiosk.services.issuing import issue_codes
from kiosk.services.self_lookup import LookupThrottle

SCREENSHOTS = os.environ.get("KIOSK_SCREENSHOTS")
SIZE = (1920, 1080)  # the default kiosk panel (21.5-inch, 1920x1080), as kiosk.a11y measures
TODAY = "2019-10-01T10:00"  # NS2 (open, Korean <-> English interpretation) is on this day


@pytest.fixture(scope="module", autouse=True)
def compiled_translations() -> None:
    """The Korean .qm files, compiled from the .ts sources when missing or older."""
    sources = sorted(TRANSLATIONS_DIR.glob("*.ts"))
    if any(
        not s.with_suffix(".qm").exists()
        or s.with_suffix(".qm").stat().st_mtime < s.stat().st_mtime
        for s in sources
    ):
        compile_translations()


def roster(demo_dir: Path) -> dict[str, dict[str, str]]:
    with open(demo_dir / "roster.csv", encoding="utf-8") as handle:
        return {row["registration_id"]: row for row in csv.DictReader(handle)}


class Throttle(LookupThrottle):
    """The look-up brake on a clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0
        super().__init__(clock=lambda: self.now)


@dataclass
class Kiosk:
    screen: SelfCheckinScreen
    context: AppContext
    codes: dict[str, str]
    people: dict[str, dict[str, str]]
    cups: FakeCups
    throttle: Throttle
    gate: threading.Event

    def hold_printing(self) -> None:
        """Jobs wait inside `lp` (the printer is busy) until `release_printing`."""
        self.gate = threading.Event()
        gate = self.gate
        self.cups.on_submit[:] = [lambda job: gate.wait(30)]

    def release_printing(self) -> None:
        self.gate.set()
        self.cups.on_submit.clear()
        assert self.screen.printer.queue.wait_idle(30)

    @property
    def flow(self) -> KioskFlow:
        return self.screen.flow

    def scan(self, registration_id: str) -> None:
        self.screen.handle_scan(self.codes[registration_id])
        settle()

    def use(self, language: str) -> None:
        self.context.languages.use(language)
        settle()

    def checkins(self) -> list[tuple[str | None, str]]:
        return self.context.conn.execute(
            "SELECT registration_id, reason FROM checkins WHERE session_id IS NULL ORDER BY id"
        ).fetchall()

    def name_of(self, registration_id: str) -> str:
        row = self.people[registration_id]
        return display_name(row["family_name"], row["given_name"])


def settle() -> None:
    """Deliver posted events (LanguageChange, queued signals from the print worker)."""
    QApplication.processEvents()
    QApplication.processEvents()


def make_kiosk(qtbot, qapp, event_db, db_path, demo_dir, **options) -> Iterator[Kiosk]:
    from kiosk.gui.fonts import register_fonts

    register_fonts(qapp)
    font = QFont(qapp.font())
    for kind in ("programme", "roster", "invitations"):
        assert not run_import(event_db.conn, kind, demo_dir / f"{kind}.csv").errors
    fake = FakeCups("PDF", default="PDF")
    previous = cups.set_runner(fake)
    context = open_context(qapp, db_path, "ko")
    at = parse_at(TODAY, context.event.tz)
    context.clock = lambda: at
    codes = dict(issue_codes(context.conn, None))
    throttle = Throttle()
    screen = SelfCheckinScreen(context, throttle=throttle, **options)
    qtbot.addWidget(screen)
    screen.resize(*SIZE)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    kiosk = Kiosk(screen, context, codes, roster(demo_dir), fake, throttle, threading.Event())
    try:
        yield kiosk
    finally:
        kiosk.release_printing()
        screen.shutdown()
        context.languages.use("en")
        context.prefs.reset()
        settle()
        screen.close()
        screen.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qapp.setStyleSheet("")
        qapp.setFont(font)
        cups.set_runner(previous)
        context.conn.close()


@pytest.fixture
def kiosk(qtbot, qapp, event_db, db_path, demo_dir) -> Iterator[Kiosk]:
    yield from make_kiosk(qtbot, qapp, event_db, db_path, demo_dir)


@pytest.fixture
def quick_idle(qtbot, qapp, event_db, db_path, demo_dir) -> Iterator[Kiosk]:
    """A kiosk whose idle wait is short: the warning after 0.6 s, the reset 1.2 s later."""
    yield from make_kiosk(qtbot, qapp, event_db, db_path, demo_dir, idle_ms=1800, warning_ms=1200)


# -- looking at the widget tree ------------------------------------------------------------------


def all_widgets(root: QWidget) -> list[QWidget]:
    return [root, *root.findChildren(QWidget)]


def model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []
    user = Qt.ItemDataRole.UserRole.value
    roles = [
        Qt.ItemDataRole.DisplayRole.value,
        Qt.ItemDataRole.AccessibleTextRole.value,
        Qt.ItemDataRole.ToolTipRole.value,
        *range(user, user + 8),
    ]
    for row in range(model.rowCount(QModelIndex())):
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
        for column in range(columns):
            index = model.index(row, column)
            for role in roles:
                value = index.data(role)
                if value is not None:
                    texts.append(str(value))
    return texts


def every_text(root: QWidget) -> list[str]:
    """Every string any widget holds: shown, spoken (accessible) or hidden away."""
    texts: list[str] = []
    for widget in all_widgets(root):
        texts += [
            widget.accessibleName(),
            widget.accessibleDescription(),
            widget.toolTip(),
            widget.statusTip(),
            widget.whatsThis(),
            widget.windowTitle(),
        ]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText(), widget.displayText()]
        if isinstance(widget, QAbstractItemView):
            texts += model_texts(widget)
    return [t for t in texts if t]


def visible_texts(root: QWidget, *, typed: bool = True) -> list[str]:
    """What a person sees: visible labels, buttons, list rows and (`typed`) fields."""
    texts: list[str] = []
    for widget in all_widgets(root):
        if not widget.isVisibleTo(root):
            continue
        shown = isinstance(widget, QLabel | QAbstractButton)
        if (shown or (typed and isinstance(widget, QLineEdit))) and widget.text():
            texts.append(widget.text())
        elif isinstance(widget, QAbstractItemView):
            model = widget.model()
            texts += [
                str(model.index(row, 0).data()) for row in range(model.rowCount(QModelIndex()))
            ]
    return texts


def personal_strings(person: dict[str, str], code: str) -> list[str]:
    values = [
        display_name(person["family_name"], person["given_name"]),
        person["given_name"],
        person["name_local"],
        person["organization"],
        person["email"],
        person["registration_id"],
        code,
    ]
    return [v for v in values if v and len(v) >= 3]


def leaks(root: QWidget, strings: list[str]) -> list[str]:
    found = []
    for text in every_text(root):
        for value in strings:
            if value.casefold() in text.casefold():
                found.append(f"{value!r} in {text!r}")
    return found


def interactive(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in all_widgets(root)
        if isinstance(w, QAbstractButton | QLineEdit | QAbstractItemView)
        or (w.focusPolicy() & Qt.FocusPolicy.TabFocus and w is not root)
    ]


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def key(k: Qt.Key) -> None:
    QTest.keyClick(focus(), k)
    settle()


def wait_step(qtbot, kiosk: Kiosk, step: Step) -> None:
    qtbot.waitUntil(lambda: kiosk.flow.step is step, timeout=10_000)
    settle()


def print_and_finish(qtbot, kiosk: Kiosk) -> None:
    kiosk.screen.confirm_page.yes_button.click()
    wait_step(qtbot, kiosk, Step.TODAY)


# -- the flow, by scan and by look-up, in both languages -----------------------------------------


def test_scan_in_korean_prints_the_badge_and_shows_today_then_back_to_welcome(qtbot, kiosk):
    screen = kiosk.screen
    assert screen.stack.currentWidget() is screen.welcome_page
    assert screen.welcome_page.title.text() == "환영합니다"

    kiosk.scan("X-0101")  # KIM Minji, Korean
    assert kiosk.flow.step is Step.CONFIRM
    assert screen.confirm_page.title.text() == "본인이 맞습니까?"
    assert screen.confirm_page.name_label.text() == "KIM Minji"
    assert screen.confirm_page.local_name_label.text() == "김민지"
    assert screen.confirm_page.affiliation_label.text() == "Gwangju Inkkotjigi"
    assert kiosk.checkins() == []  # nothing recorded before the person confirms

    print_and_finish(qtbot, kiosk)
    assert kiosk.checkins() == [("X-0101", "admitted")]
    assert len(kiosk.cups.jobs) == 1
    assert kiosk.flow.visit.badge is BadgeNote.PRINTED
    assert "명찰이 인쇄되었습니다" in screen.today_page.badge_label.text()
    assert (
        screen.today_page.welcome_label.text() == message_for(Reason.ADMITTED, arrival=True)["ko"]
    )
    rows = model_texts(screen.today_page.list)
    assert rows[0].splitlines() == [
        "16:00–18:30   212+213호, Kimdaejung Convention Center",
        "인권활동가 워크숍",
        "통역: 한국어 ↔ 영어 — 수신기는 안내 데스크에 있습니다",
    ]
    printed = kiosk.context.conn.execute(
        "SELECT status FROM badge_prints WHERE registration_id = 'X-0101'"
    ).fetchall()
    assert printed == [("printed",)]

    screen.today_page.done_button.click()
    settle()
    assert kiosk.flow.step is Step.WELCOME
    assert kiosk.context.languages.language == "ko"


def test_a_scan_follows_the_persons_language_and_the_next_person_gets_the_default(qtbot, kiosk):
    screen = kiosk.screen
    kiosk.scan("X-0102")  # GARCÍA Lucía, English
    assert kiosk.context.languages.language == "en"
    assert screen.confirm_page.title.text() == "Is this you?"
    assert screen.confirm_page.name_label.text() == "GARCÍA Lucía"
    assert screen.nav.home_button.text().endswith("Home")

    print_and_finish(qtbot, kiosk)
    assert screen.today_page.title.text() == "Your sessions today"
    assert model_texts(screen.today_page.list)[0].splitlines() == [
        "16:00–18:30   Room 212+213, Kimdaejung Convention Center",
        "Human Rights Activists Workshop",
        "Interpretation: Korean ↔ English — please take a receiver at the desk",
    ]
    screen.today_page.done_button.click()
    settle()
    assert kiosk.context.languages.language == "ko"
    assert screen.welcome_page.title.text() == "환영합니다"


def test_a_language_the_person_chose_is_kept_after_the_scan(qtbot, kiosk):
    screen = kiosk.screen
    screen.welcome_page.language_buttons["en"].click()
    settle()
    kiosk.scan("X-0101")  # Korean on the roster, but the person asked for English
    assert kiosk.context.languages.language == "en"
    assert screen.confirm_page.title.text() == "Is this you?"


@pytest.mark.parametrize(
    "language, by_email, family, other",
    [
        ("ko", False, "kim", "x-0101"),  # typed in lower case
        ("ko", True, "Kim", " Minji.Kim@Example.org "),
        ("en", False, "KIM", "ㅌ-0101"),  # the Korean IME still on: ㅌ is the X key
        ("en", True, "KIM", "minji.kim@example.org"),
    ],
)
def test_look_up_by_two_facts_through_to_today(qtbot, kiosk, language, by_email, family, other):
    screen = kiosk.screen
    if language != "ko":
        screen.welcome_page.language_buttons[language].click()
        settle()
    screen.welcome_page.no_code_button.click()
    settle()
    page = screen.find_page
    assert kiosk.flow.step is Step.FIND
    if by_email:
        page.by_email.click()
        settle()
        assert page.other_label.text() == ("이메일 주소" if language == "ko" else "E-mail address")
    QTest.keyClicks(page.family_field, family)
    page.other_field.setText(other)
    page.find_button.click()
    settle()
    assert kiosk.flow.step is Step.CONFIRM
    assert screen.confirm_page.name_label.text() == "KIM Minji"
    assert kiosk.context.languages.language == language  # a look-up keeps the chosen language
    assert page.family_field.text() == "" and page.other_field.text() == ""

    print_and_finish(qtbot, kiosk)
    assert kiosk.checkins() == [("X-0101", "admitted")]
    expected = "인권활동가 워크숍" if language == "ko" else "Human Rights Activists Workshop"
    assert model_texts(screen.today_page.list)[0].splitlines()[1] == expected
    screen.today_page.done_button.click()
    settle()
    assert kiosk.flow.step is Step.WELCOME
    assert kiosk.context.languages.language == "ko"


def test_a_wrong_look_up_reveals_nothing(kiosk):
    screen = kiosk.screen
    screen.welcome_page.no_code_button.click()
    settle()
    page = screen.find_page
    messages = []
    for family, registration in (
        ("KIM", "X-0102"),  # a real number with another person's family name
        ("LEE", "X-0101"),  # a real number, the wrong family name
        ("KIM", "X-9999"),  # no such number
    ):
        kiosk.throttle.succeeded()  # compare the plain answers (no wait after many misses)
        page.family_field.setText(family)
        page.other_field.setText(registration)
        page.find_button.click()
        settle()
        assert kiosk.flow.step is Step.FIND
        messages.append(page.message.text())
    kiosk.throttle.succeeded()
    page.by_email.click()
    page.family_field.setText("GARCÍA")
    page.other_field.setText("minji.kim@example.org")  # a registered address, someone else's
    page.find_button.click()
    settle()
    messages.append(page.message.text())

    page.family_field.setText("")  # what was typed is the person's own
    page.other_field.setText("")
    assert len(set(messages)) == 1
    assert messages[0] == (
        "입력하신 정보와 일치하는 등록을 찾을 수 없습니다. "
        "다시 확인하시거나 스태프에게 문의해 주세요."
    )
    others = [
        value
        for rid, person in kiosk.people.items()
        for value in (
            kiosk.name_of(rid),
            person["given_name"],
            person["name_local"],
            person["organization"],
        )
        if value and len(value) >= 3
    ]
    assert leaks(screen, others) == []
    assert kiosk.checkins() == []


def test_wrong_look_ups_in_a_row_slow_down_the_next_try(kiosk):
    screen = kiosk.screen
    screen.welcome_page.no_code_button.click()
    settle()
    page = screen.find_page
    for _ in range(LookupThrottle.FREE_TRIES):
        page.family_field.setText("KIM")
        page.other_field.setText("X-0000")
        page.find_button.click()
        settle()
    assert not page.find_button.isEnabled()
    assert "5초 후에" in page.message.text()
    # Cancel does not reset the brake: it is the kiosk's, not the visit's.
    screen.nav.cancel_button.click()
    screen.welcome_page.no_code_button.click()
    settle()
    assert not screen.find_page.find_button.isEnabled()
    kiosk.throttle.now += 6
    screen.refresh()
    assert page.find_button.isEnabled()
    page.family_field.setText("KIM")
    page.other_field.setText("X-0101")
    page.find_button.click()
    settle()
    assert kiosk.flow.step is Step.CONFIRM
    assert kiosk.throttle.failures == 0


def test_both_fields_are_needed(kiosk):
    screen = kiosk.screen
    screen.welcome_page.no_code_button.click()
    settle()
    screen.find_page.family_field.setText("KIM")
    screen.find_page.find_button.click()
    settle()
    assert screen.find_page.message.text() == "두 칸을 모두 입력해 주세요."
    assert kiosk.throttle.failures == 0


def test_this_is_not_me_records_nothing(kiosk):
    kiosk.scan("X-0101")
    kiosk.screen.confirm_page.not_me_button.click()
    settle()
    assert kiosk.flow.step is Step.WELCOME
    assert kiosk.checkins() == []
    assert kiosk.cups.jobs == {}
    assert (
        leaks(kiosk.screen, personal_strings(kiosk.people["X-0101"], kiosk.codes["X-0101"])) == []
    )


def test_badge_privacy_hides_the_organisation(kiosk):
    kiosk.scan("X-0104")  # NGUYEN Thi Lan asked for badge privacy
    assert kiosk.screen.confirm_page.name_label.text() == "NGUYEN Thi Lan"
    assert leaks(kiosk.screen, ["Independent researcher", "Viet Nam"]) == []


@pytest.mark.parametrize("by_look_up", [False, True])
def test_a_cancelled_registration_is_refused_politely_and_nothing_printed(kiosk, by_look_up):
    screen = kiosk.screen
    if by_look_up:
        screen.welcome_page.no_code_button.click()
        screen.find_page.by_email.click()
        settle()
        screen.find_page.family_field.setText("Okafor")
        screen.find_page.other_field.setText("chidi.okafor@example.org")
        screen.find_page.find_button.click()
    else:
        screen.handle_scan(kiosk.codes["X-0105"])
    settle()
    assert kiosk.flow.step is Step.REFUSED
    message = message_for(Reason.CANCELLED)
    page = screen.refusal_page
    assert page.primary.text() == message["ko"]
    assert page.secondary.text() == message["en"]
    assert "안내 데스크" in page.primary.text()
    assert leaks(screen, personal_strings(kiosk.people["X-0105"], kiosk.codes["X-0105"])) == []
    assert kiosk.cups.jobs == {}
    assert kiosk.checkins() == [("X-0105", "cancelled")]
    assert kiosk.context.conn.execute("SELECT COUNT(*) FROM badge_prints").fetchone() == (0,)
    page.done_button.click()
    settle()
    assert kiosk.flow.step is Step.WELCOME


def test_a_code_that_is_not_a_badge_is_refused(kiosk):
    kiosk.screen.handle_scan("HELLO-WORLD")
    settle()
    assert kiosk.flow.step is Step.REFUSED
    assert kiosk.screen.refusal_page.primary.text() == message_for(Reason.INVALID_CODE)["ko"]
    assert kiosk.checkins() == [(None, "invalid_code")]


def test_a_badge_printed_before_is_not_printed_again(qtbot, kiosk):
    kiosk.scan("X-0101")
    print_and_finish(qtbot, kiosk)
    kiosk.scan("X-0101")
    kiosk.screen.confirm_page.yes_button.click()
    settle()
    assert kiosk.flow.step is Step.TODAY
    assert kiosk.flow.visit.badge is BadgeNote.ALREADY_PRINTED
    assert len(kiosk.cups.jobs) == 1
    assert kiosk.checkins() == [("X-0101", "admitted"), ("X-0101", "readmitted")]
    welcome_back = message_for(Reason.READMITTED, arrival=True)["ko"]
    assert kiosk.screen.today_page.welcome_label.text() == welcome_back


def test_a_scan_at_any_step_starts_a_fresh_person(qtbot, kiosk):
    screen = kiosk.screen
    kiosk.scan("X-0102")  # English
    screen.flow.set_large_text(True)
    kiosk.scan("X-0101")  # the next person, Korean
    assert kiosk.flow.step is Step.CONFIRM
    assert not kiosk.context.prefs.large_text
    assert kiosk.context.languages.language == "ko"
    assert leaks(screen, personal_strings(kiosk.people["X-0102"], kiosk.codes["X-0102"])) == []
    assert screen.confirm_page.name_label.text() == "KIM Minji"


# -- printing ------------------------------------------------------------------------------------


def test_printer_failure_says_so_and_retry_prints(qtbot, kiosk):
    screen = kiosk.screen
    kiosk.cups.disable("PDF")
    kiosk.scan("X-0102")
    screen.confirm_page.yes_button.click()
    page = screen.printing_page
    qtbot.waitUntil(lambda: page.failed, timeout=10_000)
    settle()
    assert kiosk.checkins() == [("X-0102", "admitted")]  # checked in, badge pending
    assert page.title.text() == "Your badge could not be printed"
    assert page.problem_label.text() == "The badge printer is paused."
    assert "information desk" in page.desk_label.text()
    assert "paused" in page.detail_label.text()
    assert page.retry_button.isVisible() and page.skip_button.isVisible()
    assert focus() is page.retry_button
    assert kiosk.cups.jobs == {}

    kiosk.cups.enable("PDF")
    page.retry_button.click()
    wait_step(qtbot, kiosk, Step.TODAY)
    assert kiosk.flow.visit.badge is BadgeNote.PRINTED
    assert len(kiosk.cups.jobs) == 1
    assert "take it from the printer" in screen.today_page.badge_label.text()


def test_a_printer_failure_can_be_left_to_the_desk(qtbot, kiosk):
    kiosk.cups.disable("PDF", "Out of labels")
    kiosk.scan("X-0101")
    kiosk.screen.confirm_page.yes_button.click()
    qtbot.waitUntil(lambda: kiosk.screen.printing_page.failed, timeout=10_000)
    kiosk.screen.printing_page.skip_button.click()
    settle()
    assert kiosk.flow.step is Step.TODAY
    assert kiosk.flow.visit.badge is BadgeNote.SKIPPED
    assert "안내 데스크" in kiosk.screen.today_page.badge_label.text()


@pytest.mark.parametrize("setup", ["no_printers", "cups_not_installed"])
def test_a_kiosk_without_a_printer_says_so_and_shows_the_sessions(qtbot, kiosk, setup):
    if setup == "no_printers":
        kiosk.cups.printers.clear()
        kiosk.cups.default = None
    else:
        kiosk.cups.installed = False
    kiosk.scan("X-0102")
    print_and_finish(qtbot, kiosk)
    assert kiosk.flow.visit.badge is BadgeNote.NO_PRINTER
    assert kiosk.screen.today_page.badge_label.text() == (
        "ⓘ  This kiosk has no badge printer. Please collect your badge at the information desk."
    )
    assert kiosk.screen.model.rowCount() == 1
    assert kiosk.checkins() == [("X-0102", "admitted")]


def test_printing_runs_off_the_ui_thread(qtbot, kiosk):
    """While the printer works the screen answers: the job is held inside `lp` until released."""
    kiosk.hold_printing()
    kiosk.scan("X-0101")
    kiosk.screen.confirm_page.yes_button.click()
    qtbot.waitUntil(lambda: kiosk.flow.visit.progress[1] > 0, timeout=10_000)
    qtbot.wait(100)
    assert kiosk.flow.step is Step.PRINTING and kiosk.flow.visit.printing
    assert len(kiosk.cups.jobs) == 1  # sent, and the printer is still at it
    kiosk.screen.nav.staff_button.click()  # the screen still takes input
    assert kiosk.screen.staff_banner.isVisible()
    assert not kiosk.screen.idle.armed  # nobody is idle while their badge prints
    kiosk.release_printing()
    wait_step(qtbot, kiosk, Step.TODAY)
    assert kiosk.flow.visit.badge is BadgeNote.PRINTED


@pytest.fixture
def synchronous_kiosk(qtbot, qapp, event_db, db_path, demo_dir) -> Iterator[Kiosk]:
    """A kiosk whose print queue prints in the calling thread (as scripts and tests may)."""
    yield from make_kiosk(
        qtbot, qapp, event_db, db_path, demo_dir, printer=PrintBridge(synchronous=True)
    )


def test_a_synchronous_print_queue_gives_the_same_flow(synchronous_kiosk):
    kiosk = synchronous_kiosk
    kiosk.cups.disable("PDF")
    kiosk.scan("X-0101")
    kiosk.screen.confirm_page.yes_button.click()
    settle()
    assert kiosk.screen.printing_page.failed
    kiosk.cups.enable("PDF")
    kiosk.screen.printing_page.retry_button.click()
    settle()
    assert kiosk.flow.step is Step.TODAY
    assert kiosk.flow.visit.badge is BadgeNote.PRINTED


# -- idle ----------------------------------------------------------------------------------------


def test_no_time_limit_is_under_two_minutes_and_it_warns_at_least_twenty_seconds_ahead(kiosk):
    idle = kiosk.screen.idle
    assert (idle.idle_ms, idle.warning_ms) == (IDLE_MS, WARNING_MS)
    assert idle.idle_ms >= 120_000 and idle.warning_ms >= 20_000
    assert not idle.armed  # a fresh welcome screen has nothing to time out
    kiosk.scan("X-0101")
    assert idle.armed


@pytest.mark.parametrize("step", [Step.CONFIRM, Step.TODAY])
def test_idle_reset_leaves_no_personal_text_and_restores_the_defaults(qtbot, quick_idle, step):
    kiosk = quick_idle
    screen = kiosk.screen
    screen.welcome_page.large_text_button.click()
    screen.welcome_page.high_contrast_button.click()
    kiosk.scan("X-0102")
    assert kiosk.context.languages.language == "en"
    secret = personal_strings(kiosk.people["X-0102"], kiosk.codes["X-0102"])
    if step is Step.TODAY:
        print_and_finish(qtbot, kiosk)
        assert screen.model.rowCount() == 1
        secret += ["Human Rights Activists Workshop", "인권활동가 워크숍", "212+213"]
    screen.nav.staff_button.click()
    assert leaks(screen, secret)  # the check finds what is there

    qtbot.waitUntil(lambda: screen.idle_bar.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: kiosk.flow.step is Step.WELCOME, timeout=5_000)
    settle()
    assert leaks(screen, secret) == []
    assert screen.model.rowCount() == 0
    assert not screen.idle_bar.isVisible() and not screen.staff_banner.isVisible()
    prefs = kiosk.context.prefs
    assert (prefs.large_text, prefs.high_contrast) == (False, False)
    assert kiosk.context.languages.language == "ko"
    assert screen.welcome_page.title.text() == "환영합니다"
    assert not screen.idle.armed


def test_idle_reset_forgets_what_was_typed(qtbot, quick_idle):
    kiosk = quick_idle
    page = kiosk.screen.find_page
    kiosk.screen.welcome_page.no_code_button.click()
    settle()
    QTest.keyClicks(page.family_field, "GARCIA")
    QTest.keyClicks(page.other_field, "X-0102")
    qtbot.waitUntil(lambda: kiosk.flow.step is Step.WELCOME, timeout=5_000)
    assert page.family_field.text() == page.other_field.text() == ""
    assert not page.family_field.isUndoAvailable() and not page.other_field.isUndoAvailable()
    assert leaks(kiosk.screen, ["GARCIA", "X-0102"]) == []


def test_the_idle_warning_comes_first_and_more_time_extends(qtbot, quick_idle):
    kiosk = quick_idle
    screen = kiosk.screen
    kiosk.scan("X-0101")
    bar = screen.idle_bar
    qtbot.waitUntil(bar.isVisible, timeout=5_000)
    assert kiosk.flow.step is Step.CONFIRM  # warned, not reset
    assert bar.question.text() == "아직 이용 중이신가요?"
    assert re.search(r"\d+초 후", bar.detail.text())
    assert focus() is bar.more_button
    assert bar.mapTo(screen, bar.rect().topLeft()).y() >= screen.height() / 2
    shown = bar.geometry()
    for button in screen.confirm_page.controls():  # the warning covers no button
        corner = button.mapTo(screen, button.rect().topLeft())
        assert not shown.intersects(button.rect().translated(corner))

    bar.more_button.click()
    settle()
    assert not bar.isVisible()
    assert kiosk.flow.step is Step.CONFIRM
    assert focus() is screen.confirm_page.yes_button  # focus goes back where it was

    qtbot.waitUntil(bar.isVisible, timeout=5_000)  # warned again before the reset
    assert kiosk.flow.step is Step.CONFIRM
    key(Qt.Key.Key_Return)  # "More time" by keyboard
    assert not bar.isVisible() and kiosk.flow.step is Step.CONFIRM
    qtbot.waitUntil(lambda: kiosk.flow.step is Step.WELCOME, timeout=5_000)


def test_nothing_times_out_on_an_untouched_welcome_screen(qtbot, quick_idle):
    qtbot.wait(2_200)
    assert not quick_idle.screen.idle_bar.isVisible()
    assert quick_idle.flow.step is Step.WELCOME


# -- keyboard, accessibility, layout -------------------------------------------------------------


def test_the_whole_flow_with_the_keyboard_alone(qtbot, kiosk):
    screen = kiosk.screen
    screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3_000)
    assert focus() is screen.welcome_page.language_buttons["ko"]
    key(Qt.Key.Key_Tab)
    assert focus() is screen.welcome_page.language_buttons["en"]
    key(Qt.Key.Key_Space)  # English
    assert kiosk.context.languages.language == "en"
    key(Qt.Key.Key_Tab)
    assert focus() is screen.welcome_page.large_text_button
    key(Qt.Key.Key_Space)
    assert kiosk.context.prefs.large_text
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Tab)
    assert focus() is screen.welcome_page.no_code_button
    key(Qt.Key.Key_Enter)
    assert kiosk.flow.step is Step.FIND
    assert focus() is screen.find_page.family_field
    QTest.keyClicks(focus(), "Garcia")  # typed without the accent: still found
    key(Qt.Key.Key_Return)  # on to the next field
    assert focus() is screen.find_page.other_field
    QTest.keyClicks(focus(), "X-0102")
    key(Qt.Key.Key_Return)
    assert kiosk.flow.step is Step.CONFIRM
    assert focus() is screen.confirm_page.yes_button
    key(Qt.Key.Key_Tab)
    assert focus() is screen.confirm_page.not_me_button
    key(Qt.Key.Key_Backtab)
    key(Qt.Key.Key_Space)
    wait_step(qtbot, kiosk, Step.TODAY)
    assert focus() is screen.today_page.done_button
    key(Qt.Key.Key_Tab)  # the bar every page has: Home, Cancel, Call staff, language
    assert focus() is screen.nav.home_button
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Tab)
    assert focus() is screen.nav.staff_button
    key(Qt.Key.Key_Return)
    assert screen.staff_banner.isVisible()
    for _ in range(3):
        key(Qt.Key.Key_Backtab)
    assert focus() is screen.today_page.done_button
    key(Qt.Key.Key_Return)
    assert kiosk.flow.step is Step.WELCOME
    assert kiosk.context.languages.language == "ko" and not kiosk.context.prefs.large_text


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_focused_control_shows_a_focus_ring(kiosk, high_contrast):
    kiosk.flow.set_high_contrast(high_contrast)
    settle()
    ring = "#ffff00" if high_contrast else "#b35900"
    page = kiosk.screen.welcome_page
    button = page.no_code_button
    button.setFocus()
    settle()
    assert button.grab().toImage().pixelColor(2, button.height() // 2).name() == ring
    page.large_text_button.setFocus()
    settle()
    assert button.grab().toImage().pixelColor(2, button.height() // 2).name() != ring

    # A primary button (yellow in high contrast, like the ring) still shows its focus.
    kiosk.scan("X-0101")
    yes = kiosk.screen.confirm_page.yes_button
    assert yes.hasFocus()
    focused = yes.grab().toImage()
    kiosk.screen.confirm_page.not_me_button.setFocus()
    settle()
    unfocused = yes.grab().toImage()
    middle = (yes.width() // 4, yes.height() // 2)
    edge = (2, yes.height() // 2)
    assert focused.pixelColor(*edge).name() == ring
    if high_contrast:  # the ring alone would not show on yellow: the fill changes too
        assert focused.pixelColor(*middle) != unfocused.pixelColor(*middle)
    else:
        assert unfocused.pixelColor(*edge).name() != ring


def drive(kiosk: Kiosk, state: str, qtbot) -> None:
    """Put the kiosk in one of its states (from a fresh welcome screen)."""
    screen = kiosk.screen
    if state == "welcome":
        return
    if state in ("find", "find_not_found"):
        screen.welcome_page.no_code_button.click()
        settle()
        if state == "find_not_found":
            screen.find_page.family_field.setText("KIM")
            screen.find_page.other_field.setText("X-0999")
            screen.find_page.find_button.click()
    elif state == "confirm":
        screen.handle_scan(kiosk.codes["X-0101"])
    elif state == "refused":
        screen.handle_scan(kiosk.codes["X-0105"])
    elif state == "printing":
        kiosk.hold_printing()
        screen.handle_scan(kiosk.codes["X-0101"])
        screen.confirm_page.yes_button.click()
        qtbot.waitUntil(lambda: kiosk.flow.visit.progress[1] > 0, timeout=10_000)
    elif state == "print_failed":
        kiosk.cups.disable("PDF")
        screen.handle_scan(kiosk.codes["X-0101"])
        screen.confirm_page.yes_button.click()
        qtbot.waitUntil(lambda: screen.printing_page.failed, timeout=10_000)
    elif state == "today":
        screen.handle_scan(kiosk.codes["X-0101"])
        screen.confirm_page.yes_button.click()
        qtbot.waitUntil(lambda: kiosk.flow.step is Step.TODAY, timeout=10_000)
    elif state == "idle_warning":
        screen.handle_scan(kiosk.codes["X-0101"])
        # What the watch does after 40 s without input: 20 s left.
        screen.idle._deadline = QDeadlineTimer(screen.idle.warning_ms)
        screen.idle._warn_timer.timeout.emit()
    elif state == "staff_called":
        screen.welcome_page.no_code_button.click()
        screen.nav.staff_button.click()
    else:
        raise AssertionError(state)
    settle()


STATES = [
    "welcome",
    "find",
    "find_not_found",
    "confirm",
    "refused",
    "printing",
    "print_failed",
    "today",
    "idle_warning",
    "staff_called",
]

# Latin words a Korean screen may show: names and data (event, person, venue, rooms), the
# language button ("English"), "QR", and the print system's own words for the staff.
LATIN = re.compile(r"[A-Za-z][A-Za-z'’.-]+")
ALLOWED_LATIN = {
    "English", "QR", "Test", "Forum", "KIM", "Minji", "Gwangju", "Inkkotjigi", "Kimdaejung",
    "Convention", "Center",
}  # fmt: skip
STAFF_ONLY = ("printingDetail", "refusalSecondary")
# What stays the same in both languages: data, icons, and each language's own name.
UNCHANGED = {"English", "KIM Minji", "김민지", "Gwangju Inkkotjigi", "Test Forum", "▣", "ⓘ"}


@pytest.mark.parametrize("state", STATES)
def test_every_string_changes_with_the_language_live(qtbot, kiosk, state):
    screen = kiosk.screen
    drive(kiosk, state, qtbot)
    kiosk.use("en")
    english = visible_texts(screen, typed=False)
    kiosk.use("ko")
    staff = {w.text() for w in screen.findChildren(QLabel) if w.objectName() in STAFF_ONLY}
    korean = [t for t in visible_texts(screen, typed=False) if t not in staff]
    for text in korean:
        stray = set(LATIN.findall(text)) - ALLOWED_LATIN
        assert not stray, f"English left on a Korean screen: {text!r}"
    unchanged = set(english) & set(korean)
    # A refusal is said in both languages on both screens.
    allowed = UNCHANGED | set(message_for(Reason.CANCELLED).values())
    assert unchanged <= allowed, unchanged - allowed


@pytest.mark.parametrize("state", STATES)
def test_every_interactive_widget_has_an_accessible_name_and_description(qtbot, kiosk, state):
    drive(kiosk, state, qtbot)
    for language in ("en", "ko"):
        kiosk.use(language)
        for widget in interactive(kiosk.screen):
            label = f"{type(widget).__name__} {widget.objectName()!r}"
            assert widget.accessibleName().strip(), f"{label} has no accessible name"
            assert widget.accessibleDescription().strip(), f"{label} has no description"


def check_layout(screen: QWidget) -> list[str]:
    """Controls in the lower half, big enough to touch, nothing cut off the screen."""
    problems = []
    if (screen.width(), screen.height()) != SIZE:
        problems.append(f"the screen grew to {screen.width()} x {screen.height()}")
    half = screen.height() / 2
    for widget in interactive(screen):
        if not widget.isVisibleTo(screen) or isinstance(widget, QAbstractItemView):
            continue
        top = widget.mapTo(screen, widget.rect().topLeft())
        name = widget.objectName()
        if top.y() < half:
            problems.append(f"{name} starts at {top.y()} px, above the middle ({half:.0f})")
        if isinstance(widget, QAbstractButton | QLineEdit) and widget.height() < 56:
            problems.append(f"{name} is {widget.height()} px high")
        if isinstance(widget, QAbstractButton):
            needed = widget.fontMetrics().horizontalAdvance(widget.text()) + 16
            if needed > widget.width():
                problems.append(f"{name}: {widget.text()!r} does not fit ({widget.width()} px)")
        if top.y() + widget.height() > screen.height() or top.x() + widget.width() > screen.width():
            problems.append(f"{name} is cut off")
    return problems


@pytest.mark.parametrize("mode", ["standard", "large_text", "high_contrast"])
def test_every_step_in_both_languages_fits_with_controls_below_the_middle(qtbot, kiosk, mode):
    """Also saves the screenshots (KIOSK_SCREENSHOTS=DIR)."""
    screen = kiosk.screen
    flow = kiosk.flow
    problems = []
    for state in STATES:
        for language in ("en", "ko"):
            kiosk.release_printing()
            kiosk.cups.enable("PDF")
            with kiosk.context.conn:
                kiosk.context.conn.execute("DELETE FROM badge_prints")  # print each time
            flow.cancel()
            flow.choose_language(language)
            flow.set_large_text(mode == "large_text")
            flow.set_high_contrast(mode == "high_contrast")
            drive(kiosk, state, qtbot)
            settle()
            assert kiosk.context.languages.language == language
            problems += [f"{state}/{language}: {p}" for p in check_layout(screen)]
            if SCREENSHOTS:
                folder = Path(SCREENSHOTS)
                folder.mkdir(parents=True, exist_ok=True)
                assert screen.grab().save(str(folder / f"kiosk-{state}-{language}-{mode}.png"))
    assert problems == [], "\n".join(problems)
