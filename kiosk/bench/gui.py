"""GUI figures for `kiosk bench`, run in a child process on the offscreen platform:
start to ready (the door screen built on the event database, able to take a scan) and
scan to painted verdict, on the benchmark's event of 100,000 attendees.

`python -m kiosk.bench.gui DB --codes FILE` prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def _measure(db: Path, codes: list[str], session_id: str, at_ms: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from kiosk.gui.app import build_shell, seconds_since_process_start

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    window = build_shell(app, db, "door", "ko")
    window.show()
    app.processEvents()
    ready = seconds_since_process_start()

    screen: Any = window.current_screen()
    screen.controller.clock = lambda: at_ms
    screen.controller.set_session(session_id)
    latencies = []
    for code in codes:
        begin = time.perf_counter()
        window.handle_scan(code)
        screen.panel.repaint()  # paints synchronously: the verdict is on screen when it returns
        latencies.append(time.perf_counter() - begin)
        app.processEvents()
    latencies.sort()

    def percentile(q: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000, 2)

    return {
        "start_to_ready_s": round(ready, 3),
        "scan_to_paint_p50_ms": percentile(0.50),
        "scan_to_paint_p99_ms": percentile(0.99),
        "scans": len(latencies),
    }


def run_gui_bench(db: Path, codes: list[str], session_id: str, at_ms: int) -> dict[str, Any]:
    """Run the GUI measurements in a fresh offscreen process (a cold start, like a kiosk)."""
    codes_file = db.with_suffix(".codes.json")
    codes_file.write_text(json.dumps({"codes": codes, "session": session_id, "at": at_ms}))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_LOGGING_RULES": "*.warning=false"}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.bench.gui", str(db), "--codes", str(codes_file)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1:] or ["failed"]}
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--codes", type=Path, required=True)
    args = parser.parse_args()
    plan = json.loads(args.codes.read_text())
    figures = _measure(args.db, plan["codes"], plan["session"], plan["at"])
    sys.stdout.write(json.dumps(figures) + "\n")
    sys.stdout.flush()
    os._exit(0)  # skip Qt's teardown; the figures are out
