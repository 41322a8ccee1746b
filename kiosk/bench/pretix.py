"""The pretix import figure of `kiosk bench`: a large check-in list, imported as organisers do.

The file has pretix's own check-in list header (tests/fixtures/pretix/checkinlist_with_secrets.csv)
and one row per ticket: about one order in six holds a conference pass and a workshop ticket for
the same attendee, a few orders hold two attendees, names are Hangul and accented Latin, and
secrets are pretix's 32 lower-case letters and digits. It is imported into a fresh event through
the real pipeline with its preset recognised from the header, exactly as `kiosk import roster`.
"""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.errors import KioskError
from kiosk.imports import run_import
from kiosk.services.event import init_event

TARGET_PRETIX_ROWS_PER_S = 50_000
_HEADER_TEXT = (
    "Order code|Attendee name|Attendee name: Given name|Attendee name: Family name|Product|Price|"
    "Checked in|Checked out|Automatically checked in|Secret|Email|Phone number|"
    "Preferred language / 선호 언어|Accessibility needs|Company|Voucher code|Order date|"
    "Order time|Requires special attention|Comment|Check-in text|Seat ID|Seat name|Seat zone|"
    "Seat row|Seat number|Blocked|Valid from|Valid until|Address|ZIP code|City|Country|State"
)
HEADER = _HEADER_TEXT.split("|")
_SECRET = "abcdefghjkmnpqrstuvwxyz23456789"
_ORDER = "ABCDEFGHJKLMNPQRSTUVWXYZ3789"
_HANGUL = (("김", "민준"), ("이", "서연"), ("박", "지호"), ("남궁", "민수"), ("제갈", "은서"))
_LATIN = (("Müller", "Jürgen"), ("García Márquez", "Zoë"), ("Øster", "José"), ("Smith", "Anna"))
_COMPANIES = ("서울인권재단", "Amnesty International", "Universität Wien", "")


def _quiet(message: str) -> None:
    return None


def write_checkinlist(path: Path, tickets: int, seed: int = 2026) -> int:
    """Write a pretix check-in list of `tickets` rows; return the number of people in it."""
    rng = random.Random(seed)
    people = 0
    written = 0
    used: set[str] = set()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
        writer.writerow(HEADER)
        while written < tickets:
            code = "".join(rng.choices(_ORDER, k=5))
            if code in used:
                continue
            used.add(code)
            attendees = 2 if rng.random() < 0.05 else 1
            for _ in range(attendees):
                korean = rng.random() < 0.5
                family, given = rng.choice(_HANGUL if korean else _LATIN)
                full = f"{given} {family}"
                email = f"p{people}@example.org"
                language = "한국어" if korean else "English"
                company = rng.choice(_COMPANIES)
                people += 1
                products = ["Conference pass"]
                if rng.random() < 0.17:
                    products.append("Workshop: Human rights cities in practice")
                for product in products:
                    if written >= tickets:
                        break
                    secret = "".join(rng.choices(_SECRET, k=32))
                    row = [code, full, given, family, product, "150000.00", "", "", "No", secret]
                    row += [email, "", language, "", company, "", "2026-11-21", "07:02:19", "No"]
                    row += [""] * 13 + ["KR" if korean else "DE", ""]
                    writer.writerow(row)
                    written += 1
    return people


def measure_pretix_import(
    tickets: int, progress: Callable[[str], None] = _quiet, seed: int = 2026
) -> dict[str, Any]:
    """Import a `tickets`-row pretix check-in list into a fresh event; time it (file reading,
    recognising, grouping, checking and writing, all of it). `rows_per_s` is by the clock;
    `cpu_seconds` says how much of it this process computed (on a busy machine, the rest is
    waiting for the processor or the disk)."""
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-pretix-") as tmp:
        folder = Path(tmp)
        path = folder / "checkinlist_with_secrets.csv"
        progress(f"bench: writing a pretix check-in list of {tickets:,} tickets")
        write_checkinlist(path, tickets, seed)
        db = init_event(folder / "event.sqlite", "Synthetic Forum", "Asia/Seoul")
        try:
            progress("bench: importing the pretix check-in list")
            started, cpu = time.perf_counter(), time.process_time()
            report = run_import(db.conn, "roster", path)
            seconds = time.perf_counter() - started
            cpu_seconds = time.process_time() - cpu
        finally:
            db.conn.close()
    if report.errors:
        first = report.errors[0]
        raise KioskError(
            f"bench: the pretix check-in list did not import (first: row {first.row} "
            f"{first.field}: {first.message})"
        )
    rows_per_s = tickets / seconds if seconds > 0 else float(tickets)
    return {
        "tickets": tickets,
        "people": report.details.get("people", 0),
        "preset": report.details.get("preset"),
        "seconds": round(seconds, 3),
        "rows_per_s": round(rows_per_s),
        "cpu_seconds": round(cpu_seconds, 3),
    }


def run_pretix_bench(tickets: int, progress: Callable[[str], None] = _quiet) -> dict[str, Any]:
    """`measure_pretix_import` in a fresh process of its own, so that its memory is its own
    (`peak_rss_mb`) and the rest of the bench's peak is not this import's."""
    progress(f"bench: importing a pretix check-in list of {tickets:,} tickets (own process)")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.bench.pretix", str(tickets)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or ["no output"]
        raise KioskError(f"bench: the pretix import failed: {lines[-1]}")
    figures: dict[str, Any] = json.loads(result.stdout)
    return figures


def _peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


if __name__ == "__main__":
    figures = measure_pretix_import(int(sys.argv[1]))
    figures["peak_rss_mb"] = _peak_rss_mb()
    sys.stdout.write(json.dumps(figures) + "\n")
