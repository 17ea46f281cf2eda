"""People: victims, witnesses, relatives, sources and named perpetrators."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field

from models.base import Tracked
from models.enums import DatePrecision, Sex
from models.partial_date import precision_field
from models.types import enum_type


class Person(Tracked, table=True):
    """Anyone a case mentions. Sensitive: `national_id`, `contact`, `home_address`.

    `other_names` holds every other spelling and transliteration, Latin and Urdu/Arabic script,
    one per line (a textarea in forms, plain text to the search index); see `other_name_list`.
    `national_id` is stored as `models.cnic.normalise_cnic` returns it. `protected` marks a
    person at risk whose identity is never published without consent (DESIGN §3).
    Date of birth is a partial date (`birth_*`).
    """

    id: int | None = Field(default=None, primary_key=True)
    full_name: str = Field(max_length=300, index=True)
    other_names: str = Field(default="", sa_type=sa.Text)
    father_name: str | None = Field(default=None, max_length=300, index=True)
    sex: Sex = Field(default=Sex.unknown, sa_type=enum_type(Sex))
    birth_earliest: date | None = None
    birth_latest: date | None = None
    birth_precision: DatePrecision = precision_field()
    birth_estimated: bool = False
    age_at_incident: int | None = Field(default=None)
    occupation: str | None = Field(default=None, max_length=200)
    affiliation: str | None = Field(default=None, max_length=300)
    ethnicity: str | None = Field(default=None, max_length=200)
    home_district: str | None = Field(default=None, max_length=100, index=True)
    home_address: str | None = Field(default=None, sa_type=sa.Text)
    national_id: str | None = Field(default=None, max_length=40, index=True)
    contact: str | None = Field(default=None, sa_type=sa.Text)
    photo_evidence_id: int | None = Field(default=None, foreign_key="evidence.id")
    protected: bool = Field(default=False)
    # Set when this record was merged into another person (see `app.search.people`): it is then
    # soft-deleted but kept, so its version of the facts stays on record.
    merged_into_id: int | None = Field(default=None, foreign_key="person.id")

    @property
    def other_name_list(self) -> list[str]:
        """Each other spelling, one per line in `other_names`, blanks dropped."""
        return [name.strip() for name in (self.other_names or "").splitlines() if name.strip()]

    @property
    def all_names(self) -> list[str]:
        """The full name followed by every other spelling."""
        return [self.full_name, *self.other_name_list]
