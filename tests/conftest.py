"""Shared fixtures: every test gets its own real SQLite event database in a temporary folder;
the real pretix (tests/pretix_fixture.py) starts in the background when a selected test needs it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KIOSK_SPEECH_ENGINE", "mock")  # speech-dispatcher blocks without audio

PROJECT = Path(__file__).resolve().parent.parent
DEMO_DIR = PROJECT / "data" / "whrcf2019"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a new event database (not created yet)."""
    return tmp_path / "event.sqlite"


@pytest.fixture
def event_db(db_path: Path):
    """A freshly initialised, empty event in Asia/Seoul; yields the sqlite-utils Database."""
    from kiosk.services.event import init_event

    db = init_event(db_path, "Test Forum", "Asia/Seoul")
    yield db
    db.conn.close()


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return DEMO_DIR


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the real pretix (tests/pretix_fixture.py) in the background as soon as a selected
    test needs it: its minutes of pip and migrate then pass while the other tests run."""
    if session.config.option.collectonly:
        return
    if any("pretix" in getattr(item, "fixturenames", ()) for item in session.items):
        import pretix_fixture

        pretix_fixture.start_early()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Stop the background pretix, also when no test came to use it (-x, Ctrl-C)."""
    fixture = sys.modules.get("pretix_fixture")
    if fixture is not None:
        fixture.stop_early()


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_teardown(item: pytest.Item):  # type: ignore[no-untyped-def]
    """After a test's fixtures are gone, the windows pytest-qt closed (deleteLater) are deleted
    for real: a screen left alive past its closed database would otherwise answer a later
    test's language switch by reading that database."""
    yield
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None and widgets.QApplication.instance() is not None:
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
