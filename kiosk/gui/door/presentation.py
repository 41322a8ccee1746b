"""How a verdict looks and reads at the door: kind, colours, icon, headline and words.

Colour is never the only signal: each kind has its own icon shape and headline text, and the
reason is always written out, in the screen's language first and then the other one. The reason
sentences come from the core (kiosk.core.messages); only the short words are translated here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from kiosk.badges.layouts import category_styles
from kiosk.core.clock import from_ms
from kiosk.core.model import Reason
from kiosk.gui.scanner import MISREAD_NO_ENTER, MISREAD_TAB
from kiosk.gui.theme import DisplayPreferences, VerdictStyle
from kiosk.services.verdict import Verdict

# Kinds of panel: the theme's admit / welcome_back / deny / idle, plus the door's own exit look.
ADMIT = "admit"
WELCOME_BACK = "welcome_back"
DENY = "deny"
EXIT = "exit"
IDLE = "idle"
# Someone scanned who is recorded inside already (a badge handed back out?): amber, a warning.
ALREADY_INSIDE = "already_inside"
# Keys at scanner speed that made no scan (a wrong scanner suffix, a short code): nothing was
# recorded, and the panel says so rather than staying silent.
NOTICE = "notice"

# An exit is neither an admission nor a refusal: its own colour (blue) and a left arrow.
# White on #0b4f8a is 8.4:1; #66ccff on black is 11.6:1 (high contrast asks for 7:1).
EXIT_STYLES: dict[str, VerdictStyle] = {
    "standard": VerdictStyle("#0b4f8a", "#ffffff", "⬅"),
    "high_contrast": VerdictStyle("#000000", "#66ccff", "⬅"),
}
# The warning looks: the theme's amber (welcome back) with a warning sign, so colour is never
# the only difference from a welcome back.
WARNING_ICON = "⚠"
NOTICE_ICON = "⌨"

# The sound each kind plays (resources/sounds/<name>.wav); idle is silent.
SOUND_FOR_KIND: dict[str, str] = {
    ADMIT: "admit",
    WELCOME_BACK: "welcome_back",
    DENY: "deny",
    EXIT: "exit",
    ALREADY_INSIDE: "deny",
    NOTICE: "deny",
}


def verdict_kind(reason: Reason) -> str:
    """The panel kind of a reason: admit, welcome back, exit or deny."""
    if reason is Reason.ADMITTED:
        return ADMIT
    if reason is Reason.READMITTED:
        return WELCOME_BACK
    if reason is Reason.EXIT_RECORDED:
        return EXIT
    return DENY


def style_for(prefs: DisplayPreferences, kind: str) -> VerdictStyle:
    """Colours and icon of a kind in the current theme (standard or high contrast)."""
    if kind == EXIT:
        return EXIT_STYLES[prefs.theme]
    if kind in (ALREADY_INSIDE, NOTICE):
        amber = prefs.verdict_style(WELCOME_BACK)
        icon = WARNING_ICON if kind == ALREADY_INSIDE else NOTICE_ICON
        return VerdictStyle(amber.background, amber.foreground, icon)
    return prefs.verdict_style(kind)


def headline(kind: str) -> str:
    """The big word of a kind, in the screen's language."""
    if kind == ADMIT:
        return QCoreApplication.translate("DoorVerdict", "ADMIT")
    if kind == WELCOME_BACK:
        return QCoreApplication.translate("DoorVerdict", "WELCOME BACK")
    if kind == EXIT:
        return QCoreApplication.translate("DoorVerdict", "EXIT RECORDED")
    if kind == DENY:
        return QCoreApplication.translate("DoorVerdict", "NOT ADMITTED")
    if kind == ALREADY_INSIDE:
        return QCoreApplication.translate("DoorVerdict", "ALREADY INSIDE")
    if kind == NOTICE:
        return QCoreApplication.translate("DoorVerdict", "NOT READ")
    return QCoreApplication.translate("DoorVerdict", "Ready to scan")


def reason_word(reason: Reason, *, overridden: bool = False) -> str:
    """A short word for the list of recent scans."""
    if overridden:
        return QCoreApplication.translate("DoorVerdict", "Admitted anyway")
    words = {
        Reason.ADMITTED: QCoreApplication.translate("DoorVerdict", "Admitted"),
        Reason.READMITTED: QCoreApplication.translate("DoorVerdict", "Welcome back"),
        Reason.EXIT_RECORDED: QCoreApplication.translate("DoorVerdict", "Exit"),
        Reason.UNKNOWN_CODE: QCoreApplication.translate("DoorVerdict", "Unknown code"),
        Reason.INVALID_CODE: QCoreApplication.translate("DoorVerdict", "Invalid code"),
        Reason.REVOKED: QCoreApplication.translate("DoorVerdict", "Replaced badge"),
        Reason.CANCELLED: QCoreApplication.translate("DoorVerdict", "Cancelled"),
        Reason.NOT_INVITED: QCoreApplication.translate("DoorVerdict", "Not invited"),
        Reason.TICKET_REQUIRED: QCoreApplication.translate("DoorVerdict", "No ticket for this"),
        Reason.ROOM_FULL: QCoreApplication.translate("DoorVerdict", "Room full"),
        Reason.TOO_EARLY: QCoreApplication.translate("DoorVerdict", "Too early"),
        Reason.SESSION_OVER: QCoreApplication.translate("DoorVerdict", "Session over"),
        Reason.UNKNOWN_SESSION: QCoreApplication.translate("DoorVerdict", "No session"),
        Reason.PASS_BACK: QCoreApplication.translate("DoorVerdict", "Already inside"),
    }
    return words.get(reason, reason.value)


def category_label(category: str, language: str) -> str:
    """The category word in a language (from the badge categories), or the raw code."""
    style = category_styles().get(category)
    if style is None:
        return category
    return style.ko if language == "ko" else style.en.capitalize()


@dataclass(frozen=True)
class PanelState:
    """Everything the verdict panel shows for one state, already in words."""

    kind: str
    icon: str
    headline: str
    person: str
    primary: str
    secondary: str
    note: str

    @property
    def spoken(self) -> str:
        """The panel for screen readers: verdict and reason, never the person's name (personal
        data is not read aloud; it stays on screen)."""
        return " ".join(p for p in (self.headline, self.primary) if p)


def verdict_state(verdict: Verdict, language: str, prefs: DisplayPreferences) -> PanelState:
    """The panel for a verdict: the reason in the screen's language first, then the other."""
    kind = verdict_kind(verdict.reason)
    if verdict.inside_since_ms is not None and kind == WELCOME_BACK:
        kind = ALREADY_INSIDE
    message = verdict.to_json()["message"]
    other = "en" if language == "ko" else "ko"
    person = ""
    if verdict.attendee is not None:
        label = category_label(verdict.attendee.category, language)
        person = f"{verdict.attendee.name} · {label}"
    notes = []
    if verdict.inside_since_ms is not None:
        since = from_ms(verdict.inside_since_ms, verdict.tz).strftime("%H:%M")
        notes.append(
            QCoreApplication.translate(
                "DoorVerdict", "Already inside since {time}: check that the badge is theirs."
            ).format(time=since)
        )
    if verdict.override_reason:
        notes.append(
            QCoreApplication.translate("DoorVerdict", "Admitted anyway by staff: {reason}").format(
                reason=verdict.override_reason
            )
        )
    note = "\n".join(notes)
    return PanelState(
        kind=kind,
        icon=style_for(prefs, kind).icon,
        headline=headline(kind),
        person=person,
        primary=message.get(language, message["en"]),
        secondary=message[other],
        note=note,
    )


def idle_state(exit_mode: bool, prefs: DisplayPreferences) -> PanelState:
    """The panel between scans: ready, and which way the door is counting."""
    if exit_mode:
        primary = QCoreApplication.translate(
            "DoorVerdict", "Exit scanning: scan the badges of people leaving the room."
        )
    else:
        primary = QCoreApplication.translate(
            "DoorVerdict", "Entry: scan a badge or a phone screen."
        )
    return PanelState(
        kind=IDLE,
        icon=style_for(prefs, IDLE).icon,
        headline=headline(IDLE),
        person="",
        primary=primary,
        secondary="",
        note="",
    )


def error_state(prefs: DisplayPreferences) -> PanelState:
    """The panel when a scan could not be recorded: nothing was acknowledged, scan again."""
    return PanelState(
        kind=DENY,
        icon=style_for(prefs, DENY).icon,
        headline=QCoreApplication.translate("DoorVerdict", "NOT RECORDED"),
        person="",
        primary=QCoreApplication.translate(
            "DoorVerdict", "This scan could not be saved. Please scan again or call the organisers."
        ),
        secondary="",
        note="",
    )


def misread_state(reason: str, prefs: DisplayPreferences) -> PanelState:
    """The panel when keys came at scanner speed but made no scan: what happened, what to do.

    `reason` is one of kiosk.gui.scanner's MISREAD_* values. Nothing was recorded and the
    door's room, session and direction are unchanged."""
    if reason == MISREAD_TAB:
        primary = QCoreApplication.translate(
            "DoorVerdict",
            "The scanner ended the code with Tab instead of Enter, so nothing was checked in. "
            "Scan again; if this repeats, set the scanner to end each code with Enter.",
        )
    elif reason == MISREAD_NO_ENTER:
        primary = QCoreApplication.translate(
            "DoorVerdict",
            "The code arrived without its closing Enter, so nothing was checked in. "
            "Scan again; if this repeats, set the scanner to end each code with Enter.",
        )
    else:
        primary = QCoreApplication.translate(
            "DoorVerdict",
            "That was too short to be a badge code, so nothing was checked in and the door did "
            "not change. To serve another room or session, click its box.",
        )
    return PanelState(
        kind=NOTICE,
        icon=style_for(prefs, NOTICE).icon,
        headline=headline(NOTICE),
        person="",
        primary=primary,
        secondary="",
        note="",
    )
