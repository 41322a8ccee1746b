"""Camera scanning: QtMultimedia capture, a live preview, QR decoding off the UI thread.

Frames come from a QMediaCaptureSession into a QVideoSink (the preview QVideoWidget's sink when
there is one). Each frame is reduced to its grayscale luma and decoded with zxing-cpp (QR only)
on a one-thread background pool of its own (`kiosk.background`; tests may pass an `InlinePool`,
which decodes on the spot). While a decode is in flight newer frames are dropped on
the spot: nothing queues up, and the UI thread only ever does a flag check per frame. zxing-cpp
releases the GIL while it decodes, so Python code on the UI thread keeps running too.

A decoded text is cleaned exactly as the wedge scanner cleans a burst (`scanner.clean_text`) and
debounced with the shared `Debouncer` (a code held in view is one scan until it has been out of
view for two seconds), then emitted as `scanned(str)`: the door and kiosk views connect it to the
same scan handler as `ScannerInput.scanned`.

QtMultimedia, zxing-cpp and numpy are imported on first use, so importing this module costs
nothing at start-up; if QtMultimedia cannot be loaded, `start()` emits `error` with a clear
message instead of failing.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QImage

from kiosk.background import Pool, ThreadPool
from kiosk.gui.scanner import DEBOUNCE_MS, MAX_LENGTH, Clock, Debouncer, clean_text

if TYPE_CHECKING:
    import numpy
    from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QVideoFrame, QVideoSink
    from PySide6.QtMultimediaWidgets import QVideoWidget
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

Decoder = Callable[["numpy.ndarray"], list[str]]
# Camera formats above this many pixels are not asked for: 720p decodes in a few milliseconds
# and reads a badge at arm's length; 1080p and up would only make every frame slower.
_MAX_PIXELS = 1280 * 720
_MIN_FPS = 15.0

_multimedia_error: str | None = None


def multimedia_error() -> str | None:
    """Why QtMultimedia cannot be used here, or None when it loads."""
    global _multimedia_error
    if _multimedia_error is None:
        try:
            import PySide6.QtMultimedia  # noqa: F401
        except ImportError as exc:  # e.g. a missing system library such as libpulse
            _multimedia_error = str(exc) or type(exc).__name__
            return _multimedia_error
        _multimedia_error = ""
    return _multimedia_error or None


# -- decoding (any thread) --------------------------------------------------------------------


def decode_qr_gray(frame: numpy.ndarray) -> list[str]:
    """The texts of the valid QR codes in a grayscale uint8 image (rows x columns)."""
    import numpy as np
    import zxingcpp

    if frame.dtype != np.uint8 or frame.ndim != 2:
        raise ValueError(f"expected a 2-D uint8 grayscale array, got {frame.dtype} {frame.shape}")
    if frame.size == 0:
        return []
    barcodes = zxingcpp.read_barcodes(
        np.ascontiguousarray(frame),
        formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
        text_mode=zxingcpp.TextMode.Plain,
    )
    texts: list[str] = []
    for barcode in barcodes:
        if barcode.valid and barcode.text not in texts:
            texts.append(barcode.text)
    return texts


def qimage_to_gray(image: QImage) -> numpy.ndarray:
    """A QImage as a grayscale uint8 array (copied: it does not keep the image alive).

    Rows of a QImage are padded to `bytesPerLine()`, so the buffer is read with that stride
    and cut to the image width.
    """
    import numpy as np

    if image.isNull():
        return np.zeros((0, 0), dtype=np.uint8)
    gray = image
    if gray.format() != QImage.Format.Format_Grayscale8:
        gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    buffer = np.frombuffer(gray.constBits(), dtype=np.uint8, count=stride * height)
    return buffer.reshape(height, stride)[:, :width].copy()


def _luma_layout(pixel_format: Any) -> tuple[int, int] | None:
    """(offset, step) of the luma bytes in plane 0 for 8-bit YUV formats, else None."""
    from PySide6.QtMultimedia import QVideoFrameFormat

    formats = QVideoFrameFormat.PixelFormat
    planar = {
        formats.Format_NV12,
        formats.Format_NV21,
        formats.Format_YUV420P,
        formats.Format_YV12,
        formats.Format_YUV422P,
        formats.Format_IMC1,
        formats.Format_IMC2,
        formats.Format_IMC3,
        formats.Format_IMC4,
        formats.Format_Y8,
    }
    if pixel_format in planar:
        return (0, 1)
    if pixel_format == formats.Format_YUYV:
        return (0, 2)
    if pixel_format == formats.Format_UYVY:
        return (1, 2)
    return None


def video_frame_to_gray(frame: QVideoFrame) -> numpy.ndarray:
    """A camera frame as grayscale: the luma plane itself for YUV frames (no colour
    conversion at all), else through QVideoFrame.toImage()."""
    import numpy as np
    from PySide6.QtMultimedia import QVideoFrame

    layout = _luma_layout(frame.pixelFormat())
    if layout is not None:
        mapped = QVideoFrame(frame)  # a shallow copy this thread maps and unmaps itself
        if mapped.map(QVideoFrame.MapMode.ReadOnly):
            try:
                width, height = mapped.width(), mapped.height()
                stride = mapped.bytesPerLine(0)
                bits = mapped.bits(0)
                if bits is not None and stride * height <= len(bits):
                    rows = np.frombuffer(bits, dtype=np.uint8, count=stride * height)
                    offset, step = layout
                    rows = rows.reshape(height, stride)
                    return rows[:, offset : offset + width * step : step].copy()
            finally:
                mapped.unmap()
    return qimage_to_gray(frame.toImage())


# -- the worker -------------------------------------------------------------------------------


class _Results(QObject):
    """Lives on the UI thread; the worker's signal is queued to it."""

    decoded = Signal(int, list)


class _DecodeJob:
    """Converts one frame or image to grayscale and decodes it, on the pool's thread."""

    def __init__(
        self, source: QImage | QVideoFrame, generation: int, decoder: Decoder, results: _Results
    ) -> None:
        self._source: QImage | QVideoFrame | None = source
        self._generation = generation
        self._decoder = decoder
        self._results = results

    def run(self) -> None:
        texts: list[str] = []
        source, self._source = self._source, None
        try:
            if isinstance(source, QImage):
                gray = qimage_to_gray(source)
            elif source is not None:
                gray = video_frame_to_gray(source)
            else:
                return
            texts = self._decoder(gray)
        except Exception:  # a bad frame must not stop the pipeline
            log.exception("decoding a camera frame failed")
        finally:
            del source  # hand the frame's buffer back to the camera at once
            with contextlib.suppress(RuntimeError):  # the scanner was deleted meanwhile
                self._results.decoded.emit(self._generation, texts)


# -- the camera -------------------------------------------------------------------------------


class CameraScanner(QObject):
    """The camera as a scanner: choose a camera, preview it, emit `scanned(code)`.

    `feed_frame()` receives the sink's frames; `feed_image()` takes a QImage (tests, or any
    other source). Both drop the frame when a decode is still in flight. The counters
    `frames_received`, `frames_dropped` and `frames_decoded` show how the pipeline keeps up.
    """

    scanned = Signal(str)
    error = Signal(str)
    running_changed = Signal(bool)
    cameras_changed = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        decoder: Decoder = decode_qr_gray,
        debounce_ms: float = DEBOUNCE_MS,
        clock: Clock | None = None,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(parent)
        self._decoder = decoder
        self.debouncer = Debouncer(debounce_ms, clock, extend_on_repeat=True)
        self._pool = pool or ThreadPool(1, name="kiosk-camera-decode")
        self._results = _Results(self)
        self._results.decoded.connect(self._on_decoded)
        self._busy = False
        self._generation = 0
        self._running = False
        self._camera: QCamera | None = None
        self._session: QMediaCaptureSession | None = None
        self._own_sink: QVideoSink | None = None
        self._tapped_sink: QVideoSink | None = None
        self._preview: QVideoWidget | None = None
        self._devices: QObject | None = None
        self.frames_received = 0
        self.frames_dropped = 0
        self.frames_decoded = 0
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- cameras ------------------------------------------------------------------------------

    def available_cameras(self) -> list[tuple[str, str]]:
        """(id, description) of each connected camera; empty when none or no QtMultimedia."""
        if multimedia_error():
            return []
        from PySide6.QtMultimedia import QMediaDevices

        if self._devices is None:
            self._devices = QMediaDevices(self)
            self._devices.videoInputsChanged.connect(self.cameras_changed)
        return [(_device_id(d), d.description()) for d in QMediaDevices.videoInputs()]

    @property
    def running(self) -> bool:
        """True between a successful `start()` and `stop()` (or a camera failure)."""
        return self._running

    @property
    def busy(self) -> bool:
        """True while a frame is being decoded."""
        return self._busy

    def start(self, camera_id: str | None = None) -> bool:
        """Open a camera (the default one, or `camera_id`) and start decoding its frames.

        Returns False, after emitting `error` with a message for the screen, when there is no
        camera, the chosen one is gone, or camera support is missing.
        """
        problem = multimedia_error()
        if problem:
            log.warning("QtMultimedia unavailable: %s", problem)
            self.error.emit(
                self.tr(
                    "Camera scanning is not available on this computer. "
                    "Use the barcode scanner instead."
                )
            )
            return False
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices

        devices = QMediaDevices.videoInputs()
        if not devices:
            self.error.emit(
                self.tr("No camera found. Connect a camera, or use the barcode scanner.")
            )
            return False
        if camera_id is None:
            default = QMediaDevices.defaultVideoInput()
            device = devices[0] if default.isNull() else default
        else:
            matches = [d for d in devices if _device_id(d) == camera_id]
            if not matches:
                self.error.emit(
                    self.tr("The chosen camera is not connected. Choose another camera.")
                )
                return False
            device = matches[0]
        self.stop()
        camera = QCamera(device, self)
        preferred = _preferred_format(device)
        if preferred is not None:
            camera.setCameraFormat(preferred)
        camera.errorOccurred.connect(self._on_camera_error)
        session = QMediaCaptureSession(self)
        session.setCamera(camera)
        self._camera, self._session = camera, session
        self._connect_output()
        camera.start()
        if camera.error() != QCamera.Error.NoError:
            self._on_camera_error(camera.error(), camera.errorString())
            return False
        self._set_running(True)
        return True

    def stop(self) -> None:
        """Close the camera; a decode still in flight is finished but not emitted."""
        self._generation += 1
        camera, session = self._camera, self._session
        self._camera = self._session = None
        if camera is not None:
            camera.errorOccurred.disconnect(self._on_camera_error)
            camera.stop()
            camera.deleteLater()
        if session is not None:
            session.deleteLater()
        self._set_running(False)

    def shutdown(self, timeout_ms: int = 2000) -> None:
        """Stop and wait for the decode thread (at application exit and in tests)."""
        self.stop()
        self._pool.wait_idle(timeout_ms / 1000)

    # -- preview ------------------------------------------------------------------------------

    def create_preview(self, parent: QWidget | None = None) -> QVideoWidget | None:
        """A QVideoWidget showing the live picture (None without QtMultimediaWidgets)."""
        try:
            from PySide6.QtMultimediaWidgets import QVideoWidget
        except ImportError:
            return None
        widget = QVideoWidget(parent)
        widget.setAccessibleName(self.tr("Camera picture"))
        widget.setAccessibleDescription(self.tr("Hold the QR code in front of the camera."))
        self.set_preview(widget)
        return widget

    def set_preview(self, widget: QVideoWidget | None) -> None:
        """Show the camera in `widget` (frames are then taken from its sink), or in none."""
        self._preview = widget
        self._connect_output()

    @property
    def video_sink(self) -> QVideoSink | None:
        """The sink frames are taken from (a view may also paint it itself)."""
        return self._tapped_sink

    def _connect_output(self) -> None:
        """Route the session's picture to the preview (or an own sink) and decode its frames."""
        if multimedia_error():
            return
        from PySide6.QtMultimedia import QVideoSink

        if self._preview is not None:
            sink = self._preview.videoSink()
            if self._session is not None:
                self._session.setVideoOutput(self._preview)
        else:
            if self._own_sink is None:
                self._own_sink = QVideoSink(self)
            sink = self._own_sink
            if self._session is not None:
                self._session.setVideoSink(sink)
        if sink is not self._tapped_sink:
            self._untap()
            sink.videoFrameChanged.connect(self.feed_frame)
            self._tapped_sink = sink

    def _untap(self) -> None:
        if self._tapped_sink is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # already gone
                self._tapped_sink.videoFrameChanged.disconnect(self.feed_frame)
            self._tapped_sink = None

    # -- frames -------------------------------------------------------------------------------

    def feed_frame(self, frame: QVideoFrame) -> bool:
        """Take one camera frame; False when it was dropped (decoder busy, or invalid)."""
        self.frames_received += 1
        if not frame.isValid():
            return False
        return self._submit(frame)

    def feed_image(self, image: QImage) -> bool:
        """Take one picture as if it were a frame; False when dropped."""
        self.frames_received += 1
        if image.isNull():
            return False
        return self._submit(QImage(image))

    def _submit(self, source: QImage | QVideoFrame) -> bool:
        if self._busy:
            self.frames_dropped += 1
            return False
        self._busy = True
        self._pool.submit(_DecodeJob(source, self._generation, self._decoder, self._results).run)
        return True

    def _on_decoded(self, generation: int, texts: Sequence[str]) -> None:
        self._busy = False
        self.frames_decoded += 1
        if generation != self._generation:
            return  # decoded from before stop()
        for text in texts:
            code = clean_text(text)
            if code and len(code) <= MAX_LENGTH and self.debouncer.accept(code):
                self.scanned.emit(code)

    # -- state --------------------------------------------------------------------------------

    def _on_camera_error(self, _error: object, detail: str) -> None:
        log.warning("camera error: %s", detail)
        self.stop()
        self.error.emit(
            self.tr(
                "The camera stopped working ({detail}). Check its cable, then try again."
            ).replace("{detail}", detail or "?")
        )

    def _set_running(self, running: bool) -> None:
        if running != self._running:
            self._running = running
            self.running_changed.emit(running)


def _device_id(device: Any) -> str:
    return bytes(device.id().data()).decode("utf-8", "replace")


def _preferred_format(device: Any) -> Any:
    """The camera format with the most pixels up to 720p and at least 15 frames a second,
    preferring YUV formats whose luma plane needs no conversion; None to keep the default."""
    best = None
    best_key: tuple[int, int, float] | None = None
    for camera_format in device.videoFormats():
        size = camera_format.resolution()
        pixels = size.width() * size.height()
        if pixels > _MAX_PIXELS or camera_format.maxFrameRate() < _MIN_FPS:
            continue
        key = (
            pixels,
            int(_luma_layout(camera_format.pixelFormat()) is not None),
            camera_format.maxFrameRate(),
        )
        if best_key is None or key > best_key:
            best, best_key = camera_format, key
    return best
