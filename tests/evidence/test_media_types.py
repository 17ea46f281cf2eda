"""Sniffing: the bytes decide the type, whatever the name; refused types are named clearly."""

from __future__ import annotations

import io
import zipfile

import pytest

from app.errors import InvalidInput
from app.evidence.media_types import ALLOWED, INLINE_IMAGE_TYPES, MediaSniffer
from tests.evidence.conftest import PDF_BYTES
from tests.factories import png_bytes


def sniff(content: bytes, chunk: int = 1024 * 1024) -> str:
    sniffer = MediaSniffer()
    for start in range(0, len(content), chunk):
        sniffer.feed(content[start : start + chunk])
    return sniffer.result()


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (png_bytes(), "image/png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 100, "image/jpeg"),
        (PDF_BYTES, "application/pdf"),
        (b"OggS" + b"\x00" * 100, "audio/ogg"),
        (b"A typed statement.\n", "text/plain"),
        ("بیان: رات دو بجے".encode(), "text/plain"),
        (_docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
    ids=["png", "jpeg", "pdf", "ogg-voice-note", "english-text", "urdu-text", "docx"],
)
def test_accepted_types_are_recognised_from_their_bytes(content: bytes, expected: str) -> None:
    assert sniff(content) == expected
    assert expected in ALLOWED


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><p>hi</p>",
        b"\xef\xbb\xbf  \n<html><body>hi</body></html>",
        b"<svg xmlns='http://www.w3.org/2000/svg'/>",
        b'<?xml version="1.0"?><svg/>',
        b"<script>alert(1)</script>",
        b"<!-- comment --><b>x</b>",
    ],
    ids=["doctype", "bom-and-space", "svg", "xml", "script", "comment"],
)
def test_markup_a_browser_would_render_is_refused(content: bytes) -> None:
    with pytest.raises(InvalidInput, match="web page, SVG or XML file"):
        sniff(content)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04" + b"\x00" * 200, "Archives and programs are refused"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\x00" * 504
            + b"\xec\xa5\xc1\x00"
            + b"\x00" * 100,
            "old-style Office file",
        ),
        (bytes(range(256)) * 4, "does not accept"),
        (b"text then a NUL\x00", "does not accept"),
    ],
    ids=["zip", "legacy-word", "random-binary", "text-with-nul"],
)
def test_other_types_are_refused_with_advice(content: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message) as refused:
        sniff(content)
    assert refused.value.field == "file"


def test_utf8_split_across_chunks_is_still_text() -> None:
    statement = ("ماں نے بتایا کہ " * 2000).encode()
    assert sniff(statement, chunk=4097) == "text/plain"


def test_invalid_utf8_late_in_a_long_file_makes_it_binary() -> None:
    with pytest.raises(InvalidInput, match="does not accept"):
        sniff(b"plain words " * 5000 + b"\xff\xfe")


def test_an_unrecognised_binary_is_refused_before_the_rest_is_read() -> None:
    sniffer = MediaSniffer()
    with pytest.raises(InvalidInput):
        sniffer.feed(b"\x01\x02\x03\xff" * 4096)  # one chunk; no need to wait for the end


def test_only_raster_images_are_ever_inline() -> None:
    assert {"image/png", "image/jpeg", "image/gif", "image/webp"} == INLINE_IMAGE_TYPES
    assert "image/svg+xml" not in ALLOWED
