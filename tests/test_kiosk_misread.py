"""The self check-in kiosk says what its scanner heard when it was not a code.

A scanner set to end codes with Tab, a code cut short, or a few keys at scanner speed (a room
number on a poster) used to change nothing and say nothing. Now a banner says it for a few
seconds, in the screen's language, and a screen reader hears it; nothing is checked in.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_scanner import ENTER, TAB, FakeClock, keys_of, type_keys
from test_selfcheckin import Kiosk, compiled_translations, make_kiosk, settle  # noqa: F401

from kiosk.gui.scanner import ScannerInput

SCANNER_GAP_MS = 8


@pytest.fixture
def kiosk(qtbot, qapp, event_db, db_path, demo_dir) -> Iterator[Kiosk]:
    yield from make_kiosk(qtbot, qapp, event_db, db_path, demo_dir)


@pytest.fixture
def wedge(qapp, kiosk: Kiosk) -> Iterator[tuple[ScannerInput, FakeClock]]:
    clock = FakeClock()
    scanner = ScannerInput(clock=clock)
    scanner.install(qapp)
    scanner.scanned.connect(kiosk.screen.handle_scan)
    scanner.misread.connect(kiosk.screen.handle_misread)
    yield scanner, clock
    scanner.uninstall()


def _settle(qtbot, scanner: ScannerInput, clock: FakeClock) -> None:
    clock.advance(1000)
    qtbot.waitUntil(lambda: not scanner.pending, timeout=2000)
    settle()


def test_a_code_ending_with_tab_is_said_to_be_read_incompletely(qtbot, kiosk, wedge) -> None:
    scanner, clock = wedge
    screen = kiosk.screen
    type_keys(screen.windowHandle(), [*keys_of(kiosk.codes["X-0104"]), TAB], clock, SCANNER_GAP_MS)
    _settle(qtbot, scanner, clock)
    assert screen.scan_notice.isVisible()
    assert screen.scan_notice.text().endswith(
        "코드를 끝까지 읽지 못했습니다. 다시 스캔하시거나 스태프에게 문의해 주세요."
    )
    assert kiosk.checkins() == []
    if folder := os.environ.get("KIOSK_SCREENSHOTS"):
        assert screen.grab().save(str(Path(folder) / "kiosk-scan-notice-ko.png"))
    screen.notice_timer.timeout.emit()  # a few seconds later
    assert not screen.scan_notice.isVisible()


def test_a_room_number_scanned_says_it_is_not_a_badge_code(qtbot, kiosk, wedge) -> None:
    scanner, clock = wedge
    screen = kiosk.screen
    kiosk.flow.choose_language("en")
    settle()
    type_keys(screen.windowHandle(), [*keys_of("211"), ENTER], clock, SCANNER_GAP_MS)
    _settle(qtbot, scanner, clock)
    assert screen.scan_notice.isVisible()
    assert "That was not a badge code" in screen.scan_notice.text()
    assert kiosk.checkins() == []


def test_a_proper_scan_is_no_misread(qtbot, kiosk, wedge) -> None:
    scanner, clock = wedge
    screen = kiosk.screen
    type_keys(
        screen.windowHandle(), [*keys_of(kiosk.codes["X-0104"]), ENTER], clock, SCANNER_GAP_MS
    )
    settle()
    assert not screen.scan_notice.isVisible()
