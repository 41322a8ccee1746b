"""Who is inside and who has checked in: the pure fold (kiosk.core.presence) and the SQL
(kiosk.store.presence) give the same answers on any log, in any order lines arrive, and every
place that shows a count (the door, `status`, the dashboard, the day report) uses them."""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import add_person, add_session
from kiosk.core.model import Direction, Presence, Reason
from kiosk.core.presence import (
    AdmittedScan,
    PresenceFold,
    SessionPresence,
    occupancy_over_time,
    peak_occupancy,
)
from kiosk.services.dashboard import LiveCounts
from kiosk.services.event import init_event
from kiosk.services.status import event_status
from kiosk.store.checkin_log import PresenceBook, append_checkin
from kiosk.store.database import open_database, transaction
from kiosk.store.presence import (
    admitted_scans,
    checked_in_count,
    first_checkins,
    inside_since,
    session_counts,
)

SESSIONS = ("S1", "S2")
PEOPLE = ("P1", "P2", "P3", "P4")
REASONS = {
    Direction.IN: (Reason.ADMITTED, Reason.READMITTED, Reason.ROOM_FULL, Reason.UNKNOWN_CODE),
    Direction.OUT: (Reason.EXIT_RECORDED, Reason.UNKNOWN_CODE),
}

# One log line: where (None: a kiosk arrival), who (None: an unreadable code), which way, when
# (a small range, so equal times happen and the log id must break the tie), and whether admitted.
log_lines = st.lists(
    st.tuples(
        st.sampled_from((None, *SESSIONS)),
        st.sampled_from((None, *PEOPLE)),
        st.sampled_from((Direction.IN, Direction.OUT)),
        st.integers(0, 6),
        st.booleans(),
        st.sampled_from(("door-a", "door-b")),
    ),
    max_size=40,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An event with two sessions and four people, copied afresh for each example."""
    path = tmp_path_factory.mktemp("presence") / "template.sqlite"
    db = init_event(path, "Presence Forum", "Asia/Seoul")
    add_session(db.conn, "S1", capacity=2)
    add_session(db.conn, "S2", start="13:00", end="14:00")
    for rid in PEOPLE:
        add_person(db.conn, rid)
    db.conn.close()
    return path


def _write(conn, lines) -> None:
    base = 1_569_800_000_000
    with transaction(conn):
        for session, person, direction, minute, admitted, device in lines:
            reason = REASONS[direction][0 if admitted else -1]
            append_checkin(
                conn,
                device=device,
                registration_id=person,
                session_id=session,
                direction=direction,
                at_ms=base + minute * 60_000,
                reason=reason,
            )


def _fold_of(conn) -> PresenceFold:
    return PresenceFold().apply_all(admitted_scans(conn))


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=log_lines, seed=st.integers(0, 2**16))
def test_the_fold_and_the_sql_agree_on_any_log(template: Path, lines, seed: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "event.sqlite"
        shutil.copy(template, path)
        conn = open_database(path).conn
        _write(conn, lines)
        scans = list(admitted_scans(conn))
        shuffled = scans[:]
        random.Random(seed).shuffle(shuffled)
        fold = PresenceFold().apply_all(shuffled)  # lines as sync may bring them: any order

        counts = {c.session_id: c for c in session_counts(conn)}
        book = PresenceBook(conn)
        for sid in SESSIONS:
            door = fold.session(sid)
            assert counts[sid].admitted == door.admitted_count
            assert counts[sid].inside == door.inside_count == book.inside_count(sid)
            assert inside_since(conn, sid) == door.inside_since()
            for rid in PEOPLE:
                assert book.presence(sid, rid) == door.presence(rid)
            # Walking history in order ends where the fold ends, and the peak bounds it.
            walk = [
                count for _, count in occupancy_over_time(s for s in scans if s.session_id == sid)
            ]
            assert (walk[-1] if walk else 0) == door.inside_count
            assert peak_occupancy(s for s in scans if s.session_id == sid)[0] == max([0, *walk])
        assert checked_in_count(conn) == fold.checked_in_count
        assert first_checkins(conn) == fold.first_checkin_ms

        # A reference written from the definition alone, line by line.
        admitted = [line for line in lines if line[4] and line[1] is not None]
        assert fold.checked_in_count == len({p for _, p, d, *_ in admitted if d is Direction.IN})
        for sid in SESSIONS:
            here = [(m, i, p, d) for i, (s, p, d, m, *_) in enumerate(admitted) if s == sid]
            latest = {p: d for _, _, p, d in sorted(here, key=lambda x: (x[0], x[1]))}
            inside = {p for p, d in latest.items() if d is Direction.IN}
            assert set(fold.session(sid).inside_since()) == inside

        # `status` and the dashboard's live counts, read in two steps, say the same.
        live = LiveCounts()
        live.update(conn)
        assert live.status(conn) == event_status(conn)
        conn.close()


def test_live_counts_take_lines_that_sync_brings_late(event_db) -> None:
    conn = event_db.conn
    add_session(conn, "S1")
    add_person(conn, "P1")
    live = LiveCounts()
    _write(conn, [("S1", "P1", Direction.IN, 5, True, "door-a")])
    live.update(conn)
    assert live.status(conn)["sessions"][0]["inside"] == 1
    # An exit recorded at 10:05 by another door arrives after the entry at 10:05... but its time
    # is earlier (10:03): the person is still inside. A later exit (10:07) takes them out.
    _write(conn, [("S1", "P1", Direction.OUT, 3, True, "door-b")])
    assert live.update(conn) == 1
    assert live.status(conn)["sessions"][0]["inside"] == 1
    _write(conn, [("S1", "P1", Direction.OUT, 7, True, "door-b")])
    live.update(conn)
    assert live.status(conn) == event_status(conn)
    assert live.status(conn)["sessions"][0]["inside"] == 0


def test_one_session_in_and_out_at_the_same_moment_follows_the_log_order() -> None:
    door = SessionPresence()
    assert door.apply("P1", Direction.IN, (100, 1)) == 1
    assert door.apply("P1", Direction.OUT, (100, 2)) == -1
    assert door.apply("P1", Direction.IN, (100, 1)) == 0  # the same line again changes nothing
    assert door.presence("P1") == Presence(has_entered=True, inside=False)
    assert door.presence("P2") == Presence()
    assert door.admitted_count == 1 and door.inside_count == 0


def test_an_exit_without_an_entry_is_not_an_entry_or_a_check_in() -> None:
    fold = PresenceFold()
    fold.apply(AdmittedScan(1, "S1", "P1", Direction.OUT, 100))
    assert fold.session("S1").presence("P1") == Presence(has_entered=False, inside=False)
    assert fold.session("S1").admitted_count == 0
    assert fold.checked_in_count == 0


def test_checked_in_means_a_kiosk_arrival_or_an_admission_at_any_door() -> None:
    fold = PresenceFold().apply_all(
        [
            AdmittedScan(1, None, "KIOSK", Direction.IN, 300),
            AdmittedScan(2, "S1", "DOOR", Direction.IN, 200),
            AdmittedScan(3, "S2", "DOOR", Direction.IN, 100),
            AdmittedScan(4, "S1", "KIOSK", Direction.IN, 400),
        ]
    )
    assert fold.checked_in_count == 2
    assert fold.first_checkin_ms == {"KIOSK": 300, "DOOR": 100}


def test_the_peak_is_the_most_people_inside_at_once_and_when_first_reached() -> None:
    scans = [
        AdmittedScan(4, "S1", "B", Direction.OUT, 30),
        AdmittedScan(1, "S1", "A", Direction.IN, 10),
        AdmittedScan(2, "S1", "B", Direction.IN, 20),
        AdmittedScan(5, "S1", "C", Direction.IN, 40),
        AdmittedScan(6, "S1", "A", Direction.OUT, 50),
    ]
    assert [count for _, count in occupancy_over_time(scans)] == [1, 2, 1, 2, 1]
    assert peak_occupancy(scans) == (2, 20)
    assert peak_occupancy([]) == (0, None)
