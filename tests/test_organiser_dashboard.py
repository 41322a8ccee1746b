"""The live dashboard: its numbers are `kiosk status`'s, it follows new check-ins, rooms near
capacity say so in words (not colour alone), and the roll-call lists who is inside now."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from builders import add_person, add_session
from kiosk.core.clock import to_ms
from kiosk.core.model import Direction
from kiosk.gui.organiser.dashboard_view import DashboardView
from kiosk.gui.organiser.tasks import TaskRunner
from kiosk.gui.shell.context import AppContext, open_context
from kiosk.services.checkins import CheckinService
from kiosk.services.dashboard import NEAR, roll_call, snapshot
from kiosk.services.issuing import issue_codes
from kiosk.services.status import event_status

SEOUL = ZoneInfo("Asia/Seoul")


def at(hour: int, minute: int) -> int:
    return to_ms(datetime(2019, 9, 30, hour, minute, tzinfo=SEOUL))


NOW = at(11, 0)


@pytest.fixture
def context(qapp: QApplication, event_db, db_path: Path) -> Iterator[AppContext]:
    conn = event_db.conn
    add_session(conn, "S-BIG", capacity=100, room="Hall A")
    add_session(conn, "S-SMALL", capacity=10, room="211")
    add_session(conn, "S-LATER", start="14:00", end="15:00", capacity=10, room="211")
    for n in range(30):
        add_person(conn, f"R-{n:02d}", family=f"PERSON{n:02d}", given="Test")
    codes = dict(issue_codes(conn, None))
    door = CheckinService(conn)
    for n in range(25):  # 25 arrivals across the morning
        door.checkin(codes[f"R-{n:02d}"], at_ms=at(9, 0) + n * 6 * 60_000)
    for n in range(9):  # 9 of 10 seats: near capacity
        door.scan(codes[f"R-{n:02d}"], "S-SMALL", at_ms=at(10, 30) + n * 60_000)
    door.scan(codes["R-00"], "S-SMALL", direction=Direction.OUT, at_ms=at(10, 45))
    door.scan(codes["R-00"], "S-SMALL", at_ms=at(10, 50))  # back in: not counted twice
    door.scan(codes["R-01"], "S-SMALL", direction=Direction.OUT, at_ms=at(10, 51))
    door.scan(codes["R-20"], "S-SMALL", at_ms=at(10, 52))
    for n in range(10, 20):
        door.scan(codes[f"R-{n:02d}"], "S-BIG", at_ms=at(10, 35))
    ctx = open_context(qapp, db_path, "en")
    ctx.clock = lambda: NOW
    yield ctx
    ctx.conn.close()


@pytest.fixture
def dashboard(qtbot, context: AppContext) -> Iterator[DashboardView]:
    view = DashboardView(context, TaskRunner())
    qtbot.addWidget(view)
    view.resize(1300, 900)
    view.show()
    with qtbot.waitSignal(view.updated, timeout=10_000):
        view.start()
    yield view
    view.close_reader()


def table(model) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_dashboard_numbers_equal_kiosk_status(dashboard: DashboardView, context) -> None:
    status = event_status(context.conn)
    shot = dashboard.snapshot
    assert shot is not None
    assert (shot.attendees, shot.checked_in) == (status["attendees"], status["checked_in"])
    assert shot.sessions == status["sessions"]
    assert (
        f"{status['checked_in']} of {status['attendees']} registered" in dashboard.headline.text()
    )
    assert dashboard.meter.value() == status["checked_in"]
    assert dashboard.meter.maximum() == status["attendees"]
    shown = table(dashboard.counts_model)
    expected = [
        [s["session_id"], str(s["admitted"]), str(s["inside"]), str(s["capacity"])]
        for s in status["sessions"]
    ]
    assert shown == expected
    inside = {s["session_id"]: s["inside"] for s in status["sessions"]}
    for room in shot.rooms:
        assert room.inside == inside[room.session_id]
    assert sum(count for _, count in shot.buckets) == status["checked_in"]


def test_room_near_capacity_is_said_in_words_and_colour(dashboard: DashboardView) -> None:
    model = dashboard.rooms_model
    rooms = {room.room: room for room in model.rooms}
    small = rooms["211"]
    assert small.session_id == "S-SMALL" and small.running  # not the afternoon session
    assert (small.inside, small.capacity, small.state) == (9, 10, NEAR)
    row = model.rooms.index(small)
    state = model.index(row, model.COLUMNS.index("state"))
    assert model.data(state) == "⚠ Near capacity"
    assert model.data(state, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(row, model.COLUMNS.index("share"))) == "90%"
    assert model.rooms[0] is small  # the fullest room first


def test_roll_call_lists_who_is_inside_now(dashboard: DashboardView, context) -> None:
    dashboard.rooms.selectRow([r.room for r in dashboard.rooms_model.rooms].index("211"))
    people = [p.registration_id for p in dashboard.roll_model.people]
    expected = sorted([f"R-{n:02d}" for n in range(9) if n != 1] + ["R-20"])
    assert sorted(people) == expected
    assert people == [p.registration_id for p in roll_call(context.conn, "S-SMALL")]
    assert dashboard.roll_title.text() == "Inside 211 now (S-SMALL): 9 people"


def test_dashboard_follows_new_check_ins(qtbot, dashboard: DashboardView, context) -> None:
    assert dashboard.refresh() is None  # nothing changed: no work
    code = next(issue_codes(context.conn, ["R-29"]))[1]
    CheckinService(context.conn).checkin(code, at_ms=at(10, 59))
    with qtbot.waitSignal(dashboard.updated, timeout=10_000):
        pass  # the two-second timer notices the commit
    assert dashboard.snapshot.checked_in == event_status(context.conn)["checked_in"] == 26
    # Door scans, including one that arrives late by sync with an earlier time: the counts
    # read incrementally still equal a full recomputation.
    codes = dict(issue_codes(context.conn, ["R-02", "R-03", "R-25"]))
    door = CheckinService(context.conn)
    door.scan(codes["R-02"], "S-SMALL", direction=Direction.OUT, at_ms=at(10, 58))
    door.scan(codes["R-25"], "S-BIG", at_ms=at(10, 57))
    door.scan(codes["R-03"], "S-SMALL", direction=Direction.OUT, at_ms=at(10, 40), device="late")
    with qtbot.waitSignal(dashboard.updated, timeout=10_000):
        pass
    status = event_status(context.conn)
    assert dashboard.snapshot.sessions == status["sessions"]
    assert (dashboard.snapshot.attendees, dashboard.snapshot.checked_in) == (
        status["attendees"],
        status["checked_in"],
    )


def test_snapshot_of_another_day_has_its_rooms(context) -> None:
    from datetime import date

    shot = snapshot(context.conn, context.event, date(2019, 9, 30), at(15, 30))
    rooms = {room.room: room for room in shot.rooms}
    assert rooms["211"].session_id == "S-LATER" and not rooms["211"].running


def test_people_admitted_at_a_door_are_checked_in_everywhere(
    qtbot, dashboard: DashboardView, context
) -> None:
    """Issue 13: 'checked in' is one definition (arrived at a kiosk or admitted at any door),
    the same in `status`, the dashboard and the day report."""
    from kiosk.reports.day_data import day_report_data

    before = dashboard.snapshot.checked_in
    codes = dict(issue_codes(context.conn, ["R-26", "R-27", "R-28"]))
    door = CheckinService(context.conn)
    # Two people who never went by a kiosk walk straight into a session; one is turned away.
    door.scan(codes["R-26"], "S-BIG", at_ms=at(10, 55))
    door.scan(codes["R-27"], "S-BIG", at_ms=at(10, 56))
    door.scan(codes["R-28"], "S-LATER", at_ms=at(10, 57))  # too early: not admitted
    with qtbot.waitSignal(dashboard.updated, timeout=10_000):
        pass
    status = event_status(context.conn)
    report = day_report_data(context.conn, datetime(2019, 9, 30).date(), at_ms=NOW)
    assert status["checked_in"] == before + 2 == 27
    assert dashboard.snapshot.checked_in == report.checked_in == status["checked_in"]
    assert report.no_shows == status["attendees"] - status["checked_in"]
    assert "27 of 30 registered people checked in (90%)" in dashboard.headline.text()
    assert dashboard.meter.text() == "27 of 30 checked in"
    # The person page says the same: checked in at the door, never at a kiosk.
    from kiosk.services.roster_admin import person_record

    assert person_record(context.conn, "R-26").arrived_ms == at(10, 55)
    assert person_record(context.conn, "R-28").arrived_ms is None


def test_dashboard_of_an_empty_event_says_no_one_is_registered(
    qtbot, qapp: QApplication, event_db, db_path: Path
) -> None:
    ctx = open_context(qapp, db_path, "en")
    view = DashboardView(ctx, TaskRunner())
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.updated, timeout=10_000):
        view.start()
    assert view.headline.text() == "No one is registered yet: import the roster first"
    assert not view.meter.isVisible()  # no bar claiming "0 of 1"
    view.close_reader()
    ctx.conn.close()
