"""Keyboard-wedge scanner input that works anywhere on the screen, without clicking a field.

A USB or Bluetooth barcode scanner in keyboard-wedge mode "types" the code and presses Enter.
`ScannerInput` is installed as an application-wide event filter and tells such a burst apart from
a person typing by timing alone: a run of keys with gaps of at most `max_gap_ms` (35 ms; people
type with gaps of about 100 ms and more), at least `min_length` characters long and ending in
Enter/Return, is a scan. It emits `scanned(code)` and no widget ever sees those keys.

How keys are held back (and why not "swallow once confirmed, then delete what was typed")
------------------------------------------------------------------------------------------
The first keys of a burst cannot be told apart from a person's keys when they arrive. Letting
them through and deleting them later would mean editing whatever widget happened to have focus
(undo stacks, validators, completers, ``textChanged`` handlers that already ran a look-up on the
half code). Instead every key that could begin or continue a burst is *held*: the filter consumes
the event and keeps a copy together with the object it was addressed to.

* If the run turns out to be typing, the held copies are replayed, in order, to their original
  receivers, so the focused field receives exactly the same key (and input-method) events, only
  up to `max_gap_ms` later. This happens when the next key comes after a longer gap, when the
  gap timer runs out, when Enter ends a run shorter than `min_length`, or on an auto-repeated
  key (a held-down key is a person; scanners never auto-repeat).
* Once a run has `min_length` keys at machine speed it is *confirmed*: held copies are discarded
  and nothing more of it is ever delivered. From then on gaps of up to `confirmed_gap_ms`
  (250 ms) keep it going, so a Bluetooth scanner's jitter, a scanner's pause before its Enter
  suffix or a short stall of the UI thread does not cut a code in two or let its Enter press a
  focused button. At Enter its cleaned characters are emitted; if it stops without Enter it is
  dropped (it is a machine, not a person, and a half code must not land in a field). Key
  releases of swallowed presses are swallowed too.

Only characters of the code alphabet (RFC 4648 Base32, A-Z 2-7) and of codes from other systems
([A-Za-z0-9_-], and `+/=` of pretix's signed tickets) make up a code; Hangul typed while the Korean
IME is on is mapped back to the keys with `kiosk.core.keyboard.keys_typed` (Caps Lock changes only
the case, which the code alphabet ignores; the text is emitted as typed, and
`kiosk.core.codes.normalise` makes this system's codes canonical while the ticket look-up undoes
Caps Lock for other systems' codes). Everything else inside a burst is dropped: control characters,
Tab, Escape and whole ANSI escape sequences such as ``ESC [ 2 J``, Ctrl/Alt/Meta combinations,
function keys. While a run is live, the filter also answers Qt's ShortcutOverride for every key, so
no QShortcut or QAction fires from inside a barcode; plain code characters are claimed even when
idle, because every code of this product begins with "A" and a bare-letter shortcut would fire on
each scan.

Known limits: a key that is not a code character (Escape, Ctrl+Q, F-keys) arriving as the very
*first* key, with nothing before it, is indistinguishable from a person's keypress and is
delivered normally, so screens must not bind irreversible actions to bare shortcuts. Bare-letter
shortcuts do not work while the filter is installed (claimed keys are replayed as plain key
events). Timing is measured when Qt processes each event: a stall of the UI thread longer than
`max_gap_ms` within a code's first `min_length` keys makes those keys look typed.

With a real input method the characters arrive as QInputMethodEvent (preedit and commit
strings), not as key presses; those events are timed, held and replayed the same way, and the
commit strings supply the characters.

The same code twice within two seconds is one scan (`Debouncer`, shared with the camera).

Misreads are said, not swallowed: `misread(reason)` is emitted when a run at machine speed did
not make a scan, so the screen can tell staff what happened instead of staying silent:

* ``MISREAD_TAB``: a run long enough to be a code ended with Tab instead of Enter (a scanner set
  up with the wrong suffix); the code is dropped, as before, but now with a message.
* ``MISREAD_NO_ENTER``: a run long enough to be a code stopped without any Enter.
* ``MISREAD_SHORT``: a few keys at machine speed ended with Enter, too short to be a code (a
  scanner reading a room number, or fast typing where no field takes it). The keys are still
  delivered as typing; `typing_lands_in_a_field` tells whether the focus could take them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

from kiosk.core.codes import MAX_CODE_LENGTH, normalise
from kiosk.core.keyboard import keys_typed

Clock = Callable[[], float]
"""A clock in milliseconds (only differences matter)."""

MAX_GAP_MS = 35.0
CONFIRMED_GAP_MS = 250.0
MIN_LENGTH = 6
DEBOUNCE_MS = 2000.0
# identify() accepts texts up to this length; longer bursts are garbage and are dropped.
MAX_LENGTH = MAX_CODE_LENGTH * 4
# Releases of keys whose press was swallowed are swallowed for this long after the scan.
_ORPHAN_RELEASE_MS = 1000.0

CODE_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=")
"""What a scanned code may consist of: Base32 (A-Z 2-7, either case), other systems' ids, and
pretix's signed tickets (Base64 written backwards, so `=` may come first, with `+` and `/`)."""

_ESC = "\x1b"
_CSI_8BIT = "\x9b"
_CONTROL_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
# A scanner whose suffix is a line feed (or a tool typing "\n") sends a key whose text is LF.
_LINE_ENDS = frozenset({"\r", "\n"})


def _is_enter(event: QKeyEvent) -> bool:
    """Enter, Return or a line end: what ends a scanned code."""
    return event.key() in _ENTER_KEYS or event.text() in _LINE_ENDS


_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_Mode_switch,
        # Hangul/English toggle: pressed by people, never part of a code.
        Qt.Key.Key_Hangul,
    }
)
_KEY_PRESS = QEvent.Type.KeyPress
_KEY_RELEASE = QEvent.Type.KeyRelease
_SHORTCUT_OVERRIDE = QEvent.Type.ShortcutOverride
_INPUT_METHOD = QEvent.Type.InputMethod
_WATCHED_TYPES = frozenset({_KEY_PRESS, _KEY_RELEASE, _SHORTCUT_OVERRIDE, _INPUT_METHOD})


MISREAD_TAB = "tab"
MISREAD_NO_ENTER = "no_enter"
MISREAD_SHORT = "short"
# Keys at machine speed, ended by Enter, that make a "short" misread (one key and Enter is a
# person pressing two keys quickly).
_SHORT_RUN_KEYS = 2


def typing_lands_in_a_field() -> bool:
    """True when the focused widget takes typed text (a line edit, text box or spin box)."""
    focus = QApplication.focusWidget()
    if isinstance(focus, QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit):
        return not focus.isReadOnly()
    return False


def monotonic_ms() -> float:
    """The default clock: monotonic milliseconds."""
    return time.monotonic_ns() / 1_000_000


class Debouncer:
    """Lets a code through at most once per `window_ms`: one scan, not three, per badge.

    With `extend_on_repeat` every sighting (accepted or not) restarts the window, so a code held
    in front of a camera, decoded many times a second, is one scan until it has been out of view
    for `window_ms`. Without it (the wedge scanner) the window runs from the last accepted scan.
    Codes are compared in canonical form (Caps Lock and IME spellings are the same code) and
    are forgotten once their window has passed.
    """

    def __init__(
        self,
        window_ms: float = DEBOUNCE_MS,
        clock: Clock | None = None,
        *,
        extend_on_repeat: bool = False,
    ) -> None:
        self.window_ms = window_ms
        self._clock = clock or monotonic_ms
        self._extend = extend_on_repeat
        self._seen: dict[str, float] = {}

    def accept(self, code: str) -> bool:
        """True when `code` is a new scan; False for a repeat inside the window."""
        now = self._clock()
        self._seen = {k: t for k, t in self._seen.items() if now - t < self.window_ms}
        key = normalise(code)
        if key in self._seen:
            if self._extend:
                self._seen[key] = now
            return False
        self._seen[key] = now
        return True

    def reset(self) -> None:
        """Forget every code (e.g. when the door changes session)."""
        self._seen.clear()


class CodeCleaner:
    """Keeps only code characters from typed text; drops controls and whole escape sequences.

    Stateful, because a barcode's ``ESC [ 2 J`` arrives as four key presses: after ESC (or the
    8-bit CSI) a '[' opens a control sequence whose parameter and intermediate bytes and final
    byte (which may be a letter) are all dropped, so none of it leaks into the code.
    """

    _NORMAL, _AFTER_ESC, _IN_CSI = range(3)

    def __init__(self) -> None:
        self._state = self._NORMAL

    def feed(self, text: str) -> str:
        """The code characters of `text` (Hangul mapped back to keys)."""
        out: list[str] = []
        for char in keys_typed(text):
            if self._state == self._AFTER_ESC:
                self._state = self._NORMAL
                if char == "[":
                    self._state = self._IN_CSI
                    continue
            elif self._state == self._IN_CSI:
                code = ord(char)
                if 0x20 <= code <= 0x3F:
                    continue
                self._state = self._NORMAL
                if 0x40 <= code <= 0x7E:
                    continue
            if char == _ESC:
                self._state = self._AFTER_ESC
            elif char == _CSI_8BIT:
                self._state = self._IN_CSI
            elif char in CODE_CHARACTERS:
                out.append(char)
        return "".join(out)


def clean_text(text: str) -> str:
    """A whole scanned text reduced to code characters, exactly as a burst would be."""
    return CodeCleaner().feed(text)


def _has_code_character(text: str) -> bool:
    return any(char in CODE_CHARACTERS for char in keys_typed(text))


def _key_text(event: QKeyEvent) -> str:
    """What a key press contributes to a burst: its text, or a control character.

    Ctrl/Alt/Meta combinations and keys without text (arrows, F-keys) give NUL, which the
    cleaner drops: they can never add a character to a code.
    """
    if event.modifiers() & _CONTROL_MODIFIERS:
        return "\x00"
    text = event.text()
    if text:
        return text
    key = event.key()
    if key == Qt.Key.Key_Escape:
        return _ESC
    if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        return "\t"
    return "\x00"


def _is_plain_code_key(event: QKeyEvent) -> bool:
    """A key that can begin a burst: no Ctrl/Alt/Meta, and it types a code character."""
    return not event.modifiers() & _CONTROL_MODIFIERS and _has_code_character(event.text())


@dataclass
class _Burst:
    """A run of keys at machine speed, still being recognised."""

    last_ms: float
    min_length: int
    keys: int = 0
    chars: list[str] = field(default_factory=list)
    cleaner: CodeCleaner = field(default_factory=CodeCleaner)
    # Copies of the consumed events and their receivers, replayed if this is a person typing.
    held: list[tuple[QObject, QEvent]] = field(default_factory=list)
    # Keys pressed and not yet released inside the burst.
    down: dict[int, int] = field(default_factory=dict)
    length: int = 0
    ended_with_tab: bool = False

    @property
    def confirmed(self) -> bool:
        """Enough keys at machine speed: no person types like this; never replayed."""
        return self.keys >= self.min_length

    def add_key(self, now: float, text: str) -> None:
        self.last_ms = now
        self.keys += 1
        self.ended_with_tab = text == "\t"
        cleaned = self.cleaner.feed(text)
        self.length += len(cleaned)
        if self.length <= MAX_LENGTH:
            self.chars.append(cleaned)
        if self.confirmed:
            self.held.clear()

    def hold(self, receiver: QObject, event: QEvent) -> None:
        if not self.confirmed:
            self.held.append((receiver, event.clone()))


class ScannerInput(QObject):
    """Recognises keyboard-wedge scans anywhere in the application; emits `scanned(code)`.

    See the module docstring for how keys are held back and replayed. `clock` returns
    milliseconds and can be injected so tests simulate timing without sleeping.
    """

    scanned = Signal(str)
    misread = Signal(str)  # MISREAD_TAB, MISREAD_NO_ENTER or MISREAD_SHORT

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_gap_ms: float = MAX_GAP_MS,
        confirmed_gap_ms: float = CONFIRMED_GAP_MS,
        min_length: int = MIN_LENGTH,
        debounce_ms: float = DEBOUNCE_MS,
        max_length: int = MAX_LENGTH,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.max_gap_ms = max_gap_ms
        self.confirmed_gap_ms = max(confirmed_gap_ms, max_gap_ms)
        self.min_length = min_length
        self.max_length = max_length
        self._clock = clock or monotonic_ms
        self.debouncer = Debouncer(debounce_ms, self._clock)
        self._burst: _Burst | None = None
        self._orphans: dict[int, float] = {}  # key -> when its press was swallowed
        self._replaying: set[int] = set()  # C++ addresses of events being replayed
        self._eat_enter_at: float | None = None  # an Enter to swallow (see _end_short_run)
        self._enabled = True
        self._app: QCoreApplication | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_gap_timer)

    # -- installation -------------------------------------------------------------------------

    def install(self, app: QCoreApplication | None = None) -> None:
        """Watch every key event of the application (the running one by default)."""
        app = app or QCoreApplication.instance()
        if app is None:
            raise RuntimeError("ScannerInput.install needs a running QApplication")
        if self._app is not None:
            self.uninstall()
        app.installEventFilter(self)
        self._app = app

    def uninstall(self) -> None:
        """Stop watching; a run still being recognised is delivered as typing."""
        self._deliver_as_typing()
        if self._app is not None and shiboken6.isValid(self._app):
            self._app.removeEventFilter(self)
        self._app = None

    @property
    def pending(self) -> bool:
        """True while a run of keys is still being recognised (held or being swallowed)."""
        return self._burst is not None

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Pause recognition (every key passes untouched) or resume it."""
        if not enabled:
            self._deliver_as_typing()
        self._enabled = enabled

    # -- the filter ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        event_type = event.type()
        if event_type not in _WATCHED_TYPES or not self._enabled:
            return False
        if self._replaying and shiboken6.getCppPointer(event)[0] in self._replaying:
            return False
        now = self._clock()
        burst = self._burst
        if burst is not None and now - burst.last_ms > self._gap_limit(burst):
            self._on_gap(burst)
        if event_type == _INPUT_METHOD:
            assert isinstance(event, QInputMethodEvent)
            return self._input_method(watched, event, now)
        assert isinstance(event, QKeyEvent)
        if event_type == _KEY_PRESS:
            return self._press(watched, event, now)
        if event_type == _KEY_RELEASE:
            return self._release(watched, event, now)
        return self._shortcut_override(event)

    def _end_short_run(self, burst: _Burst, now: float) -> bool:
        """Enter after a run too short for a code: the keys are delivered as typing. When the
        run came at scanner speed and the focus is not a field that takes text, the Enter is
        held back too (a short barcode must not press the focused button) and a misread is
        reported; True when the Enter is to be swallowed."""
        short = burst.keys >= _SHORT_RUN_KEYS
        self._deliver_as_typing()
        if not short or typing_lands_in_a_field():
            return False
        self._eat_enter_at = now
        self.misread.emit(MISREAD_SHORT)
        return True

    def _press(self, watched: QObject, event: QKeyEvent, now: float) -> bool:
        key = event.key()
        if self._eat_enter_at is not None and _is_enter(event):
            # The key press of an Enter already claimed at its ShortcutOverride.
            recent = now - self._eat_enter_at <= self.confirmed_gap_ms
            self._eat_enter_at = None
            if recent:
                self._orphans[int(key)] = now
                return self._consume(event)
        self._eat_enter_at = None
        burst = self._burst
        if event.isAutoRepeat():
            # A held-down key: a person. Anything held so far was typing too.
            self._deliver_as_typing()
            return False
        if _is_enter(event) and not event.modifiers() & _CONTROL_MODIFIERS:
            if burst is None:
                return False
            if burst.confirmed:
                self._orphans[int(key)] = now
                self._finish(burst, now)
                return self._consume(event)
            if self._end_short_run(burst, now):
                self._orphans[int(key)] = now
                return self._consume(event)
            return False
        if key in _MODIFIER_KEYS:
            if burst is None:
                return False
            burst.hold(watched, event)
            self._note_down(burst, int(key))
            return self._consume(event)
        if burst is None:
            if not _is_plain_code_key(event):
                return False
            burst = self._burst = _Burst(now, self.min_length)
        burst.add_key(now, _key_text(event))
        burst.hold(watched, event)
        self._note_down(burst, int(key))
        self._arm_timer()
        return self._consume(event)

    def _release(self, watched: QObject, event: QKeyEvent, now: float) -> bool:
        key = int(event.key())
        burst = self._burst
        if burst is not None:
            burst.hold(watched, event)
            if burst.down.get(key):
                burst.down[key] -= 1
            return self._consume(event)
        self._orphans = {k: t for k, t in self._orphans.items() if now - t < _ORPHAN_RELEASE_MS}
        if self._orphans.pop(key, None) is not None:
            return self._consume(event)
        return False

    def _shortcut_override(self, event: QKeyEvent) -> bool:
        """Qt asks whether the focus wants this key before trying shortcuts: claim it when the
        key may belong to a scan, so a barcode cannot trigger a QShortcut or QAction."""
        burst = self._burst
        if burst is not None:
            if _is_enter(event) and not burst.confirmed:
                # Enter ends this run as typing: deliver it now, then Enter behaves normally
                # (unless it ends a short run at scanner speed outside a field: see below).
                if self._end_short_run(burst, self._clock()):
                    return self._consume(event)
                return False
            return self._consume(event)
        if _is_plain_code_key(event) and not event.isAutoRepeat():
            return self._consume(event)
        return False

    def _input_method(self, watched: QObject, event: QInputMethodEvent, now: float) -> bool:
        commit = event.commitString()
        preedit = event.preeditString()
        burst = self._burst
        if not commit and not preedit:
            # An input-method reset, not a key: keep it in order if a run is being held.
            if burst is None:
                return False
            burst.hold(watched, event)
            return self._consume(event)
        if burst is None:
            if not _has_code_character(commit + preedit):
                return False
            burst = self._burst = _Burst(now, self.min_length)
        burst.add_key(now, commit)
        burst.hold(watched, event)
        self._arm_timer()
        return self._consume(event)

    # -- resolving a run ----------------------------------------------------------------------

    @staticmethod
    def _consume(event: QEvent) -> bool:
        # Accepted, so Qt stops propagating it to parents (and a ShortcutOverride that is
        # accepted means "the focus wants this key": no shortcut fires).
        event.accept()
        return True

    @staticmethod
    def _note_down(burst: _Burst, key: int) -> None:
        burst.down[key] = burst.down.get(key, 0) + 1

    def _gap_limit(self, burst: _Burst) -> float:
        return self.confirmed_gap_ms if burst.confirmed else self.max_gap_ms

    def _arm_timer(self) -> None:
        if self._burst is not None:
            self._timer.start(max(1, int(self._gap_limit(self._burst)) + 1))

    def _on_gap_timer(self) -> None:
        burst = self._burst
        if burst is None:
            return
        waited = self._clock() - burst.last_ms
        limit = self._gap_limit(burst)
        if waited > limit:
            self._on_gap(burst)
        else:
            self._timer.start(max(1, int(limit - waited) + 1))

    def _on_gap(self, burst: _Burst) -> None:
        """The run stopped without Enter: typing is delivered, a machine's run is dropped."""
        if burst.confirmed:
            now = self._clock()
            self._burst = None
            self._timer.stop()
            self._orphans.update(dict.fromkeys((k for k, n in burst.down.items() if n > 0), now))
            self.misread.emit(MISREAD_TAB if burst.ended_with_tab else MISREAD_NO_ENTER)
        else:
            self._deliver_as_typing()

    def _deliver_as_typing(self) -> None:
        """Replay a held run to its receivers, in order, exactly as it arrived."""
        burst = self._burst
        self._burst = None
        self._timer.stop()
        if burst is None or not burst.held:
            return
        for receiver, event in burst.held:
            if not shiboken6.isValid(receiver):
                continue
            address = shiboken6.getCppPointer(event)[0]
            self._replaying.add(address)
            try:
                QCoreApplication.sendEvent(receiver, event)
            finally:
                self._replaying.discard(address)

    def _finish(self, burst: _Burst, now: float) -> None:
        """Enter after a confirmed run: emit its code (once per debounce window)."""
        self._burst = None
        self._timer.stop()
        self._orphans.update(dict.fromkeys((k for k, n in burst.down.items() if n > 0), now))
        code = "".join(burst.chars)
        if burst.length > self.max_length or len(code) < self.min_length:
            return
        if self.debouncer.accept(code):
            self.scanned.emit(code)
