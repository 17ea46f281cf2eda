"""Keeping the index in step with every write, whoever makes it.

Session events, not calls from the area services: after each flush the session notes which
cases the flushed rows touch (any row with a `case_id`, a case, a person's cases, a source's
cases); just before the transaction commits those cases are re-indexed on the same
connection, so the index commits (or rolls back) together with the change. Writes that bypass
the ORM (Core bulk inserts, `UPDATE` statements) must call `app.search.index` themselves.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from app.search.index import reindex_cases
from models.act import Act, Involvement
from models.case import Case, CasePerson
from models.consent import Consent
from models.evidence import Evidence
from models.intervention import Intervention
from models.person import Person
from models.response import OfficialResponse
from models.source import Citation, Source

# Rows that carry a case_id and whose content the index reads.
CASE_PARTS = (
    CasePerson,
    Act,
    Involvement,
    Citation,
    OfficialResponse,
    Intervention,
    Evidence,
    Consent,
)
_PENDING = "search.pending"


def install() -> None:
    """Listen on every session (idempotent)."""
    for name, listener in (
        ("after_flush", _note_changes),
        ("before_commit", _reindex_changes),
        ("after_rollback", _forget_changes),
    ):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


class _Pending:
    """What a transaction changed, by id."""

    def __init__(self) -> None:
        self.cases: set[int] = set()
        self.people: set[int] = set()
        self.sources: set[int] = set()

    def __bool__(self) -> bool:
        return bool(self.cases or self.people or self.sources)


def _pending(session: Session) -> _Pending:
    return session.info.setdefault(_PENDING, _Pending())


def _note_changes(session: Session, _flush_context: Any) -> None:
    pending = _pending(session)
    for row in (*session.new, *session.dirty, *session.deleted):
        if isinstance(row, Case):
            pending.cases.add(row.id)  # type: ignore[arg-type]
        elif isinstance(row, CASE_PARTS):
            pending.cases.update(_old_and_new(row, "case_id"))
        elif isinstance(row, Person):
            pending.people.add(row.id)  # type: ignore[arg-type]
        elif isinstance(row, Source):
            pending.sources.add(row.id)  # type: ignore[arg-type]


def _old_and_new(row: Any, attribute: str) -> set[int]:
    """The attribute's value now and, if this flush changed it, before."""
    history = sa.inspect(row).attrs[attribute].history
    values = {getattr(row, attribute), *history.deleted}
    return {value for value in values if value is not None}


def _reindex_changes(session: Session) -> None:
    session.flush()  # commit flushes after this hook; the index must see those rows too
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    cases = set(pending.cases)
    connection = session.connection()
    if pending.people:
        cases.update(_cases_of_people(connection, pending.people))
    if pending.sources:
        citation = Citation.__table__.c  # type: ignore[attr-defined]
        cases.update(
            connection.execute(
                sa.select(citation.case_id).where(citation.source_id.in_(pending.sources))
            ).scalars()
        )
    reindex_cases(session, cases)


def _cases_of_people(connection: sa.Connection, person_ids: set[int]) -> set[int]:
    ids = list(person_ids)
    link = CasePerson.__table__.c  # type: ignore[attr-defined]
    act = Act.__table__.c  # type: ignore[attr-defined]
    involvement = Involvement.__table__.c  # type: ignore[attr-defined]
    statement = sa.union(
        sa.select(link.case_id).where(link.person_id.in_(ids)),
        sa.select(act.case_id).where(act.victim_id.in_(ids)),
        sa.select(involvement.case_id).where(involvement.perpetrator_person_id.in_(ids)),
    )
    return set(connection.execute(statement).scalars())


def _forget_changes(session: Session) -> None:
    session.info.pop(_PENDING, None)
