"""The state's answers: denials, silence, refusals, acknowledgements, other explanations."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field

from models.base import Tracked
from models.enums import AlternativeExplanation, DatePrecision, ResponseChannel, ResponseType
from models.partial_date import precision_field
from models.types import enum_type


class OfficialResponse(Tracked, table=True):
    """What an authority said or did about a case, kept word for word.

    `authority` is the name of a term of vocabulary scheme "authority" (e.g. "ISPR").
    `citation_id` is the citation that records the answer; further citations may point back
    with `Citation.response_id`. The date is partial (`responded_*`).
    """

    __tablename__ = "official_response"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case_file.id", index=True)
    act_id: int | None = Field(default=None, foreign_key="act.id")
    responded_earliest: date | None = None
    responded_latest: date | None = None
    responded_precision: DatePrecision = precision_field()
    responded_estimated: bool = False
    authority: str = Field(max_length=200)
    channel: ResponseChannel | None = Field(default=None, sa_type=enum_type(ResponseChannel))
    response_type: ResponseType = Field(sa_type=enum_type(ResponseType), index=True)
    alternative_explanation: AlternativeExplanation | None = Field(
        default=None, sa_type=enum_type(AlternativeExplanation)
    )
    verbatim_text: str = Field(default="", sa_type=sa.Text)
    # Citation and response point at each other; this side is added after both tables exist.
    citation_id: int | None = Field(
        default=None,
        sa_type=sa.Integer,
        sa_column_args=[
            sa.ForeignKey("citation.id", use_alter=True, name="fk_official_response_citation_id")
        ],
    )
