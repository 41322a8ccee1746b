"""Purging personal data after the event: afterwards the database file and everything beside it
(-wal, -shm) hold none of the roster's names, organisations, e-mails or ids, byte for byte, while
every count (`kiosk status`, the day report) is what it was; on the CLI and on screen behind the
organiser PIN; the retention date the console reminds about."""

from __future__ import annotations

import csv
import json
import random
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from kiosk_command import run_kiosk
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from builders import add_session
from kiosk.core.clock import to_ms
from kiosk.core.model import Direction
from kiosk.core.privacy import email_hash
from kiosk.exports.attendance import export_attendance
from kiosk.imports import run_import
from kiosk.reports import day_report_data
from kiosk.services.checkins import CheckinService
from kiosk.services.event import load_event
from kiosk.services.issuing import issue_codes
from kiosk.services.purge import (
    privacy_state,
    purge_personal_data,
    retention_date,
    set_retention_date,
)
from kiosk.services.roster_admin import NewPerson, register_walk_in
from kiosk.services.status import event_status
from kiosk.store.database import open_database, transaction
from kiosk.store.tickets import add_ticket

SEOUL = ZoneInfo("Asia/Seoul")
DAY = date(2019, 9, 30)
FAMILIES = ["Kovačević", "Ødegård", "Fernández", "Nguyễn", "Öztürk", "Håkansson", "Mbeki",
            "황보", "남궁", "선우", "제갈", "O'Connor", "Wałęsa", "Großmann"]  # fmt: skip
GIVEN = ["Łukasz", "Søren", "Zoë", "Chloé", "Jürgen", "Ngọc Anh", "민준서", "서윤아", "İlker",
         "Amara", "Kwame", "Jean-Luc"]  # fmt: skip
ORGANISATIONS = ["Ubuntu Rights Network", "광주인권지기 활짝", "Équipe Droits & Cités",
                 "Barrier-Free Seoul Coalition", "Comité de Défense des Libertés"]  # fmt: skip


def at(hour: int, minute: int) -> int:
    return to_ms(datetime(2019, 9, 30, hour, minute, tzinfo=SEOUL))


def write_roster(path: Path, count: int) -> list[dict[str, str]]:
    rng = random.Random(7)
    people = []
    for n in range(count):
        family, given = rng.choice(FAMILIES), rng.choice(GIVEN)
        people.append(
            {
                "registration_id": f"WHRCF-2019-{n:05d}",
                "family_name": family,
                "given_name": given,
                "name_local": f"{rng.choice('김이박최정')}{rng.choice(['하늘', '바다', '누리'])}"
                f"{n:03d}",
                "organization": f"{rng.choice(ORGANISATIONS)} {n:03d}",
                "title": f"Coordinator of Chapter {n:03d}",
                "country": rng.choice(["Türkiye", "Côte d'Ivoire", "Việt Nam"]),
                "category": rng.choice(["participant", "participant", "speaker", "staff"]),
                "email": f"person.{n:05d}@rights-example.org",
                "code": f"EXTERNAL-QR-{n:05d}-XYZ",
                "accessibility": "wheelchair;sign_language" if n % 7 == 0 else "",
                "status": "cancelled" if n % 31 == 0 else "registered",
            }
        )
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, list(people[0]))
        writer.writeheader()
        writer.writerows(people)
    return people


@pytest.fixture
def roster_event(event_db, db_path: Path, tmp_path: Path) -> Iterator[tuple]:
    """An event with 240 imported people, check-ins, door scans, overrides, prints, a walk-in."""
    conn = event_db.conn
    add_session(conn, "S-1", start="09:00", end="10:30", capacity=50, room="Hall A")
    add_session(conn, "S-2", start="11:00", end="12:30", capacity=10, room="211", invite_only=True)
    people = write_roster(tmp_path / "roster.csv", 240)
    assert not run_import(conn, "roster", tmp_path / "roster.csv").errors
    with open(tmp_path / "invitations.csv", "w", encoding="utf-8") as handle:
        handle.write("session_id,registration_id\n")
        handle.writelines(f"S-2,{p['registration_id']}\n" for p in people[1:9])
    assert not run_import(conn, "invitations", tmp_path / "invitations.csv").errors
    walk_in = register_walk_in(
        conn,
        NewPerson(
            family_name="Abernathy-Quispe",
            given_name="Xiomara",
            organization="Walk-in Witness Collective",
            email="xiomara.walkin@rights-example.org",
        ),
    )
    people.append(
        {
            "registration_id": walk_in,
            "family_name": "Abernathy-Quispe",
            "given_name": "Xiomara",
            "organization": "Walk-in Witness Collective",
            "email": "xiomara.walkin@rights-example.org",
        }
    )
    codes = dict(issue_codes(conn, None))
    door = CheckinService(conn)
    for n in range(1, 150):
        door.checkin(codes[people[n]["registration_id"]], at_ms=at(8, 30) + n * 30_000)
    for n in range(1, 60):
        door.scan(codes[people[n]["registration_id"]], "S-1", at_ms=at(8, 45) + n * 20_000)
    for n in range(1, 20):
        door.scan(
            codes[people[n]["registration_id"]],
            "S-1",
            direction=Direction.OUT,
            at_ms=at(10, 0) + n * 1000,
        )
    for n in range(1, 12):
        door.scan(codes[people[n]["registration_id"]], "S-2", at_ms=at(10, 40) + n * 1000)
    outsider = next(
        p for p in people[20:] if p["category"] == "participant" and p["status"] == "registered"
    )
    door.scan(
        codes[outsider["registration_id"]],
        "S-2",
        at_ms=at(10, 59),
        override_reason="Mbeki's interpreter, asked by Kovačević",
    )
    # Tickets from pretix for some people (two for one of them), one scanned at a door.
    with transaction(conn):
        for n in range(1, 6):
            rid = people[n]["registration_id"]
            people[n]["ticket"] = f"pretixsecret{n:05d}qz7w"
            people[n]["source_ref"] = f"ORD{n:03d}K-1"
            add_ticket(
                conn,
                people[n]["ticket"],
                rid,
                ticket_type="Conference pass",
                source="pretix",
                source_ref=people[n]["source_ref"],
            )
        add_ticket(conn, "pretixsecretsecond9x", people[1]["registration_id"], ticket_type="W")
        people[1]["ticket2"] = "pretixsecretsecond9x"
    door.scan(people[2]["ticket"], "S-1", at_ms=at(9, 30))
    with transaction(conn):
        for n in range(1, 40):
            conn.execute(
                "INSERT INTO badge_prints(registration_id, code_version, device, at_ms, printer, "
                "layout, job, status, message) VALUES (?, 1, 'kiosk-1', ?, 'pdf', 'cr80', ?, "
                "'printed', ?)",
                (people[n]["registration_id"], at(8, 31) + n, f"job-{n}", f"badge {n}"),
            )
    yield conn, people
    conn.close()


def secrets_of(people: list[dict[str, str]], salt: bytes) -> set[str]:
    """Every personal string of the roster, as it was given and as it would be stored."""
    found: set[str] = set()
    for person in people:
        for key in ("registration_id", "family_name", "given_name", "name_local",
                    "organization", "title", "email", "code", "ticket", "ticket2",
                    "source_ref"):  # fmt: skip
            value = person.get(key, "")
            if value:
                found.add(value)
        if person.get("email"):
            found.add(email_hash(salt, person["email"]))
    found.add("Mbeki's interpreter, asked by Kovačević")
    return found


# The files are read by another process: closing any file descriptor of a database file in
# this process would drop the POSIX locks SQLite holds on it for this process's connections.
_SCAN = """
import json, sys
from pathlib import Path
db = Path(sys.argv[1])
secrets = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
found, sizes = [], {}
for path in sorted(db.parent.iterdir()):
    if path.name.startswith(db.name):
        data = path.read_bytes()
        sizes[path.name] = len(data)
        found += [[path.name, s] for s in secrets if s.encode("utf-8") in data]
print(json.dumps({"found": found, "sizes": sizes}))
"""


def scan(db_path: Path, secrets: set[str]) -> dict:
    """Search the raw bytes of the database and every file beside it (-wal, -shm, ...)."""
    listing = db_path.parent / "secrets.json"
    listing.write_text(json.dumps(sorted(secrets), ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _SCAN, str(db_path), str(listing)],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    listing.unlink()
    return json.loads(done.stdout)


def leaked(db_path: Path, secrets: set[str]) -> list[list[str]]:
    """(file, secret) for every personal string found in the files' bytes."""
    return scan(db_path, secrets)["found"]


def counts(conn: sqlite3.Connection) -> dict:
    """Everything that must survive a purge: status, day report figures, log sizes."""
    report = asdict(day_report_data(conn, DAY, at_ms=0))
    return {
        "status": event_status(conn),
        "report": report,
        "checkins": conn.execute(
            "SELECT count(*), count(DISTINCT registration_id) FROM checkins"
        ).fetchone(),
        "prints": conn.execute("SELECT count(*) FROM badge_prints").fetchone(),
        "invitations": conn.execute("SELECT count(*) FROM invitations").fetchone(),
        "overrides": conn.execute(
            "SELECT count(*) FROM checkins WHERE override_reason IS NOT NULL"
        ).fetchone(),
        "tickets": conn.execute(
            "SELECT ticket_type, status, count(*) FROM tickets GROUP BY 1, 2 ORDER BY 1, 2"
        ).fetchall(),
        "categories": conn.execute(
            "SELECT category, status, count(*) FROM attendees GROUP BY 1, 2 ORDER BY 1, 2"
        ).fetchall(),
    }


def test_purge_leaves_no_personal_bytes_and_keeps_every_count(
    roster_event, db_path: Path, tmp_path: Path
) -> None:
    conn, people = roster_event
    secrets = secrets_of(people, load_event(conn).email_salt)
    assert len(secrets) > 1000
    before = counts(conn)
    assert leaked(db_path, secrets)  # the search finds them before
    assert export_attendance(conn, tmp_path / "before.csv") > 0

    result = purge_personal_data(conn)
    assert result.attendees_purged == 241
    assert result.ids_replaced == 241
    assert result.overrides_cleared == 1

    result_scan = scan(db_path, secrets)
    assert result_scan["found"] == []
    assert result_scan["sizes"].get(db_path.name + "-wal", 0) == 0
    assert counts(conn) == before
    assert export_attendance(conn, tmp_path / "after.csv") == export_attendance(
        conn, tmp_path / "again.csv"
    )
    # The log is append-only again.
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE checkins SET device = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM checkins")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    state = privacy_state(conn)
    assert state.attendees_with_personal_data == 0 and state.purged_ms is not None
    # A second purge is harmless and the counts still hold.
    purge_personal_data(conn)
    assert counts(conn) == before
    assert leaked(db_path, secrets) == []


def test_cli_purge_needs_yes(roster_event, db_path: Path) -> None:
    conn, people = roster_event
    secrets = secrets_of(people, load_event(conn).email_salt)
    before = counts(conn)

    def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
        return run_kiosk("--db", str(db_path), *args)

    refused = kiosk("purge")
    assert refused.returncode == 2 and refused.stdout == "" and "--yes" in refused.stderr
    assert leaked(db_path, secrets)
    dated = kiosk("purge", "--retention-date", "2019-12-31")
    assert dated.returncode == 0 and json.loads(dated.stdout) == {"retention_date": "2019-12-31"}
    assert retention_date(conn) == date(2019, 12, 31)
    done = kiosk("purge", "--yes")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"attendees_purged": 241}
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert leaked(db_path, secrets) == []
    status = kiosk("status")
    assert json.loads(status.stdout) == before["status"]
    assert counts(conn) == before


def test_retention_date_and_reminder(event_db) -> None:
    conn = event_db.conn
    assert retention_date(conn) is None
    set_retention_date(conn, date(2019, 12, 31))
    state = privacy_state(conn)
    assert state.retention_date == date(2019, 12, 31)
    assert not state.due(date(2019, 12, 30))  # nobody's data is held yet
    register_walk_in(conn, NewPerson(family_name="KIM", given_name="Minji"))
    state = privacy_state(conn)
    assert not state.due(date(2019, 12, 30)) and state.days_left(date(2019, 12, 30)) == 1
    assert state.due(date(2019, 12, 31))
    purge_personal_data(conn)
    assert not privacy_state(conn).due(date(2020, 1, 1))


def answer_dialogs(answers: list) -> QTimer:  # type: ignore[type-arg]
    """Answer the modal dialogs as they open, in order (a PIN dialog, then a message box)."""
    timer = QTimer()

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and answers:
            answers.pop(0)(widget)

    timer.timeout.connect(poll)
    timer.start(50)
    return timer


def test_purge_on_screen_is_behind_the_organiser_pin(
    qtbot, qapp: QApplication, roster_event, db_path: Path
) -> None:
    from kiosk.gui.organiser.privacy_view import PrivacyView
    from kiosk.gui.organiser.tasks import TaskRunner
    from kiosk.gui.shell.context import open_context
    from kiosk.gui.shell.pin_dialog import PinDialog
    from kiosk.services.pin import set_pin

    conn, people = roster_event
    secrets = secrets_of(people, load_event(conn).email_salt)
    set_pin(conn, "246813")
    before = counts(conn)
    context = open_context(qapp, db_path, "en")
    view = PrivacyView(context, TaskRunner())
    qtbot.addWidget(view)
    view.show()
    assert not view.purge_button.isEnabled()
    view.understand.setChecked(True)

    def wrong_pin(dialog: PinDialog) -> None:
        dialog.field.setText("1111")
        dialog.try_pin()
        dialog.reject()

    timer = answer_dialogs([wrong_pin])
    assert view.ask_and_purge() is None
    timer.stop()
    assert leaked(db_path, secrets)

    def right_pin(dialog: PinDialog) -> None:
        dialog.field.setText("246813")
        dialog.try_pin()

    def yes(box: QMessageBox) -> None:
        box.button(QMessageBox.StandardButton.Yes).click()

    timer = answer_dialogs([right_pin, yes])
    with qtbot.waitSignal(view.purged, timeout=30_000) as purged:
        assert view.ask_and_purge() is not None
    timer.stop()
    assert purged.args[0].attendees_purged == 241
    assert "deleted" in view.message.text()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert leaked(db_path, secrets) == []
    assert counts(conn) == before
    context.conn.close()


def test_console_reminds_when_the_retention_date_has_passed(
    qtbot, qapp: QApplication, roster_event, db_path: Path
) -> None:
    from kiosk.gui.organiser import OrganiserScreen
    from kiosk.gui.shell.context import open_context

    conn, _ = roster_event
    set_retention_date(conn, date(2019, 12, 31))
    context = open_context(qapp, db_path, "en")
    context.clock = lambda: to_ms(datetime(2020, 1, 15, 9, 0, tzinfo=SEOUL))
    screen = OrganiserScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.reminder.isVisible()
    assert "2019-12-31 has passed" in screen.reminder.text()
    screen.privacy.confirm = False
    screen.privacy.understand.setChecked(True)
    with qtbot.waitSignal(screen.privacy.purged, timeout=30_000):
        screen.privacy.purge_button.click()
    assert not screen.reminder.isVisible()
    with qtbot.waitSignal(screen.roster.loaded, timeout=30_000):
        pass  # the roster reloads: pseudonyms, no names
    assert all(name == "" for name in screen.roster.model.data_.names)
    screen.shutdown()
    context.conn.close()


def test_open_database_still_works_after_purge(roster_event, db_path: Path) -> None:
    conn, _ = roster_event
    purge_personal_data(conn)
    other = open_database(db_path).conn
    assert other.execute("SELECT count(*) FROM attendees").fetchone() == (241,)
    other.close()


HOLDER = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE settings SET value = value WHERE key = 'event_name'")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def _purge_while_held(db_path: Path, hold_s: float) -> tuple[float, int, list[str], float]:
    """`kiosk purge --yes` while another program holds the write lock for `hold_s` seconds:
    (seconds until its first word on stderr, exit code, stderr lines, seconds in all)."""
    import time

    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path), str(hold_s)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
    started = time.monotonic()
    purge = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--db", str(db_path), "purge", "--yes"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert purge.stderr is not None
    first = purge.stderr.readline()
    first_word = time.monotonic() - started
    rest = purge.stderr.read()
    code = purge.wait(timeout=60)
    total = time.monotonic() - started
    holder.wait(timeout=60)
    return first_word, code, [first, *rest.splitlines()], total


def test_purge_with_the_database_busy_says_so_then_gives_up_cleanly(roster_event, db_path):
    conn, people = roster_event
    secrets = secrets_of(people, load_event(conn).email_salt)
    first_word, code, lines, total = _purge_while_held(db_path, hold_s=30)
    assert first_word < 5, first_word  # a word within 5 s, not minutes of silence
    assert "database is busy" in lines[0] and "waiting" in lines[0]
    assert code == 2 and "nothing was deleted" in lines[-1], lines
    assert not any("Traceback" in line for line in lines)
    assert total < 25, total
    assert leaked(db_path, secrets)  # nothing was deleted


def test_purge_waits_for_a_short_busy_spell_and_goes_ahead(roster_event, db_path):
    conn, people = roster_event
    secrets = secrets_of(people, load_event(conn).email_salt)
    conn.close()
    first_word, code, lines, _ = _purge_while_held(db_path, hold_s=2)
    assert first_word < 5 and "database is busy" in lines[0]
    assert code == 0, lines
    assert leaked(db_path, secrets) == []
