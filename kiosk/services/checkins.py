"""Door scans and self check-ins: judge, append to the log, commit, then answer."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from kiosk.core.clock import iso, local_date, now_ms
from kiosk.core.model import CodeStatus, Direction, PersonFacts, Presence, Reason
from kiosk.core.rules import (
    OVERRIDABLE,
    code_reason,
    decide_arrival,
    decide_door,
    may_pass_invite_only,
    scanned_while_inside,
)
from kiosk.errors import KioskError
from kiosk.services.event import Event, load_event
from kiosk.services.identify import Identification, identify
from kiosk.services.verdict import Verdict
from kiosk.store.checkin_log import PresenceBook, append_checkin
from kiosk.store.database import transaction
from kiosk.store.people import Attendee, attendee_by_id, person_facts, session_rule
from kiosk.store.presence import has_arrived


class CheckinService:
    """The door and kiosk check-in service of one database connection.

    Every verdict is returned only after its log entry is committed, so a verdict on screen
    survives a crash or a power cut.
    """

    def __init__(self, conn: sqlite3.Connection, event: Event | None = None) -> None:
        self.conn = conn
        self.event = event or load_event(conn)
        self._presence = PresenceBook(conn)

    def scan(
        self,
        code: str,
        session_id: str,
        *,
        direction: Direction = Direction.IN,
        at_ms: int | None = None,
        device: str | None = None,
        override_reason: str | None = None,
    ) -> Verdict:
        """Judge one scan at a session's door and record it.

        `override_reason` ("admit anyway") turns an overridable denial (not invited, room full,
        outside the door window) into an admission logged with that reason; code problems and
        cancellations are never overridden.
        """
        return self._door(
            lambda: identify(self.conn, self.event, code),
            session_id,
            direction=direction,
            at_ms=at_ms,
            device=device,
            override_reason=override_reason,
        )

    def scan_registration(
        self,
        registration_id: str,
        session_id: str,
        *,
        direction: Direction = Direction.IN,
        at_ms: int | None = None,
        device: str | None = None,
        override_reason: str | None = None,
    ) -> Verdict:
        """A door decision for someone staff found by name (no badge at hand).

        The same rules as a scan of the person's current code: staff identified the person,
        so only the code check is skipped; a cancelled registration is still refused.
        """

        def found() -> Identification:
            attendee = attendee_by_id(self.conn, registration_id)
            if attendee is None:
                return Identification(CodeStatus.UNKNOWN)
            return Identification(CodeStatus.VALID, attendee, attendee.code_version)

        return self._door(
            found,
            session_id,
            direction=direction,
            at_ms=at_ms,
            device=device,
            override_reason=override_reason,
        )

    def _door(
        self,
        identification: Callable[[], Identification],
        session_id: str,
        *,
        direction: Direction,
        at_ms: int | None,
        device: str | None,
        override_reason: str | None,
    ) -> Verdict:
        at = now_ms() if at_ms is None else at_ms
        if override_reason is not None and not override_reason.strip():
            raise KioskError("an override needs a reason")
        event = self.event
        try:
            with transaction(self.conn):
                self._presence.refresh_if_changed()
                session = session_rule(self.conn, session_id)
                if session is None:
                    return Verdict(Reason.UNKNOWN_SESSION, session_id, direction, at, event.tz)
                found = identification()
                facts = self._facts(found.attendee, session_id, session.invite_only)
                presence = (
                    self._presence.presence(session_id, facts.registration_id)
                    if facts is not None
                    else None
                )
                reason = decide_door(
                    session=session,
                    code=found.status,
                    person=facts,
                    presence=presence or _NOBODY,
                    inside_count=self._presence.inside_count(session_id),
                    at_ms=at,
                    direction=direction,
                    policy=event.policy,
                )
                since = None
                if presence is not None and scanned_while_inside(presence, direction):
                    since = presence.inside_since_ms
                applied_override = None
                if override_reason is not None and reason in OVERRIDABLE:
                    applied_override = override_reason.strip()
                    entered = presence is not None and presence.has_entered
                    reason = Reason.READMITTED if entered else Reason.ADMITTED
                entry = append_checkin(
                    self.conn,
                    device=device or event.device,
                    registration_id=found.attendee.registration_id if found.attendee else None,
                    session_id=session_id,
                    direction=direction,
                    at_ms=at,
                    reason=reason,
                    override_reason=applied_override,
                    code_version=found.code_version,
                    ticket_code=found.ticket_code,
                )
                self._presence.record(entry)
                inside = self._presence.inside_count(session_id)
        except BaseException:
            self._presence.forget()
            raise
        return Verdict(
            reason,
            session_id,
            direction,
            at,
            event.tz,
            attendee=found.attendee if found.status is CodeStatus.VALID else None,
            inside=inside,
            capacity=session.capacity,
            checkin_id=entry.event_uid,
            override_reason=applied_override,
            ticket_types=session.ticket_types,
            inside_since_ms=since if found.status is CodeStatus.VALID else None,
        )

    def inside_count(self, session_id: str) -> int:
        """People inside a session now, read afresh from the log (whoever wrote it, on any
        connection)."""
        self._presence.forget()
        return self._presence.inside_count(session_id)

    def arrival_check(self, code: str) -> tuple[Reason | None, str | None]:
        """What a self check-in of this code would refuse for (None: it would be admitted) and
        whose registration the code names, before the person confirms. Nothing is recorded:
        `checkin` judges again and records."""
        found = identify(self.conn, self.event, code)
        refusal = code_reason(found.status, self._facts(found.attendee, None, False))
        named = found.attendee if found.status is CodeStatus.VALID else None
        return refusal, None if named is None else named.registration_id

    def checkin(self, code: str, *, at_ms: int | None = None, device: str | None = None) -> Verdict:
        """Self check-in at the event: record the arrival and list today's sessions."""
        at = now_ms() if at_ms is None else at_ms
        event = self.event
        with transaction(self.conn):
            found = identify(self.conn, event, code)
            facts = self._facts(found.attendee, None, False)
            arrived = facts is not None and has_arrived(self.conn, facts.registration_id)
            reason = decide_arrival(code=found.status, person=facts, arrived=arrived)
            entry = append_checkin(
                self.conn,
                device=device or event.device,
                registration_id=found.attendee.registration_id if found.attendee else None,
                session_id=None,
                direction=Direction.IN,
                at_ms=at,
                reason=reason,
                code_version=found.code_version,
                ticket_code=found.ticket_code,
            )
        sessions = None
        if reason.admits and found.attendee is not None:
            sessions = self.sessions_for(
                found.attendee.registration_id, found.attendee.category, at, facts
            )
        return Verdict(
            reason,
            None,
            Direction.IN,
            at,
            event.tz,
            attendee=found.attendee if found.status is CodeStatus.VALID else None,
            checkin_id=entry.event_uid,
            sessions=sessions,
        )

    def sessions_for(
        self,
        registration_id: str,
        category: str,
        at_ms: int,
        person: PersonFacts | None = None,
    ) -> list[dict[str, Any]]:
        """The sessions on the day of `at_ms` that this person may enter, in time order
        (`person`: their facts, when the caller has them, for the ticket types they hold)."""
        tz = self.event.tz
        day = local_date(at_ms, tz).isoformat()
        rows = self.conn.execute(
            "SELECT s.session_id, s.title_en, s.title_ko, s.start_ms, s.end_ms, s.venue, s.room, "
            "s.interpretation, s.access = 'invite_only', "
            "EXISTS(SELECT 1 FROM invitations i WHERE i.session_id = s.session_id "
            "       AND i.registration_id = :rid), "
            "EXISTS(SELECT 1 FROM session_speakers p WHERE p.session_id = s.session_id "
            "       AND p.registration_id = :rid), "
            "(SELECT group_concat(t.ticket_type, char(31)) FROM session_ticket_types t "
            "       WHERE t.session_id = s.session_id) "
            "FROM sessions s WHERE s.date = :day ORDER BY s.start_ms, s.session_id",
            {"rid": registration_id, "day": day},
        ).fetchall()
        held = person.ticket_types if person is not None else frozenset()
        out = []
        for row in rows:
            sid, t_en, t_ko, start, end, venue, room, interp, invite_only = row[:9]
            invited, speaker = row[9:11]
            kinds = tuple(row[11].split("\x1f")) if row[11] else ()
            facts = PersonFacts(
                registration_id, category, False, bool(invited), bool(speaker), held
            )
            if invite_only and not may_pass_invite_only(facts, self.event.policy, kinds):
                continue
            out.append(
                {
                    "session_id": sid,
                    "title_en": t_en,
                    "title_ko": t_ko,
                    "start": iso(start, tz),
                    "end": iso(end, tz),
                    "venue": venue,
                    "room": room,
                    "interpretation": [x for x in (interp or "").split(",") if x],
                }
            )
        return out

    def _facts(
        self, attendee: Attendee | None, session_id: str | None, invite_only: bool
    ) -> PersonFacts | None:
        if attendee is None:
            return None
        if session_id is not None and invite_only:
            return person_facts(self.conn, attendee, session_id)
        return person_facts(self.conn, attendee, None)


_NOBODY = Presence()
