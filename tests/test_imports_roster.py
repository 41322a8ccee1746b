"""The organiser imports the roster again and again as registrations come in."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import kiosk.imports as imports
from kiosk.core.privacy import email_hash
from kiosk.imports import run_import
from kiosk.services.event import load_event
from kiosk.store.database import open_database, transaction

HEADER = (
    "registration_id,family_name,given_name,name_local,organization,title,country,category,"
    "email,language,status,badge_privacy,accessibility,code"
)


def roster(tmp_path: Path, *rows: str, header: str = HEADER, name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def person(conn: sqlite3.Connection, registration_id: str) -> dict:
    cursor = conn.execute("SELECT * FROM attendees WHERE registration_id = ?", (registration_id,))
    row = cursor.fetchone()
    assert row is not None, f"{registration_id} is not in the database"
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_the_demo_forum_imports_with_the_right_counts(event_db, demo_dir):
    conn = event_db.conn
    programme = run_import(conn, "programme", demo_dir / "programme.csv")
    people = run_import(conn, "roster", demo_dir / "roster.csv")
    invitations = run_import(conn, "invitations", demo_dir / "invitations.csv")

    assert programme.to_json() | {"warnings": []} == {
        "added": 3,
        "updated": 0,
        "unchanged": 0,
        "removed": 0,
        "errors": [],
        "warnings": [],
    }
    assert (people.added, people.updated, people.unchanged, people.errors) == (22, 0, 0, [])
    assert (invitations.added, invitations.errors) == (2, [])
    assert count(conn, "sessions") == 3
    assert count(conn, "session_speakers") == 15
    assert count(conn, "attendees") == 22
    assert count(conn, "invitations") == 2
    assert person(conn, "X-0101")["name_local"] == "김민지"
    assert person(conn, "X-0105")["status"] == "cancelled"
    assert person(conn, "X-0104")["badge_privacy"] == 1
    assert person(conn, "X-0102")["accessibility"] == "wheelchair"
    assert person(conn, "R-0001")["status"] == "registered"
    assert "3 added" in programme.summary()


def test_importing_the_same_files_again_changes_nothing(event_db, demo_dir):
    conn = event_db.conn
    for kind in ("programme", "roster", "invitations"):
        run_import(conn, kind, demo_dir / f"{kind}.csv")
    before = conn.execute("SELECT * FROM attendees ORDER BY registration_id").fetchall()

    again = {
        kind: run_import(conn, kind, demo_dir / f"{kind}.csv")
        for kind in ("programme", "roster", "invitations")
    }

    assert {kind: (r.added, r.updated, r.removed) for kind, r in again.items()} == {
        "programme": (0, 0, 0),
        "roster": (0, 0, 0),
        "invitations": (0, 0, 0),
    }
    assert [r.unchanged for r in again.values()] == [3, 22, 2]
    assert conn.execute("SELECT * FROM attendees ORDER BY registration_id").fetchall() == before


def test_a_later_roster_updates_changed_people_and_keeps_the_missing_ones(
    event_db, demo_dir, tmp_path
):
    conn = event_db.conn
    run_import(conn, "roster", demo_dir / "roster.csv")
    lines = (demo_dir / "roster.csv").read_text(encoding="utf-8").splitlines()
    later = [line for line in lines if not line.startswith("X-0107")]  # SATO left the list
    later = [
        line.replace("Gwangju Inkkotjigi", "Gwangju Citizens")
        if line.startswith("X-0101")
        else line
        for line in later
    ]
    (tmp_path / "later.csv").write_text("\n".join(later) + "\n", encoding="utf-8")

    report = run_import(conn, "roster", tmp_path / "later.csv")

    assert (report.added, report.updated, report.unchanged, report.errors) == (0, 1, 20, [])
    assert person(conn, "X-0101")["organization"] == "Gwangju Citizens"
    assert person(conn, "X-0107")["family_name"] == "SATO"
    assert count(conn, "attendees") == 22


def test_a_new_person_is_added_and_a_column_left_out_is_kept(event_db, demo_dir, tmp_path):
    conn = event_db.conn
    run_import(conn, "roster", demo_dir / "roster.csv")
    salt = load_event(conn).email_salt
    later = roster(
        tmp_path,
        "X-0101,KIM,Minji,김민지,Gwangju Inkkotjigi,Citizen Monitor,Korea,invited_guest",
        "X-0200,LEE,Sora,이소라,,,Korea,participant",
        header="registration_id,family_name,given_name,name_local,organization,title,country,"
        "category",
    )

    report = run_import(conn, "roster", later)

    assert (report.added, report.updated, report.unchanged) == (1, 0, 1)
    # The later file has no email column: the earlier hash stays.
    assert person(conn, "X-0101")["email_hash"] == email_hash(salt, "minji.kim@example.org")
    assert person(conn, "X-0200")["status"] == "registered"


def test_emails_are_stored_only_as_salted_hashes(event_db, demo_dir, db_path):
    conn = event_db.conn
    run_import(conn, "roster", demo_dir / "roster.csv")
    salt = load_event(conn).email_salt

    stored = person(conn, "X-0101")["email_hash"]
    # A kiosk hashes what a person types, capitals and stray spaces included, the same way.
    assert stored == email_hash(salt, "  Minji.Kim@Example.ORG ")
    assert len(stored) == 32
    assert person(conn, "R-0001")["email_hash"] is None
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = db_path.read_bytes()
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        data += wal.read_bytes()
    for address in ("minji.kim@example.org", "lucia.garcia", "example.org"):
        assert address.encode() not in data


def test_categories_languages_status_and_flags_are_normalised(event_db, tmp_path):
    conn = event_db.conn
    path = roster(
        tmp_path,
        "A-1,AHN,Jiwoo,,,,,Invited Guest,,KO,Cancelled,Yes,wheelchair; ;sign_language ,",
        "A-2,,Madonna,,,,,ORGANISER,,,,0,,",
        "A-3,CHO,,,,,,invited-guest,,en,registered,false,,",
    )

    report = run_import(conn, "roster", path)

    assert report.errors == []
    first = person(conn, "A-1")
    assert (first["category"], first["language"], first["status"]) == (
        "invited_guest",
        "ko",
        "cancelled",
    )
    assert (first["badge_privacy"], first["accessibility"]) == (1, "wheelchair;sign_language")
    second = person(conn, "A-2")
    assert (second["family_name"], second["category"], second["language"]) == (
        None,
        "organiser",
        None,
    )
    assert person(conn, "A-3")["category"] == "invited_guest"


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        ("A-2,KIM,Minji,,,,,vip,,,,,,", "category", "unknown category"),
        ("A-2,KIM,Minji,,,,,,,,,,,", "category", "required"),
        ("A 2,KIM,Minji,,,,,participant,,,,,,", "registration_id", "not a registration id"),
        (",KIM,Minji,,,,,participant,,,,,,", "registration_id", "required"),
        ("A-2,,,,,,,participant,,,,,,", "family_name", "family_name or a given_name"),
        ("A-2,KIM,Minji,,,,,participant,not-an-address,,,,,", "email", "e-mail"),
        ("A-2,KIM,Minji,,,,,participant,,fr,,,,", "language", "ko, en"),
        ("A-2,KIM,Minji,,,,,participant,,,gone,,,", "status", "registered or cancelled"),
        ("A-2,KIM,Minji,,,,,participant,,,,maybe,,", "badge_privacy", "true or false"),
        ("A-2,KIM,Minji,,,,,participant,,,,,,CODE-1", "code", "row 2"),
        ("A-1,KIM,Minji,,,,,participant,,,,,,", "registration_id", "already on row 2"),
    ],
)
def test_a_bad_row_is_reported_with_its_row_and_field(event_db, tmp_path, row, field, words):
    path = roster(tmp_path, "A-1,PARK,Jin,,,,,participant,,,,,,CODE-1", row)

    report = run_import(event_db.conn, "roster", path)

    assert [(e.row, e.field) for e in report.errors] == [(3, field)]
    assert words in report.errors[0].message
    assert count(event_db.conn, "attendees") == 0


def test_every_bad_row_is_reported_not_just_the_first(event_db, tmp_path):
    path = roster(
        tmp_path,
        "A-1,PARK,Jin,,,,,participant,,,,,,",
        "A-2,KIM,Minji,,,,,vip,,,,,,",
        "A-3,LEE,Sora,,,,,participant,,,,,,",
        "A-4,CHO,Hana,,,,,participant,nobody,,,,,",
    )

    report = run_import(event_db.conn, "roster", path)

    assert [(e.row, e.field) for e in report.errors] == [(3, "category"), (5, "email")]
    assert report.to_json()["errors"][0]["row"] == 3
    assert count(event_db.conn, "attendees") == 0


def test_a_missing_required_column_is_an_error_on_the_header_row(event_db, tmp_path):
    path = roster(tmp_path, "A-1,PARK,Jin", header="registration_id,family_name,given_name")

    report = run_import(event_db.conn, "roster", path)

    assert [(e.row, e.field) for e in report.errors] == [(1, "category")]
    assert "category" in report.errors[0].message


def test_external_codes_are_unique_and_a_new_code_is_no_longer_revoked(event_db, tmp_path):
    conn = event_db.conn
    run_import(conn, "roster", roster(tmp_path, "A-1,PARK,Jin,,,,,participant,,,,,,OLD-1"))
    with transaction(conn):
        conn.execute("UPDATE attendees SET external_code_revoked = 1, code_version = 3")

    taken = run_import(conn, "roster", roster(tmp_path, "B-1,KIM,Minji,,,,,participant,,,,,,OLD-1"))
    assert [(e.row, e.field) for e in taken.errors] == [(2, "code")]
    assert "A-1" in taken.errors[0].message

    same = run_import(conn, "roster", roster(tmp_path, "A-1,PARK,Jin,,,,,participant,,,,,,OLD-1"))
    assert (same.unchanged, person(conn, "A-1")["external_code_revoked"]) == (1, 1)

    changed = run_import(
        conn, "roster", roster(tmp_path, "A-1,PARK,Jin,,,,,participant,,,,,,NEW-1")
    )
    assert changed.updated == 1
    after = person(conn, "A-1")
    assert (after["external_code"], after["external_code_revoked"], after["code_version"]) == (
        "NEW-1",
        0,
        3,
    )


def test_two_people_may_swap_external_codes_in_one_file(event_db, tmp_path):
    conn = event_db.conn
    run_import(
        conn,
        "roster",
        roster(tmp_path, "A-1,PARK,Jin,,,,,participant,,,,,,C-1", "A-2,KIM,Mi,,,,,staff,,,,,,C-2"),
    )

    report = run_import(
        conn,
        "roster",
        roster(tmp_path, "A-1,PARK,Jin,,,,,participant,,,,,,C-2", "A-2,KIM,Mi,,,,,staff,,,,,,C-1"),
    )

    assert (report.updated, report.errors) == (2, [])
    assert person(conn, "A-1")["external_code"] == "C-2"
    assert person(conn, "A-2")["external_code"] == "C-1"


def test_a_dry_run_reports_the_changes_and_writes_nothing(event_db, demo_dir):
    conn = event_db.conn

    report = run_import(conn, "roster", demo_dir / "roster.csv", dry_run=True)

    assert (report.added, report.errors) == (22, [])
    assert "dry run" in report.summary()
    assert count(conn, "attendees") == 0


def test_a_change_by_another_device_during_validation_is_checked_again(
    event_db, db_path, tmp_path, monkeypatch
):
    """The file is validated before the write lock is taken; a commit in between (a sync, a
    second organiser) must not let a now-conflicting file through."""
    real_plan = imports.plan_roster
    calls = []

    def plan_then_someone_else_writes(conn, table, salt):
        plan = real_plan(conn, table, salt)
        if not calls:
            other = open_database(db_path)
            try:
                with transaction(other.conn):
                    other.conn.execute(
                        "INSERT INTO attendees (registration_id, family_name, category, "
                        "external_code) VALUES ('Z-1', 'OH', 'staff', 'C-9')"
                    )
            finally:
                other.conn.close()
        calls.append(plan)
        return plan

    monkeypatch.setattr(imports, "plan_roster", plan_then_someone_else_writes)
    path = roster(tmp_path, "A-1,PARK,Jin,,,,,participant,,,,,,C-9")

    report = run_import(event_db.conn, "roster", path)

    assert len(calls) == 2
    assert [(e.row, e.field) for e in report.errors] == [(2, "code")]
    assert "Z-1" in report.errors[0].message
    assert count(event_db.conn, "attendees") == 1
