"""The case list: sorted by an indexed column, filtered by workflow state, paged without ever
counting the whole table (a page fetches one row more than it shows to know if more follow)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from models.case import Case, CasePerson
from models.enums import Confidentiality, PersonRole, ViolationStatus, WorkflowState
from models.person import Person

PAGE_SIZE = 50
MAX_PAGE = 2000  # deep offsets get slow; search narrows a list better than paging does

# sort key → (column, newest/highest first by default)
SORTS: dict[str, tuple[Any, bool]] = {
    "updated": (Case.updated_at, True),
    "reference": (Case.reference, False),
    "district": (Case.district, False),
    "status": (Case.violation_status, False),
}


@dataclass(frozen=True)
class CaseListQuery:
    """What the list shows: sort column and direction, a workflow state, a page."""

    sort: str = "updated"
    descending: bool = True
    state: WorkflowState | None = None
    page: int = 1

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> CaseListQuery:
        """Read the query string, ignoring anything unknown rather than failing."""
        sort = args.get("sort", "updated")
        if sort not in SORTS:
            sort = "updated"
        direction = args.get("dir")
        descending = SORTS[sort][1] if direction not in {"asc", "desc"} else direction == "desc"
        state = args.get("state") or None
        try:
            page = min(MAX_PAGE, max(1, int(args.get("page", 1))))
        except ValueError:
            page = 1
        return cls(
            sort=sort,
            descending=descending,
            state=WorkflowState(state) if state in WorkflowState._value2member_map_ else None,
            page=page,
        )

    def args(self, **changes: Any) -> dict[str, Any]:
        """Query-string arguments for a link to this list with `changes` applied."""
        values = {
            "sort": self.sort,
            "dir": "desc" if self.descending else "asc",
            "state": self.state.value if self.state else None,
            "page": self.page,
        }
        values.update(changes)
        return {k: v for k, v in values.items() if v not in (None, "", 1) or k == "sort"}


@dataclass(frozen=True)
class CaseRow:
    id: int
    reference: str
    title: str
    district: str | None
    violation_status: ViolationStatus
    workflow_state: WorkflowState
    updated_at: datetime
    victims: list[str]


@dataclass(frozen=True)
class CasePage:
    rows: list[CaseRow]
    has_next: bool
    first_number: int


def list_cases(
    session: Session, query: CaseListQuery, *, visible: frozenset[Confidentiality]
) -> CasePage:
    """One page of the live cases at the `visible` confidentiality levels, with their victims'
    names (two queries)."""
    column, _ = SORTS[query.sort]
    order = [column.desc(), Case.id.desc()] if query.descending else [column.asc(), Case.id.asc()]  # type: ignore[union-attr]
    statement = select(
        Case.id,
        Case.reference,
        Case.title,
        Case.district,
        Case.violation_status,
        Case.workflow_state,
        Case.updated_at,
    ).where(
        Case.deleted_at.is_(None),  # type: ignore[union-attr]
        Case.confidentiality.in_(visible),  # type: ignore[attr-defined]
    )
    if query.state is not None:
        statement = statement.where(Case.workflow_state == query.state)
    offset = (query.page - 1) * PAGE_SIZE
    found = session.exec(statement.order_by(*order).offset(offset).limit(PAGE_SIZE + 1)).all()
    shown = found[:PAGE_SIZE]
    victims = _victims(session, [row[0] for row in shown])
    rows = [CaseRow(*row, victims=victims.get(row[0], [])) for row in shown]
    return CasePage(rows=rows, has_next=len(found) > PAGE_SIZE, first_number=offset + 1)


def _victims(session: Session, case_ids: list[int]) -> dict[int, list[str]]:
    if not case_ids:
        return {}
    names: dict[int, list[str]] = defaultdict(list)
    for case_id, name in session.exec(
        select(CasePerson.case_id, Person.full_name)
        .join(Person, Person.id == CasePerson.person_id)  # type: ignore[arg-type]
        .where(
            CasePerson.case_id.in_(case_ids),
            CasePerson.role == PersonRole.victim,  # type: ignore[attr-defined]
            CasePerson.deleted_at.is_(None),
            Person.deleted_at.is_(None),
        )  # type: ignore[union-attr]
        .order_by(CasePerson.id)
    ):
        names[case_id].append(name)
    return names
