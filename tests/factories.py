"""Rows for tests: a real value for every URL parameter the routes take (see test_access.py).

Each area adds its own records to `sample_url_values`.
"""

from __future__ import annotations

import io
import struct
import uuid
import zlib

from sqlmodel import Session

from app.evidence.services import upload_evidence
from app.evidence.storage import evidence_store
from app.services import records
from app.services.actor import Actor
from models.case import Case


def png_bytes(red: int = 200, green: int = 30, blue: int = 30) -> bytes:
    """A valid one-pixel PNG of the given colour (different colours give different hashes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1, 8-bit RGB
    pixels = zlib.compress(bytes([0, red, green, blue]))
    signature = b"\x89PNG\r\n\x1a\n"
    return signature + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def sample_case(db: Session, **fields: object) -> Case:
    """A committed, fictional case."""
    values: dict[str, object] = {
        "reference": f"TST-2026-{uuid.uuid4().hex[:6].upper()}",
        "title": "Disappearance of a fictional student in Kech",
    }
    values.update(fields)
    case = records.create(db, actor=Actor.system(), row=Case.model_validate(values))
    db.commit()
    return case


def sample_url_values(db: Session) -> dict[str, object]:
    """One record of each kind, for routes that take its id (needs an app context)."""
    case = sample_case(db)
    assert case.id is not None
    outcome = upload_evidence(
        db,
        actor=Actor.system(),
        case_id=case.id,
        stream=io.BytesIO(png_bytes()),
        filename="pixel.png",
        store=evidence_store(),
        max_bytes=1024 * 1024,
    )
    db.commit()
    from tests.cases.helpers import add_case_parts  # people, acts, sources… of the case

    return {"case_id": case.id, "evidence_id": outcome.evidence.id, **add_case_parts(db, case)}
