"""People with several tickets from a registration system (pretix), as door staff, attendees and
organisers meet them through the `kiosk` command (PRODUCT.md: door scans, self check-in, badges).

The event is pretix's fixture programme (PL1 open, WS1 invite-only) with one more workshop open to
holders of a Workshop ticket (`tickets:Workshop`). People come from a roster; their tickets are the
pretix secrets of the fixture exports, stored as the importers store them.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest
from kiosk_command import kiosk

from ime import type_with_ime
from kiosk.store.database import open_database, transaction
from kiosk.store.tickets import add_ticket

FIXTURES = Path(__file__).parent / "fixtures" / "pretix"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
PASS = "Conference pass"
WORKSHOP = "Workshop: Human rights cities in practice"  # pretix's product name, as exported

# Secrets from the pretix fixture exports (lower-case letters and digits), and two in the style
# of pretix's signed tickets (`=` first, both cases), which must never be lowered blindly.
NOVAK_PASS = "8ghu79j8ja5ysazczb4jvq5pk9gcnybg"
NOVAK_WORKSHOP = "84nkerf2ff8q64cj5wx7wf4avt75brcj"
DUPONT_PASS = "vtwpxcyn4vnk26fxjubkfqhbnuz5rmwd"
KIM_PASS = "2w2q6spky88khgdkgdxfep8s2z73y6rr"
CELIK_PASS = "e9t8442mmeda9v84mn6ecjzj9mn43ttu"  # cancelled order
MULLER_PASS = "f3tf4s2jjed5nrgnnffgg62c68bjphxc"
MULLER_WORKSHOP = "=Wk4Tq9Hs2Lp7Zx3Mb"  # cancelled
LEE_PASS = "=Pq8Ln3Vt6Hs2Kx9Wa"

ROSTER = """registration_id,family_name,given_name,category,language,status
P-NOVAK,Nováková,Anouk,participant,en,registered
P-DUPONT,Dupont,Anouk,participant,en,registered
P-KIM,김,민준,participant,ko,registered
P-CELIK,Çelik,Anouk,participant,en,registered
P-MULLER,Müller,Jürgen,participant,en,registered
P-LEE,Lee,Sora,participant,ko,registered
P-PARK,Park,Jiwoo,staff,ko,registered
"""
TICKETS = [
    (NOVAK_PASS, "P-NOVAK", PASS, "valid"),
    (NOVAK_WORKSHOP, "P-NOVAK", WORKSHOP, "valid"),
    (DUPONT_PASS, "P-DUPONT", PASS, "valid"),
    (KIM_PASS, "P-KIM", PASS, "valid"),
    (CELIK_PASS, "P-CELIK", PASS, "cancelled"),
    (MULLER_PASS, "P-MULLER", PASS, "valid"),
    (MULLER_WORKSHOP, "P-MULLER", WORKSHOP, "cancelled"),
    (LEE_PASS, "P-LEE", PASS, "valid"),
]
WS2 = (
    "WS2,Workshop: City indicators,워크숍: 도시 지표,2026-12-06,16:30,18:00,"
    "Kimdaejung Convention Center,212,40,tickets:Workshop,\n"
)


def ok_json(result: subprocess.CompletedProcess[str]) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def store_tickets(db: Path, tickets: list[tuple[str, str, str, str]]) -> None:
    """The tickets as an importer stores them (source pretix, order code and position)."""
    conn = open_database(db)
    try:
        with transaction(conn):
            for number, (code, rid, kind, status) in enumerate(tickets, 1):
                add_ticket(
                    conn,
                    code,
                    rid,
                    ticket_type=kind,
                    source="pretix-checkinlist",
                    source_ref=f"ORDER{number}-1",
                    status=status,
                )
    finally:
        conn.close()


@pytest.fixture(scope="module")
def forum(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("pretix-forum")
    db = folder / "event.sqlite"
    ok_json(kiosk(db, "init", "--event-name", "WHRCF 2026", "--timezone", "Asia/Seoul"))
    programme = (FIXTURES / "programme.csv").read_text(encoding="utf-8") + WS2
    (folder / "programme.csv").write_text(programme, encoding="utf-8")
    (folder / "roster.csv").write_text(ROSTER, encoding="utf-8")
    (folder / "invitations.csv").write_text(
        "session_id,registration_id\nWS2,P-LEE\n", encoding="utf-8"
    )
    ok_json(kiosk(db, "import", "programme", str(folder / "programme.csv")))
    ok_json(kiosk(db, "import", "roster", str(folder / "roster.csv")))
    ok_json(kiosk(db, "import", "invitations", str(folder / "invitations.csv")))
    store_tickets(db, TICKETS)
    staff_code = json.loads(kiosk(db, "issue", "P-PARK").stdout)["code"]
    return {"db": db, "folder": folder, "staff": staff_code}


def scan(forum: dict, code: str, session: str, at: str, *extra: str) -> tuple[int, dict]:
    result = kiosk(forum["db"], "scan", "--session", session, "--at", at, *extra, code)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def logged_ticket(forum: dict, checkin_id: str) -> str | None:
    conn = sqlite3.connect(forum["db"])
    try:
        row = conn.execute(
            "SELECT ticket_code FROM checkins WHERE event_uid = ?", (checkin_id,)
        ).fetchone()
    finally:
        conn.close()
    return row[0]


def test_any_ticket_of_a_person_scans_as_that_person_who_is_counted_once(forum):
    """Anouk Nováková bought a pass and a workshop ticket: either one is her, inside once."""
    code, first = scan(forum, NOVAK_PASS, "PL1", "2026-12-06T09:50")
    assert (code, first["reason"]) == (0, "admitted")
    assert first["attendee"]["registration_id"] == "P-NOVAK"
    assert first["occupancy"]["inside"] == 1
    code, second = scan(forum, NOVAK_WORKSHOP, "PL1", "2026-12-06T09:55")
    assert (code, second["reason"]) == (0, "readmitted")
    assert second["attendee"]["registration_id"] == "P-NOVAK"
    assert second["occupancy"]["inside"] == 1  # one person, whichever ticket she used
    # The log tells which ticket was used each time (for sending check-ins back to pretix).
    assert logged_ticket(forum, first["checkin_id"]) == NOVAK_PASS
    assert logged_ticket(forum, second["checkin_id"]) == NOVAK_WORKSHOP
    staff = scan(forum, forum["staff"], "PL1", "2026-12-06T09:56")[1]
    assert logged_ticket(forum, staff["checkin_id"]) is None  # our own signed code
    # The organiser's figures count people, not tickets.
    status = ok_json(kiosk(forum["db"], "status"))
    [plenary] = [s for s in status["sessions"] if s["session_id"] == "PL1"]
    assert (plenary["admitted"], plenary["inside"]) == (2, 2)
    assert status["checked_in"] == 2


def test_a_cancelled_ticket_scans_cancelled_and_its_holder_gets_no_badge(forum, tmp_path):
    code, verdict = scan(forum, CELIK_PASS, "PL1", "2026-12-06T10:00")
    assert (code, verdict["verdict"], verdict["reason"]) == (1, "deny", "cancelled")
    assert "attendee" not in verdict
    assert "cancelled" in verdict["message"]["en"] and HANGUL.search(verdict["message"]["ko"])
    # Jürgen Müller's workshop ticket was cancelled, his pass was not: he is still welcome.
    assert scan(forum, MULLER_WORKSHOP, "PL1", "2026-12-06T10:00")[1]["reason"] == "cancelled"
    assert scan(forum, MULLER_PASS, "PL1", "2026-12-06T10:01")[1]["reason"] == "admitted"

    everyone = ok_json(kiosk(forum["db"], "badge", "--all", "-o", str(tmp_path / "all.pdf")))
    assert everyone["badges"] == 6  # seven people, one with only a cancelled ticket
    assert ok_json(kiosk(forum["db"], "status"))["attendees"] == 6  # the same people
    refused = kiosk(forum["db"], "badge", CELIK_PASS, "-o", str(tmp_path / "celik.pdf"))
    assert refused.returncode == 2 and "cancelled" in refused.stderr
    refused = kiosk(forum["db"], "badge", "--registration", "P-CELIK", "-o", str(tmp_path / "c"))
    assert refused.returncode == 2 and "cancelled" in refused.stderr
    one = ok_json(kiosk(forum["db"], "badge", NOVAK_WORKSHOP, "-o", str(tmp_path / "n.pdf")))
    assert one["badges"] == 1
    arrival = ok_json(kiosk(forum["db"], "checkin", "--at", "2026-12-06T09:00", KIM_PASS))
    assert arrival["reason"] == "admitted" and arrival["attendee"]["name"] == "김민준"
    denied = kiosk(forum["db"], "checkin", "--at", "2026-12-06T09:00", CELIK_PASS)
    assert denied.returncode == 1 and json.loads(denied.stdout)["reason"] == "cancelled"


def test_a_workshop_for_ticket_holders_admits_them_its_guests_and_staff(forum):
    at = "2026-12-06T16:35"
    code, verdict = scan(forum, NOVAK_WORKSHOP, "WS2", at)
    assert (code, verdict["reason"]) == (0, "admitted")
    # The person holds a Workshop ticket, whichever of her tickets she shows.
    assert scan(forum, NOVAK_PASS, "WS2", at)[1]["reason"] == "readmitted"
    assert scan(forum, LEE_PASS, "WS2", at)[1]["reason"] == "admitted"  # invited
    assert scan(forum, forum["staff"], "WS2", at)[1]["reason"] == "admitted"  # staff

    code, refused = scan(forum, DUPONT_PASS, "WS2", at)
    assert (code, refused["verdict"], refused["reason"]) == (1, "deny", "ticket_required")
    assert "Workshop ticket holders" in refused["message"]["en"]
    assert "Workshop 티켓 소지자" in refused["message"]["ko"]
    assert refused["message"]["en"].startswith("We are sorry:")  # the polite words of others
    assert "information desk" in refused["message"]["en"]
    # A cancelled workshop ticket does not open the door; staff may still let him in, with a
    # written reason.
    assert scan(forum, MULLER_PASS, "WS2", at)[1]["reason"] == "ticket_required"
    overridden = scan(forum, DUPONT_PASS, "WS2", at, "--override", "bought at the desk")[1]
    assert overridden["reason"] == "admitted"
    assert overridden["override_reason"] == "bought at the desk"
    # The open plenary and the invite-only workshop keep their rules.
    assert scan(forum, DUPONT_PASS, "WS1", "2026-12-06T14:05")[1]["reason"] == "not_invited"


def test_self_check_in_lists_the_workshop_only_to_its_ticket_holders(forum):
    mine = ok_json(kiosk(forum["db"], "checkin", "--at", "2026-12-06T09:10", NOVAK_PASS))
    assert [s["session_id"] for s in mine["sessions"]] == ["PL1", "WS2"]
    other = ok_json(kiosk(forum["db"], "checkin", "--at", "2026-12-06T09:10", DUPONT_PASS))
    assert [s["session_id"] for s in other["sessions"]] == ["PL1"]


def test_tickets_typed_with_caps_lock_or_the_korean_keyboard_still_scan(forum):
    """A keyboard-wedge scanner types the code: with Caps Lock on, or the Korean IME active."""
    at = "2026-12-06T10:30"
    caps = scan(forum, KIM_PASS.upper(), "PL1", at)[1]
    assert caps["reason"] == "admitted" and caps["attendee"]["registration_id"] == "P-KIM"
    assert logged_ticket(forum, caps["checkin_id"]) == KIM_PASS  # the ticket as pretix knows it
    typed = type_with_ime(DUPONT_PASS)
    assert HANGUL.search(typed)
    ime = scan(forum, typed, "PL1", at)[1]
    assert ime["reason"] == "admitted" and ime["attendee"]["registration_id"] == "P-DUPONT"
    # A signed ticket keeps its case: Caps Lock swaps it, and swapping back finds it.
    swapped = LEE_PASS.swapcase()
    assert scan(forum, swapped, "PL1", at)[1]["attendee"]["registration_id"] == "P-LEE"


def test_an_unknown_ticket_is_not_called_an_unreadable_badge(forum):
    at = "2026-12-06T10:40"
    # Lower-casing a signed ticket is not what Caps Lock does: it is no ticket of anyone's.
    code, lowered = scan(forum, LEE_PASS.lower(), "PL1", at)
    assert (code, lowered["reason"]) == (1, "unknown_code")
    mistyped = KIM_PASS[:-1] + ("x" if KIM_PASS[-1] != "x" else "y")
    unknown = scan(forum, mistyped, "PL1", at)[1]
    assert unknown["reason"] == "unknown_code"
    assert "could not be read" not in unknown["message"]["en"]
    assert "could not find this registration" in unknown["message"]["en"]
    assert HANGUL.search(unknown["message"]["ko"])
    garbage = scan(forum, "hello", "PL1", at)[1]
    assert garbage["reason"] == "invalid_code"


def test_a_reissued_badge_replaces_the_persons_tickets_too(forum):
    """Staff reissue a lost badge: like the old badge, the tickets from pretix scan as replaced
    (whoever holds the lost confirmation e-mail cannot get in with it)."""
    assert scan(forum, MULLER_PASS, "PL1", "2026-12-06T11:00")[1]["reason"] == "readmitted"
    new_code = json.loads(kiosk(forum["db"], "issue", "--reissue", "P-MULLER").stdout)["code"]
    code, refused = scan(forum, MULLER_PASS, "PL1", "2026-12-06T11:01")
    assert (code, refused["reason"]) == (1, "revoked")
    assert scan(forum, new_code, "PL1", "2026-12-06T11:02")[1]["reason"] == "readmitted"
