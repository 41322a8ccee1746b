"""The organiser console as a whole: it opens in the shell's organiser mode, every control has
an accessible name, tabs and search are reachable from the keyboard, it reads in Korean, and
large text makes the rows taller."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QWidget,
)

from builders import add_person, add_session
from kiosk.gui.organiser import OrganiserScreen
from kiosk.gui.shell.context import AppContext, open_context
from kiosk.gui.translations import TRANSLATIONS_DIR

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QProgressBar,
    QChartView,
)


@pytest.fixture
def context(qapp: QApplication, event_db, db_path: Path) -> Iterator[AppContext]:
    add_session(event_db.conn, "S-1", capacity=10)
    add_person(event_db.conn, "R-1", family="김", given="민지")
    ctx = open_context(qapp, db_path, "en")
    yield ctx
    ctx.conn.close()


@pytest.fixture
def screen(qtbot, context: AppContext) -> Iterator[OrganiserScreen]:
    widget = OrganiserScreen(context)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitUntil(lambda: len(widget.roster.model.data_) == 1, timeout=10_000)
    yield widget
    widget.shutdown()


def internal(widget: QWidget) -> bool:
    """Parts Qt builds inside a control (a combo's popup list, a table's headers, a line
    edit's clear button): named through their control."""
    if widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView):
        return True
    parent = widget.parentWidget()
    for _ in range(3):
        if parent is None:
            return False
        if isinstance(parent, QComboBox | QAbstractSpinBox | QLineEdit | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(root: QWidget) -> list[str]:
    return [
        f"{type(widget).__name__} {widget.objectName()!r}"
        for widget in root.findChildren(QWidget)
        if isinstance(widget, INTERACTIVE)
        and not internal(widget)
        and not widget.accessibleName().strip()
    ]


def test_every_control_has_an_accessible_name(screen: OrganiserScreen) -> None:
    for index in range(screen.tabs.count()):
        screen.tabs.setCurrentIndex(index)
    dialog = screen.roster.open_walk_in()
    assert unnamed(screen) == []
    assert unnamed(dialog) == []
    dialog.reject()


def test_keyboard_reaches_every_tab_and_the_search(qtbot, screen: OrganiserScreen) -> None:
    screen.activateWindow()
    for number, widget in enumerate(
        (screen.dashboard, screen.roster, screen.programme, screen.importer, screen.reports),
        start=1,
    ):
        QTest.keyClick(screen, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert screen.tabs.currentWidget() is widget
    screen.tabs.setCurrentWidget(screen.roster)
    screen.roster.focus_search()
    assert screen.roster.search.hasFocus()
    QTest.keyClicks(screen.roster.search, "r-1")
    assert screen.roster.model.rowCount() == 1


def test_reads_in_korean(qtbot, screen: OrganiserScreen, context: AppContext) -> None:
    assert (TRANSLATIONS_DIR / "organiser_ko.qm").is_file(), "run the translations --compile"
    english = [screen.tabs.tabText(i) for i in range(screen.tabs.count())]
    screen.language_button.click()
    assert context.languages.language == "ko"
    korean = [screen.tabs.tabText(i) for i in range(screen.tabs.count())]
    assert korean[0] == "&1 현황판" and all(k != e for k, e in zip(korean, english, strict=True))
    assert screen.language_button.text() == "English"
    qtbot.waitUntil(lambda: "명" in screen.roster.count.text())  # LanguageChange is posted
    assert screen.importer.import_button.text() == "가져오기"
    screen.language_button.click()
    assert screen.tabs.tabText(0) == "&1 Dashboard"
    qtbot.waitUntil(lambda: "people" in screen.roster.count.text())


def test_large_text_makes_rows_and_headings_bigger(screen: OrganiserScreen) -> None:
    row = screen.roster.table.verticalHeader().defaultSectionSize()
    heading = screen.title.font().pointSizeF()
    screen.large_text.click()
    assert screen.roster.table.verticalHeader().defaultSectionSize() > row * 1.3
    assert screen.title.font().pointSizeF() == pytest.approx(heading * 1.5)
    assert screen.large_text.text().startswith("✔")
    screen.large_text.click()
    assert screen.roster.table.verticalHeader().defaultSectionSize() == row


def test_a_badge_scanned_at_the_desk_opens_the_persons_page(screen: OrganiserScreen) -> None:
    from kiosk.services.issuing import issue_codes

    code = next(issue_codes(screen.context.conn, ["R-1"]))[1]
    assert screen.handle_scan(code)
    assert screen.tabs.currentWidget() is screen.roster
    assert screen.roster.person.record is not None
    assert screen.roster.person.record.registration_id == "R-1"
    assert not screen.handle_scan("NOT-A-CODE")
    assert "not a current badge" in screen.roster.count.text()
