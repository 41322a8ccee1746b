"""For any sequence of scans at a real door on a real database, the promises of PRODUCT.md hold:
no uninvited entry, no double counting, never over capacity, exits without entry handled."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import add_person, add_session, invite
from kiosk.core.clock import parse_at
from kiosk.core.model import Direction, Reason
from kiosk.services.checkins import CheckinService
from kiosk.services.event import init_event
from kiosk.services.issuing import issue_codes

PEOPLE = {
    "G1": "participant",  # invited
    "G2": "participant",  # invited
    "P1": "participant",  # not invited
    "P2": "press",  # not invited
    "S1": "staff",
    "K1": "speaker",  # the session's speaker
}
INVITED_OR_PASSING = {"G1", "G2", "S1", "K1"}

scan_steps = st.lists(
    st.tuples(st.sampled_from(sorted(PEOPLE)), st.sampled_from([Direction.IN, Direction.OUT])),
    min_size=1,
    max_size=40,
)


def _event(folder: Path, capacity: int):
    db = init_event(folder / "event.sqlite", "Property Forum", "Asia/Seoul")
    conn = db.conn
    add_session(conn, "NS1", capacity=capacity, invite_only=True, speakers=("K1",))
    for rid, category in PEOPLE.items():
        add_person(conn, rid, category=category)
    invite(conn, "NS1", "G1")
    invite(conn, "NS1", "G2")
    return conn, dict(issue_codes(conn, None))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=scan_steps, capacity=st.integers(1, 4))
def test_any_sequence_of_scans_keeps_the_door_promises(steps, capacity):
    with tempfile.TemporaryDirectory() as folder:
        conn, codes = _event(Path(folder), capacity)
        service = CheckinService(conn)
        at = parse_at("2019-09-30T10:45", service.event.tz)
        inside_model: set[str] = set()
        entered_model: set[str] = set()
        for minute, (rid, direction) in enumerate(steps):
            verdict = service.scan(codes[rid], "NS1", direction=direction, at_ms=at + minute)
            if direction is Direction.OUT:
                assert verdict.reason is Reason.EXIT_RECORDED
                inside_model.discard(rid)
            elif rid not in INVITED_OR_PASSING:
                assert verdict.reason is Reason.NOT_INVITED
            elif rid in inside_model:
                assert verdict.reason is Reason.READMITTED
            elif len(inside_model) >= capacity:
                assert verdict.reason is Reason.ROOM_FULL
            else:
                expected = Reason.READMITTED if rid in entered_model else Reason.ADMITTED
                assert verdict.reason is expected
                inside_model.add(rid)
                entered_model.add(rid)
            assert verdict.inside == len(inside_model)
            assert verdict.inside <= capacity
        # The log, read afresh by another service, gives the same derived counts.
        fresh = CheckinService(conn)
        first_entries = conn.execute(
            "SELECT count(*) FROM checkins WHERE reason = 'admitted' AND session_id = 'NS1'"
        ).fetchone()[0]
        assert first_entries == len(entered_model)
        probe = fresh.scan(codes["P1"], "NS1", at_ms=at + 100)
        assert probe.inside == len(inside_model)
        conn.close()


def test_an_exit_without_entry_is_recorded_and_the_first_entry_still_counts(event_db):
    conn = event_db.conn
    add_session(conn, "NS2", capacity=1)
    add_person(conn, "R1")
    add_person(conn, "R2")
    codes = dict(issue_codes(conn, None))
    service = CheckinService(conn)
    at = parse_at("2019-09-30T10:40", service.event.tz)
    out = service.scan(codes["R1"], "NS2", direction=Direction.OUT, at_ms=at)
    assert out.reason is Reason.EXIT_RECORDED and out.inside == 0
    first = service.scan(codes["R1"], "NS2", at_ms=at + 1)
    assert first.reason is Reason.ADMITTED and first.inside == 1
    assert service.scan(codes["R2"], "NS2", at_ms=at + 2).reason is Reason.ROOM_FULL
