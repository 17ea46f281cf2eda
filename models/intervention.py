"""Interventions: complaints, petitions, submissions and appeals made for a victim."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field

from models.base import Tracked
from models.enums import DatePrecision, InterventionStatus, InterventionType
from models.partial_date import precision_field
from models.types import enum_type


class Intervention(Tracked, table=True):
    """A step taken to find the victim or obtain justice, with its next deadline.

    The filing date is partial (`filed_*`) because backlog cases often know only the month;
    `next_action_date` is a plain date because it drives the deadline dashboard.
    `response_id` links the official answer it drew.
    """

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case_file.id", index=True)
    act_id: int | None = Field(default=None, foreign_key="act.id")
    intervention_type: InterventionType = Field(sa_type=enum_type(InterventionType), index=True)
    filed_by: str | None = Field(default=None, max_length=300)
    addressed_to: str | None = Field(default=None, max_length=300)
    reference_number: str | None = Field(default=None, max_length=100)
    filed_earliest: date | None = None
    filed_latest: date | None = None
    filed_precision: DatePrecision = precision_field()
    filed_estimated: bool = False
    status: InterventionStatus = Field(
        default=InterventionStatus.filed, sa_type=enum_type(InterventionStatus), index=True
    )
    next_action: str | None = Field(default=None, max_length=300)
    next_action_date: date | None = Field(default=None, index=True)
    outcome: str = Field(default="", sa_type=sa.Text)
    response_id: int | None = Field(default=None, foreign_key="official_response.id")
