"""The Qt binding the app runs on must not leak references: a kiosk runs all day.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a Qt method that
returns nothing and to True on every signal emit, and the interpreter aborts once they reach
zero. pyproject.toml keeps PySide6 below 6.12; this test catches a regression on upgrade.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    fired = Signal()


def test_void_calls_and_emits_do_not_leak_references(qapp):
    obj = Emitter()
    none_before = sys.getrefcount(None)
    true_before = sys.getrefcount(True)
    for _ in range(500):
        obj.setObjectName("x")
        obj.fired.emit()
    assert none_before - sys.getrefcount(None) < 50
    assert true_before - sys.getrefcount(True) < 50
