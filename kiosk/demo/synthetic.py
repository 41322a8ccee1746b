"""A deterministic synthetic event: programme, roster and invitations as an organiser's CSVs.

`kiosk bench` and the scale tests need events far larger than the demo forum, with the names that
break naive code: Korean names in Hangul and romanised, Latin names with accents (García, Nguyễn,
Øyvind, Strauß), and Japanese, Arabic, Cyrillic and Devanagari local names. Everything comes from
one seeded `random.Random`, so the same seed and size always give byte-identical files. Rows are
streamed to disk, so 200,000 attendees need little memory.
"""

from __future__ import annotations

import csv
import random
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from kiosk.core.model import CATEGORIES
from kiosk.imports import COLUMNS

MAX_ATTENDEES = 200_000
FIRST_DAY = date(2019, 9, 30)
DAYS = 3
VENUE = "Kimdaejung Convention Center"
# Room name as on the door -> fire-safety capacity (None: no limit).
ROOMS: tuple[tuple[str, int | None], ...] = (
    ("Convention Hall", None),
    ("Hall A", 1500),
    ("301", 400),
    ("212+213", 120),
    ("211", 60),
    ("209", 40),
)
SLOTS: tuple[tuple[str, str], ...] = (
    ("09:00", "10:30"),
    ("11:00", "12:30"),
    ("14:00", "15:30"),
    ("16:00", "18:00"),
)

# Realistic shares of a human-rights forum's registrations.
CATEGORY_WEIGHTS: dict[str, int] = {
    "participant": 760,
    "speaker": 30,
    "invited_guest": 50,
    "staff": 30,
    "organiser": 10,
    "interpreter": 10,
    "press": 30,
    "volunteer": 80,
}
assert tuple(CATEGORY_WEIGHTS) == CATEGORIES

_KOREAN_FAMILY = (
    ("김", "KIM"),
    ("이", "LEE"),
    ("박", "PARK"),
    ("최", "CHOI"),
    ("정", "CHUNG"),
    ("강", "KANG"),
    ("조", "CHO"),
    ("윤", "YOON"),
    ("장", "JANG"),
    ("임", "LIM"),
    ("한", "HAN"),
    ("오", "OH"),
    ("서", "SEO"),
    ("신", "SHIN"),
    ("권", "KWON"),
    ("황", "HWANG"),
    ("안", "AN"),
    ("송", "SONG"),
    ("전", "JEON"),
    ("홍", "HONG"),
)
_KOREAN_SYLLABLES = (
    ("민", "min"),
    ("지", "ji"),
    ("서", "seo"),
    ("준", "jun"),
    ("현", "hyun"),
    ("우", "woo"),
    ("연", "yeon"),
    ("수", "su"),
    ("영", "young"),
    ("하", "ha"),
    ("은", "eun"),
    ("진", "jin"),
    ("호", "ho"),
    ("윤", "yun"),
    ("재", "jae"),
    ("혜", "hye"),
    ("성", "sung"),
    ("경", "kyung"),
    ("동", "dong"),
    ("희", "hee"),
    ("상", "sang"),
    ("미", "mi"),
    ("태", "tae"),
    ("주", "ju"),
)
_LATIN_FAMILY = (
    ("García", "Spain"),
    ("Fernández", "Argentina"),
    ("Müller", "Germany"),
    ("Strauß", "Austria"),
    ("Großmann", "Germany"),
    ("Nguyễn", "Viet Nam"),
    ("Trần", "Viet Nam"),
    ("Lê", "Viet Nam"),
    ("Ødegård", "Norway"),
    ("Håkansson", "Sweden"),
    ("Dvořák", "Czechia"),
    ("Wałęsa", "Poland"),
    ("Kovačević", "Croatia"),
    ("Lefèvre", "France"),
    ("Öztürk", "Türkiye"),
    ("Şahin", "Türkiye"),
    ("O'Connor", "Ireland"),
    ("Smith", "United Kingdom"),
    ("Santos", "Brazil"),
    ("Mbeki", "South Africa"),
)
_LATIN_GIVEN = (
    "Øyvind",
    "José",
    "François",
    "Zoë",
    "Chloé",
    "Jürgen",
    "Søren",
    "Łukasz",
    "Đức",
    "Ngọc Anh",
    "İlker",
    "Ştefan",
    "Inês",
    "Ana María",
    "Jean-Luc",
    "Maria",
    "David",
    "Amara",
    "Sarah",
    "Kwame",
)
# (family, given, local name in its own script, country)
_OTHER_SCRIPTS = (
    ("SATO", "Yuki", "佐藤 由紀", "Japan"),
    ("TANAKA", "Hiroshi", "田中 博", "Japan"),
    ("YAMAMOTO", "Aiko", "山本 愛子", "Japan"),
    ("AL-SAYED", "Layla", "ليلى السيد", "Egypt"),
    ("HADDAD", "Omar", "عمر حداد", "Jordan"),
    ("MANSOUR", "Fatima", "فاطمة منصور", "Morocco"),
    ("IVANOVA", "Olga", "Ольга Иванова", "Kazakhstan"),
    ("PETROV", "Dmitri", "Дмитрий Петров", "Kyrgyzstan"),
    ("SHEVCHENKO", "Oksana", "Оксана Шевченко", "Ukraine"),
    ("SHARMA", "Priya", "प्रिया शर्मा", "India"),
    ("GUPTA", "Rahul", "राहुल गुप्ता", "India"),
    ("THAPA", "Sita", "सीता थापा", "Nepal"),
)
_ORGANIZATIONS = (
    "Gwangju Metropolitan City",
    "Human Rights Commission of Gwangju Metropolitan City",
    "National Human Rights Commission of Korea",
    "UN Human Rights Council Advisory Committee",
    "Amnesty International",
    "May 18 Memorial Foundation",
    "Seoul National University",
    "Équipe Droits & Cités",
    'Network "Cities for All"',
    "Democracy, Human Rights & Peace Bureau",
    "광주인권지기 활짝",
    "UCLG Committee on Social Inclusion",
    "Raoul Wallenberg Institute",
    "",
)
_TITLES = (
    "Director",
    "Researcher",
    "Activist",
    "Professor",
    "Mayor",
    "Chairperson",
    "Programme Officer",
    "Student",
    "Journalist",
    "",
)
_ACCESSIBILITY = (
    "wheelchair",
    "sign_language",
    "wheelchair;sign_language",
    "hearing_loop",
    "low_vision",
    "step_free_seating",
)
_TOPICS = (
    ("Human Rights Cities Network", "인권도시 네트워크"),
    ("Local Governments and the SDGs", "지방정부와 지속가능발전목표"),
    ("Inclusive Cities for Migrants", "이주민을 위한 포용도시"),
    ("Accessibility and Barrier-Free Cities", "접근성과 무장애 도시"),
    ("Youth and Democracy", "청년과 민주주의"),
    ("Gender Equality in Urban Policy", "도시 정책의 성평등"),
    ("Memory, Truth and Reconciliation", "기억, 진실과 화해"),
    ("Human Rights Activists Workshop", "인권활동가 워크숍"),
    ("Digital Rights and Privacy", "디지털 권리와 개인정보"),
    ("Climate Justice", "기후 정의"),
    ("Housing as a Human Right", "인권으로서의 주거"),
    ("Human Rights Education", "인권 교육"),
)
_ORGANIZERS = (
    "Gwangju Metropolitan City",
    "Gwangju International Center",
    "National Human Rights Commission of Korea, Gwangju Office",
    "UNESCO",
    "",
)
# Letters that Unicode does not decompose into an ASCII base letter.
_ASCII_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "ı": "i", "'": ""})


@dataclass(frozen=True, slots=True)
class _Person:
    registration_id: str
    category: str
    cancelled: bool


def registration_id(number: int) -> str:
    """The synthetic registration id of the `number`-th attendee (1-based): `S-000001`."""
    return f"S-{number:06d}"


def write_synthetic_event(folder: Path, attendees: int, seed: int = 2019) -> dict[str, Path]:
    """Write `programme.csv`, `roster.csv` and `invitations.csv` (FORMATS.md columns) to `folder`.

    Returns their paths by import kind. Same `seed` and `attendees`: identical bytes. The first
    eight attendees cover the eight categories, so even a tiny event has every kind of person.
    """
    if not 1 <= attendees <= MAX_ATTENDEES:
        raise ValueError(f"attendees must be between 1 and {MAX_ATTENDEES}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = {
        "programme": folder / "programme.csv",
        "roster": folder / "roster.csv",
        "invitations": folder / "invitations.csv",
    }
    people = _write_roster(paths["roster"], attendees, rng)
    invite_only = _write_programme(paths["programme"], people, rng)
    _write_invitations(paths["invitations"], invite_only, people, rng)
    return paths


@contextmanager
def _csv_file(path: Path, kind: str) -> Iterator[Any]:
    """A csv writer of rows as dicts on `path` (UTF-8, LF), with the importer's own columns of
    that kind as the header (`kiosk.imports.COLUMNS`: one list of columns, the importers'), so
    a column the importers add is there, empty, without touching this file."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=COLUMNS[kind], lineterminator="\n", extrasaction="raise"
        )
        writer.writeheader()
        yield writer


def _write_roster(path: Path, attendees: int, rng: random.Random) -> list[_Person]:
    categories = list(CATEGORY_WEIGHTS)
    weights = list(CATEGORY_WEIGHTS.values())
    drawn = rng.choices(categories, weights, k=attendees)
    drawn[: len(categories)] = categories[:attendees]
    people: list[_Person] = []
    with _csv_file(path, "roster") as writer:
        for number, category in enumerate(drawn, start=1):
            rid = registration_id(number)
            family, given, local, country, language = _name(rng)
            cancelled = rng.random() < 0.02
            has_email = rng.random() < 0.9
            writer.writerow(
                {
                    "registration_id": rid,
                    "family_name": family,
                    "given_name": given,
                    "name_local": local,
                    "organization": rng.choice(_ORGANIZATIONS),
                    "title": rng.choice(_TITLES),
                    "country": country,
                    "category": category,
                    "email": _email(given, family, number) if has_email else "",
                    "language": language,
                    "status": "cancelled" if cancelled else "registered",
                    "badge_privacy": "true" if rng.random() < 0.03 else "",
                    "accessibility": rng.choice(_ACCESSIBILITY) if rng.random() < 0.015 else "",
                }
            )
            people.append(_Person(rid, category, cancelled))
    return people


def _name(rng: random.Random) -> tuple[str, str, str, str, str]:
    """(family, given, name_local, country, language) for one person."""
    roll = rng.random()
    if roll < 0.60:
        family_ko, family_en = rng.choice(_KOREAN_FAMILY)
        (s1_ko, s1_en), (s2_ko, s2_en) = (
            rng.choice(_KOREAN_SYLLABLES),
            rng.choice(_KOREAN_SYLLABLES),
        )
        language = "ko" if rng.random() < 0.9 else "en"
        if rng.random() < 0.05:
            # Written in Hangul in the name columns themselves, as some registration forms do.
            return family_ko, s1_ko + s2_ko, "", "Korea", language
        given = (
            (s1_en + s2_en).capitalize() if rng.random() < 0.8 else f"{s1_en.capitalize()}-{s2_en}"
        )
        return family_en, given, family_ko + s1_ko + s2_ko, "Korea", language
    if roll < 0.85:
        family, country = rng.choice(_LATIN_FAMILY)
        return family, rng.choice(_LATIN_GIVEN), "", country, "en"
    family, given, local, country = rng.choice(_OTHER_SCRIPTS)
    return family, given, local, country, "en"


def _email(given: str, family: str, number: int) -> str:
    """An ASCII address at example.org (reserved for documentation: never a real person)."""
    text = unicodedata.normalize("NFKD", f"{given}.{family}".lower().translate(_ASCII_LETTERS))
    local = "".join(ch for ch in text if ch.isascii() and (ch.isalnum() or ch == "."))
    local = local.strip(".") or "guest"
    return f"{local}{number}@example.org"


def _write_programme(
    path: Path, people: list[_Person], rng: random.Random
) -> list[tuple[str, int]]:
    """Write the sessions; return (session id, capacity or 0) of the invite-only ones."""
    speakers = [p.registration_id for p in people if p.category == "speaker" and not p.cancelled]
    invite_only: list[tuple[str, int]] = []
    with _csv_file(path, "programme") as writer:
        number = 0
        for day in range(DAYS):
            day_text = (FIRST_DAY + timedelta(days=day)).isoformat()
            for start, end in SLOTS:
                for room, room_capacity in ROOMS:
                    number += 1
                    session_id = f"D{day + 1}-{number:03d}"
                    title_en, title_ko = rng.choice(_TOPICS)
                    if rng.random() < 0.1:
                        title_ko = ""  # some sessions have only an English title
                    closed = room_capacity is not None and room_capacity <= 120
                    access = "invite_only" if closed and rng.random() < 0.6 else "open"
                    if access == "invite_only":
                        invite_only.append((session_id, room_capacity or 0))
                    chosen = rng.sample(speakers, min(len(speakers), rng.randint(1, 4)))
                    writer.writerow(
                        {
                            "session_id": session_id,
                            "title_en": title_en,
                            "title_ko": title_ko,
                            "date": day_text,
                            "start": start,
                            "end": end,
                            "venue": VENUE,
                            "room": room,
                            "capacity": "" if room_capacity is None else room_capacity,
                            "access": access,
                            "organizer": rng.choice(_ORGANIZERS),
                            "interpretation": "ko,en" if rng.random() < 0.5 else "",
                            "speakers": ";".join(chosen),
                        }
                    )
    return invite_only


def _write_invitations(
    path: Path, invite_only: list[tuple[str, int]], people: list[_Person], rng: random.Random
) -> None:
    """Invite guests, press and participants to each invite-only session: about its capacity."""
    candidates = [
        p.registration_id
        for p in people
        if not p.cancelled and p.category in ("participant", "invited_guest", "press")
    ]
    with _csv_file(path, "invitations") as writer:
        for session_id, capacity in invite_only:
            wanted = min(len(candidates), max(1, capacity + capacity // 5))
            for rid in sorted(rng.sample(candidates, wanted)):
                writer.writerow({"session_id": session_id, "registration_id": rid})
