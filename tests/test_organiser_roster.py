"""The roster tab: search over 100,000 people as you type, filters, the person page (badge
preview, reissue, cancel, badge name) and a walk-in registered, issued and printed in one step."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.gui.organiser.desk import DeskActions
from kiosk.gui.organiser.roster_model import RosterFilter, fold, load_roster
from kiosk.gui.organiser.roster_view import RosterView
from kiosk.gui.organiser.tasks import TaskRunner
from kiosk.gui.shell.context import AppContext, open_context
from kiosk.printing.queue import PrintQueue
from kiosk.services.checkins import CheckinService
from kiosk.services.issuing import issue_codes

BIG = 100_000


@pytest.fixture(scope="session")
def big_event(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 100,000-person synthetic event, imported once per test session (a few seconds)."""
    from kiosk.demo.synthetic import write_synthetic_event
    from kiosk.imports import run_import
    from kiosk.services.event import init_event

    folder = tmp_path_factory.mktemp("big-event")
    paths = write_synthetic_event(folder / "files", BIG)
    db = init_event(folder / "event.sqlite", "Synthetic Forum", "Asia/Seoul")
    for kind in ("programme", "roster", "invitations"):
        assert not run_import(db.conn, kind, paths[kind]).errors
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    return folder / "event.sqlite"


@pytest.fixture
def big_context(qapp: QApplication, big_event: Path, tmp_path: Path) -> Iterator[AppContext]:
    path = tmp_path / "event.sqlite"
    shutil.copyfile(big_event, path)
    ctx = open_context(qapp, path, "en")
    yield ctx
    ctx.conn.close()


@pytest.fixture
def context(qapp: QApplication, demo_dir: Path, tmp_path: Path) -> Iterator[AppContext]:
    """A small event: the demo forum's programme and roster."""
    from kiosk.imports import run_import
    from kiosk.services.event import init_event

    db = init_event(tmp_path / "event.sqlite", "Test Forum", "Asia/Seoul")
    for kind in ("programme", "roster", "invitations"):
        source = demo_dir / f"{kind}.csv"
        if source.exists():
            assert not run_import(db.conn, kind, source).errors
    db.conn.close()
    ctx = open_context(qapp, tmp_path / "event.sqlite", "en")
    yield ctx
    ctx.conn.close()


class FakePrinting:
    """Print work that records who was printed instead of talking to CUPS."""

    def __init__(self) -> None:
        self.printed: list[list[str]] = []

    def __call__(self, db_path: Path, registration_ids):  # type: ignore[no-untyped-def]
        ids = list(registration_ids)

        def work(progress, warn):  # type: ignore[no-untyped-def]
            self.printed.append(ids)
            return {"printed": len(ids), "failed": 0}

        return work


def make_view(qtbot, context: AppContext, printing: FakePrinting | None = None) -> RosterView:
    desk = DeskActions(
        context.conn,
        context.db_path,
        print_work=printing or FakePrinting(),
        queue=None if printing is None else None,
    )
    if printing is not None:
        desk.queue = PrintQueue(
            on_finished=desk._finished,
            on_failed=lambda job: desk.print_state.emit(job.label, "failed", job.message or ""),
            synchronous=True,
        )
    view = RosterView(context, desk, TaskRunner())
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.reload()
    return view


def brute_force(context: AppContext, query: str, category: str | None = None) -> set[str]:
    """The people a search must find, computed the slow obvious way."""
    from kiosk.core.names import display_name

    words = [fold(word) for word in query.split()]
    found = set()
    for rid, family, given, local, org, cat in context.conn.execute(
        "SELECT registration_id, family_name, given_name, name_local, organization, category "
        "FROM attendees"
    ):
        text = " ".join(
            fold(x or "") for x in (display_name(family, given) or local, local, rid, org)
        )
        if all(word in text for word in words) and (category is None or cat == category):
            found.add(rid)
    return found


@pytest.mark.slow
def test_roster_search_over_100000_people(qtbot, big_context: AppContext) -> None:
    view = make_view(qtbot, big_context)
    assert len(view.model.data_) == BIG
    assert view.model.rowCount() == BIG
    timings = []
    for character in "kim mi":
        started = time.perf_counter()
        QTest.keyClick(view.search, character)
        QApplication.processEvents()
        timings.append((time.perf_counter() - started) * 1000)
    shown = {view.model.registration_at(row) for row in range(view.model.rowCount())}
    assert shown == brute_force(big_context, "kim mi")
    assert 0 < len(shown) < BIG
    assert view.count.text().startswith(f"{len(shown):,} of 100,000")
    # Backspace widens again (from the cache of shorter queries).
    QTest.keyClick(view.search, Qt.Key.Key_Backspace)
    assert view.model.rowCount() == len(brute_force(big_context, "kim m"))
    # Hangul, accents and filters.
    view.search.setText("김")
    assert view.model.rowCount() == len(brute_force(big_context, "김"))
    view.search.setText("garcia")  # finds García
    assert view.model.rowCount() == len(brute_force(big_context, "garcía"))
    view.category.setCurrentIndex(view.category.findData("speaker"))
    speakers = brute_force(big_context, "garcia", "speaker")
    assert {view.model.registration_at(r) for r in range(view.model.rowCount())} == speakers
    view.search.clear()
    view.arrived.setCurrentIndex(view.arrived.findData(True))
    assert view.model.rowCount() == 0  # nobody has checked in yet
    print(f"keystroke to filtered view at 100,000 people (ms): {[round(t, 1) for t in timings]}")


@pytest.mark.slow
def test_roster_sorts_by_column(qtbot, big_context: AppContext) -> None:
    view = make_view(qtbot, big_context)
    view.search.setText("park")
    column = view.model.COLUMNS.index("registration_id")
    view.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    ids = [view.model.registration_at(row) for row in range(view.model.rowCount())]
    assert ids == sorted(ids, reverse=True) and len(ids) == len(brute_force(big_context, "park"))


def test_person_page_reissue_cancel_and_badge_name(qtbot, context: AppContext) -> None:
    printing = FakePrinting()
    view = make_view(qtbot, context, printing)
    rid = view.model.registration_at(0)
    assert rid is not None
    view.table.selectRow(0)
    page = view.person
    page.confirm = False
    assert page.record is not None and page.record.registration_id == rid
    qtbot.waitUntil(
        lambda: page.preview.pixmap() is not None and not page.preview.pixmap().isNull(),
        timeout=20_000,
    )
    # The preview wrote nothing (no code was issued just for looking).
    assert context.conn.execute(
        "SELECT code_version FROM attendees WHERE registration_id = ?", (rid,)
    ).fetchone() == (0,)

    code_1 = next(issue_codes(context.conn, [rid]))[1]
    page.reissue()
    assert page.record.code_version == 2
    service = CheckinService(context.conn)
    assert service.checkin(code_1).reason == "revoked"

    page.family.setText("Ødegård")
    page.given.setText("Søren")
    page.save_name.click()
    assert page.record.family_name == "Ødegård"
    row = view.model.row_of(rid)
    assert view.model.data(view.model.index(row, 0)) == "ØDEGÅRD Søren"
    view.search.setText("odegard")
    assert rid in {view.model.registration_at(r) for r in range(view.model.rowCount())}

    page.print_button.click()
    assert printing.printed == [[rid]]
    page.toggle_cancelled()
    assert page.record.cancelled and not page.print_button.isEnabled()
    assert context.conn.execute(
        "SELECT status FROM attendees WHERE registration_id = ?", (rid,)
    ).fetchone() == ("cancelled",)
    page.toggle_cancelled()
    assert not page.record.cancelled


def test_person_page_lists_tickets_by_type_without_their_secret(qtbot, context: AppContext) -> None:
    """Someone with a pass and a cancelled workshop ticket from pretix: the organiser sees both,
    and only the last four characters of each code (the code would let anyone in)."""
    from PySide6.QtWidgets import QLabel, QLineEdit

    from kiosk.store.database import transaction
    from kiosk.store.tickets import add_ticket

    view = make_view(qtbot, context, FakePrinting())
    rid = view.model.registration_at(0)
    assert rid is not None
    secret_pass, secret_workshop = "8ghu79j8ja5ysazczb4jvq5pk9gcnybg", "=Wk4Tq9Hs2Lp7Zx3Mb"
    with transaction(context.conn):
        add_ticket(context.conn, secret_pass, rid, ticket_type="Conference pass", source="pretix")
        add_ticket(context.conn, secret_workshop, rid, ticket_type="Workshop", status="cancelled")
    page = view.person
    page.show_person(rid)
    tickets = page.values["tickets"].text().splitlines()
    assert tickets == ["Conference pass ···nybg (valid)", "Workshop ···x3Mb (cancelled)"]
    assert page.captions["tickets"].text() == "Tickets"
    assert page.values["tickets"].accessibleName() == "Tickets"
    shown = [w.text() for w in page.findChildren(QLabel)]
    shown += [w.text() for w in page.findChildren(QLineEdit)]
    assert not any(secret_pass in text or secret_workshop in text for text in shown)
    assert not page.record.cancelled  # the pass is still valid


def test_walk_in_is_registered_issued_and_printed_in_one_step(qtbot, context: AppContext) -> None:
    printing = FakePrinting()
    view = make_view(qtbot, context, printing)
    dialog = view.open_walk_in()
    dialog.register()  # empty form: refused with the reason, nothing written
    assert dialog.isVisible() and "family name" in dialog.message.text()
    dialog.fields["family_name"].setText("Mbeki")
    dialog.fields["given_name"].setText("Amara")
    dialog.fields["organization"].setText("Ubuntu Rights Network")
    dialog.category.setCurrentIndex(dialog.category.findData("press"))
    dialog.email.setText("amara@example.org")
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    rid = dialog.registered
    assert rid is not None and rid.startswith("W-")
    row = context.conn.execute(
        "SELECT family_name, category, code_version, email_hash IS NOT NULL FROM attendees "
        "WHERE registration_id = ?",
        (rid,),
    ).fetchone()
    assert row == ("Mbeki", "press", 1, 1)
    assert printing.printed == [[rid]]
    assert view.selected_registration() == rid  # the new person's page is open
    assert view.person.record is not None and view.person.record.registration_id == rid


def test_load_roster_marks_who_checked_in(context: AppContext) -> None:
    rid = context.conn.execute(
        "SELECT registration_id FROM attendees WHERE status = 'registered' LIMIT 1"
    ).fetchone()[0]
    code = next(issue_codes(context.conn, [rid]))[1]
    CheckinService(context.conn).checkin(code)
    data = load_roster(context.conn)
    assert data.arrived[data.ids.index(rid)] == 1
    assert sum(data.arrived) == 1
    from kiosk.gui.organiser.roster_model import RosterIndex

    assert [data.ids[i] for i in RosterIndex(data).search(RosterFilter(arrived=True))] == [rid]
