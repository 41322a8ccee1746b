"""Door staff look someone up by name (PRODUCT.md: a guest without a badge at the door).

The list follows the typing: old results leave the screen the moment the text changes, the new
search runs when typing pauses (the debounce timer is fired by the test, no sleeping), and
"Check in at this door" only ever acts on a person shown for the text now in the field. The
count reads as English and Korean people write it ("1 person found", "2 people found").
"""

from __future__ import annotations

import test_door_screen
from PySide6.QtCore import Qt
from test_door_screen import Door

from builders import add_person
from kiosk.core.model import Reason

door = test_door_screen.door
compiled_translations = test_door_screen.compiled_translations


def _type(qtbot, door: Door, text: str) -> None:
    """Type into the look-up field like a person: the search has not run yet."""
    qtbot.keyClicks(door.screen.lookup.field, text)


def _pause(door: Door) -> None:
    """Typing pauses: the debounce timer runs out."""
    timer = door.screen.lookup.search_timer
    assert timer.isActive()
    timer.stop()
    timer.timeout.emit()


def _rows(door: Door) -> list[str]:
    model = door.screen.lookup.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_results_follow_the_typing_after_a_pause(qtbot, door: Door) -> None:
    _type(qtbot, door, "min")
    assert _rows(door) == []  # nothing yet: typing goes on
    _pause(door)
    assert [r.split(" ·")[0] for r in _rows(door)] == ["CHOI Minho", "KIM Minji"]
    assert door.screen.lookup.status.text().startswith("2 people found")


def test_changing_the_text_clears_stale_results_and_the_action(qtbot, door: Door) -> None:
    conn = door.conn
    for rid, given in (("P1", "Ara"), ("P2", "Bora"), ("P3", "Chan")):
        add_person(conn, rid, family="PARK", given=given)
    lookup = door.screen.lookup
    _type(qtbot, door, "park")
    _pause(door)
    assert len(_rows(door)) == 4  # three PARKs and the cancelled PARK Jisoo
    assert lookup.checkin_button.isEnabled()

    # Staff now type KIM: the PARKs leave the screen at once, before any new search.
    lookup.field.selectAll()
    _type(qtbot, door, "kim")
    assert _rows(door) == []
    assert not lookup.checkin_button.isEnabled()
    qtbot.mouseClick(lookup.checkin_button, Qt.MouseButton.LeftButton)
    assert door.screen.verdict is None  # nothing judged
    assert door.conn.execute("SELECT count(*) FROM checkins").fetchone()[0] == 0

    _pause(door)
    assert [r.split(" ·")[0] for r in _rows(door)] == ["KIM Minji"]
    assert lookup.status.text().startswith("1 person found")
    qtbot.mouseClick(lookup.checkin_button, Qt.MouseButton.LeftButton)
    assert door.screen.verdict.reason is Reason.ADMITTED
    assert door.screen.verdict.attendee.registration_id == "R1"


def test_results_for_a_text_no_longer_typed_are_never_shown(qtbot, door: Door) -> None:
    lookup = door.screen.lookup
    _type(qtbot, door, "kim")
    stale = door.screen.controller.search("park")
    lookup.show_matches(stale, "park")
    assert _rows(door) == [] and not lookup.checkin_button.isEnabled()


def test_enter_searches_at_once_and_one_letter_searches_nothing(qtbot, door: Door) -> None:
    lookup = door.screen.lookup
    _type(qtbot, door, "k")
    assert not lookup.search_timer.isActive()
    qtbot.keyClick(lookup.field, Qt.Key.Key_Return)
    assert _rows(door) == []
    assert lookup.status.text().startswith("Type at least two letters")
    _type(qtbot, door, "im")
    qtbot.keyClick(lookup.field, Qt.Key.Key_Return)
    assert not lookup.search_timer.isActive()
    assert len(_rows(door)) == 1


def test_the_count_has_plural_forms_in_english_and_reads_naturally_in_korean(
    qtbot, door: Door
) -> None:
    lookup = door.screen.lookup
    _type(qtbot, door, "minji")
    _pause(door)
    assert lookup.status.text() == "1 person found: choose them and press Enter."
    lookup.field.clear()
    _type(qtbot, door, "min")
    _pause(door)
    assert lookup.status.text() == "2 people found: choose one and press Enter."
    test_door_screen._save(door.screen, "lookup-two-found-en")
    door.use("ko")
    assert lookup.status.text() == "2명을 찾았습니다. 한 분을 고르고 엔터 키를 누르세요."
