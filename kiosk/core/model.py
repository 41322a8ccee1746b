"""Plain records shared by the rules, the store and the services."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

CATEGORIES: tuple[str, ...] = (
    "participant",
    "speaker",
    "invited_guest",
    "staff",
    "organiser",
    "interpreter",
    "press",
    "volunteer",
)
DEFAULT_STAFF_CATEGORIES: tuple[str, ...] = ("staff", "organiser", "interpreter")
DEFAULT_DOOR_OPENS_MINUTES = 30
PASS_BACK_POLICIES: tuple[str, ...] = ("allow", "refuse")
"""A session's pass-back policy (programme column `pass_back`); the first is the default."""


class Direction(StrEnum):
    IN = "in"
    OUT = "out"


class Reason(StrEnum):
    """Stable reason codes of a verdict (CLI.md)."""

    ADMITTED = "admitted"
    READMITTED = "readmitted"
    EXIT_RECORDED = "exit_recorded"
    UNKNOWN_CODE = "unknown_code"
    INVALID_CODE = "invalid_code"
    REVOKED = "revoked"
    CANCELLED = "cancelled"
    NOT_INVITED = "not_invited"
    TICKET_REQUIRED = "ticket_required"
    ROOM_FULL = "room_full"
    TOO_EARLY = "too_early"
    SESSION_OVER = "session_over"
    UNKNOWN_SESSION = "unknown_session"
    # The person is recorded inside and the session refuses pass-back (a badge handed back out).
    PASS_BACK = "pass_back"

    @property
    def admits(self) -> bool:
        return self in (Reason.ADMITTED, Reason.READMITTED, Reason.EXIT_RECORDED)


class CodeStatus(StrEnum):
    """What the code alone says, before any session rule."""

    VALID = "valid"
    INVALID = "invalid"
    UNKNOWN = "unknown"
    REVOKED = "revoked"
    CANCELLED = "cancelled"  # a cancelled ticket from another registration system


@dataclass(frozen=True, slots=True)
class SessionRule:
    """The facts about a session that decide entry."""

    session_id: str
    start_ms: int
    end_ms: int
    capacity: int | None
    invite_only: bool
    # Ticket types whose holders pass too (`tickets:Workshop`); such a session is invite-only.
    ticket_types: tuple[str, ...] = ()
    # Pass-back policy: a scan of someone recorded inside is admitted as a re-entry (allow, the
    # default) or refused (refuse: a badge handed back out lets no second person in).
    refuse_pass_back: bool = False


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """The facts about one registration that decide entry."""

    registration_id: str
    category: str
    cancelled: bool
    on_invitation_list: bool = False
    is_speaker: bool = False
    ticket_types: frozenset[str] = frozenset()  # the types of the person's valid tickets


@dataclass(frozen=True, slots=True)
class Presence:
    """A person's history at one door, derived from the check-in log."""

    has_entered: bool = False
    inside: bool = False
    inside_since_ms: int | None = None  # when inside: the entry that brought them in


@dataclass(frozen=True, slots=True)
class DoorPolicy:
    """Event settings that the door rules read."""

    door_opens_ms_before: int = DEFAULT_DOOR_OPENS_MINUTES * 60_000
    staff_categories: frozenset[str] = field(
        default_factory=lambda: frozenset(DEFAULT_STAFF_CATEGORIES)
    )
