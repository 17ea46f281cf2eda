"""The content-addressed store: one file per distinct content, never overwritten, never a path
from a user's file name."""

from __future__ import annotations

import hashlib
import io
import os

import pytest

from app.errors import InvalidInput
from app.evidence.storage import (
    CHUNK_BYTES,
    EvidenceStore,
    display_filename,
    download_filename,
    format_size,
)
from tests.factories import png_bytes


class CountingStream(io.BytesIO):
    """A stream that remembers the size of every read, to show the store reads in chunks."""

    def __init__(self, content: bytes) -> None:
        super().__init__(content)
        self.reads: list[int] = []

    def read(self, size: int | None = -1) -> bytes:
        self.reads.append(-1 if size is None else size)
        return super().read(size)


def test_a_large_file_is_streamed_in_chunks_not_read_whole(tmp_path):
    content = png_bytes() + os.urandom(3 * CHUNK_BYTES)
    stream = CountingStream(content)

    stored = EvidenceStore(tmp_path).save(stream, max_bytes=10 * CHUNK_BYTES)

    assert all(0 < size <= CHUNK_BYTES for size in stream.reads)
    assert len(stream.reads) >= 4
    assert stored.sha256 == hashlib.sha256(content).hexdigest()
    assert stored.path.read_bytes() == content


def test_saving_the_same_bytes_again_leaves_the_original_untouched(tmp_path):
    store = EvidenceStore(tmp_path)
    first = store.save(io.BytesIO(png_bytes()), max_bytes=CHUNK_BYTES)
    before = first.path.stat()

    second = store.save(io.BytesIO(png_bytes()), max_bytes=CHUNK_BYTES)

    after = second.path.stat()
    assert (first.already_stored, second.already_stored) == (False, True)
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    assert list((tmp_path / ".incoming").iterdir()) == []


def test_a_refused_file_leaves_nothing_behind(tmp_path):
    store = EvidenceStore(tmp_path)

    with pytest.raises(InvalidInput, match="upload limit of 1 KB"):
        store.save(io.BytesIO(png_bytes() + b"\x00" * 2048), max_bytes=1024)

    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_only_a_real_sha256_can_name_a_stored_file(tmp_path):
    store = EvidenceStore(tmp_path)
    with pytest.raises(ValueError):
        store.path_for("../../etc/passwd")
    with pytest.raises(ValueError):
        store.path_for("A" * 64)


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\win.ini", "win.ini"),
        ("C:\\Users\\field\\photo 1.jpg", "photo 1.jpg"),
        (".htaccess", "htaccess"),
        ("..", "evidence"),
        ("", "evidence"),
        (None, "evidence"),
        ("bad\x00name\r\n.png", "badname.png"),
        ('a<b>c:"d|e?f*.pdf', "abcdef.pdf"),
        ("بیان خاندان.pdf", "بیان خاندان.pdf"),
    ],
)
def test_file_names_are_made_safe_for_display(given, shown):
    assert display_filename(given) == shown


def test_very_long_names_keep_their_extension():
    name = display_filename("x" * 400 + ".jpeg")
    assert len(name) == 255
    assert name.endswith(".jpeg")


def test_download_names_gain_the_extension_of_the_real_type():
    assert download_filename("scan.pdf", "image/png") == "scan.pdf.png"
    assert download_filename("scan.PNG", "image/png") == "scan.PNG"
    assert download_filename("voice", "audio/ogg") == "voice.ogg"


def test_sizes_read_like_people_say_them():
    assert format_size(512) == "512 bytes"
    assert format_size(1536) == "1.5 KB"
    assert format_size(50 * 1024 * 1024) == "50 MB"
