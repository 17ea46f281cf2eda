"""The evidence store: files kept outside every web-served folder, named by their SHA-256.

A file lives at `<root>/ab/cd/<sha256>` (the first two byte pairs of the hash fan the files out
over folders). It is written once, to a private temporary file beside the store, and linked into
place atomically; an existing file is never overwritten, so an original can never be altered.
The same bytes uploaded twice therefore occupy one file. The name a user gave a file is kept for
display only and never becomes part of a path.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import BinaryIO

from flask import current_app

from app.errors import InvalidInput
from app.evidence.media_types import ALLOWED, MediaSniffer

CHUNK_BYTES = 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_UNSAFE_IN_NAMES = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
MAX_NAME_LENGTH = 255
FALLBACK_NAME = "evidence"


@dataclass(frozen=True)
class StoredFile:
    """What the store knows about a file it now holds."""

    sha256: str
    size_bytes: int
    media_type: str
    path: Path
    already_stored: bool


class EvidenceStore:
    """Content-addressed file storage under `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        """Where the file with this hash lives (whether or not it exists yet)."""
        if not _SHA256.match(sha256):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def save(self, stream: BinaryIO, *, max_bytes: int) -> StoredFile:
        """Store the bytes of `stream`, hashing, sizing and sniffing them in one pass.

        Raises `InvalidInput` (on the `file` field) when the file is empty, larger than
        `max_bytes`, or of a type outside the allow-list; nothing is kept in that case.
        """
        incoming = self.root / ".incoming"
        incoming.mkdir(parents=True, exist_ok=True, mode=0o700)
        # mkstemp creates the file with mode 0600, readable by Casebook's own user only.
        handle, temp_name = tempfile.mkstemp(dir=incoming, prefix="upload-")
        temp_path = Path(temp_name)
        try:
            digest, size, media_type = _copy_and_inspect(stream, handle, max_bytes)
            stored = self._place(temp_path, digest)
        finally:
            temp_path.unlink(missing_ok=True)
        return StoredFile(digest, size, media_type, self.path_for(digest), stored)

    def _place(self, temp_path: Path, sha256: str) -> bool:
        """Link the finished file into place; True when identical bytes were already there."""
        final = self.path_for(sha256)
        final.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            # A hard link is atomic and, unlike rename, refuses to replace an existing file.
            os.link(temp_path, final)
        except FileExistsError:
            return True
        except OSError:
            # Filesystems without hard links: rename is still atomic; skip it if present.
            if final.exists():
                return True
            os.replace(temp_path, final)
        return False

    def matches(self, sha256: str) -> bool:
        """True when the stored file still hashes to `sha256` (False when it is missing)."""
        path = self.path_for(sha256)
        if not path.is_file():
            return False
        digest = hashlib.sha256()
        with path.open("rb") as stored:
            while chunk := stored.read(CHUNK_BYTES):
                digest.update(chunk)
        return digest.hexdigest() == sha256


def _copy_and_inspect(stream: BinaryIO, handle: int, max_bytes: int) -> tuple[str, int, str]:
    digest = hashlib.sha256()
    sniffer = MediaSniffer()
    size = 0
    with os.fdopen(handle, "wb") as out:
        while chunk := stream.read(CHUNK_BYTES):
            size += len(chunk)
            if size > max_bytes:
                raise too_large(max_bytes)
            digest.update(chunk)
            sniffer.feed(chunk)
            out.write(chunk)
        media_type = sniffer.result()
        out.flush()
        os.fsync(out.fileno())
    return digest.hexdigest(), size, media_type


def too_large(max_bytes: int) -> InvalidInput:
    """The refusal for a file over the upload limit, naming the limit."""
    return InvalidInput(
        f"This file is larger than the upload limit of {format_size(max_bytes)}. "
        "Nothing was saved. Upload a smaller file, or split a long recording into parts.",
        field="file",
    )


def evidence_store() -> EvidenceStore:
    """The current app's evidence store (settings' evidence folder)."""
    return EvidenceStore(current_app.extensions["casebook.settings"].resolved_evidence_dir())


def upload_limit_bytes() -> int:
    """The largest file the current app accepts, from settings' `max_upload_mb`."""
    return int(current_app.extensions["casebook.settings"].max_upload_mb) * 1024 * 1024


def display_filename(name: str | None) -> str:
    """A user-supplied file name made safe to show and to offer as a download name.

    Folders ("../../etc/") are dropped, control and reserved characters removed, Unicode kept
    (Urdu names stay readable), and the length capped with the extension preserved.
    """
    base = unicodedata.normalize("NFC", name or "")
    base = re.split(r"[/\\]", base)[-1]
    base = _UNSAFE_IN_NAMES.sub("", base).strip().lstrip(".").strip()
    if not base:
        return FALLBACK_NAME
    if len(base) > MAX_NAME_LENGTH:
        suffix = PurePath(base).suffix[:16]
        base = base[: MAX_NAME_LENGTH - len(suffix)] + suffix
    return base


def download_filename(name: str, media_type: str) -> str:
    """The name offered on download: the display name, plus the right extension if it lacks one.

    A PNG uploaded as "scan.pdf" downloads as "scan.pdf.png", so the reader's computer opens it
    with a program for what it really is.
    """
    allowed = ALLOWED.get(media_type)
    if allowed is None or PurePath(name).suffix.lower() in allowed.extensions:
        return name
    return name[: MAX_NAME_LENGTH - len(allowed.extension)] + allowed.extension


def format_size(size_bytes: int) -> str:
    """A size as people read it: "512 bytes", "48.2 KB", "50 MB"."""
    if size_bytes < 1024:
        return f"{size_bytes} bytes"
    value = size_bytes / 1024
    for unit in ("KB", "MB"):
        if value < 1024:
            return f"{value:.1f}".removesuffix(".0") + f" {unit}"
        value /= 1024
    return f"{value:.1f}".removesuffix(".0") + " GB"
