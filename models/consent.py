"""Consent of a victim or their family: what the organisation may do with their identity."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field

from models.base import Tracked
from models.enums import ConsentMethod, ConsentScope
from models.types import UTCDateTime, enum_type


class Consent(Tracked, table=True):
    """Consent given for one person in one case, scope by scope, until withdrawn.

    `given_by` and `relation` name who consented (the victim, or e.g. "Brother"); a withdrawn
    consent stays on record with `withdrawn_at` and covers nothing from then on.
    """

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    case_id: int = Field(foreign_key="case_file.id", index=True)
    given_by: str = Field(max_length=300)
    relation: str | None = Field(default=None, max_length=100)
    given_on: date | None = Field(default=None)
    method: ConsentMethod = Field(default=ConsentMethod.written, sa_type=enum_type(ConsentMethod))
    internal: bool = Field(default=True)
    un_transmission: bool = Field(default=False)
    public_naming: bool = Field(default=False)
    photo_publication: bool = Field(default=False)
    withdrawn_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    notes: str = Field(default="", sa_type=sa.Text)
    form_evidence_id: int | None = Field(default=None, foreign_key="evidence.id")

    @property
    def is_withdrawn(self) -> bool:
        """True once the consent has been withdrawn."""
        return self.withdrawn_at is not None

    def covers(self, scope: ConsentScope, *, on: date | None = None) -> bool:
        """True when this consent allows `scope`, is not withdrawn or deleted, and (if `on`
        is given) was already given on that day."""
        if self.is_withdrawn or self.deleted_at is not None:
            return False
        if on is not None and (self.given_on is None or self.given_on > on):
            return False
        return bool(getattr(self, scope.value))
