"""The self check-in kiosk in a real X11 window (Xvfb, openbox), from a numeric keypad alone.

A person without a code, on an event whose registration numbers are numbers, presses keypad keys
at a person's pace (xdotool, NumLock on): to "I have no code", the number, Enter, their family
name among three, and "Yes". The check-in is in the log; nothing else is.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from real_window import missing_tools, run_in_x

from kiosk.imports import run_import
from kiosk.services.issuing import issue_codes
from kiosk.services.pin import set_pin
from kiosk.services.self_lookup import family_name_choices
from kiosk.store.database import connect

pytestmark = pytest.mark.skipif(bool(missing_tools()), reason=f"needs {missing_tools()}")

PERSON_GAP_S = 0.15  # a quick person on a keypad; a scanner is ten times faster


def test_a_person_without_a_code_checks_in_from_the_keypad_in_a_real_window(
    event_db, db_path: Path, demo_dir: Path, tmp_path: Path
) -> None:
    conn = event_db.conn
    for kind in ("programme", "roster", "invitations"):
        text = (demo_dir / f"{kind}.csv").read_text(encoding="utf-8")
        text = re.sub(r"\b([RX])-(\d{4})\b", lambda m: ("1" if m[1] == "R" else "2") + m[2], text)
        (tmp_path / f"{kind}.csv").write_text(text, encoding="utf-8")
        assert not run_import(conn, kind, tmp_path / f"{kind}.csv").errors
    list(issue_codes(conn, None))
    set_pin(conn, "482913")  # no first-PIN dialog in front of the kiosk
    place = family_name_choices(conn, "20104").index("NGUYEN")

    keys = [
        "Num_Lock",
        *["KP_6"] * 4,  # Korean, English, Large text, High contrast: then "I have no code"
        "KP_5",
        "KP_2",
        "KP_0",
        "KP_1",
        "KP_0",
        "KP_4",  # the registration number, in the number field that has the focus
        "KP_Enter",
        *["KP_6"] * place,
        "KP_5",  # NGUYEN
        "KP_5",  # "Yes, print my badge"
    ]
    actions: list[list[object]] = [["sleep", 1]]
    for key in keys:
        actions += [["key", key], ["sleep", PERSON_GAP_S]]
    actions += [["sleep", 1]]
    done = run_in_x(db_path, "kiosk", actions)
    assert "driver: done" in done.stdout, done.stderr[-2000:]

    check = connect(db_path)
    try:
        rows = check.execute("SELECT registration_id, reason FROM checkins").fetchall()
    finally:
        check.close()
    assert rows == [("20104", "admitted")]
