"""What door staff and a person at a kiosk are told, and what the log keeps: the whole answer of
`CheckinService`, field by field, for a door scan, a look-up by name and a self check-in."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from builders import add_person, add_session, invite
from kiosk.core.clock import now_ms, parse_at
from kiosk.core.messages import message_for
from kiosk.core.model import Direction, Reason
from kiosk.services.checkins import CheckinService
from kiosk.services.issuing import issue_codes

SEOUL = ZoneInfo("Asia/Seoul")


def at(text: str) -> int:
    return parse_at(text, SEOUL)


@pytest.fixture
def event(event_db):
    """Two days of sessions: an open hall, an invite-only room with a speaker, and tomorrow's."""
    conn = event_db.conn
    add_session(conn, "OPEN", start="14:00", end="15:00", capacity=2, room="Hall A")
    add_session(conn, "CLOSED", start="10:30", end="12:30", invite_only=True, room="211")
    add_session(conn, "TALK", start="10:30", end="12:00", room="101", speakers=("SPEAKER",))
    add_session(conn, "TOMORROW", day="2019-10-01", start="09:00", end="10:00", room="Hall A")
    conn.execute(
        "UPDATE sessions SET venue = 'KDJ Center', interpretation = 'ko,en' "
        "WHERE session_id = 'OPEN'"
    )
    for rid, category in (
        ("GUEST", "participant"),
        ("PLAIN", "participant"),
        ("CREW", "staff"),
        ("SPEAKER", "speaker"),
    ):
        add_person(conn, rid, category=category, family=rid, given="Test")
    invite(conn, "CLOSED", "GUEST")
    codes = dict(issue_codes(conn, None))
    return conn, codes, CheckinService(conn)


def log(conn: sqlite3.Connection) -> list[tuple]:
    return conn.execute(
        "SELECT device, registration_id, session_id, direction, verdict, reason, "
        "override_reason, code_version FROM checkins ORDER BY id"
    ).fetchall()


def session_ids(verdict) -> list[str]:
    return [s["session_id"] for s in verdict.sessions]


def test_a_self_check_in_lists_the_days_sessions_each_person_may_enter(event) -> None:
    conn, codes, service = event
    morning = at("2019-09-30T09:00")
    # The invite-only room: for the invited, staff and (not) for others; sessions by start time.
    assert session_ids(service.checkin(codes["GUEST"], at_ms=morning)) == [
        "CLOSED",
        "TALK",
        "OPEN",
    ]
    assert session_ids(service.checkin(codes["PLAIN"], at_ms=morning)) == ["TALK", "OPEN"]
    assert session_ids(service.checkin(codes["CREW"], at_ms=morning)) == ["CLOSED", "TALK", "OPEN"]
    assert session_ids(service.checkin(codes["SPEAKER"], at_ms=morning)) == ["TALK", "OPEN"]
    tomorrow = service.checkin(codes["PLAIN"], at_ms=at("2019-10-01T08:00"))
    assert tomorrow.sessions == [
        {
            "session_id": "TOMORROW",
            "title_en": "Session TOMORROW",
            "title_ko": "세션 TOMORROW",
            "start": "2019-10-01T09:00:00+09:00",
            "end": "2019-10-01T10:00:00+09:00",
            "venue": None,
            "room": "Hall A",
            "interpretation": [],
        }
    ]
    opened = service.checkin(codes["PLAIN"], at_ms=morning).sessions[-1]
    assert opened == {
        "session_id": "OPEN",
        "title_en": "Session OPEN",
        "title_ko": "세션 OPEN",
        "start": "2019-09-30T14:00:00+09:00",
        "end": "2019-09-30T15:00:00+09:00",
        "venue": "KDJ Center",
        "room": "Hall A",
        "interpretation": ["ko", "en"],
    }


def test_a_speaker_sees_the_invite_only_session_they_speak_at(event) -> None:
    conn, codes, service = event
    conn.execute(
        "INSERT INTO session_speakers(session_id, registration_id) VALUES ('CLOSED', 'PLAIN')"
    )
    verdict = service.checkin(codes["PLAIN"], at_ms=at("2019-09-30T09:00"))
    assert session_ids(verdict) == ["CLOSED", "TALK", "OPEN"]


def test_a_self_check_in_is_recorded_once_then_welcomed_back(event) -> None:
    conn, codes, service = event
    first = service.checkin(codes["GUEST"], at_ms=at("2019-09-30T09:00"), device="kiosk-2")
    again = service.checkin(codes["GUEST"], at_ms=at("2019-09-30T09:05"))
    assert (first.reason, again.reason) == (Reason.ADMITTED, Reason.READMITTED)
    assert log(conn) == [
        ("kiosk-2", "GUEST", None, "in", "admit", "admitted", None, 1),
        (service.event.device, "GUEST", None, "in", "admit", "readmitted", None, 1),
    ]
    uids = [uid for (uid,) in conn.execute("SELECT event_uid FROM checkins ORDER BY id")]
    assert [first.checkin_id, again.checkin_id] == uids
    answer = first.to_json()
    assert answer == {
        "verdict": "admit",
        "reason": "admitted",
        "session": None,
        "direction": "in",
        "attendee": {"registration_id": "GUEST", "name": "GUEST Test", "category": "participant"},
        "message": message_for(Reason.ADMITTED, arrival=True),
        "at": "2019-09-30T09:00:00+09:00",
        "checkin_id": uids[0],
        "sessions": first.sessions,
    }
    # Someone else's first arrival is theirs: no "welcome back" for them.
    assert service.checkin(codes["PLAIN"], at_ms=at("2019-09-30T09:06")).reason is Reason.ADMITTED


def test_a_refused_self_check_in_lists_nothing(event) -> None:
    conn, codes, service = event
    old = codes["PLAIN"]
    list(issue_codes(conn, ["PLAIN"], reissue=True))
    refused = service.checkin(old, at_ms=at("2019-09-30T09:00"))
    assert refused.reason is Reason.REVOKED and refused.sessions is None
    answer = refused.to_json()
    assert "sessions" not in answer and "attendee" not in answer
    assert log(conn) == [(service.event.device, None, None, "in", "deny", "revoked", None, 1)]


def test_a_self_check_in_without_a_time_is_stamped_now(event) -> None:
    conn, codes, service = event
    before = now_ms()
    verdict = service.checkin(codes["GUEST"])
    after = now_ms()
    assert before <= verdict.at_ms <= after
    assert conn.execute("SELECT at_ms FROM checkins").fetchone()[0] == verdict.at_ms


def test_a_door_answer_says_who_where_which_way_and_how_full(event) -> None:
    conn, codes, service = event
    verdict = service.scan(codes["GUEST"], "OPEN", at_ms=at("2019-09-30T14:01"), device="door-3")
    assert verdict.override_reason is None
    assert verdict.to_json() == {
        "verdict": "admit",
        "reason": "admitted",
        "session": "OPEN",
        "direction": "in",
        "attendee": {"registration_id": "GUEST", "name": "GUEST Test", "category": "participant"},
        "message": message_for(Reason.ADMITTED),
        "occupancy": {"inside": 1, "capacity": 2},
        "at": "2019-09-30T14:01:00+09:00",
        "checkin_id": verdict.checkin_id,
    }
    leaving = service.scan(
        codes["GUEST"], "OPEN", direction=Direction.OUT, at_ms=at("2019-09-30T14:30")
    )
    assert (leaving.reason, leaving.direction, leaving.inside) == (
        Reason.EXIT_RECORDED,
        Direction.OUT,
        0,
    )
    assert log(conn) == [
        ("door-3", "GUEST", "OPEN", "in", "admit", "admitted", None, 1),
        (service.event.device, "GUEST", "OPEN", "out", "admit", "exit_recorded", None, 1),
    ]
    assert service.inside_count("OPEN") == 0 and service.inside_count("TALK") == 0


def test_an_unknown_session_is_answered_with_the_scan_itself(event) -> None:
    conn, codes, service = event
    verdict = service.scan(
        codes["GUEST"], "NOPE", direction=Direction.OUT, at_ms=at("2019-09-30T14:01")
    )
    assert verdict.to_json() == {
        "verdict": "deny",
        "reason": "unknown_session",
        "session": "NOPE",
        "direction": "out",
        "message": message_for(Reason.UNKNOWN_SESSION),
        "at": "2019-09-30T14:01:00+09:00",
    }
    assert log(conn) == []  # nothing to record: the door is not in the programme


def test_staff_letting_someone_in_by_name_is_logged_as_a_scan_would_be(event) -> None:
    conn, codes, service = event
    list(issue_codes(conn, ["PLAIN"], reissue=True))  # version 2 now
    verdict = service.scan_registration(
        "PLAIN", "TALK", at_ms=at("2019-09-30T10:35"), device="door-9"
    )
    assert verdict.reason is Reason.ADMITTED and verdict.attendee is not None
    unknown = service.scan_registration("NOBODY", "TALK", at_ms=at("2019-09-30T10:36"))
    assert unknown.reason is Reason.UNKNOWN_CODE
    assert log(conn) == [
        ("door-9", "PLAIN", "TALK", "in", "admit", "admitted", None, 2),
        (service.event.device, None, "TALK", "in", "deny", "unknown_code", None, None),
    ]


def test_a_revoked_code_names_no_one_before_or_after_confirming(event) -> None:
    conn, codes, service = event
    old = codes["GUEST"]
    list(issue_codes(conn, ["GUEST"], reissue=True))
    assert service.arrival_check(old) == (Reason.REVOKED, None)
    assert service.scan(old, "OPEN", at_ms=at("2019-09-30T14:01")).attendee is None


def test_an_override_is_kept_with_its_reason_and_only_then(event) -> None:
    conn, codes, service = event
    early = at("2019-09-30T08:00")
    assert service.scan(codes["PLAIN"], "TALK", at_ms=early).reason is Reason.TOO_EARLY
    verdict = service.scan(codes["PLAIN"], "TALK", at_ms=early, override_reason=" rehearsal ")
    assert (verdict.reason, verdict.override_reason) == (Reason.ADMITTED, "rehearsal")
    assert verdict.to_json()["override_reason"] == "rehearsal"
    # An override asked for a scan that needs none changes nothing and is not logged.
    inside = service.scan(codes["GUEST"], "TALK", at_ms=at("2019-09-30T10:40"), override_reason="x")
    assert inside.override_reason is None
    assert [row[5:7] for row in log(conn)] == [
        ("too_early", None),
        ("admitted", "rehearsal"),
        ("admitted", None),
    ]


def test_a_door_reads_other_doors_counts_when_asked(event, db_path: Path) -> None:
    conn, codes, service = event
    other = CheckinService(sqlite3.connect(db_path, isolation_level=None))
    other.scan(codes["GUEST"], "OPEN", at_ms=at("2019-09-30T14:01"))
    assert service.inside_count("OPEN") == 1
    other.conn.close()


def test_a_door_scan_without_a_time_is_stamped_now(event) -> None:
    conn, codes, service = event
    before = now_ms()
    verdict = service.scan(codes["GUEST"], "TALK")
    after = now_ms()
    assert before <= verdict.at_ms <= after  # outside the session's hours today: too early
    assert conn.execute("SELECT at_ms FROM checkins").fetchone()[0] == verdict.at_ms


def test_a_cancelled_registration_is_named_but_gets_no_sessions(event) -> None:
    conn, codes, service = event
    conn.execute("UPDATE attendees SET status = 'cancelled' WHERE registration_id = 'PLAIN'")
    verdict = service.checkin(codes["PLAIN"], at_ms=at("2019-09-30T09:00"))
    assert verdict.reason is Reason.CANCELLED and verdict.sessions is None
    assert verdict.attendee is not None and verdict.attendee.registration_id == "PLAIN"
