"""Mixins for every Casebook table: timestamps, authorship, soft delete and an edit version."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from models.types import UTCDateTime, utcnow


class Timestamped(SQLModel):
    """Creation and last-change times, in UTC."""

    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class Tracked(Timestamped):
    """A record that users edit: who made and changed it, soft deletion, and an edit version.

    `version` starts at 1 and is raised by every service update; an edit form carries the
    version it was based on, and the service refuses it when the row has moved on since.
    Nothing is ever hard-deleted: `deleted_at` hides a row from every list and report.
    """

    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    updated_by_id: int | None = Field(default=None, foreign_key="user.id")
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    version: int = Field(default=1, nullable=False)
