"""Every verdict reason end to end through the `kiosk` command, as door staff and organisers
would meet them on the demo event, with messages in Korean and English."""

from __future__ import annotations

import json
import os
import re
import subprocess

import pytest
from kiosk_command import KIOSK, kiosk

from kiosk.core.codes import issue_code
from kiosk.services.event import load_event, load_signing_key
from kiosk.store.database import open_database

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def ok_json(result: subprocess.CompletedProcess[str]) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def forum(tmp_path_factory, demo_dir) -> dict:
    """The demo event with one extra small open room and an external registration code."""
    folder = tmp_path_factory.mktemp("forum")
    db = folder / "event.sqlite"
    ok_json(kiosk(db, "init", "--event-name", "WHRCF 2019", "--timezone", "Asia/Seoul"))
    programme = (demo_dir / "programme.csv").read_text(encoding="utf-8")
    programme += (
        "NS9,Side Room Talk,작은 방 대화,2019-09-30,14:00,15:00,"
        "Kimdaejung Convention Center,101,1,open,,,\n"
    )
    (folder / "programme.csv").write_text(programme, encoding="utf-8")
    roster = (demo_dir / "roster.csv").read_text(encoding="utf-8").splitlines()
    roster[0] += ",code"
    roster = [line + ("," if i else "") for i, line in enumerate(roster)]
    roster.append(
        "EXT-1,LEE,Sora,이소라,Other Registration Inc,,Korea,participant,,ko,,,,EXTERNAL-777"
    )
    (folder / "roster.csv").write_text("\n".join(roster) + "\n", encoding="utf-8")
    ok_json(kiosk(db, "import", "programme", str(folder / "programme.csv")))
    ok_json(kiosk(db, "import", "roster", str(folder / "roster.csv")))
    ok_json(kiosk(db, "import", "invitations", str(demo_dir / "invitations.csv")))
    issued = kiosk(db, "issue", "--all")
    assert issued.returncode == 0, issued.stderr
    codes = {}
    for line in issued.stdout.splitlines():
        item = json.loads(line)
        codes[item["registration_id"]] = item["code"]
    return {"db": db, "codes": codes}


def scan(forum, who: str, session: str, at: str, *extra: str, code: str | None = None):
    result = kiosk(
        forum["db"], "scan", "--session", session, "--at", at, *extra, code or forum["codes"][who]
    )
    verdict = json.loads(result.stdout)
    return result.returncode, verdict


def assert_bilingual(verdict: dict) -> None:
    message = verdict["message"]
    assert message["en"] and message["ko"] and message["en"] != message["ko"]
    assert HANGUL.search(message["ko"])
    assert not HANGUL.search(message["en"])


def test_invited_guest_enters_steps_out_and_comes_back(forum):
    code, verdict = scan(forum, "X-0101", "NS1", "2019-09-30T10:31")
    assert (code, verdict["verdict"], verdict["reason"]) == (0, "admit", "admitted")
    assert verdict["attendee"] == {
        "registration_id": "X-0101",
        "name": "KIM Minji",
        "category": "invited_guest",
    }
    assert verdict["occupancy"] == {"inside": 1, "capacity": 120}
    assert verdict["at"] == "2019-09-30T10:31:00+09:00"
    assert_bilingual(verdict)

    code, verdict = scan(forum, "X-0101", "NS1", "2019-09-30T10:32")
    assert (code, verdict["reason"], verdict["occupancy"]["inside"]) == (0, "readmitted", 1)
    code, verdict = scan(forum, "X-0101", "NS1", "2019-09-30T11:00", "--direction", "out")
    assert (code, verdict["reason"], verdict["direction"]) == (0, "exit_recorded", "out")
    assert verdict["occupancy"]["inside"] == 0
    assert_bilingual(verdict)
    code, verdict = scan(forum, "X-0101", "NS1", "2019-09-30T11:05")
    assert (code, verdict["reason"], verdict["occupancy"]["inside"]) == (0, "readmitted", 1)


def test_speakers_and_staff_pass_the_invite_only_door(forum):
    assert scan(forum, "R-0002", "NS1", "2019-09-30T10:40")[1]["reason"] == "admitted"
    assert scan(forum, "X-0103", "NS1", "2019-09-30T10:40")[1]["reason"] == "admitted"
    assert scan(forum, "X-0106", "NS1", "2019-09-30T10:40")[1]["reason"] == "admitted"


def test_an_uninvited_participant_is_turned_away_politely(forum):
    code, verdict = scan(forum, "X-0102", "NS1", "2019-09-30T10:40")
    assert (code, verdict["verdict"], verdict["reason"]) == (1, "deny", "not_invited")
    assert verdict["attendee"]["registration_id"] == "X-0102"
    assert "information desk" in verdict["message"]["en"]
    assert "안내 데스크" in verdict["message"]["ko"]


def test_the_door_window(forum):
    assert scan(forum, "X-0103", "NS1", "2019-09-30T09:59")[1]["reason"] == "too_early"
    assert scan(forum, "X-0103", "NS1", "2019-09-30T12:30")[1]["reason"] == "session_over"
    code, verdict = scan(forum, "X-0103", "NS1", "2019-09-30T00:59:59Z")
    assert (code, verdict["reason"]) == (1, "too_early")
    assert_bilingual(verdict)


def test_a_full_room_stops_admissions(forum):
    assert scan(forum, "X-0102", "NS9", "2019-09-30T14:00")[1]["reason"] == "admitted"
    code, verdict = scan(forum, "X-0104", "NS9", "2019-09-30T14:01")
    assert (code, verdict["reason"]) == (1, "room_full")
    assert verdict["occupancy"] == {"inside": 1, "capacity": 1}
    assert_bilingual(verdict)


def test_an_override_admits_with_a_logged_reason(forum):
    code, verdict = scan(
        forum, "X-0107", "NS9", "2019-09-30T14:02", "--override", "fire marshal agreed"
    )
    assert (code, verdict["reason"], verdict["override_reason"]) == (
        0,
        "admitted",
        "fire marshal agreed",
    )


def test_cancelled_registration(forum):
    code, verdict = scan(forum, "X-0105", "NS2", "2019-10-01T16:00")
    assert (code, verdict["reason"]) == (1, "cancelled")
    assert_bilingual(verdict)
    # An override never admits a cancelled registration.
    code, verdict = scan(forum, "X-0105", "NS2", "2019-10-01T16:00", "--override", "please")
    assert (code, verdict["reason"]) == (1, "cancelled")


def test_reissue_revokes_the_lost_badge(forum):
    old = forum["codes"]["X-0104"]
    result = kiosk(forum["db"], "issue", "--reissue", "X-0104")
    new = json.loads(result.stdout)["code"]
    assert new != old
    code, verdict = scan(forum, "X-0104", "NS2", "2019-10-01T16:10", code=old)
    assert (code, verdict["reason"]) == (1, "revoked")
    assert "attendee" not in verdict
    assert_bilingual(verdict)
    assert scan(forum, "X-0104", "NS2", "2019-10-01T16:10", code=new)[1]["reason"] == "admitted"
    again = json.loads(kiosk(forum["db"], "issue", "X-0104").stdout)["code"]
    assert again == new


def test_codes_from_another_registration_system_match_exactly(forum):
    code, verdict = scan(forum, "", "NS2", "2019-10-01T16:20", code="EXTERNAL-777")
    assert (code, verdict["reason"]) == (0, "admitted")
    assert verdict["attendee"]["name"] == "LEE Sora"
    # Shaped like a ticket this event holds, but nobody's: "not found", not "could not be read".
    code, verdict = scan(forum, "", "NS2", "2019-10-01T16:20", code="EXTERNAL-778")
    assert (code, verdict["reason"]) == (1, "unknown_code")


def test_invalid_and_unknown_codes(forum):
    code, verdict = scan(forum, "", "NS2", "2019-10-01T16:20", code="NOT-A-BADGE")
    assert (code, verdict["reason"], "attendee" in verdict) == (1, "invalid_code", False)
    assert_bilingual(verdict)
    conn = open_database(forum["db"]).conn
    try:
        stranger = issue_code(load_signing_key(conn), load_event(conn).event_id, "NOBODY-1", 1)
    finally:
        conn.close()
    code, verdict = scan(forum, "", "NS2", "2019-10-01T16:20", code=stranger)
    assert (code, verdict["reason"]) == (1, "unknown_code")
    assert_bilingual(verdict)


def test_an_unknown_session_is_bad_input(forum):
    code, verdict = scan(forum, "X-0101", "NOPE", "2019-09-30T10:31")
    assert (code, verdict["verdict"], verdict["reason"]) == (2, "deny", "unknown_session")
    assert_bilingual(verdict)


def test_a_stream_of_scans_from_stdin(forum):
    codes = forum["codes"]
    lines = [codes["R-0012"], "", "garbage\x07\x1b[2J", codes["R-0012"], "   ", codes["X-0102"]]
    result = kiosk(
        forum["db"],
        "scan",
        "--session",
        "NS3",
        "--at",
        "2019-10-02T09:00",
        "-",
        stdin="\r\n".join(lines) + "\n",
    )
    assert result.returncode == 0, result.stderr
    verdicts = [json.loads(line) for line in result.stdout.splitlines()]
    assert [v["reason"] for v in verdicts] == [
        "admitted",
        "invalid_code",
        "readmitted",
        "not_invited",
    ]


def test_undecodable_bytes_are_an_invalid_code_and_the_stream_goes_on(forum):
    """A scanner on the wrong keyboard layout, or a stranger's bytes: a line that is not UTF-8
    answers invalid_code, and the next line is judged as usual."""
    codes = forum["codes"]
    lines = [b"\xff\xfe\x00garbage", codes["R-0013"].encode() + b"\xe9", codes["R-0013"].encode()]
    result = subprocess.run(
        [*KIOSK, "--db", str(forum["db"]), "scan", "--session", "NS3"]
        + ["--at", "2019-10-02T09:01", "-"],
        input=b"\n".join(lines) + b"\n",
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    verdicts = [json.loads(line) for line in result.stdout.splitlines()]
    assert [v["reason"] for v in verdicts] == ["invalid_code", "invalid_code", "admitted"]
    # On the command line too (the shell passes the bytes; Python keeps them as surrogates).
    one = subprocess.run(
        [*KIOSK, "--db", str(forum["db"]), "scan", "--session", "NS3"]
        + ["--at", "2019-10-02T09:02", os.fsdecode(b"AB\xffCD")],
        capture_output=True,
        timeout=60,
    )
    assert one.returncode == 1 and b"Traceback" not in one.stderr
    assert json.loads(one.stdout)["reason"] == "invalid_code"


def test_self_checkin_lists_todays_sessions(forum):
    result = kiosk(forum["db"], "checkin", "--at", "2019-09-30T09:00", forum["codes"]["X-0101"])
    verdict = ok_json(result)
    assert verdict["reason"] == "admitted"
    assert verdict["message"]["en"] == "Welcome. You are checked in."
    assert_bilingual(verdict)
    sessions = verdict["sessions"]
    assert [s["session_id"] for s in sessions] == ["NS1", "NS9"]
    first = sessions[0]
    assert first["room"] == "212+213"
    assert first["title_ko"] == "지방정부 인권위원회 워크숍"
    assert first["start"] == "2019-09-30T10:30:00+09:00"
    assert first["interpretation"] == []
    again = kiosk(forum["db"], "checkin", "--at", "2019-09-30T09:05", forum["codes"]["X-0101"])
    assert ok_json(again)["reason"] == "readmitted"


def test_self_checkin_shows_interpretation_and_hides_closed_doors(forum):
    verdict = ok_json(
        kiosk(forum["db"], "checkin", "--at", "2019-10-01T15:00", forum["codes"]["X-0102"])
    )
    assert [(s["session_id"], s["interpretation"]) for s in verdict["sessions"]] == [
        ("NS2", ["ko", "en"])
    ]
    denied = kiosk(forum["db"], "checkin", forum["codes"]["X-0105"])
    assert denied.returncode == 1
    assert json.loads(denied.stdout)["reason"] == "cancelled"


def test_bad_usage_is_one_line_and_exit_2(forum):
    for args in (
        ["scan", "--session", "NS1", "--at", "yesterday", "X"],
        ["issue"],
        ["issue", "NO-SUCH-PERSON"],
        ["frobnicate"],
    ):
        result = kiosk(forum["db"], *args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) >= 1
