"""The door rules as a pure function: every reason, and the order in which they win."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.model import (
    CATEGORIES,
    CodeStatus,
    Direction,
    DoorPolicy,
    PersonFacts,
    Presence,
    Reason,
    SessionRule,
)
from kiosk.core.rules import (
    decide_arrival,
    decide_door,
    holds_ticket_for,
    may_pass_invite_only,
    ticket_type_matches,
)

MINUTE = 60_000
START = 1_000 * MINUTE
SESSION = SessionRule("S1", START, START + 120 * MINUTE, capacity=2, invite_only=True)
POLICY = DoorPolicy()
GUEST = PersonFacts("R1", "participant", cancelled=False, on_invitation_list=True)


def decide(**overrides):
    facts = dict(
        session=SESSION,
        code=CodeStatus.VALID,
        person=GUEST,
        presence=Presence(),
        inside_count=0,
        at_ms=START,
        direction=Direction.IN,
        policy=POLICY,
    )
    facts.update(overrides)
    return decide_door(**facts)


def test_an_invited_guest_on_time_is_admitted():
    assert decide() is Reason.ADMITTED


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"session": None}, Reason.UNKNOWN_SESSION),
        ({"code": CodeStatus.INVALID, "person": None}, Reason.INVALID_CODE),
        ({"code": CodeStatus.UNKNOWN, "person": None}, Reason.UNKNOWN_CODE),
        ({"code": CodeStatus.REVOKED, "person": None}, Reason.REVOKED),
        ({"code": CodeStatus.CANCELLED, "person": GUEST}, Reason.CANCELLED),
        ({"person": PersonFacts("R1", "participant", cancelled=True)}, Reason.CANCELLED),
        ({"at_ms": START - 31 * MINUTE}, Reason.TOO_EARLY),
        ({"at_ms": START + 120 * MINUTE}, Reason.SESSION_OVER),
        ({"person": PersonFacts("R1", "participant", cancelled=False)}, Reason.NOT_INVITED),
        ({"presence": Presence(has_entered=True, inside=True)}, Reason.READMITTED),
        ({"inside_count": 2}, Reason.ROOM_FULL),
        ({"presence": Presence(has_entered=True, inside=False)}, Reason.READMITTED),
        ({"direction": Direction.OUT}, Reason.EXIT_RECORDED),
    ],
)
def test_each_reason(overrides, reason):
    assert decide(**overrides) is reason


def test_the_door_opens_thirty_minutes_before_the_start_by_default():
    assert decide(at_ms=START - 30 * MINUTE) is Reason.ADMITTED
    assert decide(at_ms=START - 30 * MINUTE - 1) is Reason.TOO_EARLY
    assert decide(at_ms=START + 120 * MINUTE - 1) is Reason.ADMITTED


def test_the_door_opening_is_an_event_setting():
    policy = DoorPolicy(door_opens_ms_before=5 * MINUTE)
    assert decide(at_ms=START - 10 * MINUTE, policy=policy) is Reason.TOO_EARLY


def test_precedence_follows_the_contract():
    uninvited_cancelled = PersonFacts("R1", "participant", cancelled=True)
    late = START + 200 * MINUTE
    assert decide(person=uninvited_cancelled, at_ms=late) is Reason.CANCELLED
    stranger = PersonFacts("R1", "participant", cancelled=False)
    assert decide(person=stranger, at_ms=late) is Reason.SESSION_OVER
    assert decide(person=stranger, inside_count=2) is Reason.NOT_INVITED
    # Someone recorded inside is readmitted even when the room is full.
    inside = Presence(has_entered=True, inside=True)
    assert decide(presence=inside, inside_count=2) is Reason.READMITTED
    # Re-entry after an exit is capacity-checked.
    left = Presence(has_entered=True, inside=False)
    assert decide(presence=left, inside_count=2) is Reason.ROOM_FULL


def test_speakers_and_staff_categories_pass_invite_only_doors():
    speaker = PersonFacts("R9", "participant", cancelled=False, is_speaker=True)
    assert decide(person=speaker) is Reason.ADMITTED
    for category in ("staff", "organiser", "interpreter"):
        assert decide(person=PersonFacts("R9", category, cancelled=False)) is Reason.ADMITTED
    for category in ("press", "volunteer", "invited_guest", "speaker"):
        assert decide(person=PersonFacts("R9", category, cancelled=False)) is Reason.NOT_INVITED


def test_staff_categories_are_an_event_setting():
    policy = DoorPolicy(staff_categories=frozenset({"volunteer"}))
    assert decide(person=PersonFacts("R9", "volunteer", False), policy=policy) is Reason.ADMITTED
    assert decide(person=PersonFacts("R9", "staff", False), policy=policy) is Reason.NOT_INVITED


def test_an_open_session_admits_everyone_registered():
    open_session = SessionRule("S2", START, START + MINUTE * 60, None, invite_only=False)
    stranger = PersonFacts("R1", "participant", cancelled=False)
    assert decide(session=open_session, person=stranger, inside_count=10_000) is Reason.ADMITTED


def test_arrival_at_the_event():
    assert decide_arrival(code=CodeStatus.VALID, person=GUEST, arrived=False) is Reason.ADMITTED
    assert decide_arrival(code=CodeStatus.VALID, person=GUEST, arrived=True) is Reason.READMITTED
    cancelled = PersonFacts("R1", "participant", cancelled=True)
    assert decide_arrival(code=CodeStatus.VALID, person=cancelled, arrived=False) is (
        Reason.CANCELLED
    )
    assert decide_arrival(code=CodeStatus.REVOKED, person=None, arrived=False) is Reason.REVOKED


people = st.builds(
    PersonFacts,
    registration_id=st.just("R1"),
    category=st.sampled_from(CATEGORIES),
    cancelled=st.booleans(),
    on_invitation_list=st.booleans(),
    is_speaker=st.booleans(),
)


@given(
    person=people,
    presence=st.builds(Presence, has_entered=st.booleans(), inside=st.booleans()),
    inside=st.integers(0, 5),
    capacity=st.one_of(st.none(), st.integers(0, 5)),
    offset=st.integers(-200, 200),
    code=st.sampled_from(list(CodeStatus)),
)
def test_no_rule_combination_admits_someone_it_must_not(
    person, presence, inside, capacity, offset, code
):
    session = SessionRule("S1", START, START + 120 * MINUTE, capacity, invite_only=True)
    reason = decide(
        session=session,
        code=code,
        person=person if code is CodeStatus.VALID else None,
        presence=presence,
        inside_count=inside,
        at_ms=START + offset * MINUTE,
    )
    if reason.admits:
        assert code is CodeStatus.VALID and not person.cancelled
        assert may_pass_invite_only(person, POLICY)
        assert -30 <= offset < 120
        if not presence.inside and capacity is not None:
            assert inside < capacity


WORKSHOP_DOOR = SessionRule(
    "WS", START, START + 120 * MINUTE, capacity=2, invite_only=True, ticket_types=("Workshop",)
)
PASS_HOLDER = PersonFacts("R2", "participant", False, ticket_types=frozenset({"Conference pass"}))
WORKSHOP_HOLDER = PersonFacts(
    "R3",
    "participant",
    False,
    ticket_types=frozenset({"Conference pass", "Workshop: Human rights cities in practice"}),
)


def test_a_ticket_session_admits_holders_of_its_ticket_types_and_its_guests_and_staff():
    assert decide(session=WORKSHOP_DOOR, person=WORKSHOP_HOLDER) is Reason.ADMITTED
    assert decide(session=WORKSHOP_DOOR, person=PASS_HOLDER) is Reason.TICKET_REQUIRED
    assert decide(session=WORKSHOP_DOOR, person=GUEST) is Reason.ADMITTED  # invited
    staff = PersonFacts("R4", "staff", False)
    assert decide(session=WORKSHOP_DOOR, person=staff) is Reason.ADMITTED
    speaker = PersonFacts("R5", "participant", False, is_speaker=True)
    assert decide(session=WORKSHOP_DOOR, person=speaker) is Reason.ADMITTED
    # The same order of reasons as an invite-only door: code and time first, capacity last.
    late = START + 200 * MINUTE
    assert decide(session=WORKSHOP_DOOR, person=PASS_HOLDER, at_ms=late) is Reason.SESSION_OVER
    full = decide(session=WORKSHOP_DOOR, person=PASS_HOLDER, inside_count=2)
    assert full is Reason.TICKET_REQUIRED
    assert decide(session=WORKSHOP_DOOR, person=WORKSHOP_HOLDER, inside_count=2) is (
        Reason.ROOM_FULL
    )
    # A ticket type on an open session's person changes nothing there.
    open_session = SessionRule("S2", START, START + MINUTE * 60, None, invite_only=False)
    assert decide(session=open_session, person=PASS_HOLDER) is Reason.ADMITTED


def test_a_ticket_type_is_named_by_its_name_or_the_part_before_a_colon():
    assert ticket_type_matches("Workshop", "Workshop")
    assert ticket_type_matches("workshop", "WORKSHOP")
    assert ticket_type_matches("Workshop", "Workshop: Human rights cities in practice")
    assert ticket_type_matches("Conference  pass", "Conference pass")
    assert not ticket_type_matches("Workshop", "Workshops")
    assert not ticket_type_matches("Workshop", "Conference pass")
    assert not ticket_type_matches("Work", "Workshop: Human rights")
    assert not ticket_type_matches("", "Workshop")
    assert ticket_type_matches("워크숍", "워크숍: 인권도시")


ticket_names = st.sampled_from(["Workshop", "Conference pass", "Workshop: A", "VIP", "워크숍"])
ticket_people = st.builds(
    PersonFacts,
    registration_id=st.just("R1"),
    category=st.sampled_from(CATEGORIES),
    cancelled=st.booleans(),
    on_invitation_list=st.booleans(),
    is_speaker=st.booleans(),
    ticket_types=st.frozensets(ticket_names, max_size=3),
)


@given(
    person=ticket_people,
    session_types=st.lists(ticket_names, min_size=1, max_size=2, unique=True).map(tuple),
    inside=st.integers(0, 5),
    capacity=st.one_of(st.none(), st.integers(0, 5)),
    offset=st.integers(-200, 200),
    code=st.sampled_from(list(CodeStatus)),
)
def test_a_ticket_door_admits_only_ticket_holders_guests_speakers_and_staff(
    person, session_types, inside, capacity, offset, code
):
    session = SessionRule(
        "S1", START, START + 120 * MINUTE, capacity, invite_only=True, ticket_types=session_types
    )
    reason = decide(
        session=session,
        code=code,
        person=person if code is CodeStatus.VALID else None,
        presence=Presence(),
        inside_count=inside,
        at_ms=START + offset * MINUTE,
    )
    holder = holds_ticket_for(session_types, person.ticket_types)
    passes = may_pass_invite_only(person, POLICY)
    if reason.admits:
        assert code is CodeStatus.VALID and not person.cancelled
        assert holder or passes
        assert -30 <= offset < 120
        assert capacity is None or inside < capacity
    # A refusal for the ticket is given exactly when nothing else stops the person first and
    # neither a ticket nor the list, speaking or staff lets them in.
    usable = code is CodeStatus.VALID and not person.cancelled and -30 <= offset < 120
    assert (reason is Reason.TICKET_REQUIRED) == (usable and not holder and not passes)
    # Without ticket types, the same door never speaks of tickets.
    plain = SessionRule("S1", START, START + 120 * MINUTE, capacity, invite_only=True)
    without = decide(
        session=plain,
        code=code,
        person=person if code is CodeStatus.VALID else None,
        inside_count=inside,
        at_ms=START + offset * MINUTE,
    )
    assert without is not Reason.TICKET_REQUIRED
