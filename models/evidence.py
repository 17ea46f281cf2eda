"""Evidence files (stored by the app under their SHA-256) and their chain of custody."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from models.base import Tracked
from models.enums import CustodyAction
from models.types import UTCDateTime, enum_type, utcnow


class Evidence(Tracked, table=True):
    """An uploaded file attached to a case; the bytes live in the store under `sha256`.

    Originals are never modified: a redacted copy is a new row whose `redacted_from_id` points
    at the original. The same bytes attached twice share one stored file.
    `created_by_id` is the uploader; `captured_by` is who made the photo or recording.
    """

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case_file.id", index=True)
    sha256: str = Field(max_length=64, index=True)
    original_filename: str = Field(max_length=255)
    media_type: str = Field(max_length=100)
    size_bytes: int = Field(sa_type=sa.BigInteger)
    captured_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    captured_by: str | None = Field(default=None, max_length=300)
    original_url: str | None = Field(default=None, max_length=2000)
    description: str = Field(default="", sa_type=sa.Text)
    redacted_from_id: int | None = Field(default=None, foreign_key="evidence.id")


class CustodyEvent(SQLModel, table=True):
    """One handling of an evidence file: who uploaded, viewed, downloaded or exported it."""

    __tablename__ = "custody_event"

    id: int | None = Field(default=None, primary_key=True)
    evidence_id: int = Field(foreign_key="evidence.id", index=True)
    user_id: int | None = Field(default=None, foreign_key="user.id")
    action: CustodyAction = Field(sa_type=enum_type(CustodyAction))
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    ip: str | None = Field(default=None, max_length=64)
    dossier_id: int | None = Field(default=None, foreign_key="dossier.id")
