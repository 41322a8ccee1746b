"""At a real door: forged, altered, truncated and foreign codes, random bytes and control
characters are all refused cleanly as invalid_code, never admitted, never a crash."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import add_person, add_session
from kiosk.core import keys
from kiosk.core.clock import parse_at
from kiosk.core.codes import issue_code
from kiosk.core.model import Reason
from kiosk.services.checkins import CheckinService
from kiosk.services.issuing import issue_codes


@pytest.fixture
def door(event_db):
    conn = event_db.conn
    add_session(conn, "S1")
    add_person(conn, "R-0001")
    code = next(issue_codes(conn, ["R-0001"]))[1]
    service = CheckinService(conn)
    return service, code, parse_at("2019-09-30T10:45", service.event.tz)


def test_the_genuine_code_is_admitted(door):
    service, code, at = door
    assert service.scan(code, "S1", at_ms=at).reason is Reason.ADMITTED


def test_every_altered_or_truncated_code_is_invalid(door):
    service, code, at = door
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    variants = {code[:n] for n in range(0, len(code), 7)}
    for position in range(len(code)):
        replacement = alphabet[(alphabet.index(code[position]) + 1) % len(alphabet)]
        variants.add(code[:position] + replacement + code[position + 1 :])
    for variant in variants:
        verdict = service.scan(variant, "S1", at_ms=at)
        assert verdict.reason is Reason.INVALID_CODE, variant
        assert verdict.attendee is None


def test_a_code_signed_by_another_key_is_invalid(door):
    service, _, at = door
    foreign = issue_code(keys.new_private_key(), service.event.event_id, "R-0001", 1)
    assert service.scan(foreign, "S1", at_ms=at).reason is Reason.INVALID_CODE


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.text(max_size=300),
        st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
        st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs"]), max_size=50),
    )
)
def test_random_input_is_a_clean_denial(door, text):
    service, _, at = door
    verdict = service.scan(text, "S1", at_ms=at)
    assert verdict.reason is Reason.INVALID_CODE
    assert verdict.to_json()["verdict"] == "deny"
