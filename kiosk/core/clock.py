"""Event time: ISO 8601 in and out, the event's time zone, milliseconds since the epoch inside."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.errors import KioskError


def zone(name: str) -> ZoneInfo:
    """The named IANA time zone, or a clear error."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise KioskError(
            f"unknown time zone {name!r}; use an IANA name such as Asia/Seoul"
        ) from exc


def to_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def from_ms(ms: int, tz: ZoneInfo) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz)


def short_moment(ms: int, now: int, tz: ZoneInfo) -> str:
    """A moment as a screen shows it in passing: HH:MM when it is today, else the date too."""
    moment = from_ms(ms, tz)
    today = from_ms(now, tz).date()
    return moment.strftime("%H:%M" if moment.date() == today else "%Y-%m-%d %H:%M")


def now_ms() -> int:
    return to_ms(datetime.now().astimezone())


def parse_at(text: str, tz: ZoneInfo) -> int:
    """An ISO 8601 moment; without a zone it is read in the event's zone."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise KioskError(f"--at {text!r} is not an ISO 8601 time, e.g. 2019-09-30T10:31") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return to_ms(moment)


def iso(ms: int, tz: ZoneInfo) -> str:
    """A moment as ISO 8601 with the event's offset, to the second."""
    return from_ms(ms, tz).isoformat(timespec="seconds")


def local_date(ms: int, tz: ZoneInfo) -> date:
    return from_ms(ms, tz).date()


def session_bounds(day: date, start: time, end: time, tz: ZoneInfo) -> tuple[int, int]:
    """Start and end of a session in epoch milliseconds (wall-clock times in the event's zone)."""
    start_at = datetime.combine(day, start, tz)
    end_at = datetime.combine(day, end, tz)
    return to_ms(start_at), to_ms(end_at)
