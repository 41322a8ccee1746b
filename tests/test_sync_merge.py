"""Events bundles and the merge: a union by event, in any order, any number of times; device keys
pinned; gaps, clashes and conflicts shown, never merged away; clocks hours apart survived."""

from __future__ import annotations

import itertools
import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sync_helpers import at, clone, log_rows, make_organiser, provision

from kiosk.core import keys
from kiosk.core.model import Direction
from kiosk.services.checkins import CheckinService
from kiosk.services.issuing import issue_codes
from kiosk.services.status import event_status
from kiosk.store.database import open_database, transaction
from kiosk.sync.bundle import BundleError, make_bundle, open_bundle
from kiosk.sync.conflicts import conflict_report
from kiosk.sync.events import CHECKIN_COLUMNS, export_events, import_events
from kiosk.sync.roster import apply_roster, export_roster
from kiosk.sync.state import device_list, pending_events

HOUR = 3_600_000


@pytest.fixture
def event(tmp_path: Path):
    organiser, codes = make_organiser(tmp_path / "organiser.sqlite")
    doors = {
        name: provision(organiser, tmp_path / f"{name}.sqlite", name)
        for name in ("door-a", "door-b", "kiosk-c")
    }
    yield organiser, doors, codes
    for conn in (organiser, *doors.values()):
        conn.close()


def _events(conn, since: int = 0):
    return open_bundle(export_events(conn, since=since).data)


def test_import_is_a_union_idempotent_and_order_free(event, tmp_path):
    organiser, doors, codes = event
    a, b, c = (CheckinService(doors[n]) for n in ("door-a", "door-b", "kiosk-c"))
    a.scan(codes["R1"], "S2", at_ms=at("10:40"))
    a.scan(codes["R1"], "S2", direction=Direction.OUT, at_ms=at("10:50"))
    b.scan(codes["R2"], "S2", at_ms=at("10:41"))
    b.scan("NOT-A-CODE", "S2", at_ms=at("10:42"))
    c.checkin(codes["R3"], at_ms=at("09:00"))
    bundles = [_events(doors[n]) for n in ("door-a", "door-b", "kiosk-c")]
    union = set().union(*(log_rows(d, local_only=True) for d in doors.values()))
    assert len(union) == 5
    for number, order in enumerate(itertools.permutations(bundles)):
        fresh = clone(organiser, tmp_path / f"order{number}.sqlite")
        results = [import_events(fresh, [bundle]) for bundle in order]
        results += [import_events(fresh, [bundle]) for bundle in reversed(order)]
        assert log_rows(fresh) == union
        assert sum(r.counts.added for r in results) == 5
        assert sum(r.counts.duplicates for r in results) == 5
        fresh.close()
    steps: list[tuple[int, int]] = []
    import_events(organiser, bundles, progress=lambda done, total: steps.append((done, total)))
    assert steps == [(1, 3), (2, 3), (3, 3)]
    # Importing everything again, all at once, adds nothing.
    again = import_events(organiser, bundles + bundles)
    assert again.counts.added == 0 and again.counts.duplicates == 10
    assert organiser.execute("SELECT count(*) FROM checkins").fetchone()[0] == 5


def test_merged_rows_keep_device_time_and_get_a_sync_order_time(event):
    organiser, doors, codes = event
    CheckinService(doors["door-a"]).scan(codes["R1"], "S2", at_ms=at("10:40"))
    import_events(organiser, [_events(doors["door-a"])], received_ms=at("18:00"))
    row = organiser.execute("SELECT at_ms, received_ms, source FROM checkins").fetchone()
    assert row == (at("10:40"), at("18:00"), "door-a")
    local = doors["door-a"].execute("SELECT received_ms, source FROM checkins").fetchone()
    assert local == (None, None)


def test_events_since_a_cursor_make_smaller_bundles_and_gaps_show(event):
    organiser, doors, codes = event
    door = CheckinService(doors["door-a"])
    for n, rid in enumerate(("R1", "R2", "R3", "R4")):
        door.scan(codes[rid], "S2", at_ms=at("10:40") + n)
    first = export_events(doors["door-a"])
    assert first.records == 4 and first.cursor == 4
    door.scan(codes["R5"], "S2", at_ms=at("10:45"))
    door.scan(codes["R6"], "S2", at_ms=at("10:46"))
    later = export_events(doors["door-a"], since=first.cursor)
    assert later.records == 2
    # The later part arrives first: the organiser sees sequence numbers 5-6 and a gap of 4.
    import_events(organiser, [open_bundle(later.data)])
    [status] = [d for d in device_list(organiser) if d.device == "door-a"]
    assert (status.received, status.highest_seq, status.missing) == (2, 6, 4)
    # A truncated copy of the first part is refused whole; the full one fills the gap.
    with pytest.raises(BundleError, match="truncated"):
        open_bundle(first.data[: len(first.data) // 2])
    import_events(organiser, [open_bundle(first.data)])
    [status] = [d for d in device_list(organiser) if d.device == "door-a"]
    assert (status.received, status.highest_seq, status.pending) == (6, 6, 0)
    assert log_rows(organiser) == log_rows(doors["door-a"])


def test_a_device_key_is_pinned_on_first_import_and_another_key_refused(event, tmp_path):
    organiser, doors, codes = event
    CheckinService(doors["door-a"]).scan(codes["R1"], "S2", at_ms=at("10:40"))
    result = import_events(organiser, [_events(doors["door-a"])])
    assert result.pinned == ["door-a"]
    # A re-provisioned database calling itself door-a has another key: refused.
    impostor = provision(organiser, tmp_path / "impostor.sqlite", "door-a", enrol=False)
    CheckinService(impostor).scan(codes["R2"], "S2", at_ms=at("10:41"))
    with pytest.raises(BundleError, match="known with another key"):
        import_events(organiser, [_events(impostor)])
    assert organiser.execute("SELECT count(*) FROM checkins").fetchone()[0] == 1


def test_a_device_not_provisioned_from_this_event_cannot_get_pinned(event):
    organiser, doors, codes = event
    CheckinService(doors["door-a"]).scan(codes["R1"], "S2", at_ms=at("10:40"))
    genuine = _events(doors["door-a"])
    stranger = keys.new_private_key()
    forged = make_bundle(
        kind="events",
        event_id=genuine.event_id,
        signer=stranger,
        device="door-z",
        payload=json.dumps(genuine.payload()).encode(),
        created_ms=1,
        records=1,
        extra={"enrolment": "00" * 32},
    )
    with pytest.raises(BundleError, match="door-z' is not enrolled"):
        import_events(organiser, [open_bundle(forged)])


def test_a_taken_sequence_number_is_kept_aside_and_reported(event, tmp_path):
    organiser, doors, codes = event
    CheckinService(doors["door-a"]).scan(codes["R1"], "S2", at_ms=at("10:40"))
    import_events(organiser, [_events(doors["door-a"])])
    # The organiser records a scan under the same device name and sequence number 1.
    CheckinService(organiser).scan(codes["R2"], "S2", device="door-b", at_ms=at("10:41"))
    CheckinService(doors["door-b"]).scan(codes["R3"], "S2", at_ms=at("10:42"))
    result = import_events(organiser, [_events(doors["door-b"])])
    assert (result.counts.added, result.counts.clashes) == (0, 1)
    report = conflict_report(organiser)
    [taken] = [c for c in report["conflicts"] if c["kind"] == "sequence_taken"]
    assert taken["device"] == "door-b" and taken["device_seq"] == 1
    again = import_events(organiser, [_events(doors["door-b"])])
    assert again.counts.clashes == 1
    assert organiser.execute("SELECT count(*) FROM sync_rejects").fetchone()[0] == 1


def test_two_doors_admitting_one_person_offline_is_a_conflict(event):
    organiser, doors, codes = event
    CheckinService(doors["door-a"]).scan(codes["R1"], "S1", at_ms=at("10:40"))
    CheckinService(doors["door-b"]).scan(codes["R1"], "S1", at_ms=at("10:41"))
    import_events(organiser, [_events(doors["door-a"]), _events(doors["door-b"])])
    report = conflict_report(organiser)
    [double] = [c for c in report["conflicts"] if c["kind"] == "double_admission"]
    assert double["devices"] == ["door-a", "door-b"] and double["registration_id"] == "R1"
    # Counted once: one person admitted, inside once.
    [s1] = [s for s in event_status(organiser)["sessions"] if s["session_id"] == "S1"]
    assert (s1["admitted"], s1["inside"]) == (1, 1)


def test_a_room_over_capacity_across_doors_is_a_conflict(event):
    organiser, doors, codes = event
    # S1 holds 3. Each door alone admits two: five inside across both doors.
    for n, rid in enumerate(("R1", "R2")):
        CheckinService(doors["door-a"]).scan(codes[rid], "S1", at_ms=at("10:40") + n)
    for n, rid in enumerate(("R3", "R4", "R5")):
        CheckinService(doors["door-b"]).scan(codes[rid], "S1", at_ms=at("10:42") + n)
    import_events(organiser, [_events(doors["door-a"]), _events(doors["door-b"])])
    [over] = [c for c in conflict_report(organiser)["conflicts"] if c["kind"] == "over_capacity"]
    assert over["session_id"] == "S1" and over["capacity"] == 3 and over["peak_inside"] == 5
    assert over["devices"] == ["door-a", "door-b"]


def test_a_revoked_code_used_before_the_device_synced_is_a_conflict(event):
    organiser, doors, codes = event
    # The organiser reissues R1's badge; door-a has not synced yet and admits the old code.
    new_code = dict(issue_codes(organiser, ["R1"], reissue=True))["R1"]
    verdict = CheckinService(doors["door-a"]).scan(codes["R1"], "S2", at_ms=at("10:40"))
    assert verdict.reason.value == "admitted"
    import_events(organiser, [_events(doors["door-a"])])
    [revoked] = [
        c for c in conflict_report(organiser)["conflicts"] if c["kind"] == "revoked_code_used"
    ]
    assert revoked["registration_id"] == "R1" and revoked["device"] == "door-a"
    assert (revoked["code_version"], revoked["current_version"]) == (1, 2)
    # After a sync the door refuses the old code and admits the new one.
    apply_roster(doors["door-a"], open_bundle(export_roster(organiser).data))
    door = CheckinService(doors["door-a"])
    assert door.scan(codes["R1"], "S3", at_ms=at("10:45")).reason.value == "revoked"
    assert door.scan(new_code, "S2", at_ms=at("10:46")).reason.value == "readmitted"


def test_clocks_hours_apart_merge_the_same_and_count_people_once(event, tmp_path):
    organiser, doors, codes = event
    # door-a's clock runs 5 hours fast, kiosk-c's 3 hours slow; door-b is right.
    a, b = CheckinService(doors["door-a"]), CheckinService(doors["door-b"])
    a.scan(codes["R1"], "S2", at_ms=at("10:40") + 5 * HOUR)
    b.scan(codes["R2"], "S2", at_ms=at("10:41"))
    b.scan(codes["R1"], "S2", at_ms=at("10:42"))  # door-b never saw R1: first entry there too
    CheckinService(doors["kiosk-c"]).checkin(codes["R1"], at_ms=at("09:00") - 3 * HOUR)
    bundles = [_events(d) for d in doors.values()]
    states = []
    for number, order in enumerate(itertools.permutations(bundles)):
        fresh = clone(organiser, tmp_path / f"order{number}.sqlite")
        for bundle in order:
            import_events(fresh, [bundle])
        states.append((log_rows(fresh), event_status(fresh)))
        fresh.close()
    assert all(state == states[0] for state in states)
    status = states[0][1]
    [s2] = [s for s in status["sessions"] if s["session_id"] == "S2"]
    # R1 (kiosk and two doors) and R2 (a door): two people checked in, each counted once.
    assert s2["admitted"] == 2 and status["checked_in"] == 2
    # The skewed time is kept as the device recorded it; sync order is separate.
    import_events(organiser, bundles)
    times = dict(organiser.execute("SELECT device, max(at_ms) FROM checkins GROUP BY device"))
    assert times["door-a"] == at("10:40") + 5 * HOUR


def test_a_device_applies_the_merged_checkins_of_a_roster(event):
    organiser, doors, codes = event
    CheckinService(doors["door-a"]).scan(codes["R1"], "S1", at_ms=at("10:40"))
    assert pending_events(doors["door-a"]) == 1
    import_events(organiser, [_events(doors["door-a"])])
    roster = open_bundle(export_roster(organiser).data)
    result = apply_roster(doors["door-b"], roster)
    assert result.counts.added == 1 and not result.applied  # same roster version, new check-in
    # door-b now knows R1 entered: readmitted, not a second first entry.
    verdict = CheckinService(doors["door-b"]).scan(codes["R1"], "S1", at_ms=at("10:50"))
    assert verdict.reason.value == "readmitted"
    # door-a learns the organiser has its check-in: nothing pending any more.
    apply_roster(doors["door-a"], roster)
    assert pending_events(doors["door-a"]) == 0


def test_a_bundle_with_an_invalid_row_is_refused_whole(event):
    organiser, doors, codes = event
    CheckinService(doors["door-a"]).scan(codes["R1"], "S1", at_ms=at("10:40"))
    good = _events(doors["door-a"]).payload()
    row = dict(zip(CHECKIN_COLUMNS, good["rows"][0], strict=True))
    bad_rows = [
        [*good["rows"][0][:5], "sideways", *good["rows"][0][6:]],  # direction
        [None, *good["rows"][0][1:]],  # no event id
        good["rows"][0][:-1],  # short
        [*good["rows"][0][:6], good["rows"][0][6] + 0.5, *good["rows"][0][7:]],  # at_ms
        [*good["rows"][0][:2], "first", *good["rows"][0][3:]],  # device_seq
        [*good["rows"][0][:10], "v1", *good["rows"][0][11:]],  # code_version
        [*good["rows"][0][:3], ["R1"], *good["rows"][0][4:]],  # registration_id
        "".join("x" for _ in good["rows"][0]),  # not a list
    ]
    key = keys.new_private_key()
    with transaction(organiser):
        organiser.execute(
            "INSERT INTO sync_devices(device, public_key, first_seen_ms, last_contact_ms, "
            "last_via) VALUES ('door-a', ?, 0, 0, 'usb')",
            (keys.public_bytes(key.public_key()),),
        )
    for bad in bad_rows:
        data = make_bundle(
            kind="events",
            event_id=_events(doors["door-a"]).event_id,
            signer=key,
            device=row["device"],
            # The good row first: a bundle is refused whole, never in part.
            payload=json.dumps(
                {"columns": good["columns"], "rows": [good["rows"][0], bad]}
            ).encode(),
            created_ms=1,
            records=2,
        )
        with pytest.raises(BundleError):
            import_events(organiser, [open_bundle(data)])
    assert organiser.execute("SELECT count(*) FROM checkins").fetchone()[0] == 0


def test_a_door_reading_during_a_roster_apply_sees_the_old_roster_or_the_new(event, tmp_path):
    organiser, doors, _ = event

    def add_people(first: int, count: int) -> None:
        with transaction(organiser):
            organiser.executemany(
                "INSERT INTO attendees(registration_id, family_name, category) "
                "VALUES (?, 'BULK', 'participant')",
                [(f"B{n:05d}",) for n in range(first, first + count)],
            )

    add_people(0, 3_000)
    apply_roster(doors["door-a"], open_bundle(export_roster(organiser).data))
    add_people(3_000, 3_000)
    bundle = open_bundle(export_roster(organiser).data)
    reader = open_database(tmp_path / "door-a.sqlite").conn
    seen: set[int] = set()
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.add(reader.execute("SELECT count(*) FROM attendees").fetchone()[0])

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        apply_roster(doors["door-a"], bundle)
    finally:
        time.sleep(0.05)
        done.set()
        watcher.join(timeout=10)
    reader.close()
    assert seen <= {3_006, 6_006} and 3_006 in seen


@pytest.mark.parametrize("variables", [32_766, 999, 40, 13])
def test_a_merge_works_within_any_sqlite_parameter_limit(event, variables):
    organiser, doors, codes = event
    CheckinService(doors["door-a"]).scan(codes["R1"], "S2", at_ms=at("10:40"))
    good = _events(doors["door-a"]).payload()["rows"][0]
    # 1,234 check-ins of one device (more than one statement's worth at any limit).
    rows = [
        [f"uid-{n:05d}", "door-a", n, *good[3:6], good[6] + n, *good[7:]] for n in range(1, 1235)
    ]
    key = keys.new_private_key()
    with transaction(organiser):
        organiser.execute(
            "INSERT INTO sync_devices(device, public_key, first_seen_ms, last_contact_ms, "
            "last_via) VALUES ('door-a', ?, 0, 0, 'usb')",
            (keys.public_bytes(key.public_key()),),
        )
    data = make_bundle(
        kind="events",
        event_id=_events(doors["door-a"]).event_id,
        signer=key,
        device="door-a",
        payload=json.dumps({"columns": list(CHECKIN_COLUMNS), "rows": rows}).encode(),
        created_ms=1,
        records=len(rows),
    )
    organiser.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, variables)
    result = import_events(organiser, [open_bundle(data)])
    assert (result.counts.added, result.counts.duplicates) == (len(rows), 0)
    # In the device's own order: the row ids follow the sequence numbers.
    seqs = [s for (s,) in organiser.execute("SELECT device_seq FROM checkins ORDER BY id")]
    assert seqs == list(range(1, 1235))
    again = import_events(organiser, [open_bundle(data)])
    assert (again.counts.added, again.counts.duplicates) == (0, len(rows))
