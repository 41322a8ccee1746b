"""The door in a real X11 window (Xvfb, openbox), typed into with xdotool as a new user would.

A door set to room 212 hears "211" + Enter typed at scanner speed (10 ms a key) into its window,
then a real badge code at scanner speed: the room stays 212 (not remembered as 211) and the
badge is judged, and admitted, for room 212's session.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from real_window import missing_tools, run_in_x

from builders import add_person, add_session
from kiosk.services.event import load_event
from kiosk.services.issuing import issue_codes
from kiosk.services.pin import set_pin
from kiosk.store.database import connect, transaction
from kiosk.store.settings import get_setting, put_setting

pytestmark = pytest.mark.skipif(bool(missing_tools()), reason=f"needs {missing_tools()}")


def test_a_room_number_typed_at_scanner_speed_into_the_door_window_changes_nothing(
    event_db, db_path
) -> None:
    conn = event_db.conn
    today = datetime.now(load_event(conn).tz).date().isoformat()
    add_session(conn, "S211", day=today, start="00:00", end="23:59", room="211")
    add_session(conn, "S212", day=today, start="00:00", end="23:59", room="212")
    add_person(conn, "R1", family="KIM", given="Minji")
    code = dict(issue_codes(conn, None))["R1"]
    with transaction(conn):
        put_setting(conn, "door_room", "212")
    set_pin(conn, "482913")  # no first-PIN dialog in front of the door

    done = run_in_x(
        db_path,
        "door",
        [["type", "211\n", 10], ["sleep", 1], ["type", f"{code}\n", 10], ["sleep", 1]],
    )
    assert "driver: done" in done.stdout, done.stderr[-2000:]

    check = connect(db_path)
    try:
        assert get_setting(check, "door_room") == "212"
        rows = check.execute("SELECT registration_id, session_id, reason FROM checkins").fetchall()
        assert rows == [("R1", "S212", "admitted")]
    finally:
        check.close()
