"""The organiser imports invitation lists for invite-only sessions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.imports import run_import


@pytest.fixture
def forum(event_db, demo_dir) -> sqlite3.Connection:
    conn = event_db.conn
    for kind in ("programme", "roster"):
        assert run_import(conn, kind, demo_dir / f"{kind}.csv").errors == []
    return conn


def invitations(tmp_path: Path, *rows: str, name: str = "invitations.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(["session_id,registration_id", *rows]) + "\n", encoding="utf-8")
    return path


def invited(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return set(conn.execute("SELECT session_id, registration_id FROM invitations"))


def test_a_file_is_the_full_list_of_each_session_it_names(forum, tmp_path):
    run_import(
        forum, "invitations", invitations(tmp_path, "NS1,X-0101", "NS1,X-0102", "NS3,X-0101")
    )

    report = run_import(
        forum, "invitations", invitations(tmp_path, "NS1,X-0101", "NS1,X-0104", name="ns1.csv")
    )

    assert (report.added, report.unchanged, report.removed) == (1, 1, 1)
    assert report.to_json()["removed"] == 1
    # NS3 is not in the second file: its list is untouched.
    assert invited(forum) == {("NS1", "X-0101"), ("NS1", "X-0104"), ("NS3", "X-0101")}


def test_repeated_rows_count_once(forum, tmp_path):
    report = run_import(
        forum, "invitations", invitations(tmp_path, "NS1,X-0101", "NS1,X-0101", "NS3,X-0101")
    )

    assert (report.added, report.errors) == (2, [])
    assert invited(forum) == {("NS1", "X-0101"), ("NS3", "X-0101")}


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        ("NS9,X-0101", "session_id", "no session 'NS9'"),
        ("NS1,X-9999", "registration_id", "no attendee 'X-9999'"),
        (",X-0101", "session_id", "required"),
        ("NS1,", "registration_id", "required"),
    ],
)
def test_unknown_ids_are_errors_naming_the_row(forum, tmp_path, row, field, words):
    report = run_import(forum, "invitations", invitations(tmp_path, "NS1,X-0102", row))

    assert [(e.row, e.field) for e in report.errors] == [(3, field)]
    assert words in report.errors[0].message
    assert invited(forum) == set()


def test_a_list_for_an_open_session_is_kept_with_a_warning(forum, tmp_path):
    warnings: list[str] = []

    report = run_import(
        forum, "invitations", invitations(tmp_path, "NS2,X-0101"), warn=warnings.append
    )

    assert report.added == 1
    assert any("NS2" in message and "open" in message for message in warnings)
    assert report.to_json()["warnings"] == warnings
