"""CSV export of a result list: every case the search finds for the user, one row each.

Cells a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) are
prefixed with an apostrophe. Every export is recorded in the audit trail with the search.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from typing import Any

from sqlmodel import Session

from app.search import facets
from app.search.filters import SearchQuery
from app.search.service import case_summaries, matching_case_ids
from app.security import Permission, visible_confidentiality
from app.services import audit
from app.services.actor import Actor
from models.enums import label_of

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BATCH = 1000

HEADER = [
    "Reference",
    "Title",
    "District",
    "Incident from",
    "Incident to",
    "Acts",
    "Violation status",
    "Review",
    "Victims",
    "Alleged perpetrators",
    "Official responses",
    "Interventions",
    "Evidence attached",
    "Ready for the WGEID",
    "Confidentiality",
]


def safe_cell(value: Any) -> str:
    """A cell's text, defused if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def export_csv(session: Session, query: SearchQuery, *, actor: Actor) -> tuple[str, int]:
    """The search's cases as CSV text, and how many rows it holds; audited."""
    actor.require(Permission.export_internal)
    ids = matching_case_ids(session, query, actor=actor)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for row in _rows(session, ids, actor):
        writer.writerow([safe_cell(cell) for cell in row])
    audit.record(
        session,
        actor=actor,
        action="export",
        entity_type="search",
        after={"format": "csv", "query": query.query_string(page=1), "cases": len(ids)},
    )
    return buffer.getvalue(), len(ids)


def _rows(session: Session, ids: Sequence[int], actor: Actor) -> Iterator[list[Any]]:
    connection = session.connection()
    visible = visible_confidentiality(actor.role)
    for start in range(0, len(ids), BATCH):
        for row in case_summaries(connection, ids[start : start + BATCH], visible):
            yield _row(row)


def _row(row: Any) -> list[Any]:
    def values(key: str) -> str:
        return "; ".join(
            v.label for v in facets.values_of(row.facet_bits, facets.FACET_BY_KEY[key])
        )

    return [
        row.reference,
        row.title,
        row.district,
        row.date_earliest,
        row.date_latest,
        values("act_type"),
        label_of(row.violation_status),
        label_of(row.workflow_state),
        row.victims,
        values("perpetrator"),
        values("response"),
        values("intervention"),
        values("evidence"),
        values("wgeid"),
        label_of(row.confidentiality),
    ]
