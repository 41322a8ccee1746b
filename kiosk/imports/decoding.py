"""From the bytes of an import file to text: the encodings organisers' tools actually write.

Korean Excel saves CSV as CP949 (a superset of EUC-KR that also covers syllables like 똠), other
tools as UTF-8 with or without a byte order mark, some as UTF-16. Text is returned in Unicode NFC
so that a name typed on a Mac (NFD) matches the same name typed on Windows.
"""

from __future__ import annotations

import codecs
import unicodedata

from kiosk.imports.report import FileProblem, Problem

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def nfc(text: str) -> str:
    """The text in Unicode NFC (cheap when it already is, which is the common case)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_bytes(data: bytes, name: str) -> str:
    """Decode an import file: strict UTF-8 (BOM stripped), UTF-16 with a BOM, then CP949.

    Raises FileProblem naming the line of the first byte that is not UTF-8 when no encoding
    fits, rather than guessing and storing garbled names.
    """
    return decode_named(data, name)[1]


def encoding_name(data: bytes) -> str | None:
    """The encoding `decode_bytes` reads this file in, as the import wizard names it ("UTF-8",
    "UTF-8 BOM", "UTF-16", "CP949"), or None when it cannot read it."""
    try:
        return decode_named(data, "")[0]
    except FileProblem:
        return None


def decode_named(data: bytes, name: str) -> tuple[str, str]:
    """`decode_bytes` with the name of the encoding that read the text: (name, text)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            offset = exc.start + len(codecs.BOM_UTF8)
            line = _line_of(data, offset)
            raise FileProblem(
                f"cannot read {name}: it starts as UTF-8 but byte 0x{data[offset]:02x} "
                f"on line {line} is not UTF-8",
                Problem.BAD_UTF8_AFTER_BOM,
                {"file": name, "byte": f"0x{data[offset]:02x}", "line": line},
                row=line,
            ) from exc
        return "UTF-8 BOM", _finish(text, name)
    try:
        return "UTF-8", _finish(data.decode("utf-8"), name)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if data.startswith(_UTF16_BOMS):
        try:
            return "UTF-16", _finish(data.decode("utf-16"), name)
        except UnicodeDecodeError as exc:
            raise FileProblem(
                f"cannot read {name}: damaged UTF-16 text", Problem.BAD_UTF16, {"file": name}
            ) from exc
    try:
        return "CP949", _finish(data.decode("cp949"), name)
    except UnicodeDecodeError:
        pass
    line = _line_of(data, utf8_error.start)
    raise FileProblem(
        f"cannot read {name}: not UTF-8, UTF-16 or CP949 text (byte 0x{data[utf8_error.start]:02x} "
        f"on line {line}); save it as UTF-8 CSV",
        Problem.UNKNOWN_ENCODING,
        {"file": name, "byte": f"0x{data[utf8_error.start]:02x}", "line": line},
        row=line,
    )


def _finish(text: str, name: str) -> str:
    if "\x00" in text:
        raise FileProblem(
            f"cannot read {name}: it contains NUL characters "
            "(UTF-16 without a byte order mark?); save it as UTF-8 CSV",
            Problem.NUL_CHARACTERS,
            {"file": name},
        )
    return nfc(text)
