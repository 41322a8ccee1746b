"""The programme tab: sessions by day and room, and an invitation added on screen that opens the
door of an invite-only session (the door's own service gives the verdict)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from builders import add_person, add_session, invite
from kiosk.core.clock import to_ms
from kiosk.gui.organiser.programme_view import ProgrammeView
from kiosk.gui.shell.context import AppContext, open_context
from kiosk.services.checkins import CheckinService
from kiosk.services.issuing import issue_codes

SEOUL = ZoneInfo("Asia/Seoul")
DURING = to_ms(datetime(2019, 9, 30, 10, 45, tzinfo=SEOUL))


@pytest.fixture
def context(qapp: QApplication, event_db, db_path: Path) -> Iterator[AppContext]:
    conn = event_db.conn
    add_session(conn, "S-OPEN", capacity=200, room="Hall A")
    add_session(conn, "S-VIP", invite_only=True, capacity=40, room="211", speakers=("SP-1",))
    add_session(conn, "S-DAY2", day="2019-10-01", room="211")
    add_person(conn, "R-1", family="WAŁĘSA", given="Łukasz")
    add_person(conn, "R-2", family="김", given="민지")
    add_person(conn, "SP-1", family="SPEAKER", given="Sam", category="speaker")
    invite(conn, "S-VIP", "R-2")
    ctx = open_context(qapp, db_path, "en")
    yield ctx
    ctx.conn.close()


@pytest.fixture
def view(qtbot, context: AppContext) -> ProgrammeView:
    widget = ProgrammeView(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    return widget


def test_sessions_by_day_and_room(view: ProgrammeView) -> None:
    model = view.model
    assert model.rowCount() == 3
    view.day.setCurrentIndex(view.day.findData("2019-10-01"))
    assert [model.session_at(r).session.session_id for r in range(model.rowCount())] == ["S-DAY2"]
    view.day.setCurrentIndex(0)
    view.room.setCurrentIndex(view.room.findData("211"))
    assert model.rowCount() == 2
    assert view.select_session("S-VIP")
    row = model.row_of("S-VIP")
    columns = model.COLUMNS
    assert model.data(model.index(row, columns.index("access"))) == "Invited guests and staff"
    assert model.data(model.index(row, columns.index("capacity"))) == "40"
    assert model.data(model.index(row, columns.index("speakers"))) == "SPEAKER Sam"
    assert model.data(model.index(row, columns.index("invited"))) == "1"
    assert "SPEAKER Sam" in view.details.text()
    assert view.invited_model.ids() == ["R-2"]


def test_invitation_added_on_screen_admits_at_the_door(
    qtbot, view: ProgrammeView, context: AppContext
) -> None:
    code = next(issue_codes(context.conn, ["R-1"]))[1]
    door = CheckinService(context.conn)
    assert door.scan(code, "S-VIP", at_ms=DURING).reason == "not_invited"

    assert view.select_session("S-VIP")
    view.person_search.setFocus()
    QTest.keyClicks(view.person_search, "wa")
    view.person_search.insert("łe")  # as an input method commits it; case and accents folded
    QTest.keyClicks(view.person_search, "sa")
    assert view.found_model.rowCount() == 1
    assert view.found_model.registration_at(0) == "R-1"
    with qtbot.waitSignal(view.invitations_changed):
        QTest.keyClick(view.person_search, Qt.Key.Key_Return)  # keyboard only: Enter invites
    assert sorted(view.invited_model.ids()) == ["R-1", "R-2"]
    assert "invited" in view.message.text()

    assert door.scan(code, "S-VIP", at_ms=DURING + 60_000).reason == "admitted"

    # Taken off the list again: refused again (a second entry would be readmitted, so use
    # someone who has not entered yet).
    code_2 = next(issue_codes(context.conn, ["R-2"]))[1]
    view.invited.setCurrentIndex(view.invited_model.index(view.invited_model.ids().index("R-2"), 0))
    view.remove_selected()
    assert view.invited_model.ids() == ["R-1"]
    assert door.scan(code_2, "S-VIP", at_ms=DURING + 120_000).reason == "not_invited"


def test_cancelled_person_cannot_be_invited(qtbot, view: ProgrammeView, context) -> None:
    add_person(context.conn, "R-X", family="GONE", status="cancelled")
    view.select_session("S-VIP")
    assert not view.invite("R-X")
    assert "cancelled" in view.message.text()
    assert "R-X" not in view.invited_model.ids()


def test_import_a_list_button_asks_for_the_invitations_import(qtbot, view: ProgrammeView) -> None:
    with qtbot.waitSignal(view.import_requested) as signal:
        view.import_button.click()
    assert signal.args == ["invitations"]
