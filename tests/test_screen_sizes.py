"""Every door, kiosk and organiser page laid out at every size of the screen-size matrix
(kiosk.a11y.sizes: 1280x800, 1366x768, 1920x1080 and portrait 1080x1920), in Korean and English,
standard, large text, high contrast and 200 % text: the window keeps the screen's size, every
control lies inside it (or in a scroll area that brings it into view), no control overlaps
another and no text is elided or clipped (kiosk.a11y.measure.Measurer.layout).

One window, resized: each state is driven once per language and mode and laid out at each size
in turn (kiosk.a11y.walk.walk_layouts). The standard and large-text half runs always; high
contrast and 200 % text are the `slow` half (CI runs both).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QWidget

from kiosk.a11y import criteria as c
from kiosk.a11y.measure import Measurer, layout_controls, settle
from kiosk.a11y.panel import Panel
from kiosk.a11y.report import demo_window, figure, measure_demo
from kiosk.a11y.sizes import SCREEN_SIZES, parse_sizes
from kiosk.a11y.walk import (
    DOOR_STATES,
    KIOSK_LAYOUT_STATES,
    LANGUAGES,
    LAYOUT_SCREENS,
    ORGANISER_STATES,
    Plan,
    Walk,
    make_driver,
)

SIZES = [(size.width, size.height) for size in SCREEN_SIZES]
STANDARD_MODES = ("default", "large")
STATES = {"door": DOOR_STATES, "kiosk": KIOSK_LAYOUT_STATES, "organiser": ORGANISER_STATES}
NAV = ("navHome", "navCancel", "navCallStaff", "navVoice")
LAPTOPS = ("1366x768", "1280x800")
IMPORT_BUTTONS = ("cancelImport", "checkAgain", "confirmImport")

# (screen, size, mode): why a layout still fails there. Each is an xfail(strict=True): fixed,
# the test passes, strict xfail fails, and the entry comes off.
KIOSK_200 = (
    "at 200 % text the on-screen keyboard (twelve columns: ten letter keys at their "
    "narrowest, Backspace and Clear over two) needs 1243 px in Korean: the window grows to "
    "1259 px on the portrait screen and the bar and More time go past its edge"
)
KNOWN: dict[tuple[str, str, str], str] = {
    ("kiosk", "1080x1920", "text_200"): KIOSK_200,
}


def _plan(modes: tuple[str, ...], zoom: bool) -> Plan:
    return Plan(screens=(), modes=modes, zoom=zoom, flash_sample_s=0, sizes=SIZES)


@pytest.fixture(scope="module")
def standard(qapp) -> Walk:
    """The matrix in standard and large text (every screen, state, language and size)."""
    return measure_demo(Panel(), _plan(STANDARD_MODES, zoom=False))


@pytest.fixture(scope="module")
def more(qapp) -> Walk:
    """The matrix in high contrast and at 200 % text."""
    return measure_demo(Panel(), _plan(("high_contrast",), zoom=True))


def _failures(walk: Walk, screen: str, size: str, modes: tuple[str, ...]) -> list[str]:
    results = [
        r
        for r in walk.results
        if r.criterion in c.LAYOUT_CRITERIA
        and (r.screen, r.size) == (screen, size)
        and r.mode in modes
    ]
    assert results, "nothing was laid out"
    return sorted(
        {
            f"{r.criterion} {r.subject}: {figure(r)} — {r.detail} [{r.state} {r.language} {r.mode}]"
            for r in results
            if not r.passed
        }
    )


def _cases(modes: tuple[str, ...]) -> Iterator[Any]:
    for screen in LAYOUT_SCREENS:
        for size in SCREEN_SIZES:
            reasons = [
                KNOWN[(screen, size.name, m)] for m in modes if (screen, size.name, m) in KNOWN
            ]
            marks = [pytest.mark.xfail(strict=True, reason="; ".join(reasons))] if reasons else []
            yield pytest.param(screen, size.name, marks=marks, id=f"{screen}-{size.name}")


@pytest.mark.parametrize("screen, size", list(_cases(STANDARD_MODES)))
def test_every_page_fits_in_standard_and_large_text(standard: Walk, screen: str, size: str) -> None:
    assert _failures(standard, screen, size, STANDARD_MODES) == []


@pytest.mark.slow
@pytest.mark.parametrize("screen, size", list(_cases(("high_contrast",))))
def test_every_page_fits_in_high_contrast(more: Walk, screen: str, size: str) -> None:
    assert _failures(more, screen, size, ("high_contrast",)) == []


@pytest.mark.slow
@pytest.mark.parametrize("screen, size", list(_cases(("text_200",))))
def test_every_page_fits_at_200_percent_text(more: Walk, screen: str, size: str) -> None:
    assert _failures(more, screen, size, ("text_200",)) == []


def test_every_state_was_laid_out_at_every_size(standard: Walk) -> None:
    for screen in LAYOUT_SCREENS:
        for language in LANGUAGES:
            for mode in STANDARD_MODES:
                for size in SCREEN_SIZES:
                    seen = {
                        r.state
                        for r in standard.results
                        if (r.screen, r.language, r.mode, r.size)
                        == (screen, language, mode, size.name)
                    }
                    missing = set(STATES[screen]) - seen
                    assert not missing, (screen, language, mode, size.name, missing)


def test_the_kiosk_bar_is_never_hidden_whatever_is_open(standard: Walk) -> None:
    """Home, Cancel, Call staff and Voice: wholly on screen, outside any scroll area and under
    nothing (the idle warning, the keyboard), in every state, language, mode and size."""
    for state in KIOSK_LAYOUT_STATES:
        for size in SCREEN_SIZES:
            for mode in STANDARD_MODES:
                for language in LANGUAGES:
                    found = {
                        (r.criterion, r.subject): r
                        for r in standard.results
                        if (r.screen, r.state, r.language, r.mode, r.size)
                        == ("kiosk", state, language, mode, size.name)
                        and r.subject in NAV
                    }
                    for name in NAV:
                        fits = found[("fits_window", name)]
                        assert fits.passed and "scroll area" not in fits.detail, fits
                        assert found[("no_overlap", name)].passed, found[("no_overlap", name)]


def test_the_import_wizard_buttons_are_in_view_on_a_laptop(standard: Walk) -> None:
    """Cancel, Check again and Import: wholly in the window, not in a scroll area."""
    for size in LAPTOPS:
        for state in ("import", "import_checked"):
            shown = {
                r.subject: r
                for r in standard.results
                if (r.screen, r.state, r.size, r.criterion)
                == ("organiser", state, size, "fits_window")
                and r.subject in IMPORT_BUTTONS
            }
            assert len({(r.subject) for r in shown.values()}) == 3, (size, state)
            for result in shown.values():
                assert result.passed and "scroll area" not in result.detail, result


def test_the_door_room_box_is_as_wide_as_its_longest_room(standard: Walk) -> None:
    """ "212+213" is never cut to "212+21…": measured against the widest room of the list."""
    rooms = [
        r
        for r in standard.results
        if r.screen == "door" and r.subject == "roomCombo" and r.criterion == "text_not_clipped"
    ]
    assert rooms
    assert all(r.measured <= c.CLIP_TOLERANCE_PX for r in rooms), [
        r for r in rooms if r.measured > 1
    ]


# -- direct looks at one window -------------------------------------------------------------


@pytest.fixture(scope="module")
def window(qapp) -> Iterator[Any]:
    with demo_window() as shell:
        shell.show()
        settle()
        yield shell


def _whole_in_view(window: QMainWindow, widget: QWidget) -> bool:
    """The widget is shown whole: not cut by any parent (a scroll area's viewport included) nor
    by the window's edge."""
    rect = Measurer(window, Panel()).window_rect(widget)
    return rect is not None and rect.size() == widget.size()


@pytest.mark.parametrize("size", [(1366, 768), (1280, 800)])
@pytest.mark.parametrize("language", LANGUAGES)
def test_large_text_keyboard_and_bar_on_a_laptop(window: Any, size: tuple[int, int], language: str):
    """Large text, "I have no code", keypad 5 on the family name: the keyboard opens whole on
    screen, its bottom row too, and the bar stays below it; moving to the bottom row keeps
    it in view."""
    driver = make_driver(window, "kiosk")
    try:
        window.resize(*size)
        driver.drive("find", language, True, False)
        settle()
        page = window.current_screen().find_page
        page.keypad_activate(page.family_field)
        settle(4)
        assert (window.width(), window.height()) == size
        keys = page.keyboard.visible_keys()
        bottom = max(key.mapTo(window, QPoint(0, 0)).y() for key in keys)
        bottom_row = [key for key in keys if key.mapTo(window, QPoint(0, 0)).y() == bottom]
        assert bottom_row and all(_whole_in_view(window, key) for key in bottom_row)
        assert _whole_in_view(window, page.keyboard)
        nav = window.current_screen().nav
        for button in (nav.home_button, nav.cancel_button, nav.staff_button, nav.voice_button):
            assert _whole_in_view(window, button), button.objectName()
        bottom_row[-1].setFocus(Qt.FocusReason.OtherFocusReason)
        settle(3)
        assert _whole_in_view(window, bottom_row[-1])
    finally:
        driver.leave("keyboard")
        driver.finish()


def test_the_idle_warning_never_covers_the_bar_at_1920x1080(window: Any) -> None:
    driver = make_driver(window, "kiosk")
    try:
        window.resize(1920, 1080)
        assert driver.drive("keyboard_idle_warning", "ko", True, False)
        settle(4)
        screen = window.current_screen()
        warning = QRect(screen.idle_bar.mapTo(window, QPoint(0, 0)), screen.idle_bar.size())
        assert screen.idle_bar.isVisible()
        for button in screen.nav.controls():
            if button.isVisible():
                assert _whole_in_view(window, button), button.objectName()
                spot = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
                assert not warning.intersects(spot), button.objectName()
    finally:
        driver.leave("keyboard_idle_warning")
        driver.finish()


@pytest.mark.parametrize("size", [(1366, 768), (1280, 800)])
def test_organiser_console_on_a_laptop(window: Any, size: tuple[int, int]) -> None:
    """The console keeps the laptop's size in large text; the badge-name editor comes into
    view as it takes the focus; the roll call shows at least six people."""
    driver = make_driver(window, "organiser")
    try:
        window.resize(*size)
        assert driver.drive("person", "ko", True, False)
        settle(3)
        assert (window.width(), window.height()) == size
        person = window.current_screen().roster.person
        for field in (person.family, person.given, person.local, person.save_name):
            field.setFocus(Qt.FocusReason.TabFocusReason)
            settle(3)
            assert _whole_in_view(window, field), field.objectName()
        driver.leave("person")
        assert driver.drive("dashboard", "ko", True, False)
        settle(3)
        roll = window.current_screen().dashboard.roll
        row = roll.verticalHeader().defaultSectionSize()
        assert roll.viewport().height() >= 6 * row - 2
    finally:
        driver.finish()


def test_the_layout_check_finds_overlaps_clipped_text_and_controls_off_screen(qapp) -> None:
    """A window made wrong on purpose: a button over a label, a label too narrow for its text,
    a button past the window's right edge."""
    top = QMainWindow()
    body = QWidget()
    top.setCentralWidget(body)
    top.resize(400, 300)
    label = QLabel("A label far too long for the little room it has", body)
    label.setGeometry(10, 10, 80, 30)
    over = QPushButton("Over", body)
    over.setGeometry(20, 15, 100, 40)
    away = QPushButton("Away", body)
    away.setGeometry(360, 200, 100, 40)
    top.show()
    settle()
    try:
        results = Measurer(top, Panel()).layout(c.Where("test", "-", "en", "default"), (400, 300))
        failed = {(r.criterion, r.subject) for r in results if not r.passed}
        assert ("no_overlap", "QPushButton 'Over'") in failed
        assert ("text_not_clipped", "QLabel 'A label far too long for'") in failed
        assert ("fits_window", "QPushButton 'Away'") in failed
        assert ("fits_window", "window") not in failed
        assert len(layout_controls(top)) == 3
        # Elided with the whole text as tooltip and name: no longer a failure.
        label.setToolTip(label.text())
        label.setAccessibleName(label.text())
        again = Measurer(top, Panel()).layout(c.Where("test", "-", "en", "default"), (400, 300))
        assert ("text_not_clipped", "QLabel 'A label far too long for'") not in {
            (r.criterion, r.subject) for r in again if not r.passed
        }
    finally:
        top.close()


def test_sizes_from_the_command_line() -> None:
    assert [s.name for s in parse_sizes(["all"])] == [s.name for s in SCREEN_SIZES]
    assert [s.name for s in parse_sizes(["1366x768", "800x600", "1366x768"])] == [
        "1366x768",
        "800x600",
    ]
    assert any(s.portrait for s in SCREEN_SIZES)
    with pytest.raises(ValueError):
        parse_sizes(["wide"])
