"""The organiser imports the programme: sessions, rooms, door times and speakers."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.imports import run_import

HEADER = (
    "session_id,title_en,title_ko,date,start,end,venue,room,capacity,access,organizer,"
    "interpretation,speakers"
)
NS1 = "NS1,Workshop,워크숍,2019-09-30,10:30,12:30,KDJ Center,212+213,120,invite_only,NHRCK,,R-1;R-2"
NS2 = 'NS2,Activists,활동가,2019-10-01,16:00,18:30,KDJ Center,211,60,open,,"ko,en",R-3'


def programme(tmp_path: Path, *rows: str, name: str = "programme.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def session(conn: sqlite3.Connection, session_id: str) -> dict:
    cursor = conn.execute("SELECT * FROM sessions WHERE session_id = ?", (session_id,))
    row = cursor.fetchone()
    assert row is not None, f"no session {session_id}"
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def speakers(conn: sqlite3.Connection, session_id: str) -> set[str]:
    rows = conn.execute(
        "SELECT registration_id FROM session_speakers WHERE session_id = ?", (session_id,)
    )
    return {rid for (rid,) in rows}


def utc(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M")


def test_sessions_are_stored_with_door_times_in_the_event_zone(event_db, tmp_path):
    conn = event_db.conn

    report = run_import(conn, "programme", programme(tmp_path, NS1, NS2))

    assert (report.added, report.errors) == (2, [])
    first = session(conn, "NS1")
    # Asia/Seoul is UTC+9: 10:30 in Gwangju is 01:30 UTC.
    assert (utc(first["start_ms"]), utc(first["end_ms"])) == (
        "2019-09-30 01:30",
        "2019-09-30 03:30",
    )
    assert (first["room"], first["capacity"], first["access"]) == ("212+213", 120, "invite_only")
    assert first["interpretation"] is None
    assert session(conn, "NS2")["interpretation"] == "ko,en"
    assert speakers(conn, "NS1") == {"R-1", "R-2"}


def test_spellings_organisers_use_are_accepted(event_db, tmp_path):
    conn = event_db.conn
    path = programme(
        tmp_path,
        'NS3,,한국 워크숍,2019-10-02,9:00,12:00,,211,,Invite-Only,,"KO, en", R-1 ; R-2 ;',
        "NS4,Plenary,,2019-10-02,13:00,14:00,,Hall,0,OPEN,,en,",
    )

    report = run_import(conn, "programme", path)

    assert report.errors == []
    third = session(conn, "NS3")
    assert (third["start"], third["access"], third["capacity"]) == ("09:00", "invite_only", None)
    assert (third["title_en"], third["interpretation"]) == (None, "ko,en")
    assert speakers(conn, "NS3") == {"R-1", "R-2"}
    assert (session(conn, "NS4")["capacity"], session(conn, "NS4")["access"]) == (0, "open")


def test_a_later_programme_updates_sessions_and_replaces_speaker_lists(event_db, tmp_path):
    conn = event_db.conn
    run_import(conn, "programme", programme(tmp_path, NS1, NS2))

    moved = NS1.replace("212+213,120", "301,400").replace("R-1;R-2", "R-2;R-9")
    report = run_import(conn, "programme", programme(tmp_path, moved, name="later.csv"))

    assert (report.added, report.updated, report.unchanged) == (0, 1, 0)
    assert (session(conn, "NS1")["room"], session(conn, "NS1")["capacity"]) == ("301", 400)
    assert speakers(conn, "NS1") == {"R-2", "R-9"}
    # NS2 is not in the later file: it stays, with its speakers.
    assert session(conn, "NS2")["title_ko"] == "활동가"
    assert speakers(conn, "NS2") == {"R-3"}


def test_a_changed_speaker_list_alone_counts_as_an_update(event_db, tmp_path):
    conn = event_db.conn
    run_import(conn, "programme", programme(tmp_path, NS1))

    again = run_import(conn, "programme", programme(tmp_path, NS1))
    changed = run_import(conn, "programme", programme(tmp_path, NS1.replace("R-1;R-2", "R-1")))

    assert (again.unchanged, again.updated) == (1, 0)
    assert (changed.unchanged, changed.updated) == (0, 1)
    assert speakers(conn, "NS1") == {"R-1"}


@pytest.mark.parametrize(
    ("row", "field"),
    [
        (NS2.replace("2019-10-01", "2019-02-30"), "date"),
        (NS2.replace("2019-10-01", "01/10/2019"), "date"),
        (NS2.replace("16:00,18:30", "18:30,16:00"), "end"),
        (NS2.replace("16:00,18:30", "16:00,16:00"), "end"),
        (NS2.replace("16:00", "25:00"), "start"),
        (NS2.replace(",211,60,", ",211,lots,"), "capacity"),
        (NS2.replace(",211,60,", ",211,-5,"), "capacity"),
        (NS2.replace(",open,", ",members,"), "access"),
        (NS2.replace(",open,", ",,"), "access"),
        (NS2.replace(",open,", ",tickets:,"), "access"),
        (NS2.replace(",open,", ',"tickets: , ",'), "access"),
        (NS2.replace(",211,", ",,"), "room"),
        (NS2.replace("Activists,활동가", ","), "title_en"),
        (NS2.replace("NS2", ""), "session_id"),
        (NS2.replace("NS2", "NS1"), "session_id"),
        (NS2.replace(",R-3", ",R 3"), "speakers"),
        (NS2.replace('"ko,en"', '"ko,english!"'), "interpretation"),
    ],
)
def test_a_bad_session_is_reported_with_its_row_and_field(event_db, tmp_path, row, field):
    report = run_import(event_db.conn, "programme", programme(tmp_path, NS1, row))

    assert [(e.row, e.field) for e in report.errors] == [(3, field)]
    assert event_db.conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0


def ticket_types(conn: sqlite3.Connection, session_id: str) -> list[str]:
    rows = conn.execute(
        "SELECT ticket_type FROM session_ticket_types WHERE session_id = ? ORDER BY ticket_type",
        (session_id,),
    )
    return [kind for (kind,) in rows]


def test_a_session_may_be_open_to_holders_of_given_ticket_types(event_db, tmp_path):
    """`tickets:Workshop` in the access column: holders of a Workshop ticket pass the door,
    as well as the session's invitation list, speakers and staff (it is kept invite-only)."""
    conn = event_db.conn
    workshop = NS2.replace(",open,", ',"tickets: Workshop,  Master class",')
    report = run_import(conn, "programme", programme(tmp_path, NS1, workshop))
    assert (report.added, report.errors) == (2, [])
    assert session(conn, "NS2")["access"] == "invite_only"
    assert ticket_types(conn, "NS2") == ["Master class", "Workshop"]
    assert ticket_types(conn, "NS1") == []

    again = run_import(conn, "programme", programme(tmp_path, NS1, workshop))
    assert (again.unchanged, again.updated) == (2, 0)
    # Changing only the ticket types is an update; back to open clears them.
    fewer = run_import(
        conn, "programme", programme(tmp_path, NS1, NS2.replace(",open,", ",TICKETS:Workshop,"))
    )
    assert (fewer.unchanged, fewer.updated) == (1, 1)
    assert ticket_types(conn, "NS2") == ["Workshop"]
    opened = run_import(conn, "programme", programme(tmp_path, NS1, NS2))
    assert opened.updated == 1
    assert session(conn, "NS2")["access"] == "open" and ticket_types(conn, "NS2") == []


def test_the_ticket_access_spelling_is_explained_when_wrong(event_db, tmp_path):
    report = run_import(
        event_db.conn, "programme", programme(tmp_path, NS2.replace(",open,", ",members,"))
    )
    assert "tickets:TYPE" in report.errors[0].message


def test_a_programme_may_name_speakers_not_yet_in_the_roster(event_db, tmp_path):
    report = run_import(event_db.conn, "programme", programme(tmp_path, NS1))

    assert report.errors == []
    assert event_db.conn.execute("SELECT count(*) FROM attendees").fetchone()[0] == 0


def test_a_json_programme_with_rooms_imports_like_the_csv(event_db, tmp_path):
    conn = event_db.conn
    document = {
        "rooms": [
            {"room": "212+213", "venue": "KDJ Center", "capacity": 120},
            {"room": "211", "venue": "KDJ Center", "capacity": 60},
        ],
        "sessions": [
            {
                "session_id": "NS1",
                "title_en": "Workshop",
                "title_ko": "워크숍",
                "date": "2019-09-30",
                "start": "10:30",
                "end": "12:30",
                "room": "212+213",
                "access": "invite_only",
                "organizer": "NHRCK",
                "speakers": ["R-1", "R-2"],
            },
            {
                "session_id": "NS2",
                "title_en": "Activists",
                "title_ko": "활동가",
                "date": "2019-10-01",
                "start": "16:00",
                "end": "18:30",
                "room": "211",
                "access": "open",
                "interpretation": "ko,en",
                "speakers": "R-3",
            },
        ],
    }
    path = tmp_path / "programme.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    report = run_import(conn, "programme", path)
    from_json = [session(conn, sid) for sid in ("NS1", "NS2")]
    again = run_import(conn, "programme", programme(tmp_path, NS1, NS2))

    assert (report.added, report.errors) == (2, [])
    assert (from_json[0]["venue"], from_json[0]["capacity"]) == ("KDJ Center", 120)
    assert (again.unchanged, again.updated) == (2, 0)  # the CSV says exactly the same
    assert speakers(conn, "NS1") == {"R-1", "R-2"}


def test_a_json_item_that_is_not_an_object_is_named_by_its_row(event_db, tmp_path):
    good = dict(zip(HEADER.split(","), NS1.split(","), strict=True))
    path = tmp_path / "programme.json"
    path.write_text(json.dumps([good, "NS2", good | {"session_id": "NS3", "date": "soon"}]))

    report = run_import(event_db.conn, "programme", path)

    # Items are numbered like spreadsheet rows under a header: the second item is row 3.
    assert [(e.row, e.field) for e in report.errors] == [(3, ""), (4, "date")]
    assert event_db.conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0
