"""A bad import, or a dry run, leaves the event database file exactly as it was.

Run through the `kiosk` command in a separate process, as an organiser would, so that the
database file is closed (and checkpointed) before its bytes are compared.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kiosk_command import kiosk

from kiosk.imports import run_import
from kiosk.services.event import init_event

PROGRAMME = (
    "session_id,title_en,title_ko,date,start,end,venue,room,capacity,access,organizer,"
    "interpretation,speakers\n"
)
GOOD_SESSION = "NS7,Side event,부대행사,2019-10-02,14:00,15:30,KDJ,209,40,open,,,R-0001"
ROSTER = "registration_id,family_name,given_name,category,email\n"
GOOD_PERSON = "X-0300,HAN,Gyeol,participant,gyeol@example.org"


@pytest.fixture
def forum(tmp_path, demo_dir) -> Path:
    """The demo forum imported, its database closed (and so checkpointed into one file)."""
    path = tmp_path / "event.sqlite"
    db = init_event(path, "WHRCF 2019", "Asia/Seoul")
    try:
        for kind in ("programme", "roster", "invitations"):
            assert run_import(db.conn, kind, demo_dir / f"{kind}.csv").errors == []
    finally:
        db.conn.close()
    assert not path.with_name(path.name + "-wal").exists()
    return path


BAD_FILES = {
    "missing column": ("roster", "registration_id,family_name\nX-0300,HAN\n", [(1, "category")]),
    "duplicate id": (
        "roster",
        ROSTER + GOOD_PERSON + "\n" + GOOD_PERSON.replace("HAN", "HAHN") + "\n",
        [(3, "registration_id")],
    ),
    "unknown category": ("roster", ROSTER + "X-0300,HAN,Gyeol,vip,\n", [(2, "category")]),
    "bad date": (
        "programme",
        PROGRAMME + GOOD_SESSION.replace("2019-10-02", "2019-13-02"),
        [(2, "date")],
    ),
    "end before start": (
        "programme",
        PROGRAMME + GOOD_SESSION.replace("14:00,15:30", "15:30,14:00"),
        [(2, "end")],
    ),
    "bad capacity": (
        "programme",
        PROGRAMME + GOOD_SESSION.replace(",40,", ",forty,"),
        [(2, "capacity")],
    ),
    "bad access": (
        "programme",
        PROGRAMME + GOOD_SESSION.replace(",open,", ",vip,"),
        [(2, "access")],
    ),
    "unknown session": (
        "invitations",
        "session_id,registration_id\nNS1,X-0102\nNS9,X-0102\n",
        [(3, "session_id")],
    ),
    "unknown attendee": (
        "invitations",
        "session_id,registration_id\nNS1,X-0102\nNS1,X-0999\n",
        [(3, "registration_id")],
    ),
    "two bad rows": (
        "roster",
        ROSTER + "X-0300,HAN,Gyeol,vip,\n" + GOOD_PERSON.replace("0300", "0301") + "\n"
        "X-0302,HAN,Gyeol,participant,nobody\n",
        [(2, "category"), (4, "email")],
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_exits_2_names_the_row_and_leaves_the_database_untouched(forum, tmp_path, case):
    kind, text, expected = BAD_FILES[case]
    path = tmp_path / f"{kind}.csv"
    path.write_text(text, encoding="utf-8")
    before = forum.read_bytes()

    result = kiosk(forum, "import", kind, str(path))

    assert result.returncode == 2, result.stderr
    report = json.loads(result.stdout)
    assert [(e["row"], e["field"]) for e in report["errors"]] == expected
    assert all(e["message"] for e in report["errors"])
    assert "Traceback" not in result.stderr
    assert "nothing was imported" in result.stderr
    assert forum.read_bytes() == before


def test_a_file_in_no_known_encoding_exits_2_and_leaves_the_database_untouched(forum, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes((ROSTER + GOOD_PERSON + "\n").encode() + b"X-0301,Jos\xe9,Ana,participant,\n")
    before = forum.read_bytes()

    result = kiosk(forum, "import", "roster", str(path))

    assert result.returncode == 2
    errors = json.loads(result.stdout)["errors"]
    assert [(e["row"], e["field"]) for e in errors] == [(3, "file")]
    assert "CP949" in errors[0]["message"]
    assert forum.read_bytes() == before


def test_a_dry_run_reports_the_changes_and_leaves_the_database_untouched(forum, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER + GOOD_PERSON + "\nX-0101,KIM,Minji,invited_guest,\n", encoding="utf-8")
    before = forum.read_bytes()

    result = kiosk(forum, "import", "roster", str(path), "--dry-run")

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["added"], report["updated"], report["errors"]) == (1, 1, [])
    assert "would import" in result.stderr
    assert forum.read_bytes() == before


def test_the_same_good_file_without_dry_run_does_change_the_database(forum, tmp_path):
    # The byte comparison above would notice a write: a real import changes the file.
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER + GOOD_PERSON + "\n", encoding="utf-8")
    before = forum.read_bytes()

    result = kiosk(forum, "import", "roster", str(path))

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["added"] == 1
    assert forum.read_bytes() != before
