"""A verdict as screens and the CLI show it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.core.clock import iso
from kiosk.core.messages import message_for
from kiosk.core.model import Direction, Reason
from kiosk.store.people import Attendee


@dataclass(frozen=True)
class Verdict:
    """The answer to one scan or check-in, given only once its log entry is committed."""

    reason: Reason
    session_id: str | None
    direction: Direction
    at_ms: int
    tz: ZoneInfo
    attendee: Attendee | None = None
    inside: int | None = None
    capacity: int | None = None
    checkin_id: str | None = None
    override_reason: str | None = None
    sessions: list[dict[str, Any]] | None = field(default=None)
    # The ticket types the session admits (`tickets:Workshop`), for a refusal that names them.
    ticket_types: tuple[str, ...] = ()
    # A door scan of someone recorded inside already: since when (a pass-back warning).
    inside_since_ms: int | None = None

    @property
    def admitted(self) -> bool:
        return self.reason.admits

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "verdict": "admit" if self.admitted else "deny",
            "reason": self.reason.value,
            "session": self.session_id,
            "direction": self.direction.value,
        }
        if self.attendee is not None:
            out["attendee"] = {
                "registration_id": self.attendee.registration_id,
                "name": self.attendee.name,
                "category": self.attendee.category,
            }
        out["message"] = message_for(
            self.reason, arrival=self.session_id is None, ticket_types=self.ticket_types
        )
        if self.session_id is not None and self.reason is not Reason.UNKNOWN_SESSION:
            out["occupancy"] = {"inside": self.inside, "capacity": self.capacity}
        out["at"] = iso(self.at_ms, self.tz)
        if self.checkin_id is not None:
            out["checkin_id"] = self.checkin_id
        if self.override_reason is not None:
            out["override_reason"] = self.override_reason
        if self.inside_since_ms is not None:
            out["inside_since"] = iso(self.inside_since_ms, self.tz)
        if self.sessions is not None:
            out["sessions"] = self.sessions
        return out
