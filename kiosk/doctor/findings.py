"""What `kiosk doctor` found: one `Finding` per line, ok/warn/fail, in words that say what to do.

Each finding carries a `code` and its parameters; its English line is the code's template from
`MESSAGES` filled in (what the CLI prints). The organiser's screen shows the same finding in
Korean from the same code and parameters (kiosk/gui/sync/doctor_messages.py), which is why a
message is never built any other way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kiosk.a11y.sizes import SCREEN_SIZES

OK, WARN, FAIL = "ok", "warn", "fail"
STATUSES = (OK, WARN, FAIL)
ROLES = ("door", "kiosk", "organiser")
# The screen-size matrix every screen is laid out and tested at (kiosk.a11y.sizes).
SUPPORTED_SIZES = tuple((size.width, size.height) for size in SCREEN_SIZES)

# code -> English template. Each says what was found and, when not ok, what to do about it.
MESSAGES: dict[str, str] = {
    # the screen
    "display.supported": "{size} screen, a supported size",
    "display.unlisted": (
        "{size} screen is not one of the sizes the screens are laid out for ({sizes}): "
        "look at every screen with `python -m kiosk.screenshots`, or use a supported size"
    ),
    "display.too_small": (
        "{size} screen is too small for the {role} screens: use a supported size ({sizes})"
    ),
    "display.none": "no screen found: connect one (supported sizes: {sizes})",
    # fonts
    "fonts.ok": "all {count} badge and screen fonts are installed",
    "fonts.missing": "fonts missing: {files}: install {packages} (scripts/setup does)",
    "fonts.unreadable": "font {file} is damaged: reinstall {package}",
    # printing
    "printer.no_cups": "the print system (CUPS) is not installed: run scripts/setup",
    "printer.cups_down": (
        "the print system (CUPS) is not running: start it (`systemctl start cups`, "
        "or scripts/start-cups)"
    ),
    "printer.none_chosen": (
        "no printer chosen: choose this device's printer with `kiosk printers --use NAME`"
    ),
    "printer.missing": (
        "printer {printer} does not exist on this machine (printers here: {known}): "
        "choose one with `kiosk printers --use NAME`"
    ),
    "printer.ready": "printer {printer} is ready",
    "printer.paused": "printer {printer} is paused: resume it with `cupsenable {printer}`",
    "printer.rejecting": (
        "printer {printer} does not accept jobs: let it with `cupsaccept {printer}`"
    ),
    "printer.out_of_paper": "printer {printer} is out of paper: load paper or labels",
    "printer.paper_jam": "printer {printer} has a paper jam: clear it",
    "printer.offline": "printer {printer} is offline: check its cable or network",
    "printer.error": "printer {printer} reports {reasons}: check the printer",
    "paper.ok": "printer {printer} takes {size} mm paper for the {layout} badges",
    "paper.unsupported": (
        "printer {printer} cannot take {size} mm paper for the {layout} badges: choose another "
        "printer, or another layout with `kiosk setting badge_layout NAME`"
    ),
    "paper.not_loaded": (
        "printer {printer} has {loaded} loaded, the {layout} badges need {size} mm: load it"
    ),
    "paper.unknown": (
        "printer {printer} does not say which paper it takes: print a test page "
        "(`kiosk doctor --test-page`) and look at it"
    ),
    "test_page.printed": "test page printed on {printer} (job {job})",
    "test_page.failed": "the test page did not print on {printer}: {reason}",
    # speech and sound
    "speech.ok": "speech-dispatcher answers, with Korean and English voices ({voices})",
    "speech.not_installed": "speech-dispatcher is not installed: run scripts/setup",
    "speech.silent": (
        "speech-dispatcher does not answer ({reason}): restart it "
        "(`pkill -u $(id -u) speech-dispatcher`) and check the sound output"
    ),
    "speech.no_korean_voice": (
        "speech-dispatcher has no Korean voice: install speech-dispatcher-espeak-ng "
        "(scripts/setup does)"
    ),
    "speech.no_english_voice": (
        "speech-dispatcher has no English voice: install speech-dispatcher-espeak-ng "
        "(scripts/setup does)"
    ),
    "audio.ok": "sound goes to {sink}",
    "audio.no_server": (
        "no sound server answers: log in to a desktop session, or start PulseAudio or "
        "PipeWire for this user"
    ),
    "audio.no_device": (
        "no sound device: sound plays into nothing ({sink}): plug in speakers or headphones"
    ),
    "audio.no_tools": "the sound cannot be checked: pactl is missing (run scripts/setup)",
    # cameras
    "camera.ok": "camera: {names}",
    "camera.none": (
        "no camera: scan with a USB scanner, or plug in a camera for codes on phone screens"
    ),
    # this machine's storage and the event's files
    "database.missing": (
        "no event database at {path}: make it with `kiosk init` (organiser) or "
        "`kiosk init --from-bundle FILE` (door or kiosk)"
    ),
    "database.unreadable": "the event database at {path} cannot be opened: {reason}",
    "disk.ok": "{free} free, the event needs {needed}",
    "disk.low": "only {free} free, the event needs {needed}: make room before the day starts",
    "disk.full": "only {free} free, the event needs {needed}: free space before doors open",
    "files.ok": "the event's files are private (folder 0700, files 0600)",
    "files.open": "{path} can be read by others (mode {mode}): `chmod {wanted} {path}`",
    # the organisers' hub
    "hub.none": (
        "no hub set: this device syncs by USB stick (start the app with --hub URL for the LAN)"
    ),
    "hub.unreachable": (
        "the hub at {url} does not answer: check the network and that the organisers' "
        "hub is running"
    ),
    "hub.refused": "the hub at {url} refuses this device: {reason}",
    "hub.ok": "the hub at {url} knows this device ({device})",
    "clock.ok": "clock {seconds} s from the hub's",
    "clock.off": (
        "clock {seconds} s off the hub's: set it, or turn on time sync (`timedatectl set-ntp true`)"
    ),
    "clock.far": (
        "clock {seconds} s off the hub's: check-in times would be wrong; set it, or turn on "
        "time sync (`timedatectl set-ntp true`)"
    ),
}

# The check each code belongs to, in the order a report lists them.
CHECKS = (
    "display",
    "fonts",
    "printer",
    "paper",
    "test_page",
    "speech",
    "audio",
    "camera",
    "database",
    "disk",
    "files",
    "hub",
    "clock",
)


def message(code: str, params: Mapping[str, Any]) -> str:
    """The English line of a code with its parameters."""
    return MESSAGES[code].format(**params)


@dataclass(frozen=True)
class Finding:
    """One line of a report: which check, ok/warn/fail, and what it found (code + parameters)."""

    status: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status {self.status!r} is not one of {STATUSES}")
        if self.code not in MESSAGES:
            raise ValueError(f"no message for {self.code!r}")

    @property
    def check(self) -> str:
        return self.code.split(".", 1)[0]

    @property
    def text(self) -> str:
        return message(self.code, self.params)

    def to_json(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "status": self.status,
            "code": self.code,
            "params": self.params,
            "message": self.text,
        }

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> Finding:
        """A finding as another device sent it; ValueError when it is not one."""
        params = value.get("params", {})
        if not isinstance(params, dict):
            raise ValueError("params is not an object")
        clean = {str(k): v for k, v in params.items() if isinstance(v, str | int | float)}
        finding = cls(str(value.get("status")), str(value.get("code")), clean)
        finding.text  # noqa: B018 - every parameter the template needs is there
        return finding


Maker = Callable[..., "Finding"]
"""ok, warn or fail: a check passes the one that fits the role for a problem."""


def ok(code: str, **params: Any) -> Finding:
    return Finding(OK, code, params)


def warn(code: str, **params: Any) -> Finding:
    return Finding(WARN, code, params)


def fail(code: str, **params: Any) -> Finding:
    return Finding(FAIL, code, params)


@dataclass(frozen=True)
class Report:
    """A whole check of one machine for its role."""

    role: str
    device: str | None
    at_ms: int
    findings: tuple[Finding, ...]

    @property
    def failed(self) -> bool:
        return any(f.status == FAIL for f in self.findings)

    @property
    def exit_code(self) -> int:
        """0 when nothing failed (warnings allowed), 1 on any fail."""
        return 1 if self.failed else 0

    def counts(self) -> dict[str, int]:
        return {status: sum(f.status == status for f in self.findings) for status in STATUSES}

    def worst(self) -> str:
        """The worst status found (ok when there were no findings)."""
        for status in (FAIL, WARN):
            if any(f.status == status for f in self.findings):
                return status
        return OK

    def to_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "device": self.device,
            "at_ms": self.at_ms,
            "status": self.worst(),
            "counts": self.counts(),
            "findings": [f.to_json() for f in self.findings],
        }

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> Report:
        """A report as a device sent it to the hub; ValueError when it is not one."""
        role = str(value.get("role"))
        if role not in ROLES:
            raise ValueError(f"role {role!r} is not one of {ROLES}")
        raw = value.get("findings")
        if not isinstance(raw, list) or len(raw) > 100:
            raise ValueError("findings is not a list of at most 100")
        findings = tuple(Finding.from_json(item) for item in raw if isinstance(item, dict))
        device = value.get("device")
        return cls(role, str(device) if device is not None else None, int(value["at_ms"]), findings)

    def to_text(self) -> str:
        """The table `kiosk doctor` prints: one line a finding, then the counts."""
        lines = []
        for finding in self.findings:
            lines.append(f"{finding.status:<5} {finding.check:<10} {finding.text}")
        counts = self.counts()
        lines.append(f"{counts[FAIL]} fail, {counts[WARN]} warn, {counts[OK]} ok")
        return "\n".join(lines)


def sort_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """In the order of CHECKS (stable within a check)."""
    order = {name: index for index, name in enumerate(CHECKS)}
    return tuple(sorted(findings, key=lambda f: order.get(f.check, len(order))))
