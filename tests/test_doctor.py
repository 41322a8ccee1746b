"""`kiosk doctor`: each check on a real machine part made to fail for real (a paused CUPS queue,
a fonts folder without the Hangul font, a speech-dispatcher that does not answer or is not
there, database files others can read, no sound server), and the same parts working.

Checks that read the kernel (screens in /sys/class/drm, cameras in /sys/class/video4linux) are
pointed at folders laid out the way the kernel lays them out.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from audio_fixtures import PulseServer, missing_tools, stop_speechd
from printing_fixtures import RealCups
from sync_helpers import make_organiser, provision

from kiosk.badges.fonts import CHAIN, find_font_file
from kiosk.doctor import DoctorOptions, Finding, Report, run_doctor
from kiosk.doctor.camera import check_camera
from kiosk.doctor.display import check_display, drm_screens
from kiosk.doctor.findings import MESSAGES, fail, ok, warn
from kiosk.doctor.fonts import check_fonts
from kiosk.doctor.hub import check_hub, judge_clock
from kiosk.doctor.sound import check_sound
from kiosk.doctor.speech import check_speech
from kiosk.doctor.storage import judge_disk
from kiosk.printing import cups
from kiosk.printing.cups import parse_printer_media
from kiosk.services.event import init_event
from kiosk.sync import client as sync_client
from kiosk.sync.hub import start_hub

PROJECT = Path(__file__).resolve().parent.parent


def doctor(db: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, dict, str]:
    """`kiosk --db DB doctor --json ARGS` in a child process: (exit code, report, stderr)."""
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--db", str(db), "doctor", "--json", *args],
        env=env,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    report = json.loads(done.stdout) if done.stdout.strip() else {}
    return done.returncode, report, done.stderr


def findings(report: dict, check: str) -> list[dict]:
    return [f for f in report["findings"] if f["check"] == check]


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Path]:
    """A runtime folder of the test's own: a speech-dispatcher the doctor starts lives there."""
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    yield folder
    stop_speechd(folder)


def child_env(runtime: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), **extra}
    env.pop("SPEECHD_ADDRESS", None)
    return env


def private_event(folder: Path) -> Path:
    """An organiser's event database with the modes the doctor wants (0700 folder, 0600 file)."""
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / "event.sqlite"
    init_event(path, "Doctor Forum", "Asia/Seoul").conn.close()
    for file in folder.iterdir():
        file.chmod(0o600)
    return path


# --- the screen -------------------------------------------------------------------------------


def fake_drm(root: Path, connectors: dict[str, tuple[str, str]]) -> Path:
    """/sys/class/drm as the kernel lays it out: card0-HDMI-A-1/{status,modes}."""
    for name, (status, modes) in connectors.items():
        folder = root / name
        folder.mkdir(parents=True)
        (folder / "status").write_text(status + "\n")
        (folder / "modes").write_text(modes)
    return root


def test_the_connected_panels_native_size_is_judged_against_the_supported_sizes(tmp_path):
    root = fake_drm(
        tmp_path / "drm",
        {
            "card0-eDP-1": ("connected", "1920x1080\n1280x720\n"),
            "card0-HDMI-A-1": ("disconnected", ""),
            "card1-DP-2": ("connected", "1080x1920\n"),
        },
    )
    assert drm_screens(root) == [(1920, 1080), (1080, 1920)]
    assert [f.status for f in check_display("kiosk", drm_screens(root))] == ["ok", "ok"]


@pytest.mark.parametrize(
    ("size", "status", "code"),
    [
        ((1366, 768), "ok", "display.supported"),
        ((1280, 800), "ok", "display.supported"),
        ((2560, 1440), "warn", "display.unlisted"),
        ((1024, 768), "fail", "display.too_small"),
        ((800, 1280), "fail", "display.too_small"),
    ],
)
def test_screen_sizes(size, status, code):
    (finding,) = check_display("door", [size])
    assert (finding.status, finding.code) == (status, code)
    assert f"{size[0]}x{size[1]}" in finding.text


def test_no_screen_fails_at_a_door_and_warns_at_the_organisers_laptop():
    assert check_display("door", [])[0].status == "fail"
    assert check_display("organiser", [])[0].status == "warn"
    assert "1080x1920" in check_display("kiosk", [])[0].text


# --- fonts --------------------------------------------------------------------------------------


def font_folder(folder: Path, leave_out: str = "") -> Path:
    """Copies of the installed font chain, without the files whose name starts `leave_out`."""
    folder.mkdir()
    for font in CHAIN:
        for name in (font.regular, font.bold):
            if leave_out and name.startswith(leave_out):
                continue
            shutil.copy(find_font_file(name, font.package), folder / name)
    return folder


def test_the_installed_fonts_pass():
    (finding,) = check_fonts()
    assert finding.status == "ok" and finding.params["count"] == 2 * len(CHAIN)


def test_a_missing_hangul_font_fails_naming_the_package_to_install(tmp_path):
    (finding,) = check_fonts([font_folder(tmp_path / "fonts", leave_out="NanumGothic")])
    assert finding.status == "fail" and finding.code == "fonts.missing"
    assert "NanumGothic.ttf" in finding.text and "NanumGothicBold.ttf" in finding.text
    assert "install fonts-nanum" in finding.text


def test_a_damaged_font_file_fails(tmp_path):
    folder = font_folder(tmp_path / "fonts")
    (folder / "DejaVuSans.ttf").write_bytes(b"<html>404 Not Found</html>" * 100)
    (finding,) = check_fonts([folder])
    assert finding.code == "fonts.unreadable" and "fonts-dejavu-core" in finding.text


# --- the printer (a CUPS queue of the test's own, on the cups-pdf backend) ---------------------


@pytest.fixture(scope="module")
def queue() -> Iterator[str]:
    """A cups-pdf print queue for this test module alone (other tests use `PDF`)."""
    reason = RealCups.start()
    if reason:
        pytest.skip(f"CUPS cannot run here: {reason}")
    models = subprocess.run(["lpinfo", "-m"], capture_output=True, text=True, timeout=60).stdout
    ppd = next(line.split()[0] for line in models.splitlines() if "CUPS-PDF_opt" in line)
    name = f"DoctorTest{os.getpid()}"
    subprocess.run(["lpadmin", "-p", name, "-v", "cups-pdf:/", "-E", "-m", ppd], check=True)
    subprocess.run(["lpadmin", "-p", name, "-o", "pdftops-renderer-default=pdftocairo"], check=True)
    previous = cups.set_runner(None)
    yield name
    cups.set_runner(previous)
    subprocess.run(["lpadmin", "-x", name], check=False)


def test_a_stopped_printer_fails_and_says_how_to_resume_it(queue, tmp_path, runtime):
    db = private_event(tmp_path / "event")
    subprocess.run(["cupsdisable", queue], check=True)
    try:
        code, report, _ = doctor(db, "--role", "kiosk", "--printer", queue, env=child_env(runtime))
    finally:
        subprocess.run(["cupsenable", queue], check=True)
    (printer,) = findings(report, "printer")
    assert printer["status"] == "fail" and printer["code"] == "printer.paused"
    assert f"cupsenable {queue}" in printer["message"]
    assert code == 1


def test_a_ready_printer_and_its_paper_pass(queue, tmp_path, runtime):
    db = private_event(tmp_path / "event")
    _, report, _ = doctor(db, "--role", "kiosk", "--printer", queue, env=child_env(runtime))
    assert findings(report, "printer")[0]["code"] == "printer.ready"
    (paper,) = findings(report, "paper")
    assert paper["status"] == "ok" and paper["params"]["size"] == "85.6x54"


def test_a_test_page_comes_out_of_the_pdf_queue_at_the_badge_size(queue, tmp_path, runtime):
    import pdfplumber

    db = private_event(tmp_path / "event")
    output = RealCups().output
    before = {p: p.stat().st_mtime for p in output.glob("*.pdf")}
    code, report, _ = doctor(
        db, "--role", "organiser", "--printer", queue, "--test-page", env=child_env(runtime)
    )
    (page,) = findings(report, "test_page")
    assert page["status"] == "ok", page
    # cups-pdf names the file after the job's title; the doctor waited until it was written.
    made = [p for p in output.glob("*test_page*.pdf") if before.get(p) != p.stat().st_mtime]
    assert len(made) == 1, made
    with pdfplumber.open(made[0]) as document:
        (sheet,) = document.pages
        size = (sheet.width * 25.4 / 72, sheet.height * 25.4 / 72)
        text = sheet.extract_text() or ""
    assert abs(size[0] - 85.6) < 1 and abs(size[1] - 54) < 1
    # The Hangul line is drawn too, but CUPS's PDF-PostScript-PDF round trip keeps no text for
    # its glyphs; the English lines are the proof of what came out.
    assert "kiosk doctor test page" in text and f"{queue} · cr80 85.6x54 mm" in text
    assert code == 0 or any(f["status"] == "fail" for f in report["findings"])


IPP_MEDIA = (
    "media-supported,media-ready,media-default,device-uri\n"
    '"iso_a4_210x297mm,na_letter_8.5x11in,iso_a6_105x148mm","iso_a4_210x297mm",'
    '"iso_a4_210x297mm","ipp://printer.local/ipp/print"\n'
)


def test_paper_a_driverless_printer_reports(tmp_path):
    media = parse_printer_media(IPP_MEDIA)
    assert media is not None and media.reports_loaded_paper
    assert media.takes((105, 148)) and media.takes((148, 105))  # either way round
    assert not media.takes((85.6, 54))  # no custom sizes on this one
    assert media.loaded((210, 297)) and not media.loaded((105, 148))


# --- speech ------------------------------------------------------------------------------------


@pytest.fixture
def silent_speechd(runtime: Path) -> Iterator[Path]:
    """A speech-dispatcher socket that takes connections and never answers (a daemon stuck on
    a sound device that never drains)."""
    path = runtime / "speech-dispatcher" / "speechd.sock"
    path.parent.mkdir(mode=0o700)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(4)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield path
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    server.close()


def test_a_speech_dispatcher_that_does_not_answer_fails_in_bounded_time(runtime, silent_speechd):
    started = time.monotonic()
    (finding,) = check_speech(child_env(runtime), timeout_s=1.0)
    assert time.monotonic() - started < 5
    assert finding.status == "fail" and finding.code == "speech.silent"
    assert "pkill" in finding.text


def test_no_speech_dispatcher_installed_fails(runtime, tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    (finding,) = check_speech(child_env(runtime, PATH=str(empty)), timeout_s=1.0)
    assert finding.status == "fail" and finding.code == "speech.not_installed"
    assert "scripts/setup" in finding.text


@pytest.mark.skipif(missing_tools("speech-dispatcher") is not None, reason="no speech-dispatcher")
def test_speech_dispatcher_answers_with_korean_and_english_voices(runtime):
    (finding,) = check_speech(child_env(runtime), timeout_s=5.0)
    assert finding.status == "ok", finding.text
    assert finding.params["voices"] == "Korean, English (America)"


# --- sound ---------------------------------------------------------------------------------------


@pytest.mark.skipif(missing_tools("pulseaudio", "pactl") is not None, reason="no PulseAudio")
def test_a_sound_server_with_a_sink_passes_and_none_fails_at_a_kiosk(tmp_path):
    server = PulseServer(tmp_path / "pulse").start()
    try:
        (finding,) = check_sound({**os.environ, **server.env})
        assert finding.status == "ok" and finding.params["sink"] == "kiosk_test"
    finally:
        server.stop()
    nowhere = {**os.environ, "PULSE_SERVER": f"unix:{tmp_path / 'pulse' / 'native'}"}
    assert check_sound(nowhere, required=True)[0].code == "audio.no_server"
    assert check_sound(nowhere, required=True)[0].status == "fail"
    assert check_sound(nowhere, required=False)[0].status == "warn"


# --- cameras, disk, clock ----------------------------------------------------------------------


def test_cameras_are_named_once_each(tmp_path):
    root = tmp_path / "video4linux"
    for node, name, index in (
        ("video0", "HD Webcam", "0"),
        ("video1", "HD Webcam", "1"),  # the same camera's metadata node
        ("video2", "Document Camera", "0"),
    ):
        (root / node).mkdir(parents=True)
        (root / node / "name").write_text(name + "\n")
        (root / node / "index").write_text(index + "\n")
    (finding,) = check_camera(root)
    assert finding.status == "ok" and finding.params["names"] == "HD Webcam, Document Camera"
    assert check_camera(tmp_path / "none")[0].status == "warn"


def test_free_disk_against_the_events_size():
    mb = 1024**2
    assert judge_disk(50_000 * mb, 100 * mb).status == "ok"
    assert judge_disk(2_000 * mb, 100 * mb).status == "warn"  # needs 1.5 GB, has less than 3
    low = judge_disk(1_000 * mb, 100 * mb)
    assert low.status == "fail" and "1.5 GB" in low.text


@pytest.mark.parametrize(
    ("offset_ms", "status"),
    [(0, "ok"), (-1_900, "ok"), (5_000, "warn"), (-59_000, "warn"), (61_000, "fail")],
)
def test_clock_difference_to_the_hub(offset_ms, status):
    finding = judge_clock(offset_ms)
    assert finding.status == status
    assert str(round(abs(offset_ms) / 1000, 1)) in finding.text


# --- the hub -----------------------------------------------------------------------------------


def test_a_device_the_hub_knows_passes_and_a_stopped_hub_fails(tmp_path):
    organiser, _ = make_organiser(tmp_path / "organiser.sqlite")
    door = provision(organiser, tmp_path / "door-1.sqlite", "door-1")
    hub = start_hub(tmp_path / "organiser.sqlite", log=lambda _line: None)
    sync_client._OFFSETS.clear()
    try:
        found = check_hub(door, hub.url)
        assert [f.code for f in found] == ["hub.ok", "clock.ok"], [f.text for f in found]
        assert found[0].params["device"] == "door-1"
    finally:
        hub.stop()
    (gone,) = check_hub(door, hub.url, timeout_s=1.0)
    assert gone.status == "fail" and gone.code == "hub.unreachable"
    assert check_hub(door)[0].code == "hub.none"  # never synced: no hub remembered
    door.close()
    organiser.close()


# --- the event's files, and the whole report -----------------------------------------------


def test_database_files_others_can_read_fail_with_the_chmod_that_fixes_them(tmp_path, runtime):
    folder = tmp_path / "event"
    db = private_event(folder)
    folder.chmod(0o755)
    db.chmod(0o644)
    code, report, _ = doctor(db, "--role", "door", env=child_env(runtime))
    messages = [f["message"] for f in findings(report, "files")]
    assert f"`chmod 700 {folder}`" in messages[0] and "0755" in messages[0]
    assert f"`chmod 600 {db}`" in messages[1] and "0644" in messages[1]
    assert code == 1
    folder.chmod(0o700)
    db.chmod(0o600)
    _, report, _ = doctor(db, "--role", "door", env=child_env(runtime))
    assert [f["code"] for f in findings(report, "files")] == ["files.ok"]


def test_warnings_alone_exit_0_and_the_table_lists_every_line(tmp_path, runtime):
    db = private_event(tmp_path / "event")
    env = child_env(runtime, PULSE_SERVER=f"unix:{tmp_path / 'none'}")
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--db", str(db), "doctor", "--role", "organiser"],
        env=env,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = done.stdout.strip().splitlines()
    assert any(line.startswith("warn  audio") for line in lines), done.stdout
    assert not any(line.startswith("fail") for line in lines), done.stdout
    assert done.returncode == 0
    assert lines[-1].startswith("0 fail,")
    assert "doctor: organiser role" in done.stderr


def test_no_database_fails_but_the_machine_is_still_checked(tmp_path, runtime):
    code, report, _ = doctor(tmp_path / "none.sqlite", "--role", "door", env=child_env(runtime))
    assert code == 1
    (database,) = findings(report, "database")
    assert database["code"] == "database.missing" and "kiosk init" in database["message"]
    assert findings(report, "fonts") and findings(report, "disk")
    assert not (tmp_path / "none.sqlite").exists()


def test_a_bad_role_is_one_line_and_exit_2(tmp_path):
    code, _, err = doctor(tmp_path / "x.sqlite", "--role", "stage")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_every_role_runs_its_checks(tmp_path, runtime):
    db = private_event(tmp_path / "event")
    env = child_env(runtime, PULSE_SERVER=f"unix:{tmp_path / 'none'}")
    for role, present, absent in (
        ("door", {"camera", "audio"}, {"printer", "speech"}),
        ("organiser", {"printer", "audio"}, {"camera", "speech", "hub"}),
    ):
        report = run_doctor(db, DoctorOptions(role=role, env=env, screens=[(1920, 1080)]))
        checks = {f.check for f in report.findings}
        assert present <= checks and not (absent & checks), (role, checks)


def test_a_report_crosses_the_wire_and_back():
    report = Report(
        "kiosk",
        "kiosk-2",
        1_569_800_000_000,
        (ok("fonts.ok", count=10), warn("camera.none"), fail("printer.paused", printer="P")),
    )
    again = Report.from_json(json.loads(json.dumps(report.to_json())))
    assert again == report and again.exit_code == 1 and again.worst() == "fail"
    with pytest.raises(ValueError):
        Finding.from_json({"status": "ok", "code": "made.up", "params": {}})
    with pytest.raises(KeyError):
        Finding.from_json({"status": "fail", "code": "printer.paused", "params": {}})


def test_every_message_names_its_parameters_only():
    import string

    for code, template in MESSAGES.items():
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        assert all(name.isidentifier() for name in fields), code
