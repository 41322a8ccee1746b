"""Check-ins back to pretix (issue 11): `kiosk pretix push` against a real pretix on loopback.

pretix is pip-installed into a throwaway virtual environment, migrated on SQLite, given an
organizer, event, check-in lists, orders with chosen secrets and tokens through its own models,
and served by `pretix runserver` (tests/pretix_fixture.py): once per test session, a few minutes,
hence `slow`. The organiser's flow: import a roster whose code column holds the pretix secrets,
check people in with `kiosk checkin` and `kiosk scan`, then push. Each test uses its own check-in
list, so what one test pushed never meets another's.

The tests without pretix (the token file, the choice of ticket, the options) come first.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from kiosk_command import kiosk
from pretix_fixture import (
    EVENT,
    ORGANIZER,
    SECRET,
    CuttingProxy,
    Pretix,
    early_pretix,
    free_port,
    stop_early,
)

from kiosk.store.database import open_database, transaction
from kiosk.sync.pretix_push import checkin_secret

SEOUL = ZoneInfo("Asia/Seoul")
NAMES = {
    "R1": ("Kim", "Minjun"),
    "R2": ("Lee", "Ara"),
    "R3": ("Park", "Bora"),
    "R4": ("Choi", "Dana"),
    "R5": ("Jung", "Eunji"),
    "R6": ("Kang", "Haneul"),
}
PROGRAMME = (
    "session_id,title_en,date,start,end,room,access\n"
    "S1,Morning plenary,2026-11-30,10:00,12:00,Hall A,open\n"
    "S2,Afternoon panel,2026-11-30,14:00,16:00,Hall B,open\n"
)


def ok_json(result: subprocess.CompletedProcess[str], code: int = 0) -> dict:
    assert result.returncode == code, result.stdout + result.stderr
    return json.loads(result.stdout)


def make_event(folder: Path) -> Path:
    """An event whose roster came from pretix: R1-R5 hold pretix secrets as their codes, R6 has
    only this system's own signed code."""
    db = folder / "event.sqlite"
    ok_json(kiosk(db, "init", "--event-name", "Forum", "--timezone", "Asia/Seoul"))
    (folder / "programme.csv").write_text(PROGRAMME, encoding="utf-8")
    ok_json(kiosk(db, "import", "programme", str(folder / "programme.csv")))
    rows = ["registration_id,family_name,given_name,category,code"]
    for rid, (family, given) in NAMES.items():
        rows.append(f"{rid},{family},{given},participant,{SECRET.get(rid, '')}")
    (folder / "roster.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    ok_json(kiosk(db, "import", "roster", str(folder / "roster.csv")))
    return db


def arrive(db: Path, who: str, at: str) -> None:
    ok_json(kiosk(db, "checkin", "--at", f"2026-11-30T{at}", SECRET[who]))


def scan(db: Path, who: str, session: str, at: str, direction: str = "in") -> dict:
    code = SECRET.get(who) or own_code(db, who)
    result = kiosk(
        db,
        "scan",
        "--session",
        session,
        "--direction",
        direction,
        "--at",
        f"2026-11-30T{at}",
        code,
    )
    return json.loads(result.stdout)


def own_code(db: Path, who: str) -> str:
    return str(ok_json(kiosk(db, "issue", who))["code"])


def token_file(folder: Path, token: str, mode: int = 0o600, name: str = "token") -> Path:
    path = folder / name
    path.write_text(token + "\n", encoding="utf-8")
    path.chmod(mode)
    return path


def push(
    db: Path, url: str, list_id: int, token: Path, *extra: str
) -> subprocess.CompletedProcess[str]:
    return kiosk(
        db,
        "pretix",
        "push",
        "--url",
        url,
        "--organizer",
        ORGANIZER,
        "--event",
        EVENT,
        "--list",
        str(list_id),
        "--token-file",
        str(token),
        *extra,
    )


def pushed_rows(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT event_uid, result FROM pretix_pushes").fetchall()
    finally:
        conn.close()


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def local(at: str) -> datetime:
    return datetime.fromisoformat(f"2026-11-30T{at}").replace(tzinfo=SEOUL)


def no_names(*texts: str) -> None:
    for text in texts:
        for family, given in NAMES.values():
            assert family not in text and given not in text


# ---- without pretix -----------------------------------------------------------------------


def test_the_ticket_sent_is_the_scanned_one_else_a_pretix_one_else_any(event_db) -> None:
    """The one rule: the scanned ticket; else the person's valid pretix ticket, first by code;
    else any valid ticket; else the external code; else none."""
    from builders import add_person

    conn = event_db.conn
    add_person(conn, "P1")
    add_person(conn, "P2")
    add_person(conn, "P3", external_code="legacycode")
    add_person(conn, "P4")
    with transaction(conn):
        conn.executemany(
            "INSERT INTO tickets(code, registration_id, ticket_type, source, status) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                ("aaa-own", "P1", None, None, "valid"),
                ("zzz-pretix", "P1", "Workshop", "pretix-checkinlist", "valid"),
                ("mmm-pretix", "P1", "Conference pass", "pretix-json", "valid"),
                ("bbb-cancelled", "P1", None, "pretix-json", "cancelled"),
                ("ccc-generic", "P2", None, "generic", "valid"),
                ("ddd-cancelled", "P4", None, "pretix-json", "cancelled"),
            ],
        )
    assert checkin_secret(conn, "zzz-pretix", "P1") == "zzz-pretix"
    assert checkin_secret(conn, None, "P1") == "mmm-pretix"
    assert checkin_secret(conn, None, "P2") == "ccc-generic"
    assert checkin_secret(conn, None, "P3") == "legacycode"
    assert checkin_secret(conn, None, "P4") is None


def test_token_file_readable_by_others_is_refused_and_nothing_is_sent(tmp_path) -> None:
    db = make_event(tmp_path)
    arrive(db, "R1", "09:40")
    url = f"http://127.0.0.1:{free_port()}"
    loose = token_file(tmp_path, "t" * 64, 0o644)
    result = push(db, url, 1, loose)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and f"chmod 600 {loose}" in result.stderr
    group = token_file(tmp_path, "t" * 64, 0o640, "group-token")
    result = push(db, url, 1, group, "--dry-run")
    assert result.returncode == 0 and "can be read by its group" in result.stderr
    assert json.loads(result.stdout)["to_send"] == 1
    for text, words in (
        ("", "is empty"),
        ("two words here", "does not hold one"),
        ("x" * 100_000, "too large"),
    ):
        result = push(db, url, 1, token_file(tmp_path, text, name="bad"))
        assert result.returncode == 2 and words in result.stderr
    result = push(db, url, 1, token_file(tmp_path, "Token abc", name="t2"), "--device-token")
    assert result.returncode == 2 and "--device-token" in result.stderr
    assert pushed_rows(db) == []


def test_dry_run_and_the_choice_of_check_ins_need_no_network(tmp_path) -> None:
    """--dry-run says what would go (admitted entries and exits; refusals and people without
    a ticket left out); --session and --arrivals narrow it; bad usage is exit 2."""
    db = make_event(tmp_path)
    arrive(db, "R1", "09:40")
    assert scan(db, "R1", "S1", "10:05")["reason"] == "admitted"
    assert scan(db, "R1", "S1", "10:50", "out")["reason"] == "exit_recorded"
    assert scan(db, "R2", "S2", "10:06")["reason"] == "too_early"  # denied: never sent
    assert scan(db, "R6", "S1", "10:07")["reason"] == "admitted"  # no ticket: counted
    token = token_file(tmp_path, "t" * 64)
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens: a dry run does not call
    plan = ok_json(push(db, url, 1, token, "--dry-run"))
    assert (plan["status"], plan["to_send"], plan["without_ticket"]) == ("dry_run", 3, 1)
    assert ok_json(push(db, url, 1, token, "--dry-run", "--arrivals"))["to_send"] == 1
    assert ok_json(push(db, url, 1, token, "--dry-run", "--session", "S1"))["to_send"] == 2
    assert ok_json(push(db, url, 1, token, "--dry-run", "--session", "S2"))["to_send"] == 0
    for extra in (["--session", "NOPE"], ["--session", "S1", "--arrivals"], ["--list", "0"]):
        result = push(db, url, 1, token, "--dry-run", *extra)
        assert result.returncode == 2 and len(result.stderr.splitlines()) == 1, result.stderr
    result = kiosk(
        db,
        "pretix",
        "push",
        "--url",
        "ftp://x",
        "--organizer",
        ORGANIZER,
        "--event",
        EVENT,
        "--list",
        "1",
        "--token-file",
        str(token),
    )
    assert result.returncode == 2 and "not a pretix URL" in result.stderr
    assert pushed_rows(db) == []


class StandIn(BaseHTTPRequestHandler):
    """A loopback HTTP server answering like pretix in the ways the real one is hard to make
    answer: a rate limit, then a server error (`answers`: what each check-in gets)."""

    answers: list[tuple[int, dict[str, Any]]] = []
    received: list[dict[str, Any]] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self._reply(200, {"id": 7, "name": "Entrance"})

    def do_POST(self) -> None:  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        status, answer = self.answers.pop(0)
        if status == 201:
            type(self).received.append(body)
        self._reply(status, answer, {"Retry-After": "0"} if status == 429 else {})

    def _reply(self, status: int, value: dict[str, Any], headers: dict[str, str] | None = None):
        data = json.dumps(value).encode()
        self.send_response(status)
        for name, text in {"Content-Type": "application/json", **(headers or {})}.items():
            self.send_header(name, text)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


def test_a_rate_limit_is_waited_out_and_a_server_error_stops_with_the_rest_kept(
    tmp_path: Path,
) -> None:
    ok = (201, {"status": "ok", "position": {"order__status": "p"}})
    StandIn.answers = [(429, {"detail": "slow down"}), ok, (500, {"detail": "boom"})]
    StandIn.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        db = make_event(tmp_path)
        arrive(db, "R1", "09:40")
        arrive(db, "R2", "09:41")
        arrive(db, "R3", "09:42")
        url = f"http://127.0.0.1:{server.server_address[1]}"
        result = push(db, url, 7, token_file(tmp_path, "t" * 64))
        report = ok_json(result, code=2)
        assert (report["sent"], report["accepted"], report["left"]) == (1, 1, 2)
        assert "answered 500" in result.stderr and result.stderr.count("\n") == 1
        assert [body["secret"] for body in StandIn.received] == [SECRET["R1"]]
        sent = StandIn.received[0]
        assert (sent["type"], sent["force"], sent["lists"]) == ("entry", True, [7])
        assert sent["datetime"] == "2026-11-30T09:40:00.000+09:00"
        assert [result for _, result in pushed_rows(db)] == ["accepted"]
        assert sent["nonce"] == pushed_rows(db)[0][0]
    finally:
        server.shutdown()
        server.server_close()


# ---- against a real pretix ----------------------------------------------------------------


@pytest.fixture(scope="session")
def pretix(request: pytest.FixtureRequest) -> Iterator[Pretix]:
    """The real pretix of this test session (tests/pretix_fixture.py), set up in the background
    since collection (tests/conftest.py); its set-up times go to the terminal."""
    server = early_pretix()
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    summary = ", ".join(f"{k} {v:.0f}" for k, v in server.timings.items())
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\npretix fixture (seconds): {summary}")
    yield server
    stop_early()


@pytest.mark.slow
def test_push_gives_pretix_the_check_ins_and_a_second_push_sends_nothing(
    pretix: Pretix, tmp_path: Path
) -> None:
    list_id = pretix.list_ids[0]
    db = make_event(tmp_path)
    arrive(db, "R1", "09:40")
    scan(db, "R1", "S1", "10:05")
    scan(db, "R1", "S1", "10:50", "out")
    scan(db, "R2", "S1", "10:07")
    scan(db, "R2", "S2", "10:08")  # too early: denied, not sent
    scan(db, "R6", "S1", "10:10")  # admitted with this system's own code: no pretix ticket
    token = token_file(tmp_path, pretix.team_token)

    result = push(db, pretix.url, list_id, token)
    report = ok_json(result)
    assert (report["sent"], report["accepted"], report["refused"]) == (4, 4, [])
    assert report["without_ticket"] == 1 and report["status"] == "ok"
    assert "pretix took 4 check-in(s)" in result.stderr
    seen = pretix.checkins(list_id)
    r1 = sorted(seen[SECRET["R1"]], key=lambda c: c["datetime"])
    assert [c["type"] for c in r1] == ["entry", "entry", "exit"]
    assert [moment(c["datetime"]) for c in r1] == [local("09:40"), local("10:05"), local("10:50")]
    assert [(c["type"], moment(c["datetime"])) for c in seen[SECRET["R2"]]] == [
        ("entry", local("10:07"))
    ]
    assert seen[SECRET["R3"]] == [] and seen[SECRET["R4"]] == []

    again = ok_json(push(db, pretix.url, list_id, token))
    assert (again["sent"], again["to_send"], again["already_pushed"]) == (0, 0, 4)
    assert pretix.checkins(list_id) == seen
    # Nothing to send still reads the list: a wrong token is said at once.
    wrong = push(db, pretix.url, list_id, token_file(tmp_path, "w" * 64, name="wrong"))
    assert wrong.returncode == 2 and "refused the token" in wrong.stderr

    scan(db, "R2", "S1", "11:30", "out")
    later = ok_json(push(db, pretix.url, list_id, token))
    assert (later["sent"], later["accepted"], later["already_pushed"]) == (1, 1, 4)
    r2 = sorted(pretix.checkins(list_id)[SECRET["R2"]], key=lambda c: c["datetime"])
    assert [(c["type"], moment(c["datetime"])) for c in r2] == [
        ("entry", local("10:07")),
        ("exit", local("11:30")),
    ]
    # Another list of the same event is another target: everything goes there too.
    other = ok_json(push(db, pretix.url, pretix.list_ids[1], token, "--arrivals"))
    assert (other["sent"], other["already_pushed"]) == (1, 0)


@pytest.mark.slow
def test_what_pretix_refuses_is_reported_by_ticket_without_names(
    pretix: Pretix, tmp_path: Path
) -> None:
    list_id = pretix.list_ids[2]
    db = make_event(tmp_path)
    arrive(db, "R1", "09:40")
    arrive(db, "R5", "09:41")  # a secret pretix does not know
    arrive(db, "R4", "09:42")  # an order cancelled in pretix since
    arrive(db, "R3", "09:43")  # an order still pending in pretix
    token = token_file(tmp_path, pretix.team_token)

    result = push(db, pretix.url, list_id, token)
    report = ok_json(result, code=1)
    assert report["accepted"] == 3
    assert report["refused"] == [
        {
            "ticket": "..." + SECRET["R5"][-4:],
            "registration_id": "R5",
            "direction": "in",
            "at": "2026-11-30T09:41:00+09:00",
            "reason": "invalid",
        }
    ]
    assert f"ticket ...{SECRET['R5'][-4:]} of R5" in result.stderr
    # The scans happened, so they go as forced: pretix takes them, and says the order's state.
    assert {(n["registration_id"], n["order_status"]) for n in report["accepted_not_paid"]} == {
        ("R4", "canceled"),
        ("R3", "pending"),
    }
    no_names(result.stdout, result.stderr)
    assert SECRET["R5"] not in result.stdout + result.stderr
    seen = pretix.checkins(list_id)
    assert len(seen[SECRET["R4"]]) == 1 and len(seen[SECRET["R1"]]) == 1

    again = ok_json(push(db, pretix.url, list_id, token))
    assert (again["sent"], again["refused_before"], again["already_pushed"]) == (0, 1, 3)
    retry = ok_json(push(db, pretix.url, list_id, token, "--retry-refused"), code=1)
    assert retry["sent"] == 1 and retry["refused"][0]["registration_id"] == "R5"
    assert pretix.checkins(list_id) == seen


@pytest.mark.slow
def test_a_wrong_token_or_list_is_one_line_and_exit_2_and_a_device_token_works(
    pretix: Pretix, tmp_path: Path
) -> None:
    list_id = pretix.list_ids[3]
    db = make_event(tmp_path)
    arrive(db, "R1", "09:40")
    wrong = token_file(tmp_path, "x" * 64, name="wrong")
    result = push(db, pretix.url, list_id, wrong)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "refused the token" in result.stderr
    assert "Traceback" not in result.stderr and "x" * 64 not in result.stderr

    team = token_file(tmp_path, pretix.team_token)
    result = push(db, pretix.url, pretix.other_list_id, team)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert f"no check-in list {pretix.other_list_id} in event 'forum'" in result.stderr
    result = kiosk(
        db,
        "pretix",
        "push",
        "--url",
        pretix.url,
        "--organizer",
        "nobody",
        "--event",
        EVENT,
        "--list",
        str(list_id),
        "--token-file",
        str(team),
    )
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert pushed_rows(db) == [] and pretix.checkins(list_id)[SECRET["R1"]] == []

    device = token_file(tmp_path, pretix.device_token, name="device")
    result = push(db, pretix.url, list_id, device)  # a device token sent as a team token
    assert result.returncode == 2 and "refused the token" in result.stderr
    report = ok_json(push(db, pretix.url, list_id, device, "--device-token"))
    assert report["accepted"] == 1
    assert len(pretix.checkins(list_id)[SECRET["R1"]]) == 1


@pytest.mark.slow
def test_pretix_gone_loses_nothing_and_sends_nothing_twice(pretix: Pretix, tmp_path: Path) -> None:
    list_id = pretix.list_ids[4]
    db = make_event(tmp_path)
    arrive(db, "R1", "09:40")
    arrive(db, "R2", "09:41")
    scan(db, "R1", "S1", "10:05")
    scan(db, "R2", "S1", "10:06")
    scan(db, "R1", "S1", "10:50", "out")
    token = token_file(tmp_path, pretix.team_token)

    # No pretix at all: one line, exit 2, nothing marked.
    down = push(db, f"http://127.0.0.1:{free_port()}", list_id, token)
    assert down.returncode == 2 and down.stdout == ""
    assert down.stderr.count("\n") == 1 and "pretix unreachable" in down.stderr
    assert pushed_rows(db) == []

    # The network goes mid-way: pretix takes the 3rd check-in but its answer never comes back.
    proxy = CuttingProxy(int(pretix.url.rsplit(":", 1)[1]))
    try:
        proxy.cut_after(3)
        cut = push(db, proxy.url, list_id, token)
        report = ok_json(cut, code=2)
        assert (report["status"], report["sent"], report["left"]) == ("unreachable", 2, 3)
        assert "2 sent, 3 left for next time" in cut.stderr
        assert [result for _, result in pushed_rows(db)] == ["accepted", "accepted"]
        assert sum(len(c) for c in pretix.checkins(list_id).values()) == 3

        proxy.restore()
        resumed = ok_json(push(db, proxy.url, list_id, token))
        assert (resumed["sent"], resumed["accepted"], resumed["already_pushed"]) == (3, 3, 2)
    finally:
        proxy.close()
    # The check-in pretix had already is not there twice (the nonce is the check-in's id).
    seen = pretix.checkins(list_id)
    assert sorted(moment(c["datetime"]) for c in seen[SECRET["R1"]]) == [
        local("09:40"),
        local("10:05"),
        local("10:50"),
    ]
    assert sorted(moment(c["datetime"]) for c in seen[SECRET["R2"]]) == [
        local("09:41"),
        local("10:06"),
    ]
    # The same pretix under another URL is another target: all goes again, and pretix keeps
    # each check-in once.
    assert ok_json(push(db, pretix.url, list_id, token))["accepted"] == 5
    assert pretix.checkins(list_id) == seen
    assert len(pushed_rows(db)) == 5 + 5


@pytest.mark.slow
def test_session_and_arrivals_push_only_their_check_ins(pretix: Pretix, tmp_path: Path) -> None:
    list_id = pretix.list_ids[5]
    db = make_event(tmp_path)
    arrive(db, "R1", "09:40")
    scan(db, "R1", "S1", "10:05")
    scan(db, "R2", "S2", "14:05")
    token = token_file(tmp_path, pretix.team_token)
    assert ok_json(push(db, pretix.url, list_id, token, "--arrivals"))["sent"] == 1
    assert ok_json(push(db, pretix.url, list_id, token, "--session", "S1"))["sent"] == 1
    rest = ok_json(push(db, pretix.url, list_id, token))
    assert (rest["sent"], rest["already_pushed"]) == (1, 2)
    seen = pretix.checkins(list_id)
    assert len(seen[SECRET["R1"]]) == 2 and len(seen[SECRET["R2"]]) == 1
    assert os.stat(token).st_mode & 0o077 == 0
    conn = open_database(db).conn
    assert conn.execute("SELECT count(*) FROM pretix_pushes").fetchone()[0] == 3
    conn.close()
