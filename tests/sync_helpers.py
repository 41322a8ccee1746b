"""Shared set-up for the sync tests: a small organiser event, devices provisioned from it, and
readers of the check-in log that compare logs across databases."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from builders import add_person, add_session, invite
from kiosk.core.clock import to_ms
from kiosk.services.event import init_event
from kiosk.services.issuing import issue_codes
from kiosk.store.database import open_database, transaction
from kiosk.sync.enrolment import add_device
from kiosk.sync.events import CHECKIN_COLUMNS
from kiosk.sync.roster import export_roster, provision_device

SEOUL = ZoneInfo("Asia/Seoul")
PEOPLE = ("R1", "R2", "R3", "R4", "R5", "R6")


def at(hhmm: str, day: str = "2019-09-30") -> int:
    """Epoch ms of a wall-clock time on the test day in Seoul."""
    return to_ms(datetime.fromisoformat(f"{day}T{hhmm}").replace(tzinfo=SEOUL))


def make_organiser(path: Path, people: tuple[str, ...] = PEOPLE) -> tuple[sqlite3.Connection, dict]:
    """An organiser database: S1 (room 211, capacity 3) and S2 (room 212, open, no limit)
    10:30-12:30, S3 invite-only with R1 invited; `people` registered; codes issued."""
    conn = init_event(path, "Sync Forum", "Asia/Seoul").conn
    add_session(conn, "S1", capacity=3, room="211")
    add_session(conn, "S2", room="212")
    add_session(conn, "S3", room="213", invite_only=True)
    for n, rid in enumerate(people):
        add_person(conn, rid, family=f"FAMILY{n}", given="Test")
    invite(conn, "S3", people[0])
    codes = dict(issue_codes(conn, None))
    return conn, codes


def enrol_token(organiser: sqlite3.Connection, name: str) -> str:
    """A one-time enrolment token for device `name`, as `kiosk device add NAME` makes it."""
    with transaction(organiser):
        return add_device(organiser, name).token


def provision(
    organiser: sqlite3.Connection, path: Path, name: str, *, enrol: bool = True
) -> sqlite3.Connection:
    """A device provisioned from the organiser's current roster bundle (enrolled with a token
    of its own unless `enrol` is False), opened."""
    bundle = export_roster(organiser).data
    token = enrol_token(organiser, name) if enrol else None
    provision_device(path, bundle, device=name, enrol=token)
    return open_database(path).conn


def log_rows(conn: sqlite3.Connection, *, local_only: bool = False) -> set[tuple[Any, ...]]:
    """The log as a set of rows (the columns every database agrees on)."""
    where = "WHERE source IS NULL" if local_only else ""
    return set(conn.execute(f"SELECT {', '.join(CHECKIN_COLUMNS)} FROM checkins {where}"))


def quick(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Skip the fsync of each commit (property tests only: durability is tested elsewhere)."""
    conn.execute("PRAGMA synchronous = OFF")
    return conn


def clone(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """A copy of a database as it is now (same event, same keys), opened."""
    conn.execute("VACUUM INTO ?", (str(path),))
    return open_database(path).conn


# A door process for the multi-process tests: scans in a loop, writes each acknowledged check-in
# id to its ack file only after the scan committed, and syncs with the hub every few scans on a
# connection of its own. With KILL_AFTER_PUSH=N it stops after the hub acknowledged the push of
# round N (before the door records that) and waits to be killed.
DOOR_PROCESS = r"""
import json, os, sys, time
from kiosk.core.model import Direction
from kiosk.services.checkins import CheckinService
from kiosk.store.database import open_database, transaction
from kiosk.sync.enrolment import add_device
from kiosk.sync.client import sync_once

db, url, codes_file, ack_file, start, count, every, lane = sys.argv[1:9]
start, count, every, lane = int(start), int(count), int(every), int(lane)
codes = json.loads(open(codes_file).read())
people = sorted(codes)
service = CheckinService(open_database(db).conn)
sync_conn = open_database(db).conn
kill_round = int(os.environ.get("KILL_AFTER_PUSH", "0"))
rounds = 0
base = 1569807600000 + 5 * 60_000  # 2019-09-30 10:35 Seoul

def stop_here(step):
    if step == "pushed" and rounds == kill_round:
        print("mid-sync", flush=True)
        time.sleep(60)

def sync():
    global rounds
    rounds += 1
    for _ in range(50):
        if sync_once(sync_conn, url, progress=stop_here).ok:
            return
        time.sleep(0.1)
    raise SystemExit("hub unreachable")

with open(ack_file, "a") as acks:
    print("ready", flush=True)
    for n in range(start, start + count):
        person = people[(n * 7 + lane * 13) % len(people)]
        direction = Direction.OUT if n % 5 == 4 else Direction.IN
        at_ms = base + n * 3 + lane  # no two doors share a moment: one order everywhere
        verdict = service.scan(codes[person], "S2", direction=direction, at_ms=at_ms)
        acks.write(verdict.checkin_id + "\n")
        acks.flush()
        if (n + 1) % every == 0:
            sync()
    sync()
print("done", flush=True)
"""


def self_signed_cert(folder: Path) -> tuple[Path, Path]:
    """A self-signed TLS certificate for 127.0.0.1 and its key, as PEM files in `folder`."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "kiosk-hub")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "hub.pem", folder / "hub.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path
