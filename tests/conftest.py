"""Shared fixtures: every test gets its own real SQLite event database in a temporary folder."""

from __future__ import annotations

import os
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
