"""Load everything a report needs about a set of cases in a few bulk queries.

`load_case_records` returns one `CaseRecords` per case: the ORM rows of the case and of every
table hanging off it, deleted rows left out. The context builders (`reports.context`) turn them
into plain, redacted values; nothing else in `reports/` touches the database. Cases are loaded
with one query per table for the whole batch (not per case), so a 500-case report costs the
same dozen queries as a single dossier.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, col, func, select

from models.act import Act, Involvement
from models.case import Case, CasePerson
from models.consent import Consent
from models.enums import PersonRole
from models.evidence import Evidence
from models.intervention import Intervention
from models.person import Person
from models.response import OfficialResponse
from models.source import Citation, Source
from models.user import User

T = TypeVar("T", bound=SQLModel)

# Keeps every IN (...) list well under SQLite's and PostgreSQL's parameter limits.
_IN_CHUNK = 900


@dataclass
class CaseRecords:
    """The live rows of one case and of everything it refers to."""

    case: Case
    case_people: list[CasePerson] = field(default_factory=list)
    people: dict[int, Person] = field(default_factory=dict)
    acts: list[Act] = field(default_factory=list)
    involvements: list[Involvement] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    sources: dict[int, Source] = field(default_factory=dict)
    responses: list[OfficialResponse] = field(default_factory=list)
    interventions: list[Intervention] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    consents: list[Consent] = field(default_factory=list)
    user_names: dict[int, str] = field(default_factory=dict)

    def people_in_role(self, role: PersonRole) -> list[Person]:
        """The people who hold `role` in this case, in the order they were added."""
        return [
            self.people[link.person_id]
            for link in self.case_people
            if link.role == role and link.person_id in self.people
        ]

    def victims(self) -> list[Person]:
        """The case's victims: people linked as victims, then anyone an act was done to."""
        found = {person.id: person for person in self.people_in_role(PersonRole.victim)}
        for act in self.acts:
            if act.victim_id not in found and act.victim_id in self.people:
                found[act.victim_id] = self.people[act.victim_id]
        return list(found.values())


def _live(rows: Iterable[T]) -> list[T]:
    return [row for row in rows if getattr(row, "deleted_at", None) is None]


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _IN_CHUNK):
        yield ids[start : start + _IN_CHUNK]


def _fetch(session: Session, model: type[T], column: Any, ids: Iterable[int | None]) -> list[T]:
    """Rows of `model` whose `column` is one of `ids`, deleted rows excluded, in id order."""
    wanted = sorted({i for i in ids if i is not None})
    rows: list[T] = []
    for chunk in _chunks(wanted):
        rows += session.exec(
            select(model).where(col(column).in_(chunk)).order_by(col(model.id))  # type: ignore[attr-defined]
        ).all()
    return _live(rows)


def _by_case(rows: Iterable[T]) -> dict[int, list[T]]:
    grouped: dict[int, list[T]] = defaultdict(list)
    for row in rows:
        grouped[row.case_id].append(row)  # type: ignore[attr-defined]
    return grouped


def _people(session: Session, ids: Iterable[int | None]) -> dict[int, Person]:
    """Person rows by id; a record merged into another resolves to the one it was merged into,
    so a person entered twice is one person everywhere (and counts once)."""
    wanted = sorted({i for i in ids if i is not None})
    found: dict[int, Person] = {}
    for _ in range(5):  # merge chains are short; the bound only guards against a cycle
        rows: list[Person] = []
        for chunk in _chunks([i for i in wanted if i not in found]):
            rows += session.exec(select(Person).where(col(Person.id).in_(chunk))).all()
        found.update({row.id: row for row in rows if row.id is not None})
        wanted = [row.merged_into_id for row in rows if row.merged_into_id]
        if not wanted:
            break

    def canonical(person: Person) -> Person:
        seen = {person.id}
        while person.merged_into_id and person.merged_into_id in found:
            person = found[person.merged_into_id]
            if person.id in seen:
                break
            seen.add(person.id)
        return person

    resolved = {pid: canonical(person) for pid, person in found.items()}
    return {pid: person for pid, person in resolved.items() if person.deleted_at is None}


def load_case_records(session: Session, case_ids: Sequence[int]) -> dict[int, CaseRecords]:
    """The live rows of each case in `case_ids` (missing or deleted cases are left out)."""
    cases = _fetch(session, Case, Case.id, case_ids)
    ids = [case.id for case in cases if case.id is not None]
    links = _by_case(_fetch(session, CasePerson, CasePerson.case_id, ids))
    acts = _by_case(_fetch(session, Act, Act.case_id, ids))
    involvements = _by_case(_fetch(session, Involvement, Involvement.case_id, ids))
    citations = _by_case(_fetch(session, Citation, Citation.case_id, ids))
    responses = _by_case(_fetch(session, OfficialResponse, OfficialResponse.case_id, ids))
    interventions = _by_case(_fetch(session, Intervention, Intervention.case_id, ids))
    evidence = _by_case(_fetch(session, Evidence, Evidence.case_id, ids))
    consents = _by_case(_fetch(session, Consent, Consent.case_id, ids))

    sources = {
        source.id: source
        for source in _fetch(
            session, Source, Source.id, (c.source_id for rows in citations.values() for c in rows)
        )
    }
    person_ids: set[int | None] = set()
    for case_id in ids:
        person_ids |= {link.person_id for link in links[case_id]}
        person_ids |= {act.victim_id for act in acts[case_id]}
        person_ids |= {i.perpetrator_person_id for i in involvements[case_id]}
        person_ids |= {c.person_id for c in consents[case_id]}
    person_ids |= {source.person_id for source in sources.values()}
    people = _people(session, person_ids)
    user_ids = {row.created_by_id for rows in evidence.values() for row in rows}
    users = {user.id: user.name for user in _fetch(session, User, User.id, user_ids)}

    records: dict[int, CaseRecords] = {}
    for case in cases:
        assert case.id is not None
        case_citations = [c for c in citations[case.id] if c.source_id in sources]
        records[case.id] = CaseRecords(
            case=case,
            case_people=[link for link in links[case.id] if link.person_id in people],
            people=people,
            acts=acts[case.id],
            involvements=involvements[case.id],
            citations=case_citations,
            sources={c.source_id: sources[c.source_id] for c in case_citations},
            responses=responses[case.id],
            interventions=interventions[case.id],
            evidence=evidence[case.id],
            consents=consents[case.id],
            user_names={k: v for k, v in users.items() if k is not None},
        )
    return records


def load_one_case(session: Session, case_id: int) -> CaseRecords | None:
    """The live rows of one case, or None when it does not exist or was deleted."""
    return load_case_records(session, [case_id]).get(case_id)


def find_case_id(session: Session, reference: str) -> int | None:
    """The id of the live case with this reference (case-insensitive), if any."""
    wanted = reference.strip().upper()
    case = session.exec(
        select(Case).where(func.upper(Case.reference) == wanted, col(Case.deleted_at).is_(None))
    ).first()
    return case.id if case is not None else None
