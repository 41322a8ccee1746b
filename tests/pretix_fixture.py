"""A real pretix on loopback for the `kiosk pretix push` tests, and a proxy that cuts it off.

`start_pretix(folder, spec)` installs pretix with pip into a virtual environment in `folder`
(pip's own user cache is kept, so a second run downloads nothing), writes a pretix.cfg for SQLite
with no redis and no celery (pretix then runs its tasks inline), runs `python -m pretix migrate`,
makes the organizer, event, check-in lists, orders and tokens with pretix's own models
(tests/pretix_server/seed.py) and serves it with `python -m pretix runserver` on 127.0.0.1.
Nothing is kept outside `folder` but pip's cache. `KIOSK_TEST_PRETIX_VENV` names a virtual
environment to reuse (made there on first use) for runs on a developer's machine.

`start_early` runs all that in a background thread from the moment the test session knows it
will need pretix (tests/conftest.py), so it costs little of the session's time; `early_pretix`
waits for it and `stop_early` ends it.

`CuttingProxy` forwards a loopback port to pretix and, when told, drops the connection right
after pretix answered the n-th check-in (so pretix has it and the pusher never hears), then
refuses everyone: the network gone mid-way, with a real pretix behind it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PRETIX_REQUIREMENT = "pretix==2026.8.0"
# The event the seed makes (tests/pretix_server/seed.py): one ticket secret per person of the
# tests' roster. R5's secret pretix never sold; R6 holds no pretix ticket at all.
ORGANIZER, EVENT = "kiosktest", "forum"
SECRET = {
    "R1": "kioskpaid1nq7yc3rxwu2e9hfm4tvbz1",
    "R2": "kioskpaid2tg5kd8ws3ya6np2qe7xjm2",
    "R3": "kioskpend3hb2vx7mc4ra9ke5tw3uyq3",
    "R4": "kioskcanc4fp8zq2ny6wd3jt7hc5rem4",
    "R5": "kioskunknownsecret5xl2wq8dk4pz5a",
}
SPEC = {
    "organizer": ORGANIZER,
    "event": EVENT,
    "lists": 8,
    "positions": [
        {"order": "PAID1", "secret": SECRET["R1"]},
        {"order": "PAID2", "secret": SECRET["R2"]},
        {"order": "PEND3", "secret": SECRET["R3"], "status": "pending"},
        {"order": "CANC4", "secret": SECRET["R4"], "status": "canceled"},
    ],
}
SEED_SCRIPT = Path(__file__).resolve().parent / "pretix_server" / "seed.py"
REUSE_VENV = "KIOSK_TEST_PRETIX_VENV"
INSTALL_TIMEOUT_S = 1200
MIGRATE_TIMEOUT_S = 900
START_TIMEOUT_S = 120


@dataclass
class Pretix:
    """A running pretix: where it is, what the seed made, and how long each step took."""

    url: str
    organizer: str
    event: str
    list_ids: list[int]
    other_list_id: int
    team_token: str
    device_token: str
    process: subprocess.Popen[bytes]
    log: Path
    timings: dict[str, float] = field(default_factory=dict)

    def api(self, path: str) -> Any:
        """GET pretix's REST API with the team token (the test's view of what pretix holds)."""
        request = urllib.request.Request(
            f"{self.url}/api/v1{path}",
            headers={"Authorization": f"Token {self.team_token}", "Accept": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    def checkins(self, list_id: int) -> dict[str, list[dict[str, Any]]]:
        """Every position's check-ins on one list, by ticket secret (all pages)."""
        out: dict[str, list[dict[str, Any]]] = {}
        path: str | None = (
            f"/organizers/{self.organizer}/events/{self.event}/checkinlists/{list_id}"
            "/positions/?ignore_status=true&page_size=200"
        )
        while path:
            page = self.api(path)
            for position in page["results"]:
                out[position["secret"]] = [c for c in position["checkins"] if c["list"] == list_id]
            following = page.get("next")
            path = following.split("/api/v1", 1)[1] if following else None
        return out

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


_CHILDREN: set[subprocess.Popen[str]] = set()
_CHILDREN_LOCK = threading.Lock()
_CANCELLED = threading.Event()


def _run(command: list[str], timeout: float, env: dict[str, str] | None = None) -> str:
    """Run a step of the set-up; its output only when it fails (then the test fails, saying
    which step and why: a machine without PyPI access shows pip's own words). `stop_early`
    ends a step under way."""
    with _CHILDREN_LOCK:
        if _CANCELLED.is_set():
            raise RuntimeError("the pretix set-up was stopped")
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        _CHILDREN.add(process)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
    finally:
        with _CHILDREN_LOCK:
            _CHILDREN.discard(process)
    if process.returncode != 0:
        tail = (out + err)[-4000:]
        raise RuntimeError(f"{' '.join(command[:4])}... failed ({process.returncode}):\n{tail}")
    return out


def _venv(folder: Path, timings: dict[str, float]) -> Path:
    """A virtual environment with pretix in it: KIOSK_TEST_PRETIX_VENV's, else a new one."""
    reuse = os.environ.get(REUSE_VENV)
    venv = Path(reuse) if reuse else folder / "venv"
    python = venv / "bin" / "python"
    began = time.monotonic()
    if not python.exists():
        _run([sys.executable, "-m", "venv", str(venv)], 300)
    have = subprocess.run(
        [str(python), "-c", "import pretix"], capture_output=True, check=False, timeout=120
    )
    if have.returncode != 0:
        _run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "-q",
                "--disable-pip-version-check",
                # pretix's few modules in use compile on first import; compiling all of it
                # here costs a quarter of the install
                "--no-compile",
                PRETIX_REQUIREMENT,
            ],
            INSTALL_TIMEOUT_S,
        )
    timings["venv_and_pip_install_s"] = time.monotonic() - began
    return python


def start_pretix(folder: Path, spec: dict[str, Any]) -> Pretix:
    """Install, configure, migrate, seed and serve pretix in `folder` (see the module doc)."""
    timings: dict[str, float] = {}
    python = _venv(folder, timings)
    data = folder / "data"
    data.mkdir(exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    config = folder / "pretix.cfg"
    config.write_text(
        "[pretix]\n"
        "instance_name=kiosk test pretix\n"
        f"url={url}\n"
        f"datadir={data}\n"
        "currency=KRW\n"
        "registration=off\n"
        "ecb_rates=off\n"
        "\n[database]\nbackend=sqlite3\n"
        f"name={data / 'db.sqlite3'}\n"
        "\n[django]\ndebug=off\nsecret=kiosk-test-secret-not-for-production-0123456789\n"
        "\n[locale]\ntimezone=Asia/Seoul\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "PRETIX_CONFIG_FILE": str(config),
        "DJANGO_SETTINGS_MODULE": "pretix.settings",
    }
    env.pop("VIRTUAL_ENV", None)
    env.pop("PYTHONPATH", None)

    began = time.monotonic()
    _run([str(python), "-m", "pretix", "migrate", "-v0", "--noinput"], MIGRATE_TIMEOUT_S, env)
    timings["migrate_s"] = time.monotonic() - began

    began = time.monotonic()
    spec_file = folder / "spec.json"
    spec_file.write_text(json.dumps(spec), encoding="utf-8")
    made = json.loads(_run([str(python), str(SEED_SCRIPT), str(spec_file)], 300, env))
    timings["seed_s"] = time.monotonic() - began

    began = time.monotonic()
    log = folder / "server.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [str(python), "-m", "pretix", "runserver", f"127.0.0.1:{port}", "--noreload"],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=folder,
        )
    pretix = Pretix(
        url=url,
        organizer=spec["organizer"],
        event=spec["event"],
        list_ids=list(made["list_ids"]),
        other_list_id=int(made["other_list_id"]),
        team_token=made["team_token"],
        device_token=made["device_token"],
        process=process,
        log=log,
        timings=timings,
    )
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        if _CANCELLED.is_set():
            pretix.stop()
            raise RuntimeError("the pretix set-up was stopped")
        if process.poll() is not None:
            raise RuntimeError(f"pretix runserver stopped:\n{log.read_text()[-4000:]}")
        try:
            pretix.api(f"/organizers/{pretix.organizer}/events/")
            break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                pretix.stop()
                raise RuntimeError(
                    f"pretix did not answer in {START_TIMEOUT_S} s:\n{log.read_text()[-4000:]}"
                ) from None
            time.sleep(0.3)
    timings["server_start_s"] = time.monotonic() - began
    return pretix


class CuttingProxy:
    """A loopback TCP proxy to pretix that can play a network failing mid-way.

    Forwarding: every byte both ways. `cut_after(n)`: the n-th check-in request from now
    (`POST .../redeem/`) still reaches pretix, but its answer is dropped and the connection
    closed, and every connection after it is closed at once, until `restore()`.
    """

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._lock = threading.Lock()
        self._posts_left: int | None = None
        self.down = False
        self.forwarded_posts = 0
        self._open: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def cut_after(self, posts: int) -> None:
        with self._lock:
            self._posts_left = posts
            self.down = False

    def restore(self) -> None:
        with self._lock:
            self._posts_left = None
            self.down = False

    def close(self) -> None:
        self.listener.close()
        for sock in list(self._open):
            _close(sock)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self._lock:
                down = self.down
            if down:
                _close(client)
                continue
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            self._open += [client, upstream]
            state = {"drop_answer": False}
            threading.Thread(
                target=self._requests, args=(client, upstream, state), daemon=True
            ).start()
            threading.Thread(
                target=self._answers, args=(upstream, client, state), daemon=True
            ).start()

    def _requests(
        self, client: socket.socket, upstream: socket.socket, state: dict[str, bool]
    ) -> None:
        while True:
            try:
                chunk = client.recv(65536)
            except OSError:
                chunk = b""
            if not chunk:
                _close(upstream)
                return
            if chunk.startswith(b"POST ") and b"/checkinrpc/redeem/" in chunk.split(b"\r\n", 1)[0]:
                with self._lock:
                    self.forwarded_posts += 1
                    if self._posts_left is not None:
                        self._posts_left -= 1
                        if self._posts_left <= 0:
                            state["drop_answer"] = True
                            self.down = True
            try:
                upstream.sendall(chunk)
            except OSError:
                _close(client)
                return

    def _answers(
        self, upstream: socket.socket, client: socket.socket, state: dict[str, bool]
    ) -> None:
        while True:
            try:
                chunk = upstream.recv(65536)
            except OSError:
                chunk = b""
            if not chunk or state["drop_answer"]:
                # pretix answered the cut check-in (it has it); the pusher never hears.
                _close(client)
                _close(upstream)
                return
            try:
                client.sendall(chunk)
            except OSError:
                _close(upstream)
                return


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


class _Early:
    """The one background set-up of this test session (see `start_early`)."""

    thread: threading.Thread | None = None
    folder: Path | None = None
    pretix: Pretix | None = None
    error: BaseException | None = None
    began = 0.0


def start_early(spec: dict[str, Any] = SPEC) -> None:
    """Start installing, migrating, seeding and serving pretix in a background thread, in a
    new temporary folder, so its minutes pass while other tests run (the test suite keeps one
    core busy; pip and migrate take the other). tests/conftest.py calls this once collection
    shows a selected test needs the `pretix` fixture; `early_pretix` waits for it."""
    if _Early.thread is not None:
        return
    _Early.folder = Path(tempfile.mkdtemp(prefix="kiosk-test-pretix-"))
    _Early.began = time.monotonic()

    def work() -> None:
        try:
            assert _Early.folder is not None
            _Early.pretix = start_pretix(_Early.folder, spec)
        except BaseException as exc:  # handed to the test that waits for it
            _Early.error = exc

    _Early.thread = threading.Thread(target=work, name="pretix set-up", daemon=True)
    _Early.thread.start()


def early_pretix(spec: dict[str, Any] = SPEC) -> Pretix:
    """The pretix `start_early` began (started now if it was not), once it serves; its timings
    gain `waited_s`, how long the test session waited for it."""
    start_early(spec)
    assert _Early.thread is not None
    waiting = time.monotonic()
    _Early.thread.join()
    if _Early.error is not None:
        raise RuntimeError(f"the real pretix could not be started: {_Early.error}") from (
            _Early.error
        )
    assert _Early.pretix is not None
    _Early.pretix.timings["waited_s"] = time.monotonic() - waiting
    return _Early.pretix


def stop_early() -> None:
    """Stop the background pretix: the step under way, the server, and its folder (the end of
    the test session, also when no test used it)."""
    _CANCELLED.set()
    with _CHILDREN_LOCK:
        for process in list(_CHILDREN):
            process.kill()
    if _Early.thread is not None:
        _Early.thread.join(timeout=60)
    if _Early.pretix is not None:
        _Early.pretix.stop()
    if _Early.folder is not None:
        shutil.rmtree(_Early.folder, ignore_errors=True)
