"""Small, real, fictional files for the demo set's evidence records.

The default demo set stores actual files, so a new user who opens a demo evidence record sees a
verified file rather than a "file missing" warning. Large benchmark runs keep evidence as
metadata only. Every file says on its face that it is fictional demo material.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoFile:
    """One generated evidence file: what the record says about it, and its bytes."""

    filename: str
    media_type: str
    description: str
    content: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def demo_file(filename: str, media_type: str, description: str, reference: str) -> DemoFile:
    """A file standing in for an evidence record of the given kind, labelled as fictional."""
    label = f"FICTIONAL DEMO MATERIAL - {reference} - {description}"
    if media_type == "application/pdf":
        return DemoFile(filename, media_type, description, _pdf(label))
    if media_type.startswith("image/"):
        stem = filename.rsplit(".", 1)[0]
        return DemoFile(f"{stem}.png", "image/png", description, _png(reference))
    # Recordings and videos cannot be made up here; the demo keeps their transcript instead.
    stem = filename.rsplit(".", 1)[0]
    text = (
        f"{label}\n\nTranscript (fictional). No real person is named or recorded here.\n"
    ).encode()
    return DemoFile(f"{stem}-transcript.txt", "text/plain", f"Transcript: {description}", text)


def _png(reference: str, width: int = 240, height: int = 160) -> bytes:
    """A grey-blue gradient PNG, different for every case so each file has its own hash."""
    seed = int(hashlib.sha256(reference.encode()).hexdigest()[:6], 16)
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            shade = (x + y + seed) % 64
            rows.extend((150 + shade, 160 + shade, 175 + shade // 2))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows)))
        + chunk(b"IEND", b"")
    )


def _pdf(text: str) -> bytes:
    """A one-page PDF with one line of text (Helvetica, no embedded fonts)."""
    safe = text.encode("latin-1", "replace").replace(b"\\", b"\\\\")
    safe = safe.replace(b"(", b"\\(").replace(b")", b"\\)")
    stream = b"BT /F1 10 Tf 40 780 Td (" + safe + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    out += trailer.encode()
    return bytes(out)
