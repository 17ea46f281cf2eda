"""What an evidence file really is, judged from its bytes, and which kinds Casebook accepts.

The client's Content-Type and the file's extension are never trusted: both are set by whoever
sends the file. `MediaSniffer` looks at the bytes as they stream in and names the type; anything
outside `ALLOWED` is refused with a message that says what to do instead.

The allow-list covers what documenters actually collect: photographs (including phone HEIC),
scans and court papers as PDF, voice notes and phone videos, typed statements as plain text, and
word-processor / spreadsheet / presentation files in the zip-based formats (OOXML, OpenDocument).
Refused on purpose: web pages, SVG and XML (a browser would run their scripts), legacy binary
Office files (.doc/.xls/.ppt, the usual carriers of macro malware; save them as PDF or DOCX),
archives (their contents could not be checked) and programs.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from enum import StrEnum

import filetype

from app.errors import InvalidInput

# filetype reads at most this many bytes; the HTML check needs far fewer.
HEAD_BYTES = 8192


class MediaKind(StrEnum):
    image = "image"
    pdf = "pdf"
    audio = "audio"
    video = "video"
    text = "text"
    office = "office"


@dataclass(frozen=True)
class AllowedType:
    """One accepted media type: how people call it and the file extensions that belong to it."""

    label: str
    kind: MediaKind
    extensions: tuple[str, ...]  # the first is used when a download name needs one

    @property
    def extension(self) -> str:
        return self.extensions[0]


_OOXML = "application/vnd.openxmlformats-officedocument"
_ODF = "application/vnd.oasis.opendocument"

ALLOWED: dict[str, AllowedType] = {
    "image/jpeg": AllowedType("JPEG image", MediaKind.image, (".jpg", ".jpeg", ".jpe")),
    "image/png": AllowedType("PNG image", MediaKind.image, (".png",)),
    "image/gif": AllowedType("GIF image", MediaKind.image, (".gif",)),
    "image/webp": AllowedType("WebP image", MediaKind.image, (".webp",)),
    "image/tiff": AllowedType("TIFF image", MediaKind.image, (".tif", ".tiff")),
    "image/heic": AllowedType("HEIC photo", MediaKind.image, (".heic", ".heif")),
    "image/bmp": AllowedType("BMP image", MediaKind.image, (".bmp",)),
    "application/pdf": AllowedType("PDF document", MediaKind.pdf, (".pdf",)),
    "audio/mpeg": AllowedType("MP3 audio", MediaKind.audio, (".mp3",)),
    "audio/mp4": AllowedType("M4A audio", MediaKind.audio, (".m4a", ".mp4", ".aac")),
    "audio/aac": AllowedType("AAC audio", MediaKind.audio, (".aac",)),
    "audio/ogg": AllowedType("Ogg audio (voice note)", MediaKind.audio, (".ogg", ".opus", ".oga")),
    "audio/x-wav": AllowedType("WAV audio", MediaKind.audio, (".wav",)),
    "audio/amr": AllowedType("AMR audio (phone recording)", MediaKind.audio, (".amr",)),
    "audio/x-flac": AllowedType("FLAC audio", MediaKind.audio, (".flac",)),
    "video/mp4": AllowedType("MP4 video", MediaKind.video, (".mp4", ".m4v")),
    "video/x-m4v": AllowedType("M4V video", MediaKind.video, (".m4v", ".mp4")),
    "video/quicktime": AllowedType("QuickTime video", MediaKind.video, (".mov", ".qt")),
    "video/3gpp": AllowedType("3GP video (phone)", MediaKind.video, (".3gp",)),
    "video/webm": AllowedType("WebM video", MediaKind.video, (".webm",)),
    "video/x-matroska": AllowedType("Matroska video", MediaKind.video, (".mkv",)),
    "video/x-msvideo": AllowedType("AVI video", MediaKind.video, (".avi",)),
    "video/mpeg": AllowedType("MPEG video", MediaKind.video, (".mpg", ".mpeg")),
    "text/plain": AllowedType(
        "Plain text", MediaKind.text, (".txt", ".text", ".csv", ".tsv", ".md", ".log")
    ),
    f"{_OOXML}.wordprocessingml.document": AllowedType(
        "Word document", MediaKind.office, (".docx",)
    ),
    f"{_OOXML}.spreadsheetml.sheet": AllowedType("Excel spreadsheet", MediaKind.office, (".xlsx",)),
    f"{_OOXML}.presentationml.presentation": AllowedType(
        "PowerPoint presentation", MediaKind.office, (".pptx",)
    ),
    f"{_ODF}.text": AllowedType("OpenDocument text", MediaKind.office, (".odt",)),
    f"{_ODF}.spreadsheet": AllowedType("OpenDocument spreadsheet", MediaKind.office, (".ods",)),
    f"{_ODF}.presentation": AllowedType("OpenDocument presentation", MediaKind.office, (".odp",)),
}

# The only types a browser is ever sent inline (the image route). Everything else, SVG above
# all, is served as a download.
INLINE_IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})

# What the WHATWG MIME sniffing standard treats as the start of an HTML or XML document. A text
# file starting like this is refused, so no browser could ever be talked into rendering one.
_MARKUP_START = re.compile(
    rb"^(?:<\?xml|<!--|<!doctype\s+html|<(?:html|head|body|script|iframe|h1|div|font|table|a"
    rb"|style|title|b|br|p|svg)(?=[\s>/]))",
    re.IGNORECASE,
)
_LEADING_WHITESPACE = b" \t\n\r\x0c"

UNKNOWN_BINARY = "application/octet-stream"
LEGACY_OFFICE = {"application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint"}


def media_label(media_type: str) -> str:
    """The type's name as people read it ("PNG image"), or the raw type when unknown."""
    allowed = ALLOWED.get(media_type)
    return allowed.label if allowed else media_type


def is_inline_image(media_type: str) -> bool:
    """True for the raster image types a browser may be shown inline."""
    return media_type in INLINE_IMAGE_TYPES


def refusal(media_type: str) -> InvalidInput:
    """The message shown when a sniffed type is outside the allow-list."""
    if media_type == "text/html":
        message = (
            "This file is a web page, SVG or XML file, which Casebook does not accept because a "
            "browser could run code in it. Save the page as PDF or take a screenshot, and put "
            "its address in 'Original URL'."
        )
    elif media_type in LEGACY_OFFICE:
        message = (
            "This is an old-style Office file (.doc, .xls, .ppt), which Casebook does not accept "
            "because such files often carry macros. Save it as PDF or as .docx/.xlsx/.pptx and "
            "upload that."
        )
    else:
        found = "" if media_type == UNKNOWN_BINARY else f" (it is {media_type})"
        message = (
            f"Casebook does not accept this kind of file{found}. Accepted: photos and images, "
            "PDF, audio, video, plain text, and Word/Excel/PowerPoint or OpenDocument files. "
            "Archives and programs are refused."
        )
    return InvalidInput(message, field="file")


class MediaSniffer:
    """Names a file's media type from its bytes, fed in chunks as they are stored.

    A binary signature is decided from the first bytes; a file without one is plain text only if
    the whole of it is valid UTF-8 without NUL bytes and does not start like markup.
    """

    def __init__(self) -> None:
        self._head = bytearray()
        self._decided: str | None = None
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._is_text = True

    def feed(self, chunk: bytes) -> None:
        """Take the next chunk; raises `InvalidInput` as soon as the file is known to be refused."""
        if self._decided is None and len(self._head) < HEAD_BYTES:
            self._head += chunk[: HEAD_BYTES - len(self._head)]
            if len(self._head) >= HEAD_BYTES:
                self._decide_from_head()
        if self._decided is None and self._is_text:
            self._check_text(chunk, final=False)
            if not self._is_text and len(self._head) >= HEAD_BYTES:
                # No known signature and not text: refuse now rather than store the rest.
                raise refusal(UNKNOWN_BINARY)

    def result(self) -> str:
        """The media type once every byte has been fed; raises `InvalidInput` when refused."""
        if not self._head:
            raise InvalidInput("The file is empty.", field="file")
        if self._decided is None:
            self._decide_from_head()
        if self._decided is None:
            if self._is_text:
                self._check_text(b"", final=True)
            self._decided = "text/plain" if self._is_text else UNKNOWN_BINARY
        if self._decided not in ALLOWED:
            raise refusal(self._decided)
        return self._decided

    def _decide_from_head(self) -> None:
        head = bytes(self._head)
        kind = filetype.guess(head)
        if kind is not None:
            self._decided = kind.mime
        elif _MARKUP_START.match(
            head.lstrip(_LEADING_WHITESPACE)
            .removeprefix(codecs.BOM_UTF8)
            .lstrip(_LEADING_WHITESPACE)
        ):
            self._decided = "text/html"
        if self._decided is not None and self._decided not in ALLOWED:
            raise refusal(self._decided)

    def _check_text(self, chunk: bytes, *, final: bool) -> None:
        if b"\x00" in chunk:
            self._is_text = False
            return
        try:
            self._decoder.decode(chunk, final=final)
        except UnicodeDecodeError:
            self._is_text = False
