"""The case file and the people it involves."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Field

from models.base import Tracked
from models.enums import (
    Confidentiality,
    PersonRole,
    Priority,
    ViolationStatus,
    WorkflowState,
)
from models.types import enum_type

REFERENCE_PREFIX = "BAL"


def format_reference(year: int, number: int, prefix: str = REFERENCE_PREFIX) -> str:
    """A case reference such as "BAL-2026-0042": prefix, year, and the year's running number."""
    return f"{prefix}-{year}-{number:04d}"


class Case(Tracked, table=True):
    """One case file: what happened to whom, how well it is established, and where it stands.

    `violation_status` is what lists, filters and reports show: the override when a
    coordinator set one, else `computed_status` (see `models.status.record_status`).
    `tags` is comma-separated ("students, Khuzdar 2025"); use `tag_list` / `set_tags`.
    `internal_notes` appear only in internal dossiers, never in UN or public editions.
    """

    __tablename__ = "case_file"  # "case" is an SQL keyword; raw SQL would need quoting
    __table_args__ = (sa.Index("ix_case_file_updated_at", "updated_at"),)

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(max_length=32, unique=True, index=True)
    title: str = Field(max_length=300)
    narrative: str = Field(default="", sa_type=sa.Text)
    district: str | None = Field(default=None, max_length=100, index=True)
    place: str | None = Field(default=None, max_length=200)
    computed_status: ViolationStatus = Field(
        default=ViolationStatus.alleged, sa_type=enum_type(ViolationStatus)
    )
    status_override: ViolationStatus | None = Field(
        default=None, sa_type=enum_type(ViolationStatus)
    )
    status_override_reason: str | None = Field(default=None, sa_type=sa.Text)
    violation_status: ViolationStatus = Field(
        default=ViolationStatus.alleged, sa_type=enum_type(ViolationStatus), index=True
    )
    workflow_state: WorkflowState = Field(
        default=WorkflowState.draft, sa_type=enum_type(WorkflowState), index=True
    )
    confidentiality: Confidentiality = Field(
        default=Confidentiality.internal, sa_type=enum_type(Confidentiality)
    )
    priority: Priority = Field(default=Priority.normal, sa_type=enum_type(Priority))
    tags: str = Field(default="", max_length=1000)
    internal_notes: str = Field(default="", sa_type=sa.Text)

    @property
    def tag_list(self) -> list[str]:
        """The tags as a list, blanks dropped."""
        return [tag.strip() for tag in (self.tags or "").split(",") if tag.strip()]

    def set_tags(self, tags: list[str]) -> None:
        """Store `tags` comma-separated, trimmed, without duplicates (a comma splits a tag)."""
        unique: dict[str, None] = {}
        for tag in tags:
            for part in tag.split(","):
                if part.strip():
                    unique.setdefault(part.strip(), None)
        self.tags = ", ".join(unique)


class CasePerson(Tracked, table=True):
    """A person's role in one case: victim, witness, relative, source or named perpetrator.

    `relation_to_victim` says how a relative or witness knows the victim ("mother", "neighbour").
    """

    __tablename__ = "case_person"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case_file.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    role: PersonRole = Field(sa_type=enum_type(PersonRole))
    relation_to_victim: str | None = Field(default=None, max_length=100)
    notes: str = Field(default="", sa_type=sa.Text)
