"""The append-only audit trail, each event chained to the one before by a SHA-256 hash."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from models.types import UTCDateTime, utcnow

GENESIS_HASH = "0" * 64


class AuditEvent(SQLModel, table=True):
    """One change or sensitive read: who, when, what, the values before and after, from where.

    `prev_hash` is unique, so two writers can never both extend the chain from the same event.
    """

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=True)
    user_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    action: str = Field(max_length=40)
    entity_type: str = Field(max_length=40)
    entity_id: str | None = Field(default=None, max_length=64)
    case_id: int | None = Field(default=None, index=True)
    before_json: str | None = Field(default=None, sa_type=sa.Text)
    after_json: str | None = Field(default=None, sa_type=sa.Text)
    ip: str | None = Field(default=None, max_length=64)
    prev_hash: str = Field(max_length=64, unique=True)
    hash: str = Field(max_length=64, unique=True)

    @property
    def before(self) -> dict[str, Any] | None:
        return None if self.before_json is None else json.loads(self.before_json)

    @property
    def after(self) -> dict[str, Any] | None:
        return None if self.after_json is None else json.loads(self.after_json)

    def compute_hash(self) -> str:
        """The SHA-256 over this event's content and the previous event's hash."""
        content = {
            "prev": self.prev_hash,
            "at": self.at.isoformat(),
            "user_id": self.user_id,
            "action": self.action,
            "entity_type": self.entity_type,
            "entity_id": self.entity_id,
            "case_id": self.case_id,
            "before": self.before_json,
            "after": self.after_json,
            "ip": self.ip,
        }
        canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
