"""Idle watch: warn before a kiosk left alone returns to the start, and let one press extend.

The kiosk never rushes a person: a step only ends by itself after IDLE_MS without any input, and
a visible warning with a "More time" button comes WARNING_MS before that (at least 20 s ahead).
Any key, click or touch on the screen counts as input and starts the wait again.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QDeadlineTimer, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

IDLE_MS = 120_000  # no time limit under 120 s (Korean kiosk criteria)
WARNING_MS = 30_000  # at least 20 s of warning, seen and (with voice guidance) heard

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.Wheel,
        QEvent.Type.InputMethod,
    }
)


class IdleWatch(QObject):
    """Counts down while armed; `warned` WARNING_MS before `expired`; `poke()` restarts it."""

    warned = Signal()
    tick = Signal(int)  # whole seconds left while the warning shows
    cleared = Signal()  # the warning went away (input, or disarmed)
    expired = Signal()

    def __init__(
        self, idle_ms: int = IDLE_MS, warning_ms: int = WARNING_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        if not 0 < warning_ms < idle_ms:
            raise ValueError("the warning must come after the start and before the end")
        self.idle_ms = idle_ms
        self.warning_ms = warning_ms
        self.armed = False
        self.warning = False
        self._deadline = QDeadlineTimer()
        self._warn_timer = self._single_shot(idle_ms - warning_ms, self._warn)
        self._end_timer = self._single_shot(idle_ms, self._expire)
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(min(1000, warning_ms))
        self._tick_timer.timeout.connect(self._tick)

    def _single_shot(self, interval: int, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    def set_armed(self, armed: bool) -> None:
        """Watch (something of a person is on the screen) or stop watching.

        Arming starts the wait; arming again changes nothing (only input restarts it)."""
        if armed and not self.armed:
            self.armed = True
            self.poke()
        elif not armed and self.armed:
            self.armed = False
            self._stop()

    def poke(self) -> None:
        """Input happened: the wait starts again and a warning showing goes away."""
        if not self.armed:
            return
        self._stop()
        self._deadline = QDeadlineTimer(self.idle_ms)
        self._warn_timer.start()
        self._end_timer.start()

    def seconds_left(self) -> int:
        return max(0, math.ceil(self._deadline.remainingTime() / 1000))

    def _stop(self) -> None:
        self._warn_timer.stop()
        self._end_timer.stop()
        self._tick_timer.stop()
        if self.warning:
            self.warning = False
            self.cleared.emit()

    def _warn(self) -> None:
        self.warning = True
        self.warned.emit()
        self.tick.emit(self.seconds_left())
        self._tick_timer.start()

    def _tick(self) -> None:
        self.tick.emit(self.seconds_left())

    def _expire(self) -> None:
        self.armed = False
        self._stop()
        self.expired.emit()


class ActivityFilter(QObject):
    """An application-wide event filter that pokes the watch on input aimed at one screen."""

    def __init__(self, screen: QWidget, watch: IdleWatch) -> None:
        super().__init__(screen)
        self._screen = screen
        self._watch = watch

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._watch.armed
            and event.type() in _INPUT_EVENTS
            and isinstance(watched, QWidget)
            and (watched is self._screen or self._screen.isAncestorOf(watched))
        ):
            self._watch.poke()
        return False
