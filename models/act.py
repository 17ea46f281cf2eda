"""Acts (one thing done to one victim) and the alleged perpetrators involved in them."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field

from models.base import Tracked
from models.enums import (
    ActType,
    Autopsy,
    DatePrecision,
    DeathCertificate,
    InvolvementDegree,
    LocationType,
    MannerOfDeath,
    PerpetratorType,
    VictimStatus,
    Whereabouts,
)
from models.partial_date import precision_field
from models.types import enum_type


class Act(Tracked, table=True):
    """One thing done to one victim, when and where, and what became of them.

    Dates are partial (`start_*`, `end_*`, `body_found_*`). A "kill and dump" case is a
    disappearance act followed by a killing act whose `follows_act_id` points back to it.
    The death fields apply to killings only.
    """

    __table_args__ = (sa.Index("ix_act_start_range", "start_earliest", "start_latest"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case_file.id", index=True)
    victim_id: int = Field(foreign_key="person.id", index=True)
    act_type: ActType = Field(sa_type=enum_type(ActType), index=True)
    start_earliest: date | None = None
    start_latest: date | None = None
    start_precision: DatePrecision = precision_field()
    start_estimated: bool = False
    end_earliest: date | None = None
    end_latest: date | None = None
    end_precision: DatePrecision = precision_field()
    end_estimated: bool = False
    place_name: str | None = Field(default=None, max_length=300)
    district: str | None = Field(default=None, max_length=100, index=True)
    province: str | None = Field(default=None, max_length=100)
    latitude: float | None = Field(default=None)
    longitude: float | None = Field(default=None)
    location_type: LocationType | None = Field(default=None, sa_type=enum_type(LocationType))
    whereabouts: Whereabouts = Field(default=Whereabouts.unknown, sa_type=enum_type(Whereabouts))
    victim_status: VictimStatus = Field(
        default=VictimStatus.unknown, sa_type=enum_type(VictimStatus), index=True
    )
    description: str = Field(default="", sa_type=sa.Text)
    cause_of_death: str | None = Field(default=None, sa_type=sa.Text)
    manner_of_death: MannerOfDeath | None = Field(default=None, sa_type=enum_type(MannerOfDeath))
    body_found_place: str | None = Field(default=None, max_length=300)
    body_found_earliest: date | None = None
    body_found_latest: date | None = None
    body_found_precision: DatePrecision = precision_field()
    body_found_estimated: bool = False
    autopsy: Autopsy | None = Field(default=None, sa_type=enum_type(Autopsy))
    death_certificate: DeathCertificate | None = Field(
        default=None, sa_type=enum_type(DeathCertificate)
    )
    follows_act_id: int | None = Field(default=None, foreign_key="act.id")


class Involvement(Tracked, table=True):
    """An alleged perpetrator of one act, and why the documenter attributes the act to them.

    `force` is the name of a term of vocabulary scheme "force" (e.g. "Frontier Corps (FC)"),
    `unit_name` the unit or people as the witnesses gave them ("FC 77 Wing, Tump camp").
    `case_id` repeats the act's case so a case page loads everything by one indexed key.
    """

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case_file.id", index=True)
    act_id: int = Field(foreign_key="act.id", index=True)
    perpetrator_type: PerpetratorType = Field(sa_type=enum_type(PerpetratorType), index=True)
    force: str | None = Field(default=None, max_length=200)
    unit_name: str | None = Field(default=None, max_length=300)
    degree: InvolvementDegree = Field(
        default=InvolvementDegree.suspected, sa_type=enum_type(InvolvementDegree)
    )
    basis_for_attribution: str = Field(default="", sa_type=sa.Text)
    perpetrator_person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
