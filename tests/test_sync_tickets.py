"""Tickets travel with sync: a door gets the organiser's tickets and the sessions' ticket rules in
its roster, scans a ticket offline, and the organiser learns which ticket was scanned. Bundles
made before tickets existed are still accepted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sync_helpers import at, make_organiser, provision

from builders import add_session
from kiosk.core import keys
from kiosk.core.model import Reason
from kiosk.services.checkins import CheckinService
from kiosk.services.event import load_event, load_signing_key
from kiosk.store.database import transaction
from kiosk.store.tickets import add_ticket
from kiosk.sync.bundle import make_bundle, open_bundle
from kiosk.sync.events import CHECKIN_COLUMNS, export_events, import_events
from kiosk.sync.roster import apply_roster, export_roster

PASS, WORKSHOP = "8ghu79j8ja5ysazczb4jvq5pk9gcnybg", "84nkerf2ff8q64cj5wx7wf4avt75brcj"


@pytest.fixture
def organiser(tmp_path: Path):
    conn, codes = make_organiser(tmp_path / "organiser.sqlite")
    add_session(conn, "S4", room="214", ticket_types=("Workshop",))
    with transaction(conn):
        add_ticket(conn, PASS, "R2", ticket_type="Conference pass", source="pretix")
        add_ticket(conn, WORKSHOP, "R2", ticket_type="Workshop: Cities", source="pretix")
    yield conn
    conn.close()


def test_a_door_scans_tickets_offline_and_the_organiser_learns_which(organiser, tmp_path):
    door = provision(organiser, tmp_path / "door.sqlite", "door-a")
    assert door.execute("SELECT count(*) FROM tickets").fetchone()[0] == 2
    service = CheckinService(door)
    assert service.scan(WORKSHOP.upper(), "S4", at_ms=at("10:40")).reason is Reason.ADMITTED
    assert service.scan(PASS, "S1", at_ms=at("10:41")).reason is Reason.ADMITTED
    other = service.scan(PASS, "S4", at_ms=at("10:42"))
    assert other.reason is Reason.READMITTED and other.inside == 1

    bundle = open_bundle(export_events(door).data)
    assert "ticket_code" in bundle.payload()["columns"]
    result = import_events(organiser, [bundle])
    assert result.counts.added == 3
    rows = organiser.execute(
        "SELECT session_id, ticket_code FROM checkins WHERE device = 'door-a' ORDER BY device_seq"
    ).fetchall()
    assert rows == [("S4", WORKSHOP), ("S1", PASS), ("S4", PASS)]
    door.close()


def test_an_events_bundle_from_before_tickets_is_still_accepted(organiser, tmp_path):
    door = provision(organiser, tmp_path / "door.sqlite", "door-a")
    CheckinService(door).scan(PASS, "S2", at_ms=at("10:40"))
    payload = open_bundle(export_events(door).data).payload()
    old_columns = [c for c in CHECKIN_COLUMNS if c != "ticket_code"]
    at_ticket = payload["columns"].index("ticket_code")
    rows = [row[:at_ticket] + row[at_ticket + 1 :] for row in payload["rows"]]
    rows = [[f"old-{n}", "door-old", n, *row[3:]] for n, row in enumerate(rows, 1)]
    key = keys.new_private_key()
    with transaction(organiser):
        organiser.execute(
            "INSERT INTO sync_devices(device, public_key, first_seen_ms, last_contact_ms, "
            "last_via) VALUES ('door-old', ?, 0, 0, 'usb')",
            (keys.public_bytes(key.public_key()),),
        )
    data = make_bundle(
        kind="events",
        event_id=load_event(organiser).event_id,
        signer=key,
        device="door-old",
        payload=json.dumps({"columns": old_columns, "rows": rows}).encode(),
        created_ms=1,
        records=len(rows),
    )
    result = import_events(organiser, [open_bundle(data)])
    assert result.counts.added == 1
    assert organiser.execute(
        "SELECT registration_id, ticket_code FROM checkins WHERE device = 'door-old'"
    ).fetchall() == [("R2", None)]
    door.close()


def test_a_roster_bundle_from_before_tickets_is_still_applied(organiser, tmp_path):
    door = provision(organiser, tmp_path / "door.sqlite", "door-a")
    with transaction(organiser):
        organiser.execute("UPDATE attendees SET family_name = 'NEW' WHERE registration_id = 'R1'")
    fresh = open_bundle(export_roster(organiser, include_checkins=False).data)
    payload = fresh.payload()
    for table in ("tickets", "session_ticket_types"):
        del payload["roster"]["tables"][table]
    old = make_bundle(
        kind="roster",
        event_id=fresh.event_id,
        signer=load_signing_key(organiser),
        device=fresh.device,
        payload=json.dumps(payload).encode(),
        created_ms=2,
        records=fresh.header["records"],
        extra={"version": fresh.version, "checkins": 0},
    )
    assert apply_roster(door, open_bundle(old)).applied
    assert door.execute("SELECT family_name FROM attendees WHERE registration_id = 'R1'").fetchone()
    assert door.execute("SELECT count(*) FROM tickets").fetchone()[0] == 0
    door.close()


def test_a_ticket_cancelled_while_a_door_was_offline_shows_as_a_conflict(organiser, tmp_path):
    from kiosk.store.tickets import set_ticket_status
    from kiosk.sync.conflicts import conflict_report

    door = provision(organiser, tmp_path / "door.sqlite", "door-a")
    assert CheckinService(door).scan(WORKSHOP, "S2", at_ms=at("10:40")).admitted
    with transaction(organiser):  # meanwhile, the order was cancelled in pretix and re-imported
        assert set_ticket_status(organiser, WORKSHOP, "cancelled")
    import_events(organiser, [open_bundle(export_events(door).data)])
    found = [c for c in conflict_report(organiser)["conflicts"] if "cancelled" in c["kind"]]
    assert [(c["kind"], c["registration_id"]) for c in found] == [
        ("cancelled_registration_admitted", "R2")
    ]
    # The person still holds a valid pass: scanning it now admits them.
    assert CheckinService(organiser).scan(PASS, "S2", at_ms=at("10:50")).admitted
    assert CheckinService(organiser).scan(WORKSHOP, "S2", at_ms=at("10:51")).reason is (
        Reason.CANCELLED
    )
    door.close()
