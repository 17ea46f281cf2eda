"""Sources of information and the citations that tie them to a case's facts."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field

from models.base import Tracked
from models.enums import (
    Credibility,
    DatePrecision,
    Reliability,
    SourceConnection,
    SourceType,
    SupportedFact,
)
from models.partial_date import precision_field
from models.types import IntEnumType, enum_type


class Source(Tracked, table=True):
    """Where information came from, graded for reliability (A–F); one source may serve many cases.

    `person_id` links a testimony to the person who gave it; that identity is protected and
    withheld from every dossier but the internal one. The publication date is partial
    (`published_*`).
    """

    id: int | None = Field(default=None, primary_key=True)
    source_type: SourceType = Field(sa_type=enum_type(SourceType), index=True)
    title: str = Field(max_length=500)
    author: str | None = Field(default=None, max_length=300)
    published_earliest: date | None = None
    published_latest: date | None = None
    published_precision: DatePrecision = precision_field()
    published_estimated: bool = False
    url: str | None = Field(default=None, max_length=2000)
    archive_url: str | None = Field(default=None, max_length=2000)
    language: str | None = Field(default=None, max_length=50)
    connection: SourceConnection = Field(
        default=SourceConnection.unknown, sa_type=enum_type(SourceConnection)
    )
    reliability: Reliability | None = Field(default=None, sa_type=enum_type(Reliability))
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    notes: str = Field(default="", sa_type=sa.Text)


class Citation(Tracked, table=True):
    """A source cited in a case, optionally for one fact, graded for credibility (1–6).

    What it supports is, most specific first: an act (`act_id`), an involvement
    (`involvement_id`) or an official response (`response_id`), and/or a kind of fact (`fact`).
    `contradicts` marks a source that speaks against the allegation. Sources sharing an
    `independence_key` trace to one origin and count once for corroboration; a blank key means
    the source stands alone.
    """

    __table_args__ = (
        sa.CheckConstraint(
            "credibility IS NULL OR credibility BETWEEN 1 AND 6", name="ck_citation_credibility"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case_file.id", index=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    fact: SupportedFact | None = Field(default=None, sa_type=enum_type(SupportedFact))
    act_id: int | None = Field(default=None, foreign_key="act.id")
    involvement_id: int | None = Field(default=None, foreign_key="involvement.id")
    response_id: int | None = Field(default=None, foreign_key="official_response.id")
    locator: str | None = Field(default=None, max_length=200)
    excerpt: str = Field(default="", sa_type=sa.Text)
    credibility: Credibility | None = Field(default=None, sa_type=IntEnumType(Credibility))
    independence_key: str | None = Field(default=None, max_length=100)
    contradicts: bool = Field(default=False)

    def independence_group(self) -> str:
        """The origin this citation counts under: its key, or its own source when none is set."""
        key = (self.independence_key or "").strip().casefold()
        return f"key:{key}" if key else f"source:{self.source_id}"
