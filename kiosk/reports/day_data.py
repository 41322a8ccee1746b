"""The figures of the organisers' day report, derived from the log like every other count.

Nothing here is stored. The day is the calendar date in the event's time zone; a person "checked
in" arrived at a self check-in kiosk or was admitted at any door; "entered" a session means an
admitted scan into its door; who is inside and the peaks are `kiosk.core.presence`'s, as the
doors, `kiosk status` and the dashboard decide them, so they all agree.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kiosk.core.clock import now_ms, to_ms
from kiosk.core.model import CATEGORIES
from kiosk.core.presence import AdmittedScan, PresenceFold, peak_occupancy
from kiosk.services.event import load_event
from kiosk.store.presence import admitted_scans, first_checkins
from kiosk.store.tickets import EFFECTIVE_STATUS

BUCKET_MS = 15 * 60_000
NEAR_CAPACITY = 0.9
"""A room whose peak reached this share of its capacity is marked near capacity."""
DEFAULT_DAY_HOURS = (8, 18)


@dataclass(frozen=True)
class Bucket:
    """One 15-minute slot of the arrivals chart."""

    start_ms: int
    arrivals: int  # people whose first arrival of the day fell in this slot
    entries: int  # first entries into a session door in this slot


@dataclass(frozen=True)
class SessionFigures:
    """One session of the day: its door's attendance and its peak."""

    session_id: str
    title_en: str | None
    title_ko: str | None
    start: str
    end: str
    room: str
    invite_only: bool
    capacity: int | None
    admitted: int  # distinct people who entered (as `kiosk status`)
    inside: int  # distinct people inside now (as `kiosk status`)
    peak: int  # most people inside at once
    peak_ms: int | None  # when the peak was first reached
    denied: int  # refused scans at this door
    overrides: int  # admissions by override
    invited: int  # invitation list size (invite-only sessions)
    invited_came: int  # people on the list who entered
    ticket_types: tuple[str, ...] = ()  # `tickets:Workshop`: holders of these pass too

    @property
    def peak_share(self) -> float | None:
        """Peak as a share of capacity (None: no limit or zero capacity)."""
        if not self.capacity:
            return None
        return self.peak / self.capacity

    @property
    def near_capacity(self) -> bool:
        share = self.peak_share
        return share is not None and share >= NEAR_CAPACITY


@dataclass(frozen=True)
class CategoryFigures:
    category: str
    registered: int
    checked_in: int

    @property
    def no_shows(self) -> int:
        return self.registered - self.checked_in


@dataclass(frozen=True)
class BadgeFigures:
    """Badges printed against registrations: the paper not printed for people who stayed away."""

    registrations: int  # registrations not cancelled
    printed_people: int  # of them, people with a badge printed by the end of the day
    prints_today: int  # badges printed this day (not failed)
    on_demand_today: int  # of those, printed one at a time (kiosk or desk)
    batch_today: int  # of those, printed in batches
    reprints_today: int  # of those, for people who already had a badge
    failed_today: int
    not_printed: int  # registrations with no badge printed by the end of the day
    not_printed_no_shows: int  # of them, people who have not come (paper saved)
    printed_no_shows: int  # badges printed for people who have not come


@dataclass(frozen=True)
class DayReport:
    """Everything the day report shows."""

    event_name: str
    day: date
    timezone: str
    generated_ms: int
    registered: int
    cancelled: int
    checked_in: int  # distinct people checked in by the end of the day
    arrived_today: int  # distinct people checked in (kiosk or door) this day
    first_time_today: int  # people whose first check-in was this day
    no_shows: int  # registrations not cancelled, not checked in by the end of the day
    categories: list[CategoryFigures] = field(default_factory=list)
    buckets: list[Bucket] = field(default_factory=list)
    sessions: list[SessionFigures] = field(default_factory=list)
    badges: BadgeFigures | None = None


def day_bounds(day: date, tz: ZoneInfo) -> tuple[int, int]:
    """Start and end (exclusive) of a calendar day in the event's zone, in epoch ms."""
    start = datetime.combine(day, time(0, 0), tz)
    end = datetime.combine(day + timedelta(days=1), time(0, 0), tz)
    return to_ms(start), to_ms(end)


def report_days(conn: sqlite3.Connection) -> list[date]:
    """The programme's dates, for choosing a report day."""
    return [
        date.fromisoformat(str(day))
        for (day,) in conn.execute("SELECT DISTINCT date FROM sessions ORDER BY date")
    ]


def _ignore(step: str) -> None:
    return None


def day_report_data(
    conn: sqlite3.Connection,
    day: date,
    *,
    at_ms: int | None = None,
    step: Callable[[str], None] = _ignore,
) -> DayReport:
    """Compute the day report's figures; `step(name)` is called between stages (it may raise
    to stop)."""
    event = load_event(conn)
    tz = event.tz
    start_ms, end_ms = day_bounds(day, tz)
    step("people")
    registered, cancelled = conn.execute(
        f"SELECT count(*) FILTER (WHERE {EFFECTIVE_STATUS} != 'cancelled'), "
        f"count(*) FILTER (WHERE {EFFECTIVE_STATUS} = 'cancelled') FROM attendees AS a"
    ).fetchone()
    # Checked in: arrived at a kiosk or admitted at any door (kiosk.core.presence).
    first_ever = first_checkins(conn, before_ms=end_ms)
    checked_in = len(first_ever)
    ever_before = {rid for rid, at in first_ever.items() if at < start_ms}
    first_arrival = {rid: at for rid, at in first_ever.items() if at >= start_ms}
    arrivals_today = first_checkins(conn, from_ms=start_ms, before_ms=end_ms)
    came = ever_before | set(first_arrival)
    status_of: dict[str, tuple[str, bool]] = {
        str(rid): (str(category), status == "cancelled")
        for rid, category, status in conn.execute(
            f"SELECT a.registration_id, a.category, {EFFECTIVE_STATUS} FROM attendees AS a"
        )
    }
    per_category: dict[str, list[int]] = {category: [0, 0] for category in CATEGORIES}
    no_shows = 0
    for rid, (category, is_cancelled) in status_of.items():
        if is_cancelled:
            continue
        counts = per_category.setdefault(category, [0, 0])
        counts[0] += 1
        if rid in came:
            counts[1] += 1
        else:
            no_shows += 1
    categories = [
        CategoryFigures(category, counts[0], counts[1])
        for category, counts in per_category.items()
        if counts[0]
    ]

    step("sessions")
    sessions = _session_figures(conn, day)
    step("arrivals")
    entries = [
        int(at)
        for (at,) in conn.execute(
            "SELECT at_ms FROM checkins WHERE verdict = 'admit' AND direction = 'in' "
            "AND reason = 'admitted' AND session_id IS NOT NULL AND at_ms >= ? AND at_ms < ?",
            (start_ms, end_ms),
        )
    ]
    buckets = _buckets(conn, day, tz, list(arrivals_today.values()), entries)
    step("badges")
    badges = _badge_figures(conn, start_ms, end_ms, status_of, came)
    return DayReport(
        event_name=event.name,
        day=day,
        timezone=event.timezone,
        generated_ms=now_ms() if at_ms is None else at_ms,
        registered=int(registered),
        cancelled=int(cancelled),
        checked_in=int(checked_in),
        arrived_today=len(arrivals_today),
        first_time_today=len(first_arrival),
        no_shows=no_shows,
        categories=categories,
        buckets=buckets,
        sessions=sessions,
        badges=badges,
    )


def _session_figures(conn: sqlite3.Connection, day: date) -> list[SessionFigures]:
    rows = conn.execute(
        'SELECT session_id, title_en, title_ko, start, "end", room, access, capacity '
        "FROM sessions WHERE date = ? ORDER BY start_ms, session_id",
        (day.isoformat(),),
    ).fetchall()
    ids = [str(row[0]) for row in rows]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    scans: dict[str, list[AdmittedScan]] = {sid: [] for sid in ids}
    for scan in admitted_scans(conn, session_ids=ids):
        scans[str(scan.session_id)].append(scan)
    doors = {sid: PresenceFold().apply_all(scans[sid]).session(sid) for sid in ids}
    peaks = {sid: peak_occupancy(scans[sid]) for sid in ids}
    denied = dict.fromkeys(ids, 0)
    overrides = dict.fromkeys(ids, 0)
    for sid, verdict, override, count in conn.execute(
        "SELECT session_id, verdict, override_reason IS NOT NULL, count(*) FROM checkins "
        f"WHERE session_id IN ({marks}) GROUP BY session_id, verdict, override_reason IS NOT NULL",
        ids,
    ):
        if verdict == "deny":
            denied[sid] += int(count)
        elif override:
            overrides[sid] += int(count)
    kinds: dict[str, list[str]] = {sid: [] for sid in ids}
    for sid, kind in conn.execute(
        f"SELECT session_id, ticket_type FROM session_ticket_types WHERE session_id IN ({marks}) "
        "ORDER BY ticket_type",
        ids,
    ):
        kinds[sid].append(kind)
    invited: dict[str, set[str]] = {sid: set() for sid in ids}
    for sid, rid in conn.execute(
        f"SELECT session_id, registration_id FROM invitations WHERE session_id IN ({marks})", ids
    ):
        invited[sid].add(rid)
    return [
        SessionFigures(
            session_id=sid,
            title_en=title_en,
            title_ko=title_ko,
            start=str(start),
            end=str(end),
            room=str(room),
            invite_only=access == "invite_only",
            capacity=None if capacity is None else int(capacity),
            admitted=doors[sid].admitted_count,
            inside=doors[sid].inside_count,
            peak=peaks[sid][0],
            peak_ms=peaks[sid][1],
            denied=denied[sid],
            overrides=overrides[sid],
            invited=len(invited[sid]),
            invited_came=len(invited[sid] & doors[sid].entered()),
            ticket_types=tuple(kinds[sid]),
        )
        for sid, title_en, title_ko, start, end, room, access, capacity in rows
    ]


def _buckets(
    conn: sqlite3.Connection, day: date, tz: ZoneInfo, arrivals: list[int], entries: list[int]
) -> list[Bucket]:
    """15-minute slots from the day's first event (or session door) to its last."""
    bounds = conn.execute(
        "SELECT min(start_ms), max(end_ms) FROM sessions WHERE date = ?", (day.isoformat(),)
    ).fetchone()
    moments = [*arrivals, *entries]
    if bounds[0] is not None:
        moments += [int(bounds[0]) - 30 * 60_000, int(bounds[1])]
    if not moments:
        first, last = DEFAULT_DAY_HOURS
        moments = [
            to_ms(datetime.combine(day, time(first), tz)),
            to_ms(datetime.combine(day, time(last), tz)),
        ]
    day_start, day_end = day_bounds(day, tz)
    low = max(day_start, min(moments))
    high = min(day_end - 1, max(moments))
    origin = day_start + (low - day_start) // BUCKET_MS * BUCKET_MS
    count = (high - origin) // BUCKET_MS + 1
    arrived = [0] * count
    entered = [0] * count
    for at in arrivals:
        arrived[(at - origin) // BUCKET_MS] += 1
    for at in entries:
        entered[(at - origin) // BUCKET_MS] += 1
    return [
        Bucket(origin + index * BUCKET_MS, arrived[index], entered[index]) for index in range(count)
    ]


def _badge_figures(
    conn: sqlite3.Connection,
    start_ms: int,
    end_ms: int,
    status_of: dict[str, tuple[str, bool]],
    came: set[str],
) -> BadgeFigures:
    registrations = [rid for rid, (_, cancelled) in status_of.items() if not cancelled]
    printed = {
        str(rid)
        for (rid,) in conn.execute(
            "SELECT DISTINCT registration_id FROM badge_prints WHERE status != 'failed' "
            "AND at_ms < ?",
            (end_ms,),
        )
    }
    prints_today = on_demand = batch = reprints = 0
    for size, count, again in conn.execute(
        """
        WITH ok AS (
            SELECT id, registration_id, at_ms, coalesce(job, 'row:' || id) || '@' || device AS job,
                   row_number() OVER (PARTITION BY registration_id ORDER BY at_ms, id) AS nth
            FROM badge_prints WHERE status != 'failed' AND at_ms < :end
        ),
        jobs AS (SELECT job, count(*) AS size FROM ok WHERE at_ms >= :start GROUP BY job)
        SELECT jobs.size, count(*), sum(ok.nth > 1)
        FROM ok JOIN jobs ON jobs.job = ok.job
        WHERE ok.at_ms >= :start
        GROUP BY jobs.size = 1
        """,
        {"start": start_ms, "end": end_ms},
    ):
        prints_today += int(count)
        reprints += int(again or 0)
        if int(size) == 1:
            on_demand += int(count)
        else:
            batch += int(count)
    failed = conn.execute(
        "SELECT count(*) FROM badge_prints WHERE status = 'failed' AND at_ms >= ? AND at_ms < ?",
        (start_ms, end_ms),
    ).fetchone()[0]
    not_printed = [rid for rid in registrations if rid not in printed]
    return BadgeFigures(
        registrations=len(registrations),
        printed_people=len(registrations) - len(not_printed),
        prints_today=prints_today,
        on_demand_today=on_demand,
        batch_today=batch,
        reprints_today=reprints,
        failed_today=int(failed),
        not_printed=len(not_printed),
        not_printed_no_shows=sum(1 for rid in not_printed if rid not in came),
        printed_no_shows=sum(1 for rid in registrations if rid in printed and rid not in came),
    )
