"""Re-entry while recorded inside (PRODUCT.md: re-entry is admitted and not counted twice).

A badge scanned again while its holder is inside may be the same person, or the badge handed
back out to a second one. The door shows amber "already inside since HH:MM"; the conflicts
report counts it as a warning; each session's programme row chooses the policy: allow (the
default, as before) or refuse pass-back. The rule is a pure function with property tests;
`kiosk scan` and `kiosk sync conflicts` show it end to end (the door screen's amber panel is in
test_door_deliberate.py, with the door's other screens).
"""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from kiosk_command import kiosk

from kiosk.core.model import (
    CodeStatus,
    Direction,
    DoorPolicy,
    PersonFacts,
    Presence,
    Reason,
    SessionRule,
)
from kiosk.core.rules import OVERRIDABLE, decide_door, scanned_while_inside
from kiosk.store.database import open_database
from kiosk.sync.conflicts import conflict_report

MINUTE = 60_000
START = 1_000 * MINUTE

# -- the rule ---------------------------------------------------------------------------------

presences = st.builds(
    Presence,
    has_entered=st.booleans(),
    inside=st.booleans(),
    inside_since_ms=st.one_of(st.none(), st.integers(0, START)),
)
sessions = st.builds(
    SessionRule,
    session_id=st.just("S1"),
    start_ms=st.just(START),
    end_ms=st.just(START + 120 * MINUTE),
    capacity=st.one_of(st.none(), st.integers(0, 5)),
    invite_only=st.booleans(),
    refuse_pass_back=st.booleans(),
)
people = st.builds(
    PersonFacts,
    registration_id=st.just("R1"),
    category=st.sampled_from(["participant", "staff", "speaker"]),
    cancelled=st.booleans(),
    on_invitation_list=st.booleans(),
    is_speaker=st.booleans(),
)
scans = st.fixed_dictionaries(
    {
        "session": sessions,
        "code": st.sampled_from(list(CodeStatus)),
        "person": people,
        "presence": presences,
        "inside_count": st.integers(0, 6),
        "at_ms": st.integers(START - 60 * MINUTE, START + 150 * MINUTE),
        "direction": st.sampled_from(list(Direction)),
    }
)


def _decide(facts: dict, *, refuse: bool | None = None) -> Reason:
    session = facts["session"]
    if refuse is not None:
        session = SessionRule(
            session.session_id,
            session.start_ms,
            session.end_ms,
            session.capacity,
            session.invite_only,
            refuse_pass_back=refuse,
        )
    code = facts["code"]
    return decide_door(
        session=session,
        code=code,
        person=facts["person"] if code is CodeStatus.VALID else None,
        presence=facts["presence"],
        inside_count=facts["inside_count"],
        at_ms=facts["at_ms"],
        direction=facts["direction"],
        policy=DoorPolicy(),
    )


@given(scans)
def test_the_policy_only_ever_decides_for_someone_scanned_while_inside(facts) -> None:
    allowed, refused = _decide(facts, refuse=False), _decide(facts, refuse=True)
    if allowed != refused:
        assert scanned_while_inside(facts["presence"], facts["direction"])
        assert (allowed, refused) == (Reason.READMITTED, Reason.PASS_BACK)


@given(scans)
def test_someone_inside_is_never_a_first_entry_nor_stopped_by_capacity(facts) -> None:
    reason = _decide(facts)
    if scanned_while_inside(facts["presence"], facts["direction"]):
        assert reason not in (Reason.ADMITTED, Reason.ROOM_FULL)


@given(scans)
def test_exits_are_never_refused_as_pass_back(facts) -> None:
    if facts["direction"] is Direction.OUT:
        assert _decide(facts, refuse=True) is not Reason.PASS_BACK


@given(scans)
def test_pass_back_refusals_come_only_from_a_refusing_session(facts) -> None:
    if _decide(facts) is Reason.PASS_BACK:
        assert facts["session"].refuse_pass_back
        assert facts["presence"].inside and facts["direction"] is Direction.IN


def test_staff_may_admit_a_pass_back_refusal_anyway() -> None:
    assert Reason.PASS_BACK in OVERRIDABLE
    assert not Reason.PASS_BACK.admits


# -- end to end: the command line and the conflicts report ------------------------------------

PROGRAMME = (
    "session_id,title_en,date,start,end,room,access,pass_back\n"
    "OPEN,Plenary,2019-09-30,10:00,12:00,101,open,\n"
    "STRICT,Workshop,2019-09-30,10:00,12:00,102,open,refuse\n"
)
ROSTER = "registration_id,family_name,given_name,category\nR1,KIM,Minji,participant\n"


def _event(tmp_path):
    db = tmp_path / "event.sqlite"
    assert kiosk(db, "init", "--event-name", "Forum", "--timezone", "Asia/Seoul").returncode == 0
    (tmp_path / "programme.csv").write_text(PROGRAMME, encoding="utf-8")
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    assert kiosk(db, "import", "programme", str(tmp_path / "programme.csv")).returncode == 0
    assert kiosk(db, "import", "roster", str(tmp_path / "roster.csv")).returncode == 0
    code = json.loads(kiosk(db, "issue", "R1").stdout)["code"]
    return db, code


def _scan(db, code, session, at, *extra):
    return kiosk(db, "scan", "--session", session, "--at", at, *extra, code)


def test_a_second_scan_while_inside_says_since_when_and_is_a_warning(tmp_path) -> None:
    db, code = _event(tmp_path)
    first = _scan(db, code, "OPEN", "2019-09-30T10:05")
    assert json.loads(first.stdout)["reason"] == "admitted"
    assert "inside_since" not in json.loads(first.stdout) and first.stderr == ""

    again = _scan(db, code, "OPEN", "2019-09-30T10:20")
    verdict = json.loads(again.stdout)
    assert again.returncode == 0
    assert verdict["reason"] == "readmitted"  # allowed: the default policy, as before
    assert verdict["inside_since"] == "2019-09-30T10:05:00+09:00"
    assert "warning: already inside since 10:05" in again.stderr

    report = json.loads(kiosk(db, "sync", "conflicts").stdout)
    assert report["counts"]["scanned_while_inside"] == 1 and report["warnings"] == 1
    (item,) = [c for c in report["conflicts"] if c["kind"] == "scanned_while_inside"]
    assert item["severity"] == "warning" and item["registration_id"] == "R1"
    assert item["inside_since"] == "2019-09-30T10:05:00+09:00" and not item["refused"]

    # Out and back in: a welcome back, no warning.
    assert _scan(db, code, "OPEN", "2019-09-30T10:30", "--direction", "out").returncode == 0
    back = _scan(db, code, "OPEN", "2019-09-30T10:40")
    assert json.loads(back.stdout)["reason"] == "readmitted"
    assert "inside_since" not in json.loads(back.stdout)
    assert json.loads(kiosk(db, "sync", "conflicts").stdout)["warnings"] == 1


def test_a_session_that_refuses_pass_back_refuses_the_second_scan(tmp_path) -> None:
    db, code = _event(tmp_path)
    assert _scan(db, code, "STRICT", "2019-09-30T10:05").returncode == 0
    refused = _scan(db, code, "STRICT", "2019-09-30T10:06")
    verdict = json.loads(refused.stdout)
    assert refused.returncode == 1
    assert verdict["verdict"] == "deny" and verdict["reason"] == "pass_back"
    assert verdict["inside_since"] == "2019-09-30T10:05:00+09:00"
    assert verdict["occupancy"]["inside"] == 1  # still one person inside
    assert "already inside" in verdict["message"]["en"]

    # Staff may admit anyway (the person left by a door without exit scanning).
    anyway = _scan(db, code, "STRICT", "2019-09-30T10:07", "--override", "left by the fire exit")
    assert json.loads(anyway.stdout)["reason"] == "readmitted"
    conn = open_database(db).conn
    try:
        report = conflict_report(conn)
    finally:
        conn.close()
    kinds = [(c["kind"], c["refused"]) for c in report["conflicts"]]
    assert kinds == [("scanned_while_inside", True), ("scanned_while_inside", False)]


def test_a_bad_pass_back_value_is_one_clear_line_and_changes_nothing(tmp_path) -> None:
    db, _code = _event(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text(PROGRAMME.replace(",refuse", ",maybe"), encoding="utf-8")
    result = kiosk(db, "import", "programme", str(bad))
    assert result.returncode == 2
    assert "pass_back 'maybe': use allow or refuse" in result.stdout
    conn = open_database(db).conn
    try:
        rows = conn.execute("SELECT session_id, pass_back FROM sessions ORDER BY 1").fetchall()
    finally:
        conn.close()
    assert rows == [("OPEN", "allow"), ("STRICT", "refuse")]
