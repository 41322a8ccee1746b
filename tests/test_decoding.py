"""From an import file's bytes to text: each encoding organisers' tools write is read in one order
(UTF-8 with or without a BOM, UTF-16 with a BOM, CP949), the wizard names the same encoding the
import uses, and bytes no encoding fits are refused with the line of the first bad byte."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.imports.decoding import decode_bytes, decode_named, encoding_name, nfc
from kiosk.imports.report import FileProblem, Problem

TEXT = "registration_id,name_local\nX-1,김민지\nX-2,박똠햏\n"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 BOM"),
        (TEXT.encode("utf-16"), "UTF-16"),  # with its byte order mark
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16"),
        (TEXT.encode("cp949"), "CP949"),
        (b"", "UTF-8"),
    ],
)
def test_each_encoding_is_read_and_named(data: bytes, name: str) -> None:
    expected = TEXT if data else ""
    assert decode_named(data, "roster.csv") == (name, expected)
    assert decode_bytes(data, "roster.csv") == expected
    assert encoding_name(data) == name


def test_utf8_wins_over_cp949_for_text_both_could_read() -> None:
    ascii_only = b"registration_id\nX-1\n"
    assert encoding_name(ascii_only) == "UTF-8"


def test_a_byte_order_mark_then_bytes_that_are_not_utf8_name_their_line() -> None:
    data = codecs.BOM_UTF8 + b"a,b\nc,d\ne,\xff\n"
    with pytest.raises(FileProblem) as caught:
        decode_bytes(data, "roster.csv")
    problem = caught.value
    assert problem.code == Problem.BAD_UTF8_AFTER_BOM
    assert problem.params == {"file": "roster.csv", "byte": "0xff", "line": 3}
    assert problem.row == 3
    assert (
        str(problem)
        == "cannot read roster.csv: it starts as UTF-8 but byte 0xff on line 3 is not UTF-8"
    )
    assert encoding_name(data) is None


def test_damaged_utf16_is_refused() -> None:
    data = codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8"  # a lone surrogate
    with pytest.raises(FileProblem) as caught:
        decode_bytes(data, "list.csv")
    assert caught.value.code == Problem.BAD_UTF16
    assert caught.value.params == {"file": "list.csv"}
    assert str(caught.value) == "cannot read list.csv: damaged UTF-16 text"


def test_bytes_no_encoding_fits_are_refused_at_the_first_bad_byte() -> None:
    data = b"id,name\nX-1,ok\nX-2,Jos\xe9\xff\n"
    with pytest.raises(FileProblem) as caught:
        decode_bytes(data, "roster.csv")
    problem = caught.value
    assert problem.code == Problem.UNKNOWN_ENCODING
    assert problem.params == {"file": "roster.csv", "byte": "0xe9", "line": 3}
    assert problem.row == 3
    assert str(problem) == (
        "cannot read roster.csv: not UTF-8, UTF-16 or CP949 text (byte 0xe9 on line 3); "
        "save it as UTF-8 CSV"
    )


@pytest.mark.parametrize(
    "data",
    [
        b"a\x00b",  # read as UTF-8
        codecs.BOM_UTF8 + b"a\x00b",
        codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"),
        "김\x00".encode("cp949"),
        "ab".encode("utf-16-le"),  # UTF-16 without its mark reads as UTF-8 with NULs
    ],
)
def test_nul_characters_mean_utf16_without_a_byte_order_mark(data: bytes) -> None:
    with pytest.raises(FileProblem) as caught:
        decode_bytes(data, "x.csv")
    assert caught.value.code == Problem.NUL_CHARACTERS
    assert caught.value.params == {"file": "x.csv"}
    assert str(caught.value) == (
        "cannot read x.csv: it contains NUL characters "
        "(UTF-16 without a byte order mark?); save it as UTF-8 CSV"
    )


def test_the_line_counts_from_the_first_byte() -> None:
    with pytest.raises(FileProblem) as caught:
        decode_bytes(b"\nX-1,Jos\xe9\xff\n", "roster.csv")
    assert caught.value.params["line"] == 2 and caught.value.row == 2


def test_text_comes_back_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "김민지 García")
    assert decode_bytes(decomposed.encode("utf-8"), "x.csv") == "김민지 García"
    assert nfc("plain") == "plain"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=64))
def test_the_wizard_names_an_encoding_exactly_when_the_import_can_read_the_file(
    data: bytes,
) -> None:
    name = encoding_name(data)
    try:
        text = decode_bytes(data, "any.csv")
    except FileProblem:
        assert name is None
    else:
        assert name in {"UTF-8", "UTF-8 BOM", "UTF-16", "CP949"}
        assert decode_named(data, "any.csv") == (name, text)
