"""Finding people without a badge: door staff by name, attendees at a kiosk by two facts."""

from __future__ import annotations

import pytest

from kiosk.core.clock import parse_at
from kiosk.core.model import Reason
from kiosk.core.names import fold_name
from kiosk.imports import run_import
from kiosk.services.checkins import CheckinService
from kiosk.services.lookup import find_self, search_by_name


@pytest.fixture
def demo(event_db, demo_dir):
    for kind in ("programme", "roster", "invitations"):
        assert not run_import(event_db.conn, kind, demo_dir / f"{kind}.csv").errors
    return event_db.conn


def test_staff_find_people_by_any_part_of_the_name(demo):
    assert [m.registration_id for m in search_by_name(demo, "garcia")] == ["X-0102"]
    assert [m.registration_id for m in search_by_name(demo, "김민")] == ["X-0101"]
    assert [m.registration_id for m in search_by_name(demo, "park seo")] == ["X-0103"]
    assert search_by_name(demo, "x") == []  # too short to search


def test_letters_with_a_stroke_are_found_by_their_base_letter(demo, demo_dir, tmp_path):
    """Ł, Ø and Đ have no accent to remove (Unicode does not decompose them): staff typing
    on a plain keyboard still find the person."""
    header = (demo_dir / "roster.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    people = [
        {"registration_id": "R-9001", "family_name": "Łódź", "given_name": "Marta"},
        {"registration_id": "R-9002", "family_name": "Øslo", "given_name": "Håkon"},
        {"registration_id": "R-9003", "family_name": "Đặng", "given_name": "Thảo"},
    ]
    rows = [",".join(header)]
    for person in people:
        values = {"category": "participant", "language": "en", "status": "registered", **person}
        rows.append(",".join(values.get(column, "") for column in header))
    roster = tmp_path / "roster.csv"
    roster.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert not run_import(demo, "roster", roster).errors

    assert [m.registration_id for m in search_by_name(demo, "lodz")] == ["R-9001"]
    assert [m.registration_id for m in search_by_name(demo, "Oslo hakon")] == ["R-9002"]
    assert [m.registration_id for m in search_by_name(demo, "dang thao")] == ["R-9003"]
    assert [m.registration_id for m in search_by_name(demo, "Łódź")] == ["R-9001"]
    assert find_self(demo, registration_id="R-9002", family_name="OSLO") == "R-9002"
    assert fold_name("Łódź Øslo Đặng Ærø") == "lodz oslo dang aero"


def test_a_private_badge_hides_the_organisation_in_search_too(demo):
    [nguyen] = search_by_name(demo, "nguyen")
    assert nguyen.organization is None


def test_a_kiosk_finds_someone_by_two_facts_and_reveals_nothing_otherwise(demo):
    assert find_self(demo, registration_id="X-0101", family_name="kim") == "X-0101"
    assert find_self(demo, family_name="García", email="LUCIA.GARCIA@example.org ") == "X-0102"
    assert find_self(demo, family_name="garcia", email="lucia.garcia@example.org") == "X-0102"
    assert find_self(demo, registration_id="X-0101", family_name="Lee") is None
    assert find_self(demo, family_name="Kim", email="lucia.garcia@example.org") is None
    assert find_self(demo, registration_id="X-0101", family_name="") is None
    assert find_self(demo, email="lucia.garcia@example.org") is None


def test_a_family_name_typed_in_hangul_matches_the_name_in_the_persons_own_script(demo):
    assert find_self(demo, registration_id="X-0101", family_name="김") == "X-0101"  # 김민지
    assert find_self(demo, family_name="김", email="minji.kim@example.org") == "X-0101"
    assert find_self(demo, registration_id="X-0101", family_name="민") is None  # a given name
    assert find_self(demo, registration_id="X-0101", family_name="김민") is None
    assert find_self(demo, registration_id="X-0102", family_name="김") is None  # no Hangul name


def test_korean_family_names_of_one_and_two_syllables():
    from kiosk.core.names import local_family_name

    assert local_family_name("김민지") == "김"
    assert local_family_name("남궁민") == "남궁"
    assert local_family_name("남궁") == "남"  # two syllables: family name 남, given name 궁
    assert local_family_name("김 민지") == "김"
    assert local_family_name("García") == ""


def test_staff_admit_a_person_found_by_name_with_the_same_rules(demo):
    door = CheckinService(demo)
    at = parse_at("2019-09-30T10:40", door.event.tz)
    assert door.scan_registration("X-0101", "NS1", at_ms=at).reason is Reason.ADMITTED
    assert door.scan_registration("X-0102", "NS1", at_ms=at).reason is Reason.NOT_INVITED
    forced = door.scan_registration("X-0102", "NS1", at_ms=at, override_reason="chair invited")
    assert forced.reason is Reason.ADMITTED and forced.override_reason == "chair invited"
    assert door.scan_registration("X-0105", "NS1", at_ms=at).reason is Reason.CANCELLED
    assert door.scan_registration("NOBODY", "NS1", at_ms=at).reason is Reason.UNKNOWN_CODE


def test_every_self_look_up_goes_through_the_brake(demo):
    """Guessing registration numbers is slowed down for any caller of the service, not only the
    kiosk screen: while the brake holds, even the right facts are not looked up."""
    from kiosk.services.self_lookup import FindBy, LookupBraked, LookupThrottle, SelfLookup

    now = [0.0]
    lookup = SelfLookup(demo, LookupThrottle(clock=lambda: now[0]))
    for guess in range(LookupThrottle.FREE_TRIES):
        assert lookup.find(FindBy.REGISTRATION, "KIM", f"X-99{guess:02d}") is None
    assert lookup.wait_s() == LookupThrottle.FIRST_WAIT_S
    with pytest.raises(LookupBraked) as braked:
        lookup.find(FindBy.REGISTRATION, "KIM", "X-0101")
    assert braked.value.wait_s == LookupThrottle.FIRST_WAIT_S
    now[0] += LookupThrottle.FIRST_WAIT_S
    assert lookup.find(FindBy.REGISTRATION, "kim", "x-0101") == "X-0101"  # lower case typed
    assert lookup.wait_s() == 0 and lookup.throttle.failures == 0


def test_a_kiosk_knows_before_confirming_whether_a_code_will_be_refused(demo):
    from kiosk.services.issuing import issue_codes

    codes = dict(issue_codes(demo, ["X-0101", "X-0105"]))
    service = CheckinService(demo)
    assert service.arrival_check(codes["X-0101"]) == (None, "X-0101")
    assert service.arrival_check(codes["X-0105"]) == (Reason.CANCELLED, "X-0105")
    assert service.arrival_check("NOT-A-CODE") == (Reason.INVALID_CODE, None)
    # Nothing was recorded by asking.
    assert demo.execute("SELECT count(*) FROM checkins").fetchone()[0] == 0


PRETIX_STYLE_ROSTER = """registration_id,family_name,given_name,category,email,language
P-KIM,김,민준,participant,minjun.kim0@example.kr,ko
P-NAMGUNG,남궁,민서,participant,minseo@example.kr,ko
P-KIMJI,김,지우,participant,,ko
"""


@pytest.fixture
def hangul_names(demo, tmp_path):
    """People whose names a registration system gave in Hangul in the family and given name
    fields (pretix does so), with no separate name in their own script."""
    roster = tmp_path / "roster.csv"
    roster.write_text(PRETIX_STYLE_ROSTER, encoding="utf-8")
    assert not run_import(demo, "roster", roster).errors
    return demo


def test_staff_find_a_hangul_name_with_or_without_the_space(hangul_names):
    def found(query: str) -> list[str]:
        return [m.registration_id for m in search_by_name(hangul_names, query)]

    assert found("김민준") == ["P-KIM"]
    assert found("김 민준") == ["P-KIM"]
    assert found("민준 김") == ["P-KIM"]  # pretix's own "Attendee name" order
    assert found("남궁민서") == ["P-NAMGUNG"]
    assert found("남궁 민서") == ["P-NAMGUNG"]
    assert found("김지우") == ["P-KIMJI"]
    assert "P-KIM" not in found("김지우")
    [match] = search_by_name(hangul_names, "김민준")
    assert match.name == "김민준"


def test_a_kiosk_finds_a_hangul_name_by_its_family_name(hangul_names):
    from kiosk.services.self_lookup import FindBy, find_registration

    def find(by: FindBy, family: str, other: str) -> str | None:
        return find_registration(hangul_names, by, family, other)

    assert find(FindBy.REGISTRATION, "김", "P-KIM") == "P-KIM"
    assert find(FindBy.EMAIL, "김", "minjun.kim0@example.kr") == "P-KIM"
    assert find(FindBy.REGISTRATION, "남궁", "P-NAMGUNG") == "P-NAMGUNG"
    # As strict as a Latin family name: not the given name, not part of the family name.
    assert find(FindBy.REGISTRATION, "민준", "P-KIM") is None
    assert find(FindBy.REGISTRATION, "남", "P-NAMGUNG") is None
    assert find(FindBy.REGISTRATION, "김민준", "P-KIM") is None
    assert find(FindBy.REGISTRATION, "이", "P-KIM") is None
    assert find(FindBy.REGISTRATION, "Kim", "P-KIM") is None  # no Latin name was given
