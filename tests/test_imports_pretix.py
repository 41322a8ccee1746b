"""An organiser imports the files pretix gives them, as they are, through `kiosk import roster`.

The files in tests/fixtures/pretix/ were made by pretix's own exporters (see the README there).
Expected numbers are worked out from the files themselves in each test, not typed in.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.kiosk_command import kiosk

PRETIX = Path(__file__).parent / "fixtures" / "pretix"
AT_PL1 = "2026-12-06T10:30"


# -- the files, read the plain way ---------------------------------------------------------------


def _xlsx_rows(path: Path, sheet: str) -> list[dict[str, str]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    rows = list(workbook[sheet].iter_rows(values_only=True))
    workbook.close()
    header = [str(cell) for cell in rows[0]]
    return [
        {label: "" if cell is None else str(cell) for label, cell in zip(header, row, strict=False)}
        for row in rows[1:]
        if any(cell is not None for cell in row)
    ]


def tickets_in(name: str) -> list[dict[str, str]]:
    """Every ticket of a fixture as {order, name, email, code, status}, status as pretix says."""
    path = PRETIX / name
    if name == "orderdata.json":
        event = json.loads(path.read_text(encoding="utf-8"))["event"]
        status = {"p": "paid", "n": "pending", "c": "canceled", "e": "expired"}
        return [
            {
                "order": order["code"],
                "name": position["attendee_name"] or "",
                "email": position["attendee_email"] or "",
                "code": position["secret"],
                "status": status[order["status"]],
            }
            for order in event["orders"]
            for position in order["positions"]
        ]
    if name.endswith(".xlsx"):
        sheet = "Order positions" if name.startswith("orderlist") else "Check-in list"
        rows = _xlsx_rows(path, sheet)
    else:
        text = path.read_text(encoding="utf-8-sig")
        delimiter = ";" if "semicolon" in name else ","
        rows = list(csv.DictReader(text.splitlines(), delimiter=delimiter))
    return [
        {
            "order": row["Order code"],
            "name": row["Attendee name"],
            "email": row.get("Attendee email", ""),
            "code": row.get("Ticket secret") or row["Secret"],
            "status": row.get("Status", "paid"),
        }
        for row in rows
    ]


def expected(name: str) -> dict[str, int]:
    """People, tickets, cancelled and pending by pretix's own rules: a person is one attendee
    (e-mail, else name) of one order; pending tickets are not imported."""
    tickets = tickets_in(name)
    kept = [t for t in tickets if t["status"] != "pending"]
    people = {(t["order"], t["email"].lower() or t["name"].strip().casefold()) for t in kept}
    return {
        "people": len(people),
        "tickets": len(kept),
        "cancelled": sum(t["status"] == "canceled" for t in kept),
        "pending_skipped": len(tickets) - len(kept),
    }


# -- the command line ----------------------------------------------------------------------------


def new_event(tmp_path: Path) -> Path:
    db = tmp_path / "event.sqlite"
    assert kiosk(db, "init", "--event-name", "WHRCF", "--timezone", "Asia/Seoul").returncode == 0
    assert kiosk(db, "import", "programme", str(PRETIX / "programme.csv")).returncode == 0
    return db


def import_roster(db: Path, file: Path, *flags: str) -> tuple[dict, str]:
    result = kiosk(db, "import", "roster", str(file), *flags)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), result.stderr


def rows(db: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def digest(db: Path) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


def scan(db: Path, code: str, at: str = AT_PL1) -> str:
    result = kiosk(db, "scan", "--session", "PL1", "--at", at, code)
    return str(json.loads(result.stdout)["reason"])


def badges(db: Path, tmp_path: Path) -> int:
    result = kiosk(db, "badge", "--all", "-o", str(tmp_path / "badges.pdf"))
    assert result.returncode == 0, result.stderr
    return int(json.loads(result.stdout)["badges"])


FILES = {
    "checkinlist_with_secrets.csv": "pretix-checkinlist",
    "checkinlist_semicolon_with_secrets.csv": "pretix-checkinlist",
    "checkinlist_with_secrets.xlsx": "pretix-checkinlist",
    "orderlist_positions.csv": "pretix-orderdata",
    "orderlist.xlsx": "pretix-orderdata",
    "orderdata.json": "pretix-json",
}


# -- every file as it is -------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_pretix_export_imports_as_it_is(tmp_path: Path, name: str) -> None:
    db = new_event(tmp_path)
    report, said = import_roster(db, PRETIX / name)

    wanted = expected(name)
    assert report["preset"] == FILES[name] and report["preset_detected"] is True
    assert {key: report[key] for key in wanted} == wanted
    assert report["errors"] == [] and report["added"] == wanted["people"]
    assert f"preset {FILES[name]}" in said
    assert rows(db, "SELECT count(*) FROM attendees") == [(wanted["people"],)]
    stored = dict(rows(db, "SELECT code, status FROM tickets"))
    for ticket in tickets_in(name):
        if ticket["status"] == "pending":
            assert ticket["code"] not in stored
        else:
            state = "cancelled" if ticket["status"] == "canceled" else "valid"
            assert stored[ticket["code"].lstrip("'")] == state, ticket
    sources = rows(db, "SELECT DISTINCT source FROM tickets")
    assert sources == [("pretix",)]
    if name.startswith("checkinlist"):  # pretix leaves cancelled orders out of its check-in list
        assert report["cancelled"] == 0 and report["pending_skipped"] == 0


def test_the_order_data_counts_match_the_readme(tmp_path: Path) -> None:
    """README: 200 orders, 237 tickets (163 paid, 27 pending, 10 cancelled orders)."""
    orders = json.loads((PRETIX / "orderdata.json").read_text(encoding="utf-8"))["event"]["orders"]
    assert len(orders) == 200 and sum(len(o["positions"]) for o in orders) == 237
    db = new_event(tmp_path)
    report, _ = import_roster(db, PRETIX / "orderdata.json")
    assert report["tickets"] + report["pending_skipped"] == 237
    registered = {o["code"] for o in orders if o["status"] == "p"}
    cancelled = {o["code"] for o in orders if o["status"] == "c"}
    assert (len(registered), len(cancelled)) == (163, 10)
    people = rows(db, "SELECT registration_id, status FROM attendees")
    assert {rid.split("-")[0] for rid, status in people if status == "registered"} == registered
    assert {rid.split("-")[0] for rid, status in people if status == "cancelled"} == cancelled


def test_the_three_formats_of_one_export_give_the_same_people_and_tickets(tmp_path: Path) -> None:
    """The JSON export has the whole name only: split, a family name of several words (`van der
    Berg`) cannot be told apart, so names are compared where the family name is one word."""
    seen = []
    for number, name in enumerate(("orderlist_positions.csv", "orderlist.xlsx", "orderdata.json")):
        folder = tmp_path / str(number)
        folder.mkdir()
        db = new_event(folder)
        import_roster(db, PRETIX / name)
        people = rows(
            db,
            "SELECT registration_id, status, language, external_code, organization, "
            "family_name, given_name FROM attendees ORDER BY registration_id",
        )
        seen.append((rows(db, "SELECT * FROM tickets ORDER BY code"), people))
    assert seen[0] == seen[1]
    assert seen[0][0] == seen[2][0]
    assert [p[:5] for p in seen[0][1]] == [p[:5] for p in seen[2][1]]
    one_word = [(a, b) for a, b in zip(seen[0][1], seen[2][1], strict=True) if " " not in a[5]]
    assert len(one_word) > len(seen[0][1]) * 0.9
    assert all(a == b for a, b in one_word)


def test_a_pass_and_a_workshop_ticket_make_one_person_with_one_badge(tmp_path: Path) -> None:
    db = new_event(tmp_path)
    report, said = import_roster(db, PRETIX / "checkinlist_with_secrets.csv")
    tickets = tickets_in("checkinlist_with_secrets.csv")
    by_person: dict[tuple[str, str], set[str]] = {}
    for ticket in tickets:
        by_person.setdefault((ticket["order"], ticket["name"]), set()).add(ticket["code"])
    several = [codes for codes in by_person.values() if len(codes) > 1]
    assert several and report["grouping"]["people_with_several_tickets"] == len(several)
    assert "people hold several tickets" in said
    for codes in several:
        holders = rows(
            db,
            "SELECT DISTINCT registration_id FROM tickets WHERE code IN (SELECT value FROM "
            "json_each(?))",
            json.dumps(sorted(codes)),
        )
        assert len(holders) == 1
        types = rows(db, "SELECT ticket_type FROM tickets WHERE registration_id = ?", holders[0][0])
        assert {t for (t,) in types} == {
            "Conference pass",
            "Workshop: Human rights cities in practice",
        }
    assert badges(db, tmp_path) == len(by_person)


# -- names, codes, languages ---------------------------------------------------------------------


def test_hangul_and_accented_names_arrive_intact(tmp_path: Path) -> None:
    db = new_event(tmp_path)
    import_roster(db, PRETIX / "orderlist_positions.csv")
    names = set(rows(db, "SELECT family_name, given_name FROM attendees"))
    assert ("김", "민준") in names
    assert any(family == "남궁" for family, _ in names)
    assert any(family == "제갈" for family, _ in names)
    assert any(given == "똠" for _, given in names)
    assert ("Øster", "José") in names  # typed with decomposed accents: stored composed (NFC)
    assert all(family == family.strip() and given == given.strip() for family, given in names)
    assert any(family == "García Márquez" for family, _ in names)  # its trailing space trimmed
    assert ("Müller", "Jürgen") in names


def test_a_whole_name_is_split_into_family_and_given_name(tmp_path: Path) -> None:
    """The JSON export has only `attendee_name`: Hangul without a space is family name first
    (two-syllable family names known), other names have the family name last."""
    event = json.loads((PRETIX / "orderdata.json").read_text(encoding="utf-8"))
    orders = event["event"]["orders"]
    samples = {
        "남궁민수": ("남궁", "민수"),
        "김민준": ("김", "민준"),
        "Jean-Luc Picard": ("Picard", "Jean-Luc"),
    }
    for order, full in zip(orders, samples, strict=False):
        order["positions"][0]["attendee_name"] = full
        order["status"] = "p"
    path = tmp_path / "orderdata.json"
    path.write_text(json.dumps(event, ensure_ascii=False), encoding="utf-8")
    db = new_event(tmp_path)
    import_roster(db, path)
    for order, (family, given) in zip(orders, samples.values(), strict=False):
        rid = f"{order['code']}-{order['positions'][0]['positionid']}"
        assert rows(
            db, "SELECT family_name, given_name FROM attendees WHERE registration_id = ?", rid
        ) == [(family, given)]


def test_the_protecting_apostrophe_is_removed_and_the_ticket_scans(tmp_path: Path) -> None:
    """pretix writes a code starting with `=` as `'=...`; the QR holds `=...`."""
    text = (PRETIX / "checkinlist_with_secrets.csv").read_text(encoding="utf-8-sig")
    tickets = tickets_in("checkinlist_with_secrets.csv")
    alone = next(t for t in tickets if sum(u["order"] == t["order"] for u in tickets) == 1)
    signed = "=" + alone["code"][1:]
    path = tmp_path / "checkinlist.csv"
    path.write_text(text.replace(f'"{alone["code"]}"', f'"\'{signed}"'), encoding="utf-8")
    assert f"'{signed}" in path.read_text(encoding="utf-8")
    db = new_event(tmp_path)
    import_roster(db, path)
    assert rows(db, "SELECT count(*) FROM tickets WHERE code = ?", signed) == [(1,)]
    assert rows(db, "SELECT count(*) FROM tickets WHERE code LIKE '''%'") == [(0,)]
    assert scan(db, signed) == "admitted"


def test_languages_come_from_the_order_locale_and_the_invoice_country_stays_off(
    tmp_path: Path,
) -> None:
    db = new_event(tmp_path)
    import_roster(db, PRETIX / "orderlist_positions.csv")
    with (PRETIX / "orderlist_positions.csv").open(encoding="utf-8-sig") as handle:
        locale = {
            f"{row['Order code']}-{row['Position ID']}": row["Order locale"]
            for row in csv.DictReader(handle)
        }
    people = rows(db, "SELECT registration_id, language, country FROM attendees")
    assert {language for _, language, _ in people} == {"en", "ko"}
    for rid, language, country in people:
        assert language == locale[rid]
        assert country is None  # the invoice address country is the buyer's, not for a badge


def test_every_valid_ticket_scans_admitted_and_every_cancelled_one_cancelled(
    tmp_path: Path,
) -> None:
    db = new_event(tmp_path)
    import_roster(db, PRETIX / "orderlist_positions.csv")
    tickets = [t for t in tickets_in("orderlist_positions.csv") if t["status"] != "pending"]
    valid = next(t for t in tickets if t["status"] == "paid")
    cancelled = next(t for t in tickets if t["status"] == "canceled")
    assert scan(db, valid["code"]) == "admitted"
    assert scan(db, cancelled["code"], "2026-12-06T10:31") == "cancelled"


# -- choosing, mapping and defaults --------------------------------------------------------------


def test_the_workbook_sheet_of_attendees_is_chosen_by_itself_or_by_name(tmp_path: Path) -> None:
    db = new_event(tmp_path)
    report, _ = import_roster(db, PRETIX / "orderlist.xlsx", "--dry-run")
    assert report["sheet"] == "Order positions"
    before = digest(db)
    buyers = kiosk(db, "import", "roster", str(PRETIX / "orderlist.xlsx"), "--sheet", "Orders")
    assert buyers.returncode == 2
    assert "nothing was imported" in buyers.stderr
    named, _ = import_roster(
        db, PRETIX / "orderlist.xlsx", "--sheet", "order positions", "--dry-run"
    )
    assert named["sheet"] == "Order positions" and named["tickets"] == report["tickets"]
    nosuch = kiosk(db, "import", "roster", str(PRETIX / "orderlist.xlsx"), "--sheet", "Fees")
    assert nosuch.returncode == 2
    assert "has no sheet 'Fees'" in nosuch.stderr and "Order positions" in nosuch.stderr
    assert digest(db) == before


def test_a_preset_can_be_forced_and_an_unknown_one_is_refused(tmp_path: Path) -> None:
    db = new_event(tmp_path)
    forced, _ = import_roster(
        db, PRETIX / "checkinlist_with_secrets.csv", "--preset", "pretix-checkinlist", "--dry-run"
    )
    assert forced["preset"] == "pretix-checkinlist" and forced["preset_detected"] is False
    generic = kiosk(
        db, "import", "roster", str(PRETIX / "checkinlist_with_secrets.csv"), "--preset", "generic"
    )
    assert generic.returncode == 2 and "missing required column" in generic.stderr
    unknown = kiosk(
        db, "import", "roster", str(PRETIX / "orderdata.json"), "--preset", "eventbrite"
    )
    assert unknown.returncode == 2
    assert unknown.stderr.strip().splitlines() == [
        "kiosk: unknown import preset 'eventbrite': use one of generic, pretix-checkinlist, "
        "pretix-json, pretix-orderdata"
    ]


def test_map_and_default_make_any_spreadsheet_a_roster(tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    path.write_text(
        "Ref\tSurname\tFirst name\tAffiliation\n"
        "M-1\tKim\tMinji\tSeoul City\n"
        "M-2\tGarcía Márquez\tAna\t\n",
        encoding="utf-8",
    )
    db = new_event(tmp_path)
    refused = kiosk(db, "import", "roster", str(path))
    assert refused.returncode == 2 and "registration_id" in refused.stderr
    flags = (
        *("--map", "registration_id=Ref", "--map", "family_name=Surname"),
        *("--map", "given_name=First name", "--map", "organization=Affiliation"),
        *("--default", "category=press", "--default", "organization=Independent"),
    )
    before = digest(db)
    dry, _ = import_roster(db, path, *flags, "--dry-run")
    assert dry["added"] == 2 and digest(db) == before
    report, _ = import_roster(db, path, *flags)
    assert report["preset"] == "generic" and report["added"] == 2
    assert rows(
        db,
        "SELECT registration_id, family_name, given_name, organization, category FROM attendees "
        "ORDER BY registration_id",
    ) == [
        ("M-1", "Kim", "Minji", "Seoul City", "press"),
        ("M-2", "García Márquez", "Ana", "Independent", "press"),
    ]


def test_pretix_people_take_a_default_category_and_a_remapped_column(tmp_path: Path) -> None:
    db = new_event(tmp_path)
    report, _ = import_roster(
        db,
        PRETIX / "checkinlist_with_secrets.csv",
        *("--default", "category=press", "--map", "organization=Email"),
    )
    assert report["errors"] == []
    assert rows(db, "SELECT DISTINCT category FROM attendees") == [("press",)]
    assert all("@" in org for (org,) in rows(db, "SELECT organization FROM attendees"))


def test_a_bad_flag_is_one_clear_line(tmp_path: Path) -> None:
    db = new_event(tmp_path)
    before = digest(db)
    for flags, words in (
        (("--default", "shoe_size=44"), "--default 'shoe_size': no such field"),
        (("--map", "nonsense"), "--map 'nonsense': use --map FIELD=VALUE"),
    ):
        result = kiosk(db, "import", "roster", str(PRETIX / "orderdata.json"), *flags)
        assert result.returncode == 2
        assert result.stderr.strip().splitlines() == [f"kiosk: {result.stderr.strip()[7:]}"]
        assert words in result.stderr
    programme = kiosk(db, "import", "programme", str(PRETIX / "programme.csv"), "--preset", "x")
    assert programme.returncode == 2 and "only apply to `kiosk import roster`" in programme.stderr
    assert digest(db) == before


# -- a later export ------------------------------------------------------------------------------


def later_checkin_list(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The check-in list as pretix exports it after one single-ticket order was cancelled: the
    order is simply gone from the file."""
    text = (PRETIX / "checkinlist_with_secrets.csv").read_text(encoding="utf-8-sig")
    tickets = tickets_in("checkinlist_with_secrets.csv")
    gone = next(t for t in tickets if sum(u["order"] == t["order"] for u in tickets) == 1)
    lines = [line for line in text.splitlines() if not line.startswith(f'"{gone["order"]}"')]
    assert len(lines) == len(text.splitlines()) - 1
    path = tmp_path / "later" / "checkinlist_with_secrets.csv"
    path.parent.mkdir()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, gone


def test_a_later_export_missing_a_ticket_warns_and_cancels_nothing(tmp_path: Path) -> None:
    db = new_event(tmp_path)
    import_roster(db, PRETIX / "checkinlist_with_secrets.csv")
    printed = badges(db, tmp_path)
    later, gone = later_checkin_list(tmp_path)

    report, said = import_roster(db, later)

    rid = rows(db, "SELECT registration_id FROM tickets WHERE code = ?", gone["code"])[0][0]
    assert report["missing"] == {"tickets": 1, "people": [rid], "cancelled": False}
    assert "is a complete export" in said and rid in said and "nothing was cancelled" in said
    assert rows(db, "SELECT status FROM tickets WHERE code = ?", gone["code"]) == [("valid",)]
    assert badges(db, tmp_path) == printed
    assert scan(db, gone["code"]) == "admitted"


def test_cancel_missing_cancels_the_ticket_and_its_badge(tmp_path: Path) -> None:
    db = new_event(tmp_path)
    import_roster(db, PRETIX / "checkinlist_with_secrets.csv")
    printed = badges(db, tmp_path)
    later, gone = later_checkin_list(tmp_path)

    report, said = import_roster(db, later, "--cancel-missing")

    rid = rows(db, "SELECT registration_id FROM tickets WHERE code = ?", gone["code"])[0][0]
    assert report["missing"] == {"tickets": 1, "people": [rid], "cancelled": True}
    assert f"cancelled 1 ticket(s) of 1 people missing from this complete export: {rid}" in said
    assert rows(db, "SELECT status FROM tickets WHERE code = ?", gone["code"]) == [("cancelled",)]
    assert rows(db, "SELECT status FROM attendees WHERE registration_id = ?", rid) == [
        ("cancelled",)
    ]
    assert badges(db, tmp_path) == printed - 1
    assert scan(db, gone["code"]) == "cancelled"
    again, _ = import_roster(db, later, "--cancel-missing")
    assert again["missing"]["tickets"] == 0 and again["added"] == 0 and again["updated"] == 0


def test_a_cancellation_in_a_later_order_export_is_imported(tmp_path: Path) -> None:
    db = new_event(tmp_path)
    import_roster(db, PRETIX / "orderlist_positions.csv")
    text = (PRETIX / "orderlist_positions.csv").read_text(encoding="utf-8-sig")
    paid = next(t for t in tickets_in("orderlist_positions.csv") if t["status"] == "paid")
    line = next(line for line in text.splitlines() if paid["code"] in line)
    later = tmp_path / "orderlist_positions.csv"
    later.write_text(text.replace(line, line.replace('"paid"', '"canceled"')), encoding="utf-8")
    report, _ = import_roster(db, later)
    assert report["updated"] >= 1
    assert rows(db, "SELECT status FROM tickets WHERE code = ?", paid["code"]) == [("cancelled",)]


# -- broken files --------------------------------------------------------------------------------


def _broken_files(tmp_path: Path) -> Iterator[Path]:
    xlsx = tmp_path / "checkinlist.xlsx"
    xlsx.write_bytes((PRETIX / "checkinlist_with_secrets.xlsx").read_bytes()[:5000])
    yield xlsx
    data = tmp_path / "orderdata.json"
    data.write_text((PRETIX / "orderdata.json").read_text(encoding="utf-8")[:-40], encoding="utf-8")
    yield data
    wrong = tmp_path / "orders.json"
    wrong.write_text(json.dumps({"event": {"orders": [{"code": "X", "positions": 3}]}}))
    yield wrong
    duplicate = tmp_path / "checkinlist.csv"
    text = (PRETIX / "checkinlist_with_secrets.csv").read_text(encoding="utf-8-sig")
    duplicate.write_text(text + text.splitlines()[1] + "\n", encoding="utf-8")
    yield duplicate


def test_a_broken_export_is_one_clear_line_and_changes_nothing(tmp_path: Path) -> None:
    db = new_event(tmp_path)
    import_roster(db, PRETIX / "checkinlist_with_secrets.csv")
    before = digest(db)
    for path in _broken_files(tmp_path):
        result = kiosk(db, "import", "roster", str(path))
        assert result.returncode == 2, path.name
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("kiosk: "), (path.name, lines)
        assert digest(db) == before, path.name


def test_presets_are_files_a_person_can_read(tmp_path: Path) -> None:
    folder = Path(__file__).resolve().parent.parent / "resources" / "import-presets"
    names = sorted(path.stem for path in folder.glob("*.json"))
    assert names == ["generic", "pretix-checkinlist", "pretix-json", "pretix-orderdata"]
    for path in folder.glob("*.json"):
        preset = json.loads(path.read_text(encoding="utf-8"))
        assert preset["name"] == path.stem and preset["label"] and preset["description"]


def test_a_wrong_preset_file_is_named_with_what_is_wrong(tmp_path: Path) -> None:
    from kiosk.imports.presets import parse_preset
    from kiosk.imports.report import ImportFailure, Problem

    path = tmp_path / "eventbrite.json"
    for data, words in (
        ({"label": "no name"}, "'name' is required"),
        ({"name": "x", "columns": {"shoe_size": "Shoe"}}, "column 'shoe_size' is not one"),
        ({"name": "x", "values": {"status": {"paid": "happy"}}}, "maps 'paid' to 'happy'"),
    ):
        with pytest.raises(ImportFailure) as caught:
            parse_preset(path, data)
        assert caught.value.code == Problem.BAD_PRESET
        assert str(caught.value).startswith("import preset eventbrite.json is not valid: ")
        assert words in str(caught.value)


def test_the_code_column_of_our_own_roster_is_a_ticket_too(tmp_path: Path) -> None:
    db = new_event(tmp_path)
    path = tmp_path / "roster.csv"
    header = "registration_id,family_name,given_name,category,code\n"
    path.write_text(header + "R-1,Kim,Minji,participant,EXT-1\nR-2,Lee,Sora,press,\n")
    report, _ = import_roster(db, path)
    assert report["preset"] == "generic" and report["added"] == 2
    assert rows(db, "SELECT code, registration_id, source, status FROM tickets") == [
        ("EXT-1", "R-1", "generic", "valid")
    ]
    path.write_text(header + "R-1,Kim,Minji,participant,EXT-9\nR-2,Lee,Sora,press,EXT-2\n")
    import_roster(db, path)
    assert rows(db, "SELECT code, registration_id FROM tickets ORDER BY code") == [
        ("EXT-2", "R-2"),
        ("EXT-9", "R-1"),
    ]
    assert scan(db, "EXT-9") == "admitted"


def test_a_purge_leaves_no_ticket_secret_and_keeps_the_tickets_count(tmp_path: Path) -> None:
    db = new_event(tmp_path)
    report, _ = import_roster(db, PRETIX / "orderlist_positions.csv")
    secret = tickets_in("orderlist_positions.csv")[0]["code"]
    purged = kiosk(db, "purge", "--yes")
    assert purged.returncode == 0, purged.stderr
    assert secret.encode() not in db.read_bytes()
    assert rows(db, "SELECT count(*), count(source_ref) FROM tickets") == [(report["tickets"], 0)]


def test_a_ticket_without_attendee_data_joins_the_first_attendee_of_its_order(
    tmp_path: Path,
) -> None:
    """pretix add-ons (a workshop booked with a pass) often carry no attendee name."""
    with (PRETIX / "orderlist_positions.csv").open(encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        table = list(reader)
    workshop = next(
        r for r in table if r["Product"].startswith("Workshop") and r["Status"] == "paid"
    )
    for column in header:
        if column.startswith("Attendee"):
            workshop[column] = ""
    path = tmp_path / "orderlist_positions.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, quoting=csv.QUOTE_ALL)
        writer.writeheader()
        writer.writerows(table)
    db = new_event(tmp_path)
    report, _ = import_roster(db, path)
    assert report["people"] == expected("orderlist_positions.csv")["people"]
    holder = rows(
        db, "SELECT registration_id FROM tickets WHERE code = ?", workshop["Ticket secret"]
    )
    assert holder == [(f"{workshop['Order code']}-1",)]
    assert "else the order's first attendee" in report["grouping"]["rule"]
