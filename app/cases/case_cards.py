"""Plain-data cards for the case page: one dataclass per kind of record, built from rows.

`case_view.build_case_view` loads the rows and arranges these cards; templates only print them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from models.act import Act, Involvement
from models.case import Case, CasePerson
from models.consent import Consent
from models.enums import (
    KILLINGS,
    ActType,
    InterventionStatus,
    PersonRole,
    ResponseType,
    SupportedFact,
    label_of,
)
from models.intervention import Intervention
from models.partial_date import partial_date
from models.person import Person
from models.response import OfficialResponse
from models.source import Citation, Source

DUE_SOON = timedelta(days=14)


@dataclass
class PersonCard:
    id: int
    role: PersonRole
    relation: str | None
    full_name: str
    other_names: list[str]
    father_name: str | None
    sex: str
    birth: str
    age: int | None
    occupation: str | None
    affiliation: str | None
    ethnicity: str | None
    home_district: str | None
    national_id: str | None
    protected: bool


@dataclass
class CitationLine:
    id: int
    source_id: int
    source_title: str
    source_type: str
    grade: str  # "B2", "B?", "?2" — reliability letter, credibility digit
    fact: str
    locator: str | None
    excerpt: str
    contradicts: bool
    independence_key: str | None
    act_id: int | None
    involvement_id: int | None
    response_id: int | None


@dataclass
class InvolvementLine:
    id: int
    perpetrator: str
    force: str | None
    unit_name: str | None
    degree: str
    basis: str
    citations: list[CitationLine] = field(default_factory=list)


@dataclass
class ResponseCard:
    id: int
    act_id: int | None
    when: str
    authority: str
    channel: str
    response_type: ResponseType
    label: str
    explanation: str
    verbatim_text: str
    citations: list[CitationLine] = field(default_factory=list)


@dataclass
class ActCard:
    id: int
    act_type: ActType
    label: str
    victim_id: int
    victim_name: str
    start: str
    end: str
    place: str
    location_type: str
    whereabouts: str
    victim_status: str
    description: str
    is_killing: bool
    death: list[tuple[str, str]]
    follows: str | None


@dataclass
class Allegation:
    """An act with who allegedly did it and the sources for it (left), the state's answers
    to it (right)."""

    act: ActCard
    involvements: list[InvolvementLine]
    citations: list[CitationLine]
    responses: list[ResponseCard]


@dataclass
class SourceCard:
    id: int
    title: str
    source_type: str
    author: str | None
    published: str
    url: str | None
    archive_url: str | None
    language: str | None
    connection: str
    reliability: str | None
    citations: list[CitationLine]


@dataclass
class InterventionCard:
    id: int
    label: str
    act_id: int | None
    filed_by: str | None
    addressed_to: str | None
    reference_number: str | None
    filed: str
    status: str
    is_open: bool
    next_action: str | None
    next_action_date: date | None
    overdue: bool
    due_soon: bool
    outcome: str
    response_id: int | None


@dataclass
class ConsentCard:
    id: int
    person_name: str
    given_by: str
    relation: str | None
    given_on: date | None
    method: str
    scopes: list[str]
    withdrawn_at: datetime | None


@dataclass
class CaseHeader:
    id: int
    reference: str
    title: str
    narrative: str
    district: str | None
    place: str | None
    violation_status: Any
    computed_status: Any
    status_override: Any
    status_override_reason: str | None
    workflow_state: Any
    confidentiality: Any
    priority: Any
    tags: list[str]
    internal_notes: str
    version: int
    created_at: datetime
    updated_at: datetime


def header_card(case: Case) -> CaseHeader:
    return CaseHeader(
        id=case.id,
        reference=case.reference,
        title=case.title,
        narrative=case.narrative,  # type: ignore[arg-type]
        district=case.district,
        place=case.place,
        violation_status=case.violation_status,
        computed_status=case.computed_status,
        status_override=case.status_override,
        status_override_reason=case.status_override_reason,
        workflow_state=case.workflow_state,
        confidentiality=case.confidentiality,
        priority=case.priority,
        tags=case.tag_list,
        internal_notes=case.internal_notes,
        version=case.version,
        created_at=case.created_at,
        updated_at=case.updated_at,
    )


def person_card(person: Person, link: CasePerson) -> PersonCard:
    birth = partial_date(person, "birth")
    return PersonCard(
        id=person.id,
        role=PersonRole(link.role),
        relation=link.relation_to_victim,  # type: ignore[arg-type]
        full_name=person.full_name,
        other_names=person.other_name_list,
        father_name=person.father_name,
        sex=label_of(person.sex),
        birth=str(birth) if birth.is_known else "",
        age=person.age_at_incident,
        occupation=person.occupation,
        affiliation=person.affiliation,
        ethnicity=person.ethnicity,
        home_district=person.home_district,
        national_id=person.national_id,
        protected=person.protected,
    )


def grade(reliability: Any, credibility: Any) -> str:
    """The Admiralty grade as printed: "B2"; "?" for the part not graded yet."""
    letter = str(getattr(reliability, "value", reliability)) if reliability else "?"
    digit = str(int(credibility)) if credibility is not None else "?"
    return letter + digit


def citation_line(citation: Citation, source: Source) -> CitationLine:
    return CitationLine(
        id=citation.id,
        source_id=source.id,
        source_title=source.title,  # type: ignore[arg-type]
        source_type=label_of(source.source_type),
        grade=grade(source.reliability, citation.credibility),
        fact=label_of(SupportedFact(citation.fact)) if citation.fact else "",
        locator=citation.locator,
        excerpt=citation.excerpt,
        contradicts=citation.contradicts,
        independence_key=citation.independence_key,
        act_id=citation.act_id,
        involvement_id=citation.involvement_id,
        response_id=citation.response_id,
    )


def involvement_line(inv: Involvement, lines: list[CitationLine]) -> InvolvementLine:
    return InvolvementLine(
        id=inv.id,
        perpetrator=label_of(inv.perpetrator_type),
        force=inv.force,  # type: ignore[arg-type]
        unit_name=inv.unit_name,
        degree=label_of(inv.degree),
        basis=inv.basis_for_attribution,
        citations=[c for c in lines if c.involvement_id == inv.id],
    )


def response_card(response: OfficialResponse, lines: list[CitationLine]) -> ResponseCard:
    when = partial_date(response, "responded")
    return ResponseCard(
        id=response.id,
        act_id=response.act_id,
        when=str(when) if when.is_known else "",  # type: ignore[arg-type]
        authority=response.authority,
        channel=label_of(response.channel),
        response_type=ResponseType(response.response_type),
        label=label_of(response.response_type),
        explanation=label_of(response.alternative_explanation),
        verbatim_text=response.verbatim_text,
        citations=[
            c for c in lines if c.response_id == response.id or c.id == response.citation_id
        ],
    )


def act_card(act: Act, persons: dict[int | None, Person], acts: list[Act]) -> ActCard:
    start, end = partial_date(act, "start"), partial_date(act, "end")
    killing = act.act_type in KILLINGS
    body = partial_date(act, "body_found")
    death = [
        (label, value)
        for label, value in (
            ("Cause of death", act.cause_of_death or ""),
            ("Manner of death", label_of(act.manner_of_death)),
            (
                "Body found",
                ", ".join(
                    x for x in (act.body_found_place or "", str(body) if body.is_known else "") if x
                ),
            ),
            ("Autopsy", label_of(act.autopsy)),
            ("Death certificate", label_of(act.death_certificate)),
        )
        if value
    ]
    earlier = next((a for a in acts if a.id == act.follows_act_id), None)
    victim = persons.get(act.victim_id)
    return ActCard(
        id=act.id,
        act_type=ActType(act.act_type),
        label=label_of(act.act_type),  # type: ignore[arg-type]
        victim_id=act.victim_id,
        victim_name=victim.full_name if victim else "(removed person)",
        start=str(start),
        end=str(end) if end.is_known else "",
        place=", ".join(p for p in (act.place_name, act.district, act.province) if p),
        location_type=label_of(act.location_type),
        whereabouts=label_of(act.whereabouts),
        victim_status=label_of(act.victim_status),
        description=act.description,
        is_killing=killing,
        death=death,
        follows=(
            f"{label_of(earlier.act_type)}, {partial_date(earlier, 'start')}" if earlier else None
        ),
    )


def source_cards(sources: dict[int | None, Source], lines: list[CitationLine]) -> list[SourceCard]:
    by_source: dict[int, list[CitationLine]] = defaultdict(list)
    for line in lines:
        by_source[line.source_id].append(line)
    cards = []
    for source in sorted(sources.values(), key=lambda s: s.title.casefold()):
        published = partial_date(source, "published")
        cards.append(
            SourceCard(
                id=source.id,
                title=source.title,
                source_type=label_of(source.source_type),  # type: ignore[arg-type]
                author=source.author,
                published=str(published) if published.is_known else "",
                url=source.url,
                archive_url=source.archive_url,
                language=source.language,
                connection=label_of(source.connection),
                reliability=label_of(source.reliability) or None,
                citations=by_source[source.id],  # type: ignore[index]
            )
        )
    return cards


def intervention_card(i: Intervention, as_of: date) -> InterventionCard:
    filed = partial_date(i, "filed")
    is_open = i.status != InterventionStatus.closed
    due = i.next_action_date
    return InterventionCard(
        id=i.id,
        label=label_of(i.intervention_type),
        act_id=i.act_id,
        filed_by=i.filed_by,  # type: ignore[arg-type]
        addressed_to=i.addressed_to,
        reference_number=i.reference_number,
        filed=str(filed) if filed.is_known else "",
        status=label_of(i.status),
        is_open=is_open,
        next_action=i.next_action,
        next_action_date=due,
        overdue=bool(is_open and due and due < as_of),
        due_soon=bool(is_open and due and as_of <= due <= as_of + DUE_SOON),
        outcome=i.outcome,
        response_id=i.response_id,
    )


def consent_card(consent: Consent, persons: dict[int | None, Person]) -> ConsentCard:
    person = persons.get(consent.person_id)
    scopes = [
        label
        for key, label in (
            ("internal", "internal use"),
            ("un_transmission", "UN mechanisms"),
            ("public_naming", "naming in public reports"),
            ("photo_publication", "photographs"),
        )
        if getattr(consent, key)
    ]
    return ConsentCard(
        id=consent.id,
        person_name=person.full_name if person else "(removed person)",  # type: ignore[arg-type]
        given_by=consent.given_by,
        relation=consent.relation,
        given_on=consent.given_on,
        method=label_of(consent.method),
        scopes=scopes,
        withdrawn_at=consent.withdrawn_at,
    )
