"""The camera at a door: a badge or phone held up is decoded off the UI thread and reaches the
same scan handler as the wedge scanner; busy frames are dropped, never queued.

There is no camera on the test machine: frames are made from real signed codes rendered with
the `qrcode` package and fed to the pipeline as QImages and QVideoFrames.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import numpy as np
import pytest
import qrcode
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

import kiosk.gui.camera as camera_module
from kiosk.background import InlinePool
from kiosk.core.codes import issue_code
from kiosk.core.keys import new_private_key
from kiosk.gui.camera import CameraScanner, decode_qr_gray, qimage_to_gray, video_frame_to_gray

FRAME_SIZE = (640, 480)


@pytest.fixture(scope="module")
def signing_key():
    return new_private_key()


@pytest.fixture
def code(signing_key) -> str:
    return issue_code(signing_key, "whrcf2019", "R-000777", 0)


def qr_picture(text: str, box: int = 3) -> Image.Image:
    return qrcode.make(text, box_size=box, border=4).get_image().convert("L")


def camera_frame(text: str | None, *, angle: float = 8.0) -> Image.Image:
    """A 640x480 camera picture: grey surroundings, the symbol a little tilted, some noise."""
    rng = np.random.default_rng(7)
    background = rng.normal(150, 12, size=(FRAME_SIZE[1], FRAME_SIZE[0])).clip(0, 255)
    frame = Image.fromarray(background.astype(np.uint8), "L")
    if text is not None:
        symbol = qr_picture(text).rotate(angle, expand=True, fillcolor=255)
        frame.paste(symbol, (120, 40))
    return frame


def to_qimage(picture: Image.Image) -> QImage:
    """A PIL picture as an RGB QImage (the camera pipeline converts it to grey itself)."""
    rgb = picture.convert("RGB")
    data = rgb.tobytes()
    image = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels; `data` goes away


def nv12_frame(picture: Image.Image) -> QVideoFrame:
    """A picture as the NV12 frame a webcam delivers (luma plane, then neutral chroma)."""
    gray = np.asarray(picture.convert("L"))
    height, width = gray.shape
    frame = QVideoFrame(QVideoFrameFormat(QSize(width, height), QVideoFrameFormat.Format_NV12))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    luma = np.frombuffer(frame.bits(0), dtype=np.uint8).reshape(height, frame.bytesPerLine(0))
    luma[:, :width] = gray
    chroma = np.frombuffer(frame.bits(1), dtype=np.uint8)
    chroma[:] = 128
    frame.unmap()
    return frame


@pytest.fixture
def camera(qapp) -> Iterator[CameraScanner]:
    scanner = CameraScanner()
    yield scanner
    scanner.shutdown()


class CountingDecoder:
    """The real decoder, watched: which thread, how many at once; with a `gate`, each decode
    waits until the test opens it (a slow machine, without timing anything)."""

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.gate = gate
        self.calls = 0
        self.threads: set[int] = set()
        self.in_flight = 0
        self.most_in_flight = 0
        self.started = threading.Event()
        self._lock = threading.Lock()

    def __call__(self, frame: np.ndarray) -> list[str]:
        with self._lock:
            self.calls += 1
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
            self.threads.add(threading.get_ident())
        self.started.set()
        try:
            if self.gate is not None:
                assert self.gate.wait(10)
            return decode_qr_gray(frame)
        finally:
            with self._lock:
                self.in_flight -= 1


# -- a badge at the camera --------------------------------------------------------------------


def test_a_badge_held_up_to_the_camera_is_decoded_off_the_ui_thread(qtbot, qapp, code):
    decoder = CountingDecoder()
    camera = CameraScanner(decoder=decoder)
    try:
        with qtbot.waitSignal(camera.scanned, timeout=5000) as scanned:
            assert camera.feed_image(to_qimage(camera_frame(code)))
        assert scanned.args == [code]
        assert decoder.threads and threading.get_ident() not in decoder.threads
    finally:
        camera.shutdown()


def test_a_phone_screen_with_light_on_dark_code_is_read(qtbot, camera, code):
    inverted = Image.eval(camera_frame(code), lambda value: 255 - value)
    with qtbot.waitSignal(camera.scanned, timeout=5000) as scanned:
        camera.feed_image(to_qimage(inverted))
    assert scanned.args == [code]


def test_a_webcam_nv12_frame_is_read_from_its_luma_plane(qtbot, camera, code):
    frame = nv12_frame(camera_frame(code))
    gray = video_frame_to_gray(frame)
    assert gray.shape == (FRAME_SIZE[1], FRAME_SIZE[0])
    with qtbot.waitSignal(camera.scanned, timeout=5000) as scanned:
        assert camera.feed_frame(frame)
    assert scanned.args == [code]


def test_an_rgb_video_frame_is_read_through_its_image(qtbot, camera, code):
    frame = QVideoFrame(to_qimage(camera_frame(code)))
    assert frame.pixelFormat() not in (
        QVideoFrameFormat.PixelFormat.Format_NV12,
        QVideoFrameFormat.PixelFormat.Format_YUV420P,
    )
    with qtbot.waitSignal(camera.scanned, timeout=5000) as scanned:
        camera.feed_frame(frame)
    assert scanned.args == [code]


def test_a_frame_without_a_code_gives_nothing(qtbot, camera):
    with qtbot.assertNotEmitted(camera.scanned, wait=300):
        camera.feed_image(to_qimage(camera_frame(None)))
        qtbot.waitUntil(lambda: camera.frames_decoded == 1, timeout=5000)
    assert not camera.busy


def test_a_qr_that_is_not_a_badge_reaches_the_handler_cleaned(qtbot, camera):
    """A QR with a shell command in it: only code characters remain, nothing is typed."""
    picture = qr_picture("ext-2019_0042\x1b[2J; rm -rf /", box=4)
    with qtbot.waitSignal(camera.scanned, timeout=5000) as scanned:
        camera.feed_image(to_qimage(picture))
    # `/` stays: pretix's signed tickets use it (and `=`, `+`); spaces, `;` and escapes go.
    assert scanned.args == ["ext-2019_0042rm-rf/"]


# -- never blocking, never queueing ----------------------------------------------------------


def test_frames_arriving_while_a_decode_is_busy_are_dropped(qtbot, qapp, code):
    gate = threading.Event()
    decoder = CountingDecoder(gate)  # a slow machine: the first decode takes until we say so
    camera = CameraScanner(decoder=decoder)
    scanned: list[str] = []
    camera.scanned.connect(scanned.append)
    image = to_qimage(camera_frame(code))
    try:
        assert camera.feed_image(image)
        assert decoder.started.wait(10)
        # While that decode is held, the UI thread hands over 49 more frames and each returns
        # at once, dropped: nothing waits, nothing queues up.
        accepted = [camera.feed_image(image) for _ in range(49)]
        assert accepted == [False] * 49 and camera.busy
        assert decoder.calls == 1 and not scanned
        gate.set()
        qtbot.waitUntil(lambda: not camera.busy, timeout=5000)
    finally:
        camera.shutdown()
    assert decoder.calls == camera.frames_decoded == 1
    assert camera.frames_dropped == 49
    assert decoder.most_in_flight == 1
    assert threading.get_ident() not in decoder.threads
    assert scanned == [code]  # held in view: one scan


def test_with_an_inline_pool_each_frame_is_decoded_before_the_next(qapp, code, signing_key):
    """The synchronous pool of tests: every frame is decoded, in order, on the caller's thread."""
    decoder = CountingDecoder()
    camera = CameraScanner(decoder=decoder, pool=InlinePool())
    scanned: list[str] = []
    camera.scanned.connect(scanned.append)
    other = issue_code(signing_key, "whrcf2019", "R-000779", 0)
    for text in (code, other, code):
        assert camera.feed_image(to_qimage(camera_frame(text)))
    assert decoder.threads == {threading.get_ident()}
    assert camera.frames_dropped == 0 and decoder.calls == 3
    assert scanned == [code, other]  # the third is the first badge again, still in view


def test_the_same_badge_twice_within_two_seconds_is_one_scan(qtbot, qapp, code, signing_key):
    now = [0.0]
    camera = CameraScanner(clock=lambda: now[0])
    scanned: list[str] = []
    camera.scanned.connect(scanned.append)
    image = to_qimage(camera_frame(code))
    other = issue_code(signing_key, "whrcf2019", "R-000778", 0)
    try:
        for at, picture in ((0, image), (1500, image), (1600, to_qimage(camera_frame(other)))):
            now[0] = at
            frames = camera.frames_decoded
            camera.feed_image(picture)
            qtbot.waitUntil(lambda frames=frames: camera.frames_decoded == frames + 1)
        assert scanned == [code, other]
        now[0] = 1500 + 2001  # out of view for two seconds: a new scan
        camera.feed_image(image)
        qtbot.waitUntil(lambda: len(scanned) == 3, timeout=5000)
        assert scanned == [code, other, code]
    finally:
        camera.shutdown()


def test_a_decode_in_flight_when_the_camera_stops_is_not_announced(qtbot, qapp, code):
    gate = threading.Event()
    decoder = CountingDecoder(gate)
    camera = CameraScanner(decoder=decoder)
    try:
        with qtbot.assertNotEmitted(camera.scanned, wait=200):
            camera.feed_image(to_qimage(camera_frame(code)))
            assert decoder.started.wait(10)
            camera.stop()  # while the decode is still held
            gate.set()
            qtbot.waitUntil(lambda: camera.frames_decoded == 1, timeout=5000)
        assert decoder.calls == 1
        assert not camera.busy
    finally:
        camera.shutdown()


# -- the same handler as the wedge scanner ----------------------------------------------------


def test_camera_and_wedge_scanner_hand_the_same_text_to_one_handler(qtbot, qapp, code):
    """The door connects both scanners to one handler: the same badge read either way gives
    the handler the same text."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from kiosk.gui.scanner import ScannerInput

    handled: list[tuple[str, str]] = []
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    wedge = ScannerInput(clock=lambda: 0.0)  # every key at once: a scanner
    camera = CameraScanner()
    wedge.scanned.connect(lambda text: handled.append(("wedge", text)))
    camera.scanned.connect(lambda text: handled.append(("camera", text)))
    wedge.install(qapp)
    try:
        qtbot.keyClicks(field, code)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        with qtbot.waitSignal(camera.scanned, timeout=5000):
            camera.feed_image(to_qimage(camera_frame(code)))
    finally:
        wedge.uninstall()
        camera.shutdown()
    assert handled == [("wedge", code), ("camera", code)]
    assert field.text() == ""


# -- no camera here ---------------------------------------------------------------------------


def test_without_a_camera_start_explains_instead_of_crashing(qtbot, camera):
    assert camera.available_cameras() == []
    with qtbot.waitSignal(camera.error, timeout=2000) as error:
        assert camera.start() is False
    assert "camera" in error.args[0].lower()
    assert not camera.running


def test_asking_for_a_camera_that_is_gone_explains(qtbot, camera):
    with qtbot.waitSignal(camera.error, timeout=2000) as error:
        assert camera.start("no-such-camera") is False
    assert error.args[0]
    assert not camera.running


def test_without_qt_multimedia_start_explains(qtbot, camera, monkeypatch):
    monkeypatch.setattr(camera_module, "_multimedia_error", "libpulse.so.0: cannot open")
    assert camera.available_cameras() == []
    with qtbot.waitSignal(camera.error, timeout=2000) as error:
        assert camera.start() is False
    assert "not available" in error.args[0]


def test_frames_shown_in_the_preview_are_the_frames_decoded(qtbot, camera, code):
    """The live picture's sink is where frames are taken from: a frame the capture session
    would put into the preview widget is decoded (made here without a camera)."""
    preview = camera.create_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    assert preview.accessibleName()
    assert camera.video_sink is preview.videoSink()
    with qtbot.waitSignal(camera.scanned, timeout=5000) as scanned:
        preview.videoSink().setVideoFrame(nv12_frame(camera_frame(code)))
    assert scanned.args == [code]
    assert camera.frames_received == 1


# -- the conversion itself --------------------------------------------------------------------


def test_gray_conversion_respects_the_row_padding_of_a_qimage():
    rng = np.random.default_rng(1)
    pixels = rng.integers(0, 256, size=(37, 641), dtype=np.uint8)
    image = QImage(pixels.tobytes(), 641, 37, 641, QImage.Format.Format_Grayscale8).copy()
    assert image.bytesPerLine() > 641  # rows are padded to 4 bytes
    assert np.array_equal(qimage_to_gray(image), pixels)


def test_decoder_accepts_only_grayscale_bytes():
    with pytest.raises(ValueError):
        decode_qr_gray(np.zeros((10, 10, 3), dtype=np.uint8))
    assert decode_qr_gray(np.zeros((0, 0), dtype=np.uint8)) == []


def test_the_no_camera_message_follows_the_screen_language(qtbot, qapp, camera, tmp_path):
    """The Korean message comes from resources/translations/scanner_ko.ts, compiled here."""
    import subprocess

    from PySide6.QtCore import QTranslator

    from kiosk.gui.translations import TRANSLATIONS_DIR, _lrelease

    compiled = tmp_path / "scanner_ko.qm"
    source = TRANSLATIONS_DIR / "scanner_ko.ts"
    subprocess.run([_lrelease(), "-silent", str(source), "-qm", str(compiled)], check=True)
    translator = QTranslator()
    assert translator.load(str(compiled))
    qapp.installTranslator(translator)
    try:
        with qtbot.waitSignal(camera.error, timeout=2000) as error:
            camera.start()
        assert error.args[0].startswith("카메라를 찾을 수 없습니다")
    finally:
        qapp.removeTranslator(translator)
    with qtbot.waitSignal(camera.error, timeout=2000) as error:
        camera.start()
    assert error.args[0].startswith("No camera found")
