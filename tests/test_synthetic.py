"""The synthetic event generator: deterministic, in the organisers' formats, and importable.

Given a seed and a size, when the generator writes an event, then the same inputs give the same
bytes, the roster holds the hard names (Hangul, accents, other scripts) and every category, and
the real importer takes all three files without a single error.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from kiosk.core.model import CATEGORIES
from kiosk.demo.synthetic import write_synthetic_event
from kiosk.imports import COLUMNS, run_import
from kiosk.services.status import event_status


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def event_files(tmp_path_factory) -> dict[str, Path]:
    return write_synthetic_event(tmp_path_factory.mktemp("synthetic"), 3_000, seed=7)


def test_same_seed_and_size_give_identical_files(tmp_path: Path) -> None:
    first = write_synthetic_event(tmp_path / "a", 1_500, seed=11)
    second = write_synthetic_event(tmp_path / "b", 1_500, seed=11)
    other_seed = write_synthetic_event(tmp_path / "c", 1_500, seed=12)

    assert set(first) == {"programme", "roster", "invitations"}
    for kind in first:
        assert first[kind].read_bytes() == second[kind].read_bytes(), kind
    assert first["roster"].read_bytes() != other_seed["roster"].read_bytes()


def test_files_have_the_importers_columns(event_files: dict[str, Path]) -> None:
    for kind in ("programme", "roster", "invitations"):
        header = event_files[kind].read_text(encoding="utf-8").splitlines()[0]
        assert tuple(header.split(",")) == COLUMNS[kind], kind


def test_roster_has_every_kind_of_person(event_files: dict[str, Path]) -> None:
    roster = _rows(event_files["roster"])

    assert len(roster) == 3_000
    assert roster[0]["registration_id"] == "S-000001"
    assert roster[-1]["registration_id"] == "S-003000"
    assert len({r["registration_id"] for r in roster}) == 3_000
    categories = Counter(r["category"] for r in roster)
    assert set(categories) == set(CATEGORIES)
    assert categories.most_common(1)[0][0] == "participant"
    statuses = Counter(r["status"] for r in roster)
    assert set(statuses) == {"registered", "cancelled"}
    assert 0 < statuses["cancelled"] < 0.1 * len(roster)
    assert 0 < sum(r["badge_privacy"] == "true" for r in roster) < 0.1 * len(roster)
    assert 0 < sum(bool(r["accessibility"]) for r in roster) < 0.1 * len(roster)
    assert {r["language"] for r in roster} == {"ko", "en"}
    emails = [r["email"] for r in roster if r["email"]]
    assert emails and all(e.isascii() and e.endswith("@example.org") for e in emails)
    assert len(set(emails)) == len(emails)


def test_roster_names_cover_scripts_and_accents(event_files: dict[str, Path]) -> None:
    roster = _rows(event_files["roster"])
    # Korean: romanised family in capitals, full name in Hangul.
    kim = next(r for r in roster if r["family_name"] == "KIM" and r["name_local"])
    assert kim["name_local"].startswith("김") and re.fullmatch(r"[A-Z][a-z-]+", kim["given_name"])
    # Some Korean names are written in Hangul in the name columns themselves.
    assert any(re.fullmatch(r"[가-힣]", r["family_name"]) for r in roster)
    families = {r["family_name"] for r in roster}
    givens = {r["given_name"] for r in roster}
    assert {"García", "Nguyễn", "Müller", "Strauß"} <= families
    assert "Øyvind" in givens
    local = " ".join(r["name_local"] for r in roster)
    for script, pattern in {
        "Japanese": r"[\u3040-\u30ff\u4e00-\u9fff]",
        "Arabic": r"[\u0600-\u06ff]",
        "Cyrillic": r"[\u0400-\u04ff]",
        "Devanagari": r"[\u0900-\u097f]",
    }.items():
        assert re.search(pattern, local), script


def test_programme_and_invitations_fit_the_roster(event_files: dict[str, Path]) -> None:
    roster = {r["registration_id"]: r for r in _rows(event_files["roster"])}
    sessions = _rows(event_files["programme"])
    invitations = _rows(event_files["invitations"])

    assert len({s["date"] for s in sessions}) >= 2
    assert len({s["room"] for s in sessions}) >= 4
    closed = {s["session_id"] for s in sessions if s["access"] == "invite_only"}
    assert closed and all(s["capacity"] for s in sessions if s["session_id"] in closed)
    assert any(s["access"] == "open" for s in sessions)
    speakers = [rid for s in sessions for rid in s["speakers"].split(";") if rid]
    assert speakers and all(roster[rid]["category"] == "speaker" for rid in speakers)
    assert invitations and {i["session_id"] for i in invitations} == closed
    assert all(roster[i["registration_id"]]["status"] == "registered" for i in invitations)
    pairs = [(i["session_id"], i["registration_id"]) for i in invitations]
    assert len(set(pairs)) == len(pairs)


def test_the_importer_takes_the_whole_event(event_db, event_files: dict[str, Path]) -> None:
    conn = event_db.conn
    warnings: list[str] = []
    for kind in ("programme", "roster", "invitations"):
        report = run_import(conn, kind, event_files[kind], warn=warnings.append)
        assert not report.errors, (kind, report.to_json()["errors"][:3])
    assert warnings == []

    roster = _rows(event_files["roster"])
    registered = sum(r["status"] == "registered" for r in roster)
    status = event_status(conn)
    assert status["attendees"] == registered
    assert len(status["sessions"]) == len(_rows(event_files["programme"]))
    stored = conn.execute(
        "SELECT family_name, given_name, name_local FROM attendees WHERE registration_id = ?",
        (roster[5]["registration_id"],),
    ).fetchone()
    assert stored == (
        roster[5]["family_name"],
        roster[5]["given_name"],
        roster[5]["name_local"] or None,
    )
    invited = conn.execute("SELECT count(*) FROM invitations").fetchone()[0]
    assert invited == len(_rows(event_files["invitations"]))


@pytest.mark.slow
def test_the_largest_event_is_written(tmp_path: Path) -> None:
    paths = write_synthetic_event(tmp_path, 200_000, seed=1)
    with paths["roster"].open(encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    assert len(lines) == 200_001
    assert lines[-1].startswith("S-200000,")


@pytest.mark.parametrize("attendees", [0, 200_001])
def test_sizes_outside_the_range_are_refused(tmp_path: Path, attendees: int) -> None:
    with pytest.raises(ValueError, match="between 1 and 200000"):
        write_synthetic_event(tmp_path, attendees)
    assert not (tmp_path / "roster.csv").exists()
