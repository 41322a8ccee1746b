"""The kiosk's state machine, without widgets: one visit at a time, from welcome back to welcome.

Steps: WELCOME -> (scan | FIND) -> CONFIRM -> PRINTING -> TODAY -> WELCOME, with REFUSED for a
code or registration that cannot check in. The check-in is recorded (CheckinService.checkin) only
when the person confirms; "This is not me" records nothing. A refusal is recorded as the service
records every attempt, and shows only the polite message.

The visit holds everything about the person; ending it (Done, Cancel, idle) drops it and puts
language, text size, contrast and voice guidance (on/off, volume, rate) back to the kiosk's
defaults. Every personal value the kiosk shows is handed to the voice's privacy guard first.
Home drops the person's data but keeps the choices of the human still standing at the kiosk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.core.model import Reason
from kiosk.errors import KioskError
from kiosk.gui.selfcheckin.badge_job import BadgeJob, PrintProblem
from kiosk.gui.selfcheckin.print_bridge import PrintBridge
from kiosk.gui.theme import DisplayPreferences
from kiosk.gui.translations import LANGUAGES, LanguageSwitcher
from kiosk.printing.queue import PrintJob
from kiosk.services.badges import DEFAULT_MAIN_LANGUAGE
from kiosk.services.checkins import CheckinService
from kiosk.services.event import Event
from kiosk.services.issuing import current_code
from kiosk.services.person_card import PersonCard, has_printed_badge, person_card
from kiosk.services.self_lookup import (
    FindBy,
    LookupBraked,
    LookupThrottle,
    SelfLookup,
    family_name_choices,
    numeric_registrations,
)
from kiosk.store.database import Connection
from kiosk.store.settings import get_setting

if TYPE_CHECKING:
    from kiosk.gui.selfcheckin.voice import KioskVoice

log = logging.getLogger(__name__)


class Step(StrEnum):
    WELCOME = "welcome"
    FIND = "find"
    CONFIRM = "confirm"
    REFUSED = "refused"
    PRINTING = "printing"
    TODAY = "today"


class BadgeNote(StrEnum):
    """What became of the badge, said on today's page."""

    PRINTED = "printed"
    NO_PRINTER = "no_printer"
    ALREADY_PRINTED = "already_printed"
    SKIPPED = "skipped"  # printing failed and the person went on without it


class FindNote(StrEnum):
    """The find page's message."""

    NOT_FOUND = "not_found"
    MISSING = "missing"  # a field was left empty
    WAIT = "wait"  # too many wrong look-ups in a row


@dataclass
class Visit:
    """Everything the kiosk knows about the person at it; dropped when the visit ends."""

    code: str | None = None
    person: PersonCard | None = None
    reason: Reason | None = None  # the check-in's verdict (a refusal on REFUSED)
    sessions: list[dict[str, Any]] = field(default_factory=list)
    badge: BadgeNote | None = None
    printing: bool = False  # a print job runs
    progress: tuple[int, int] = (0, 0)
    problem: PrintProblem | None = None  # the last print failed
    problem_detail: str = ""  # the print system's words, for the staff
    find_by: FindBy = FindBy.REGISTRATION
    find_note: FindNote | None = None
    # Every registration number is a number: it may be typed alone with the keypad's digits,
    # and the family name chosen from `find_choices` (three names; empty until asked).
    find_numeric: bool = False
    find_number: str = ""
    find_choices: tuple[str, ...] = ()
    chose_language: bool = False  # the person picked a language: do not follow the roster's
    staff_called: bool = False


class KioskFlow(QObject):
    """State and actions of the self check-in kiosk; the screen re-renders on `changed`."""

    changed = Signal()
    announce = Signal(str)  # a key for something a screen reader should say now

    def __init__(
        self,
        *,
        conn: Connection,
        event: Event,
        service: CheckinService,
        db_path: Path,
        prefs: DisplayPreferences,
        languages: LanguageSwitcher,
        default_language: str,
        clock: Callable[[], int],
        printer: PrintBridge,
        throttle: LookupThrottle | None = None,
        voice: KioskVoice | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.conn = conn
        self.kiosk_event = event
        self.service = service
        self.db_path = Path(db_path)
        self.prefs = prefs
        self.languages = languages
        self.default_language = default_language
        self.clock = clock
        self.printer = printer
        self.throttle = throttle or LookupThrottle()
        self.lookup = SelfLookup(conn, self.throttle)
        self.voice = voice
        self.main_language = str(get_setting(conn, "main_language", DEFAULT_MAIN_LANGUAGE))
        self.step = Step.WELCOME
        self.visit = Visit()
        self._job: PrintJob | None = None
        self._work: BadgeJob | None = None
        printer.started.connect(self._print_started)
        printer.progress.connect(self._print_progress)
        printer.finished.connect(self._print_finished)
        printer.failed.connect(self._print_failed)

    # -- state -----------------------------------------------------------------------------------

    @property
    def at_defaults(self) -> bool:
        """Language, text size, contrast and voice guidance are the kiosk's defaults."""
        prefs = self.prefs
        return (
            not prefs.large_text
            and not prefs.high_contrast
            and self.languages.language == self.default_language
            and not (self.voice is not None and self.voice.enabled)
        )

    @property
    def in_use(self) -> bool:
        """Someone is using the kiosk: a step past welcome, a choice made, staff called."""
        visit = self.visit
        return (
            self.step is not Step.WELCOME
            or visit.staff_called
            or visit.chose_language
            or not self.at_defaults
        )

    def _go(self, step: Step, **changes: Any) -> None:
        self.step = step
        if changes:
            self.visit = replace(self.visit, **changes)
        self.changed.emit()

    # -- welcome ---------------------------------------------------------------------------------

    def choose_language(self, language: str) -> None:
        """The person's own choice: kept for the visit, not overridden by the roster."""
        if language in LANGUAGES and language != self.languages.language:
            self.languages.use(language)
        self.visit.chose_language = True
        self.changed.emit()

    def set_large_text(self, on: bool) -> None:
        self.prefs.set(large_text=on)
        self.changed.emit()

    def set_high_contrast(self, on: bool) -> None:
        self.prefs.set(high_contrast=on)
        self.changed.emit()

    def find_myself(self) -> None:
        """The person has no code with them: find them by two facts."""
        self._go(
            Step.FIND,
            find_note=None,
            find_numeric=numeric_registrations(self.conn),
            find_number="",
            find_choices=(),
        )

    def offer_family_names(self, number: str) -> None:
        """A registration number typed alone: offer three family names to choose from (the
        second fact). Nothing is offered while the brake holds, or for an empty number."""
        if self.step is not Step.FIND or not self.visit.find_numeric:
            return
        if self.throttle.wait_s() > 0:
            self._go(Step.FIND, find_note=FindNote.WAIT, find_choices=())
            return
        if not number.strip():
            self._go(Step.FIND, find_note=FindNote.MISSING, find_choices=())
            self.announce.emit("find_missing")
            return
        choices = tuple(family_name_choices(self.conn, number))
        self._go(Step.FIND, find_note=None, find_number=number.strip(), find_choices=choices)
        self.announce.emit("find_choose")

    def call_staff(self) -> None:
        self.visit.staff_called = True
        self.changed.emit()
        self.announce.emit("staff_called")

    # -- finding ---------------------------------------------------------------------------------

    def set_find_by(self, find_by: FindBy) -> None:
        if self.visit.find_by is not find_by:
            self.visit.find_by = find_by
            if self.visit.find_note is not FindNote.WAIT:
                self.visit.find_note = None
            self.changed.emit()

    def lookup_wait_s(self) -> float:
        return self.throttle.wait_s()

    def find(self, family_name: str, other: str) -> None:
        """Look the person up by two facts; a miss says nothing about which fact was wrong."""
        if self.step is not Step.FIND:
            return
        if self.throttle.wait_s() > 0:
            self._go(Step.FIND, find_note=FindNote.WAIT)
            return
        if not family_name.strip() or not other.strip():
            self._go(Step.FIND, find_note=FindNote.MISSING)
            self.announce.emit("find_missing")
            return
        if self.voice is not None:
            self.voice.protect([family_name, other])
        try:
            registration_id = self.lookup.find(self.visit.find_by, family_name, other)
        except LookupBraked:
            self._go(Step.FIND, find_note=FindNote.WAIT)
            return
        if registration_id is None:
            note = FindNote.WAIT if self.throttle.wait_s() > 0 else FindNote.NOT_FOUND
            self._go(Step.FIND, find_note=note, find_choices=(), find_number="")
            self.announce.emit("find_failed")
            return
        try:
            code, _version = current_code(self.conn, registration_id)
        except KioskError:
            # No code was ever issued to this person: only the desk can help.
            log.warning("self check-in look-up found %s, who has no code yet", registration_id)
            self._go(Step.REFUSED, reason=Reason.UNKNOWN_CODE)
            return
        self._begin(code, scanned=False)

    # -- scanning --------------------------------------------------------------------------------

    @Slot(str)
    def scan(self, code: str) -> None:
        """A code from the scanner or camera, at any step: a fresh person's visit starts."""
        if self.visit.person is not None or self.step in (
            Step.CONFIRM,
            Step.REFUSED,
            Step.PRINTING,
            Step.TODAY,
        ):
            self._end_visit(restore=True, emit=False)
        else:
            # Someone at welcome or on the find page: keep their choices, drop what they typed.
            self.visit = Visit(
                chose_language=self.visit.chose_language, staff_called=self.visit.staff_called
            )
        self._begin(code, scanned=True)

    def _begin(self, code: str, *, scanned: bool) -> None:
        refusal, registration_id = self.service.arrival_check(code)
        card = person_card(self.conn, registration_id) if registration_id is not None else None
        if self.voice is not None:
            self.voice.protect([code])
            if card is not None:
                self.voice.protect(
                    [card.name, card.name_local, card.affiliation, card.registration_id]
                )
        if refusal is not None or card is None:
            verdict = self.service.checkin(code, at_ms=self.clock())
            self._refuse(verdict.reason)
            return
        wanted = card.language
        follow = scanned and not self.visit.chose_language and wanted in LANGUAGES
        if follow and wanted is not None and wanted != self.languages.language:
            self.languages.use(wanted)
        self._go(Step.CONFIRM, code=code, person=card, find_note=None)

    def _refuse(self, reason: Reason) -> None:
        self._go(Step.REFUSED, reason=reason, code=None, person=None, sessions=[])
        self.announce.emit("refused")

    # -- confirming and printing -----------------------------------------------------------------

    def confirm(self) -> None:
        """The person said "Yes, print my badge": record the check-in, then print the badge.

        A badge printed before (at a kiosk or the desk) is not printed again."""
        visit = self.visit
        if self.step is not Step.CONFIRM or visit.code is None or visit.person is None:
            return
        verdict = self.service.checkin(visit.code, at_ms=self.clock())
        if not verdict.admitted:
            self._refuse(verdict.reason)
            return
        sessions = list(verdict.sessions or [])
        registration_id = visit.person.registration_id
        if has_printed_badge(self.conn, registration_id):
            self._go(
                Step.TODAY,
                reason=verdict.reason,
                sessions=sessions,
                badge=BadgeNote.ALREADY_PRINTED,
            )
            return
        work = BadgeJob(self.db_path, registration_id)
        self._work = work
        self._go(
            Step.PRINTING,
            reason=verdict.reason,
            sessions=sessions,
            printing=True,
            progress=(0, 0),
            problem=None,
            problem_detail="",
        )
        self._job = self.printer.submit(work, label=f"kiosk badge {registration_id}")
        if self._work is not work:
            self._job = None  # a synchronous queue has already printed it

    def not_me(self) -> None:
        """The person said "This is not me": nothing was recorded; back to the start."""
        self.home()

    def retry_print(self) -> None:
        if self.step is not Step.PRINTING or self._job is None or self.visit.problem is None:
            return
        self._go(Step.PRINTING, printing=True, progress=(0, 0), problem=None, problem_detail="")
        try:
            self.printer.retry(self._job)
        except KioskError as exc:  # the queue refused (it was closed): say so as a failure
            self._go(
                Step.PRINTING, printing=False, problem=PrintProblem.OTHER, problem_detail=str(exc)
            )

    def skip_badge(self) -> None:
        """Go on to today's sessions without the badge (it waits at the desk)."""
        if self.step is Step.PRINTING and self.visit.problem is not None:
            self._job = None
            self._work = None
            self._go(Step.TODAY, badge=BadgeNote.SKIPPED, printing=False)

    def _is_current(self, job: PrintJob) -> bool:
        """News of this visit's badge (a job of an earlier visit finishes unheard)."""
        return job.work is self._work and self._work is not None and self.step is Step.PRINTING

    @Slot(object)
    def _print_started(self, job: PrintJob) -> None:
        if self._is_current(job):
            self._job = job
            self._go(Step.PRINTING, printing=True, progress=(0, 0))

    @Slot(object, int, int)
    def _print_progress(self, job: PrintJob, done: int, total: int) -> None:
        if self._is_current(job):
            self._go(Step.PRINTING, progress=(done, total))

    @Slot(object)
    def _print_finished(self, job: PrintJob) -> None:
        if not self._is_current(job):
            return
        self._job = None
        self._work = None
        result = job.result or {}
        note = BadgeNote.PRINTED if result.get("printer") else BadgeNote.NO_PRINTER
        self._go(Step.TODAY, printing=False, badge=note)
        self.announce.emit(note.value)

    @Slot(object)
    def _print_failed(self, job: PrintJob) -> None:
        if not self._is_current(job):
            return
        self._job = job
        problem = (self._work.problem if self._work is not None else None) or PrintProblem.OTHER
        self._go(Step.PRINTING, printing=False, problem=problem, problem_detail=job.message or "")
        self.announce.emit("print_failed")

    # -- the end of a visit ----------------------------------------------------------------------

    def done(self) -> None:
        """The person is finished: the next person finds a fresh kiosk."""
        self._end_visit(restore=True)

    def cancel(self) -> None:
        """Cancel: forget this visit entirely, defaults back, to the start."""
        self._end_visit(restore=True)

    def home(self) -> None:
        """To the start, still the same human: their language and display choices stay."""
        self._job = None
        self._work = None
        self.visit = Visit(
            chose_language=self.visit.chose_language, staff_called=self.visit.staff_called
        )
        self._go(Step.WELCOME)

    def idle_expired(self) -> None:
        """Nobody touched the kiosk for a long while (after a visible warning)."""
        self._end_visit(restore=True)

    def _end_visit(self, *, restore: bool, emit: bool = True) -> None:
        self._job = None  # a job still printing finishes; its news is ignored
        self._work = None
        self.visit = Visit()
        self.step = Step.WELCOME
        if restore:
            if self.prefs.large_text or self.prefs.high_contrast:
                self.prefs.reset()
            if self.languages.language != self.default_language:
                self.languages.use(self.default_language)
            if self.voice is not None:
                self.voice.reset()
        if emit:
            self.changed.emit()
