"""Printing badges: the CUPS clients' output read right, clear messages for every printer problem,
a print queue that never blocks and keeps failed jobs for a retry, every print logged, reprints
warned, and real print jobs through CUPS's cups-pdf printer that keep the badge's page size and
text.

Most tests talk to a fake CUPS (tests/printing_fixtures.py) so they run anywhere; the real print
jobs start CUPS with scripts/start-cups and are skipped, with the reason, where it cannot run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kiosk_command import kiosk
from printing_fixtures import FakeCups, RealCups

from builders import add_person
from kiosk.badges.layouts import load_layout
from kiosk.cli.main import main
from kiosk.core.model import CodeStatus
from kiosk.core.names import display_name
from kiosk.errors import KioskError
from kiosk.printing import cups
from kiosk.printing.cups import (
    CupsUnavailable,
    JobFailed,
    PrinterMissing,
    PrinterNotReady,
    PrintError,
    describe_problem,
    media_options,
    parse_accepting,
    parse_default,
    parse_ipptool_job_state,
    parse_job_ids,
    parse_printers,
)
from kiosk.printing.queue import PrintJob, PrintQueue
from kiosk.services.badge_printing import (
    badge_print_history,
    badge_print_work,
    list_printers_json,
    print_badges,
    use_printer,
)
from kiosk.services.event import load_event
from kiosk.services.identify import identify
from kiosk.services.issuing import issue_codes
from kiosk.store.database import transaction
from kiosk.store.settings import get_setting

PEOPLE = {
    "R-0001": ("García", "Jean", None),
    "R-0002": ("KIM", "Minji", "김민지"),
    "R-0003": ("NGUYỄN", "Thị Minh", None),
}

# --- captured CUPS 2.4 output (Debian 12, LC_ALL=C) ---------------------------------------------

LPSTAT_LONG = """printer PDF is idle.  enabled since Sun Nov 22 01:37:58 2026
\tForm mounted:
\tContent types: any
\tPrinter types: unknown
\tDescription: PDF
\tAlerts: none
\tLocation:\x20
\tConnection: direct
\tInterface: /etc/cups/ppd/PDF.ppd
\tOn fault: no alert
\tAfter fault: continue
\tUsers allowed:
\t\t(all)
\tForms allowed:
\t\t(none)
\tBanner required
\tCharset sets:
\t\t(none)
\tDefault pitch:
\tDefault page size:
\tDefault port settings:
printer Second disabled since Sun Nov 22 01:37:58 2026 -
\tOut of labels
\tForm mounted:
\tContent types: any
\tPrinter types: unknown
\tDescription: Second
\tAlerts: paused
\tLocation:\x20
\tConnection: direct
\tInterface: /etc/cups/ppd/Second.ppd
"""
LPSTAT_ACCEPTING = """PDF accepting requests since Sun Nov 22 01:37:58 2026
Second not accepting requests since Sun Nov 22 01:37:58 2026 -
\tOut of labels
"""
LPSTAT_DEFAULT = "system default destination: PDF\n"


def test_lpstat_long_listing_gives_each_printer_its_state():
    printers = parse_printers(LPSTAT_LONG, LPSTAT_ACCEPTING, LPSTAT_DEFAULT)
    assert [p.name for p in printers] == ["PDF", "Second"]
    pdf, second = printers
    assert (pdf.state, pdf.reasons, pdf.is_default, pdf.accepting, pdf.message) == (
        "idle",
        [],
        True,
        True,
        "",
    )
    assert pdf.ready
    assert (second.state, second.reasons, second.enabled, second.accepting) == (
        "paused",
        ["paused"],
        False,
        False,
    )
    assert second.message == "Out of labels"
    assert not second.is_default
    assert describe_problem(second) == (
        "printer 'Second' is paused (Out of labels): resume it (`cupsenable Second`), then retry"
    )
    assert describe_problem(pdf) is None


def test_short_listing_of_a_paused_and_a_printing_printer():
    text = (
        "printer X disabled since Sun Nov 22 01:37:29 2026 -\n\tPaused\n"
        "printer PDF now printing PDF-19.  enabled since Sun Nov 22 01:37:58 2026\n"
    )
    paused, busy = parse_printers(text)
    assert (paused.name, paused.state, paused.message) == ("X", "paused", "Paused")
    assert describe_problem(paused) == (
        "printer 'X' is paused: resume it (`cupsenable X`), then retry"
    )
    assert (busy.state, busy.job, busy.ready) == ("printing", "PDF-19", True)


def test_media_alerts_mean_out_of_paper_even_while_enabled():
    text = (
        "printer Labels now printing Labels-7.  enabled since Mon Sep 30 09:00:00 2019\n"
        "\tMedia empty; load labels\n"
        "\tAlerts: media-empty-error media-needed-warning\n"
        "printer Cards is idle.  enabled since Mon Sep 30 09:00:00 2019\n"
        "\tAlerts: media-jam-error\n"
        "printer Net is idle.  enabled since Mon Sep 30 09:00:00 2019\n"
        "\tAlerts: offline-report\n"
        "printer Odd is idle.  enabled since Mon Sep 30 09:00:00 2019\n"
        "\tAlerts: cover-open-error cups-missing-filter-warning\n"
        "printer Fine is idle.  enabled since Mon Sep 30 09:00:00 2019\n"
        "\tAlerts: cups-insecure-filter-warning\n"
    )
    labels, cards, net, odd, fine = parse_printers(text)
    assert labels.state == "out_of_paper"
    assert labels.reasons == ["media-empty-error", "media-needed-warning"]
    assert describe_problem(labels) == (
        "printer 'Labels' is out of paper (Media empty; load labels): "
        "load paper or labels, then retry"
    )
    assert cards.state == "paper_jam"
    assert net.state == "offline"
    assert odd.state == "error"
    assert "cover-open-error" in (describe_problem(odd) or "")
    assert fine.state == "idle"


def test_odd_lpstat_output_is_skipped_not_a_crash():
    text = (
        "lpstat: No destinations added.\n"
        "\tstray indented line\n"
        "printer Sleepy is dozing.  enabled since whenever\n"
        "\tAlerts:\n"
        "garbage line\n"
        "\tAlerts: media-empty-error\n"
        "printer\n"
        "printer Short\n"
    )
    sleepy, short = parse_printers(text, "nonsense\n", "no system default destination\n")
    assert (sleepy.name, sleepy.state, sleepy.reasons) == ("Sleepy", "unknown", [])
    assert short.state == "unknown"
    assert parse_printers("") == []
    assert parse_default("no system default destination\n") is None
    assert parse_accepting("") == {}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*LPSTAT_LONG.splitlines(), "", "\t", "printer "]) | st.text()))
def test_no_lpstat_output_crashes_the_parser(lines):
    text = "\n".join(lines)
    for printer in parse_printers(text, text, text):
        assert printer.state in {
            "idle", "printing", "paused", "rejecting", "out_of_paper", "paper_jam", "offline",
            "error", "unknown",
        }  # fmt: skip


def test_job_listings_and_ipptool_answers():
    listing = (
        "PDF-12                  root              2048   Sun Nov 22 01:37:15 2026\n"
        "\tStatus: \n\tAlerts: processing-to-stop-point\n\tqueued for PDF\n"
        "Label-Printer_2-3       root              1024   Sun Nov 22 01:37:15 2026\n"
        "lpstat: something odd\n"
    )
    assert parse_job_ids(listing) == ["PDF-12", "Label-Printer_2-3"]
    assert parse_ipptool_job_state("job-state,job-state-reasons\ncompleted,none\n") == "completed"
    assert parse_ipptool_job_state('job-state,job-state-reasons\ncanceled,"a,b"\n') == "cancelled"
    assert parse_ipptool_job_state("job-state\nprocessing-stopped\n") == "stopped"
    assert parse_ipptool_job_state("job-state\npending-held\n") == "held"
    assert parse_ipptool_job_state("job-state\nsomething-new\n") == "unknown"
    assert parse_ipptool_job_state("Job #99 does not exist.") is None
    assert parse_ipptool_job_state("") is None


def test_the_layout_page_size_goes_to_the_printer():
    assert media_options((85.6, 54.0)) == [
        "-o", "media=Custom.85.6x54mm", "-o", "PageSize=Custom.85.6x54mm",
        "-o", "print-scaling=none",
    ]  # fmt: skip
    assert media_options((101.6, 76.2))[1] == "media=Custom.101.6x76.2mm"
    assert media_options((105.0, 148.0)) == ["-o", "media=iso_a6_105x148mm", "-o",
                                             "print-scaling=none"]  # fmt: skip
    assert media_options((210, 297))[1] == "media=iso_a4_210x297mm"
    with pytest.raises(PrintError):
        media_options((0, 54))


# --- with a fake CUPS ------------------------------------------------------------------------


@pytest.fixture
def fake_cups() -> Iterator[FakeCups]:
    fake = FakeCups("PDF", "Labels")
    previous = cups.set_runner(fake)
    yield fake
    cups.set_runner(previous)


@pytest.fixture
def conn(event_db):
    """The test event with three people (one with a Hangul name)."""
    connection = event_db.conn
    for rid, (family, given_name, local) in PEOPLE.items():
        add_person(connection, rid, family=family, given=given_name)
        if local:
            with transaction(connection):
                connection.execute(
                    "UPDATE attendees SET name_local = ? WHERE registration_id = ?", (local, rid)
                )
    return connection


def log_rows(connection) -> list[tuple]:
    return connection.execute(
        "SELECT registration_id, code_version, device, printer, layout, job, status, message "
        "FROM badge_prints ORDER BY id"
    ).fetchall()


def test_a_badge_print_is_sent_at_its_page_size_and_logged(fake_cups, conn):
    result = print_badges(conn, ["R-0001"], printer="PDF", device="kiosk-1")
    (job,) = fake_cups.jobs.values()
    assert result == {
        "printer": "PDF",
        "layout": "cr80",
        "device": "kiosk-1",
        "badges": 1,
        "pages": 1,
        "printed": 1,
        "failed": 0,
        "reprints": 0,
        "jobs": [{"job": job.id, "status": "printed", "badges": 1, "message": None}],
    }
    assert job.state == "completed"
    assert job.title == "badge R-0001"
    assert "media=Custom.85.6x54mm" in job.options
    assert "PageSize=Custom.85.6x54mm" in job.options
    assert job.pdf.startswith(b"%PDF")
    assert log_rows(conn) == [("R-0001", 1, "kiosk-1", "PDF", "cr80", job.id, "printed", None)]


def test_a_batch_is_one_job_of_one_file_and_every_badge_is_logged(fake_cups, conn):
    progress: list[tuple[int, int]] = []
    result = print_badges(
        conn,
        None,
        printer="Labels",
        layout="a4-sheet",
        progress=lambda d, t: progress.append((d, t)),
    )
    assert (result["badges"], result["pages"], result["printed"], result["layout"]) == (
        3, 1, 3, "a4-sheet"
    )  # fmt: skip
    (job,) = fake_cups.jobs.values()
    assert "media=iso_a4_210x297mm" in job.options
    assert progress[-1] == (3, 3)
    device = load_event(conn).device
    assert [row[:7] for row in log_rows(conn)] == [
        (rid, 1, device, "Labels", "a4-sheet", job.id, "printed") for rid in sorted(PEOPLE)
    ]


def test_reprinting_warns_and_counts_and_the_history_shows_every_print(fake_cups, conn):
    warnings: list[str] = []
    first = print_badges(conn, ["R-0001"], printer="PDF", warn=warnings.append, device="k1")
    assert first["reprints"] == 0 and warnings == []
    again = print_badges(conn, ["R-0001", "R-0002"], printer="PDF", warn=warnings.append)
    assert again["reprints"] == 1
    assert len(warnings) == 1
    assert re.fullmatch(
        r"R-0001 already has a printed badge \(\d{4}-\d\d-\d\d \d\d:\d\d\); printing again",
        warnings[0],
    ), warnings
    history = badge_print_history(conn, "R-0001")
    assert [(h["device"], h["status"], h["job"]) for h in history] == [
        ("k1", "printed", first["jobs"][0]["job"]),
        (load_event(conn).device, "printed", again["jobs"][0]["job"]),
    ]
    assert history[0]["at"].endswith("+09:00")
    assert badge_print_history(conn, "R-0003") == []


def test_a_failed_print_is_not_a_printed_badge(fake_cups, conn):
    fake_cups.printers["PDF"].abort = True
    result = print_badges(conn, ["R-0001"], printer="PDF")
    assert (result["printed"], result["failed"]) == (0, 1)
    message = result["jobs"][0]["message"]
    assert message == f"print job {result['jobs'][0]['job']} on printer 'PDF' was aborted by the " \
        "print system"  # fmt: skip
    assert log_rows(conn)[0][6:] == ("failed", message)
    fake_cups.printers["PDF"].abort = False
    warnings: list[str] = []
    assert print_badges(conn, ["R-0001"], printer="PDF", warn=warnings.append)["reprints"] == 0
    assert warnings == []


def qr_code_in(pdf: bytes, folder: Path) -> str:
    """The text of the QR code on the first page, read back from pixels."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    import zxingcpp
    from PIL import Image

    (folder / "job.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "300", "-png", "-singlefile", str(folder / "job.pdf"),
         str(folder / "page")],
        check=True,
    )  # fmt: skip
    found = zxingcpp.read_barcodes(Image.open(folder / "page.png"))
    assert len(found) == 1, found
    return str(found[0].text)


def test_a_reissue_then_print_prints_the_new_code(fake_cups, conn, tmp_path):
    print_badges(conn, ["R-0002"], printer="PDF")
    old_job = fake_cups.jobs[1]
    old_code = qr_code_in(old_job.pdf, tmp_path)
    new_code = dict(issue_codes(conn, ["R-0002"], reissue=True))["R-0002"]
    assert new_code != old_code
    print_badges(conn, ["R-0002"], printer="PDF")
    assert qr_code_in(fake_cups.jobs[2].pdf, tmp_path) == new_code
    assert [row[1] for row in log_rows(conn)] == [1, 2]
    event = load_event(conn)
    assert identify(conn, event, old_code).status is CodeStatus.REVOKED
    assert identify(conn, event, new_code).status is CodeStatus.VALID


def test_a_missing_printer_is_refused_with_the_printers_there_are(fake_cups, conn):
    with pytest.raises(PrinterMissing) as caught:
        print_badges(conn, ["R-0001"], printer="Nope")
    assert str(caught.value) == (
        "printer 'Nope' does not exist on this machine (printers here: PDF, Labels; "
        "see `kiosk printers`)"
    )
    assert log_rows(conn) == [] and fake_cups.jobs == {}
    assert cups.printer_state("Nope").state == "missing"


def test_out_of_paper_and_not_accepting_are_refused_before_anything_is_sent(fake_cups, conn):
    fake_cups.printers["Labels"].reasons = ["media-empty-error"]
    with pytest.raises(PrinterNotReady) as caught:
        print_badges(conn, ["R-0001"], printer="Labels")
    assert caught.value.state == "out_of_paper"
    assert "printer 'Labels' is out of paper" in str(caught.value)
    fake_cups.printers["PDF"].accepting = False
    with pytest.raises(PrinterNotReady, match=r"not accepting jobs.*cupsaccept PDF"):
        print_badges(conn, ["R-0001"], printer="PDF")
    assert log_rows(conn) == [] and fake_cups.jobs == {}


def test_cups_not_installed_or_not_running_is_one_clear_line(fake_cups, conn, db_path, capsys):
    fake_cups.running = False
    with pytest.raises(CupsUnavailable, match=r"^the print system \(CUPS\) is not running: "):
        print_badges(conn, ["R-0001"], printer="PDF")
    rc = main(["--db", str(db_path), "printers"])
    err = capsys.readouterr().err
    assert rc == 2 and err.startswith("kiosk: the print system (CUPS) is not running: ")
    assert err.count("\n") == 1
    fake_cups.installed = False
    rc = main(["--db", str(db_path), "print", "--registration", "R-0001", "--printer", "PDF"])
    captured = capsys.readouterr()
    assert rc == 2 and captured.out == ""
    assert captured.err == (
        "kiosk: the print system (CUPS) is not installed: `lpstat` was not found; install "
        "cups-client (and cups for a print server on this machine)\n"
    )
    assert log_rows(conn) == []


def test_a_printer_paused_while_the_job_waits_fails_it_and_cancels_it(
    fake_cups, conn, db_path, capsys
):
    fake_cups.on_submit.append(lambda job: fake_cups.disable(job.printer, "Out of labels"))
    rc = main(["--db", str(db_path), "print", "--registration", "R-0003", "--printer", "PDF"])
    captured = capsys.readouterr()
    assert rc == 1
    result = json.loads(captured.out)
    (job,) = fake_cups.jobs.values()
    assert (result["printed"], result["failed"]) == (0, 1)
    assert result["jobs"][0]["message"] == (
        "printer 'PDF' is paused (Out of labels): resume it (`cupsenable PDF`), then retry "
        f"(job {job.id} was cancelled, so a retry prints it once)"
    )
    assert job.state == "canceled"
    assert log_rows(conn)[0][6] == "failed"


def test_a_job_that_never_finishes_is_cancelled_at_the_deadline(fake_cups, conn):
    fake_cups.printers["PDF"].stuck = True
    started = time.monotonic()
    result = print_badges(conn, ["R-0001"], printer="PDF", timeout=0.4)
    assert time.monotonic() - started < 5
    (job,) = fake_cups.jobs.values()
    assert result["jobs"][0]["message"] == (
        f"print job {job.id} on printer 'PDF' did not finish within 0.4 s and was cancelled, "
        "so a retry prints it once"
    )
    assert job.state == "canceled"


def test_without_ipptool_lpstat_follows_the_job(fake_cups, conn):
    fake_cups.has_ipptool = False
    result = print_badges(conn, ["R-0001"], printer="PDF")
    assert result["printed"] == 1
    assert ["lpstat", "-W", "not-completed", "-o"] in fake_cups.calls
    with pytest.raises(JobFailed, match="no record of job PDF-99"):
        cups.wait_for_job("PDF-99", 1)


def test_the_device_printer_is_remembered_and_used(fake_cups, conn, db_path, capsys):
    with pytest.raises(PrintError, match="^no printer chosen: name one with --printer"):
        print_badges(conn, ["R-0001"])
    fake_cups.default = "Labels"
    assert print_badges(conn, ["R-0001"])["printer"] == "Labels"

    assert main(["--db", str(db_path), "printers", "--use", "PDF"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["device_printer"] == "PDF"
    assert listed["default_printer"] == "Labels"
    assert [(p["name"], p["state"]) for p in listed["printers"]] == [
        ("PDF", "idle"),
        ("Labels", "idle"),
    ]
    assert print_badges(conn, ["R-0001"])["printer"] == "PDF"

    with pytest.raises(PrinterMissing, match="printer 'Nope' does not exist"):
        use_printer(conn, "Nope")
    assert get_setting(conn, "printer") == "PDF"
    fake_cups.disable("Labels")
    use_printer(conn, "Labels")  # a paused printer may still be chosen
    assert list_printers_json(conn)["device_printer"] == "Labels"

    fake_cups.enable("Labels")
    rc = main(
        ["--db", str(db_path), "print", "--registration", "R-0002", "--printer", "PDF",
         "--remember"]
    )  # fmt: skip
    assert rc == 0 and json.loads(capsys.readouterr().out)["printer"] == "PDF"
    assert get_setting(conn, "printer") == "PDF"


def test_a_paused_printer_keeps_the_queued_job_until_a_retry(fake_cups, conn, db_path):
    fake_cups.disable("PDF")
    events: list[tuple[str, int]] = []
    queue = PrintQueue(
        on_started=lambda j: events.append(("started", j.id)),
        on_failed=lambda j: events.append(("failed", j.id)),
        on_finished=lambda j: events.append(("finished", j.id)),
    )
    job = queue.submit(badge_print_work(db_path, ["R-0001"], printer="PDF"), label="R-0001")
    assert queue.wait_idle(30)
    assert job.state == "failed"
    assert job.message == "printer 'PDF' is paused: resume it (`cupsenable PDF`), then retry"
    assert queue.failed == [job]
    assert log_rows(conn) == []

    fake_cups.enable("PDF")
    assert queue.retry_failed() == [job]
    assert queue.wait_idle(30)
    assert (job.state, job.attempts, job.message) == ("done", 2, None)
    assert job.result is not None and job.result["printed"] == 1
    assert queue.failed == []
    assert events == [("started", 1), ("failed", 1), ("started", 1), ("finished", 1)]
    assert [row[6] for row in log_rows(conn)] == ["printed"]
    queue.close()


# --- the queue itself ------------------------------------------------------------------------


def test_the_queue_never_blocks_the_caller_and_reports_progress():
    gate = threading.Event()
    seen: list[object] = []
    threads: list[str] = []

    def work(progress, warn):
        threads.append(threading.current_thread().name)
        assert gate.wait(10)
        progress(1, 2)
        warn("careful")
        progress(2, 2)
        return {"printed": 2}

    queue = PrintQueue(
        on_progress=lambda job, done, total: seen.append((done, total)),
        on_warning=lambda job, message: seen.append(message),
    )
    first = queue.submit(work, label="batch")
    second = queue.submit(lambda p, w: {"printed": 1}, label="one")
    # Both calls returned while the first job still waits for the gate: nothing blocked.
    assert not first.done.is_set()
    assert second.state == "queued"
    assert not queue.wait_idle(0.05)
    gate.set()
    assert queue.wait_idle(10)
    assert (first.state, first.result, first.warnings) == ("done", {"printed": 2}, ["careful"])
    assert second.state == "done"
    assert seen == [(1, 2), "careful", (2, 2)]
    assert threads == ["kiosk-print-queue"]
    queue.close()
    with pytest.raises(KioskError, match="closed"):
        queue.submit(work, label="late")


def test_any_failure_is_kept_with_its_message_and_a_broken_listener_stops_nothing():
    def broken_listener(job: PrintJob) -> None:
        raise RuntimeError("listener bug")

    queue = PrintQueue(on_started=broken_listener, on_failed=broken_listener, synchronous=True)

    def boom(progress, warn):
        raise OSError("disk full")

    failed = queue.submit(boom, label="boom")
    assert (failed.state, failed.message) == ("failed", "OSError: disk full")
    done = queue.submit(lambda p, w: {"ok": True}, label="fine")
    assert done.state == "done" and done.done.is_set()
    with pytest.raises(KioskError, match="has not failed"):
        queue.retry(done)
    queue.dismiss(failed)
    assert queue.failed == [] and queue.jobs == [done]


def test_synchronous_mode_runs_in_the_callers_thread():
    queue = PrintQueue(synchronous=True)
    job = queue.submit(lambda p, w: {"thread": threading.current_thread().name}, label="x")
    assert job.result == {"thread": threading.current_thread().name}
    assert queue.wait_idle(0)


# --- real print jobs through CUPS and cups-pdf -----------------------------------------------


@pytest.fixture(scope="session")
def real_cups() -> RealCups:
    """The machine's CUPS with the cups-pdf printer PDF; skips where CUPS cannot run."""
    reason = RealCups.start()
    if reason:
        pytest.skip(f"CUPS cannot run here: {reason}")
    return RealCups()


@pytest.fixture
def system_cups(real_cups) -> Iterator[RealCups]:
    previous = cups.set_runner(None)
    yield real_cups
    cups.set_runner(previous)


def check_printed(pdf: Path, page_size_mm: tuple[float, float], texts: list[str]) -> None:
    """The PDF that came out: one page of the badge's size (within 1 mm) carrying these texts."""
    with pdfplumber.open(pdf) as document:
        assert len(document.pages) == 1
        page = document.pages[0]
        size = (page.width * 25.4 / 72, page.height * 25.4 / 72)
        assert abs(size[0] - page_size_mm[0]) <= 1.0, (size, page_size_mm)
        assert abs(size[1] - page_size_mm[1]) <= 1.0, (size, page_size_mm)
        text = "".join((page.extract_text() or "").split())
    for wanted in texts:
        assert "".join(wanted.split()) in text, (wanted, text)


def test_a_real_print_job_keeps_the_badge_size_and_text(system_cups, conn):
    result = print_badges(conn, ["R-0001"], printer="PDF")
    assert (result["printed"], result["failed"]) == (1, 0), result
    job = result["jobs"][0]["job"]
    check_printed(
        system_cups.output_for(job),
        load_layout("cr80").page_size_mm,
        [display_name("García", "Jean")],
    )
    assert badge_print_history(conn, "R-0001")[0]["status"] == "printed"


def test_a_real_print_from_the_command_line(system_cups, conn, db_path):
    done = kiosk(db_path, "print", "--registration", "R-0002", "--printer", "PDF", "--layout", "a6")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert (result["printed"], result["layout"]) == (1, "a6")
    check_printed(
        system_cups.output_for(result["jobs"][0]["job"]),
        load_layout("a6").page_size_mm,
        [display_name("KIM", "Minji"), "김민지"],
    )


def test_a_real_paused_printer_then_a_retry(system_cups, conn, db_path):
    if os.getuid() != 0:
        pytest.skip("adding a print queue needs root")
    name = f"KioskPaused{os.getpid()}"
    admin = {"capture_output": True, "text": True, "timeout": 30, "check": True}
    subprocess.run(["lpadmin", "-p", name, "-v", "cups-pdf:/", "-E", "-P", "/etc/cups/ppd/PDF.ppd",
                    "-o", "pdftops-renderer-default=pdftocairo"], **admin)  # fmt: skip
    try:
        subprocess.run(["cupsdisable", "-r", "Out of labels", name], **admin)
        done = kiosk(db_path, "print", "--registration", "R-0001", "--printer", name)
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr == (
            f"kiosk: printer {name!r} is paused (Out of labels): "
            f"resume it (`cupsenable {name}`), then retry\n"
        )
        queue = PrintQueue()
        job = queue.submit(badge_print_work(db_path, ["R-0001"], printer=name), label="R-0001")
        assert queue.wait_idle(30)
        assert job.state == "failed" and "is paused (Out of labels)" in str(job.message)
        assert queue.failed == [job]

        subprocess.run(["cupsenable", name], **admin)
        queue.retry(job)
        assert queue.wait_idle(60)
        assert job.state == "done", job.message
        assert job.result is not None
        check_printed(
            system_cups.output_for(job.result["jobs"][0]["job"]),
            load_layout("cr80").page_size_mm,
            [display_name("García", "Jean")],
        )
        queue.close()
    finally:
        subprocess.run(["lpadmin", "-x", name], capture_output=True, timeout=30)
