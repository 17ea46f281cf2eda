"""Generated dossiers (PDF reports) and the progress of the background job that builds them."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field

from models.base import Timestamped
from models.enums import DossierAudience, DossierKind, DossierStatus
from models.types import UTCDateTime, enum_type


class Dossier(Timestamped, table=True):
    """One generated report: what it covers, for whom, and the SHA-256 of the finished PDF.

    `case_id` is set for single-case dossiers; `case_ids_json` lists every case covered (a JSON
    list of ids) and `filters_json` the search that selected them (advocacy reports).
    `file_path` is relative to the app's dossier store. Dossiers are never edited; a new
    one is generated instead.
    """

    id: int | None = Field(default=None, primary_key=True)
    kind: DossierKind = Field(sa_type=enum_type(DossierKind))
    audience: DossierAudience = Field(sa_type=enum_type(DossierAudience))
    title: str = Field(default="", max_length=300)
    case_id: int | None = Field(default=None, foreign_key="case_file.id", index=True)
    case_ids_json: str = Field(default="[]", sa_type=sa.Text)
    filters_json: str = Field(default="{}", sa_type=sa.Text)
    created_by_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    status: DossierStatus = Field(
        default=DossierStatus.queued, sa_type=enum_type(DossierStatus), index=True
    )
    progress_done: int = Field(default=0)
    progress_total: int = Field(default=0)
    error: str | None = Field(default=None, sa_type=sa.Text)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    sha256: str | None = Field(default=None, max_length=64)
    page_count: int | None = Field(default=None)
    file_path: str | None = Field(default=None, max_length=500)

    @property
    def case_ids(self) -> list[int]:
        """The ids of every case the dossier covers."""
        return [int(case_id) for case_id in json.loads(self.case_ids_json or "[]")]

    def set_case_ids(self, case_ids: list[int]) -> None:
        """Record the ids of the cases the dossier covers."""
        self.case_ids_json = json.dumps([int(case_id) for case_id in case_ids])

    @property
    def filters(self) -> dict[str, Any]:
        """The search filters that selected the cases (advocacy reports)."""
        return dict(json.loads(self.filters_json or "{}"))
