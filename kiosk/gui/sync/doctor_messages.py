"""Machine check findings (kiosk doctor) in the screen's language: each code's template through
Qt's translation files (context "DoctorMessages", in sync_ko.ts), filled with the finding's
parameters. The English templates are the doctor's own (kiosk.doctor.findings.MESSAGES); a code
this module does not know is shown in English (tests/test_doctor_view.py checks every code).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from kiosk.doctor.findings import Finding


def _t(text: str) -> str:
    return QCoreApplication.translate("DoctorMessages", text)


# One translate call per code, each with its literal English template, so lupdate finds them.
TEMPLATES: dict[str, Callable[[], str]] = {
    "display.supported": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "{size} screen, a supported size",
    ),
    "display.unlisted": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "{size} screen is not one of the sizes the screens are laid out for ({sizes}): look at "
        "every screen with `python -m kiosk.screenshots`, or use a supported size",
    ),
    "display.too_small": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "{size} screen is too small for the {role} screens: use a supported size ({sizes})",
    ),
    "display.none": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "no screen found: connect one (supported sizes: {sizes})",
    ),
    "fonts.ok": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "all {count} badge and screen fonts are installed",
    ),
    "fonts.missing": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "fonts missing: {files}: install {packages} (scripts/setup does)",
    ),
    "fonts.unreadable": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "font {file} is damaged: reinstall {package}",
    ),
    "printer.no_cups": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "the print system (CUPS) is not installed: run scripts/setup",
    ),
    "printer.cups_down": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "the print system (CUPS) is not running: start it (`systemctl start cups`, or "
        "scripts/start-cups)",
    ),
    "printer.none_chosen": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "no printer chosen: choose this device's printer with `kiosk printers --use NAME`",
    ),
    "printer.missing": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "printer {printer} does not exist on this machine (printers here: {known}): choose one "
        "with `kiosk printers --use NAME`",
    ),
    "printer.ready": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "printer {printer} is ready",
    ),
    "printer.paused": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "printer {printer} is paused: resume it with `cupsenable {printer}`",
    ),
    "printer.rejecting": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "printer {printer} does not accept jobs: let it with `cupsaccept {printer}`",
    ),
    "printer.out_of_paper": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "printer {printer} is out of paper: load paper or labels",
    ),
    "printer.paper_jam": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "printer {printer} has a paper jam: clear it",
    ),
    "printer.offline": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "printer {printer} is offline: check its cable or network",
    ),
    "printer.error": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "printer {printer} reports {reasons}: check the printer",
    ),
    "paper.ok": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "printer {printer} takes {size} mm paper for the {layout} badges",
    ),
    "paper.unsupported": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "printer {printer} cannot take {size} mm paper for the {layout} badges: choose another "
        "printer, or another layout with `kiosk setting badge_layout NAME`",
    ),
    "paper.not_loaded": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "printer {printer} has {loaded} loaded, the {layout} badges need {size} mm: load it",
    ),
    "paper.unknown": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "printer {printer} does not say which paper it takes: print a test page (`kiosk doctor "
        "--test-page`) and look at it",
    ),
    "test_page.printed": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "test page printed on {printer} (job {job})",
    ),
    "test_page.failed": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "the test page did not print on {printer}: {reason}",
    ),
    "speech.ok": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "speech-dispatcher answers, with Korean and English voices ({voices})",
    ),
    "speech.not_installed": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "speech-dispatcher is not installed: run scripts/setup",
    ),
    "speech.silent": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "speech-dispatcher does not answer ({reason}): restart it (`pkill -u $(id -u) "
        "speech-dispatcher`) and check the sound output",
    ),
    "speech.no_korean_voice": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "speech-dispatcher has no Korean voice: install speech-dispatcher-espeak-ng (scripts/setup"
        " does)",
    ),
    "speech.no_english_voice": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "speech-dispatcher has no English voice: install speech-dispatcher-espeak-ng "
        "(scripts/setup does)",
    ),
    "audio.ok": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "sound goes to {sink}",
    ),
    "audio.no_server": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "no sound server answers: log in to a desktop session, or start PulseAudio or PipeWire for"
        " this user",
    ),
    "audio.no_device": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "no sound device: sound plays into nothing ({sink}): plug in speakers or headphones",
    ),
    "audio.no_tools": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "the sound cannot be checked: pactl is missing (run scripts/setup)",
    ),
    "camera.ok": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "camera: {names}",
    ),
    "camera.none": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "no camera: scan with a USB scanner, or plug in a camera for codes on phone screens",
    ),
    "database.missing": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "no event database at {path}: make it with `kiosk init` (organiser) or `kiosk init "
        "--from-bundle FILE` (door or kiosk)",
    ),
    "database.unreadable": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "the event database at {path} cannot be opened: {reason}",
    ),
    "disk.ok": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "{free} free, the event needs {needed}",
    ),
    "disk.low": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "only {free} free, the event needs {needed}: make room before the day starts",
    ),
    "disk.full": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "only {free} free, the event needs {needed}: free space before doors open",
    ),
    "files.ok": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "the event's files are private (folder 0700, files 0600)",
    ),
    "files.open": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "{path} can be read by others (mode {mode}): `chmod {wanted} {path}`",
    ),
    "hub.none": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "no hub set: this device syncs by USB stick (start the app with --hub URL for the LAN)",
    ),
    "hub.unreachable": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "the hub at {url} does not answer: check the network and that the organisers' hub is "
        "running",
    ),
    "hub.refused": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "the hub at {url} refuses this device: {reason}",
    ),
    "hub.ok": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "the hub at {url} knows this device ({device})",
    ),
    "clock.ok": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "clock {seconds} s from the hub's",
    ),
    "clock.off": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "clock {seconds} s off the hub's: set it, or turn on time sync (`timedatectl set-ntp "
        "true`)",
    ),
    "clock.far": lambda: QCoreApplication.translate(
        "DoctorMessages",
        "clock {seconds} s off the hub's: check-in times would be wrong; set it, or turn on time "
        "sync (`timedatectl set-ntp true`)",
    ),
}


def finding_text(finding: Finding) -> str:
    """The finding in the current language (English when its code or parameters do not fit)."""
    template = TEMPLATES.get(finding.code)
    if template is None:
        return finding.text
    try:
        return template().format(**finding.params)
    except (KeyError, IndexError, ValueError):
        return finding.text


def status_text(status: str) -> str:
    """ok / warn / fail in words (the colour and icon beside them are never the only signal)."""
    names = {
        "ok": QCoreApplication.translate("DoctorMessages", "OK"),
        "warn": QCoreApplication.translate("DoctorMessages", "Check"),
        "fail": QCoreApplication.translate("DoctorMessages", "Fix"),
    }
    return names.get(status, status)


def role_text(role: str) -> str:
    names = {
        "door": QCoreApplication.translate("DoctorMessages", "door"),
        "kiosk": QCoreApplication.translate("DoctorMessages", "self check-in kiosk"),
        "organiser": QCoreApplication.translate("DoctorMessages", "organiser"),
    }
    return names.get(role, role)
