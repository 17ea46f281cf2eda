"""What the index knows about a case: its text in four columns and its facet values.

`CaseRecords.load` reads a batch of cases and everything the index draws on in one query per
table; `case_entry` turns one case's records into its `search_case` row and `IndexDocument`.
Left out on purpose: internal notes, contact details, home addresses and national ID numbers
(the index is for finding cases, and those fields must not be findable by everyone who can
search).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from app.search import facets
from app.search.engines import IndexDocument
from app.search.normalise import name_keys, tokens
from models.act import Act, Involvement
from models.case import Case, CasePerson
from models.consent import Consent
from models.enums import (
    ActType,
    AlternativeExplanation,
    InterventionType,
    LocationType,
    PerpetratorType,
    PersonRole,
    ResponseType,
    VictimStatus,
    label_of,
)
from models.evidence import Evidence
from models.intervention import Intervention
from models.person import Person
from models.response import OfficialResponse
from models.source import Citation, Source
from models.wgeid import wgeid_readiness

# Labels that make a case findable by what kind of thing happened ("habeas corpus").
_LABELLED = (
    ActType,
    LocationType,
    VictimStatus,
    PerpetratorType,
    ResponseType,
    AlternativeExplanation,
    InterventionType,
)


@dataclass
class CaseRecords:
    """A batch of cases with the rows of every table the index reads, grouped by case."""

    cases: list[Row[Any]]
    people: dict[int, list[tuple[Row[Any], PersonRole | None]]] = field(default_factory=dict)
    acts: dict[int, list[Row[Any]]] = field(default_factory=dict)
    involvements: dict[int, list[Row[Any]]] = field(default_factory=dict)
    citations: dict[int, list[Row[Any]]] = field(default_factory=dict)
    responses: dict[int, list[Row[Any]]] = field(default_factory=dict)
    interventions: dict[int, list[Row[Any]]] = field(default_factory=dict)
    consents: dict[int, list[Consent]] = field(default_factory=dict)
    with_evidence: set[int] = field(default_factory=set)

    @classmethod
    def load(cls, connection: Connection, case_ids: Sequence[int]) -> CaseRecords:
        """Every live case among `case_ids` with its live records."""
        ids = list(case_ids)
        case = Case.__table__.c  # type: ignore[attr-defined]
        cases = connection.execute(
            sa.select(Case.__table__).where(case.id.in_(ids), case.deleted_at.is_(None))  # type: ignore[attr-defined]
        ).all()
        live = [row.id for row in cases]
        records = cls(cases)
        if not live:
            return records
        records.acts = _by_case(connection, Act, live)
        records.involvements = _by_case(connection, Involvement, live)
        records.responses = _by_case(connection, OfficialResponse, live)
        records.interventions = _by_case(connection, Intervention, live)
        records.citations = _citations(connection, live)
        records.people = _people(connection, live, records.acts, records.involvements)
        records.consents = {
            case_id: [Consent(**row._mapping) for row in rows]
            for case_id, rows in _by_case(connection, Consent, live).items()
        }
        evidence = Evidence.__table__.c  # type: ignore[attr-defined]
        records.with_evidence = set(
            connection.execute(
                sa.select(evidence.case_id)
                .where(evidence.case_id.in_(live), evidence.deleted_at.is_(None))
                .distinct()
            ).scalars()
        )
        return records


def _by_case(connection: Connection, model: type, case_ids: list[int]) -> dict[int, list[Row[Any]]]:
    table = model.__table__  # type: ignore[attr-defined]
    rows = connection.execute(
        sa.select(table)
        .where(table.c.case_id.in_(case_ids), table.c.deleted_at.is_(None))
        .order_by(table.c.id)
    ).all()
    return _group(rows, lambda row: row.case_id)


def _group(rows: Iterable[Row[Any]], key: Callable[[Row[Any]], int]) -> dict[int, list[Row[Any]]]:
    grouped: dict[int, list[Row[Any]]] = defaultdict(list)
    for row in rows:
        grouped[key(row)].append(row)
    return grouped


def _citations(connection: Connection, case_ids: list[int]) -> dict[int, list[Row[Any]]]:
    citation = Citation.__table__.c  # type: ignore[attr-defined]
    source = Source.__table__.c  # type: ignore[attr-defined]
    rows = connection.execute(
        sa.select(citation.case_id, citation.excerpt, citation.locator, source.title, source.author)
        .join(Source.__table__, source.id == citation.source_id)  # type: ignore[attr-defined]
        .where(
            citation.case_id.in_(case_ids),
            citation.deleted_at.is_(None),
            source.deleted_at.is_(None),
        )
        .order_by(citation.id)
    ).all()
    return _group(rows, lambda row: row.case_id)


def _people(
    connection: Connection,
    case_ids: list[int],
    acts: dict[int, list[Row[Any]]],
    involvements: dict[int, list[Row[Any]]],
) -> dict[int, list[tuple[Row[Any], PersonRole | None]]]:
    """The people of each case: those linked to it, and victims and named perpetrators of its
    acts even where a link is missing."""
    link = CasePerson.__table__.c  # type: ignore[attr-defined]
    links = connection.execute(
        sa.select(link.case_id, link.person_id, link.role)
        .where(link.case_id.in_(case_ids), link.deleted_at.is_(None))
        .order_by(link.id)
    ).all()
    wanted: dict[int, dict[int, PersonRole | None]] = defaultdict(dict)
    for row in links:
        wanted[row.case_id].setdefault(row.person_id, PersonRole(row.role))
    for case_id, rows in acts.items():
        for act in rows:
            wanted[case_id].setdefault(act.victim_id, PersonRole.victim)
    for case_id, rows in involvements.items():
        for involvement in rows:
            if involvement.perpetrator_person_id is not None:
                wanted[case_id].setdefault(involvement.perpetrator_person_id, None)
    person_ids = {person_id for roles in wanted.values() for person_id in roles}
    person = Person.__table__.c  # type: ignore[attr-defined]
    persons = {
        row.id: row
        for row in connection.execute(
            sa.select(Person.__table__).where(  # type: ignore[attr-defined]
                person.id.in_(person_ids), person.deleted_at.is_(None)
            )
        )
    }
    return {
        case_id: [(persons[pid], role) for pid, role in roles.items() if pid in persons]
        for case_id, roles in wanted.items()
    }


@dataclass(frozen=True)
class CaseEntry:
    """One case as the index stores it."""

    row: dict[str, Any]
    document: IndexDocument


def case_entry(
    records: CaseRecords,
    case: Row[Any],
    *,
    district_code: Callable[[str | None], int],
    submitter: str,
    today: date,
) -> CaseEntry:
    """The `search_case` row and index document of one case of `records`."""
    people = records.people.get(case.id, [])
    acts = records.acts.get(case.id, [])
    involvements = records.involvements.get(case.id, [])
    interventions = records.interventions.get(case.id, [])
    responses = records.responses.get(case.id, [])
    victims = [person for person, role in people if role is PersonRole.victim]
    ready = any(
        wgeid_readiness(
            victim,
            acts,
            involvements,
            interventions,
            records.consents.get(case.id, []),
            submitter=submitter,
            as_of=today,
        ).ready
        for victim in victims
    )
    district = case.district or next((act.district for act in acts if act.district), None)
    values = {
        "act_type": {act.act_type for act in acts},
        "status": {case.violation_status},
        "perpetrator": {inv.perpetrator_type for inv in involvements},
        "response": {response.response_type for response in responses},
        "intervention": {intervention.status for intervention in interventions},
        "workflow": {case.workflow_state},
        "evidence": {facets.YesNo.yes if case.id in records.with_evidence else facets.YesNo.no},
        "wgeid": {facets.YesNo.yes if ready else facets.YesNo.no},
    }
    earliest, latest = _span(acts)
    name_texts = [text for person, _role in people for text in person_names(person)]
    row = {
        "case_id": case.id,
        "confidentiality": case.confidentiality,
        "facet_bits": facets.pack(values, district_code(district)),
        "district": district,
        "date_earliest": earliest,
        "date_latest": latest,
        "victims": "; ".join(dict.fromkeys(victim.full_name for victim in victims)),
    }
    keys = [key for text in name_texts for key in name_keys(text)]
    document = IndexDocument(
        case_id=case.id,
        head=_folded([case.reference, case.title, case.tags]),
        names=_folded(name_texts),
        keys=" ".join(dict.fromkeys(keys)),
        body=_folded(_body(records, case, people)),
    )
    return CaseEntry(row, document)


def person_names(person: Row[Any]) -> list[str]:
    """A person's full name, other spellings and father's name."""
    other = [line for line in (person.other_names or "").splitlines() if line.strip()]
    return [person.full_name, *other, *([person.father_name] if person.father_name else [])]


def _span(acts: list[Row[Any]]) -> tuple[date | None, date | None]:
    """From the earliest possible start to the latest possible end of the case's acts."""
    starts = [act.start_earliest for act in acts if act.start_earliest]
    ends = [
        act.end_latest or act.start_latest or act.start_earliest
        for act in acts
        if act.end_latest or act.start_latest or act.start_earliest
    ]
    return (min(starts) if starts else None, max(ends) if ends else None)


def _body(records: CaseRecords, case: Row[Any], people: list[tuple[Row[Any], Any]]) -> list[str]:
    texts: list[Any] = [case.narrative, case.place, case.district]
    for person, _role in people:
        texts += [person.occupation, person.affiliation, person.ethnicity, person.home_district]
    for act in records.acts.get(case.id, []):
        texts += [
            act.act_type,
            act.place_name,
            act.district,
            act.province,
            act.location_type,
            act.victim_status,
            act.description,
            act.cause_of_death,
            act.body_found_place,
        ]
    for inv in records.involvements.get(case.id, []):
        texts += [inv.perpetrator_type, inv.force, inv.unit_name, inv.basis_for_attribution]
    for citation in records.citations.get(case.id, []):
        texts += [citation.title, citation.author, citation.excerpt]
    for response in records.responses.get(case.id, []):
        texts += [
            response.authority,
            response.response_type,
            response.alternative_explanation,
            response.verbatim_text,
        ]
    for step in records.interventions.get(case.id, []):
        texts += [
            step.intervention_type,
            step.filed_by,
            step.addressed_to,
            step.reference_number,
            step.outcome,
            step.next_action,
        ]
    return [label_of(text) if isinstance(text, _LABELLED) else text for text in texts if text]


def _folded(texts: Iterable[str | None]) -> str:
    return " ".join(word for text in texts if text for word in tokens(text))
