"""The case page's content as plain data: every record of one case loaded with a handful of
queries by case id, then arranged (chronology, allegations beside the state's answers, graded
sources, the three computed panels) so the template only prints."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, select

from app.cases.services.common import get_case, today
from models.act import Act, Involvement
from models.audit import AuditEvent
from models.case import Case, CasePerson
from models.consent import Consent
from models.elements import ElementFinding, disappearance_elements
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
from models.partial_date import PartialDate, partial_date
from models.person import Person
from models.response import OfficialResponse
from models.source import Citation, Source
from models.status import StatusFinding, compute_violation_status
from models.user import User
from models.wgeid import WgeidReadiness, wgeid_readiness

HISTORY_LIMIT = 40
DUE_SOON = timedelta(days=14)
ENTITY_NAMES = {
    "case_file": "Case",
    "case_person": "Role in case",
    "person": "Person",
    "act": "Act",
    "involvement": "Alleged perpetrator",
    "source": "Source",
    "citation": "Citation",
    "official_response": "Official response",
    "intervention": "Intervention",
    "consent": "Consent",
    "evidence": "Evidence",
    "dossier": "Dossier",
}
HIDDEN_IN_HISTORY = {"created_at", "updated_at", "created_by_id", "updated_by_id", "version"}


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
class ChronologyEntry:
    when: PartialDate
    kind: str  # "act", "response", "intervention"
    text: str
    anchor: str


@dataclass
class HistoryEntry:
    at: datetime
    who: str
    action: str
    entity: str
    entity_id: str | None
    changes: list[tuple[str, str, str]]  # (field, before, after)
    note: str


@dataclass
class WgeidPanel:
    victim_name: str
    readiness: WgeidReadiness


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


@dataclass
class CaseView:
    case: CaseHeader
    people: list[PersonCard]
    allegations: list[Allegation]
    case_responses: list[ResponseCard]  # answers about the case as a whole
    sources: list[SourceCard]
    interventions: list[InterventionCard]
    consents: list[ConsentCard]
    chronology: list[ChronologyEntry]
    history: list[HistoryEntry]
    history_truncated: bool
    status: StatusFinding
    elements: list[ElementFinding]
    wgeid: list[WgeidPanel]

    @property
    def victims(self) -> list[PersonCard]:
        return [p for p in self.people if p.role == PersonRole.victim]


def _live(session: Session, model: Any, case_id: int) -> list[Any]:
    return list(
        session.exec(
            select(model)
            .where(model.case_id == case_id, model.deleted_at.is_(None))
            .order_by(model.id)
        ).all()
    )


def build_case_view(
    session: Session,
    case_id: int,
    *,
    submitter: str | None,
    as_of: date | None = None,
    full_history: bool = False,
) -> CaseView:
    """Everything the case page shows, from about ten queries whatever the database's size."""
    as_of = as_of or today()
    case = get_case(session, case_id)
    linked = session.exec(
        select(Person, CasePerson)
        .join(CasePerson, CasePerson.person_id == Person.id)  # type: ignore[arg-type]
        .where(
            CasePerson.case_id == case_id,
            CasePerson.deleted_at.is_(None),  # type: ignore[union-attr]
            Person.deleted_at.is_(None),
        )  # type: ignore[union-attr]
        .order_by(CasePerson.id)
    ).all()
    acts: list[Act] = _live(session, Act, case_id)
    involvements: list[Involvement] = _live(session, Involvement, case_id)
    cited = session.exec(
        select(Citation, Source)
        .join(Source, Source.id == Citation.source_id)  # type: ignore[arg-type]
        .where(
            Citation.case_id == case_id,
            Citation.deleted_at.is_(None),  # type: ignore[union-attr]
            Source.deleted_at.is_(None),
        )  # type: ignore[union-attr]
        .order_by(Citation.id)
    ).all()
    responses: list[OfficialResponse] = _live(session, OfficialResponse, case_id)
    interventions: list[Intervention] = _live(session, Intervention, case_id)
    consents: list[Consent] = _live(session, Consent, case_id)
    history, truncated = _history(session, case_id, None if full_history else HISTORY_LIMIT)

    persons = {p.id: p for p, _ in linked}
    citations = [c for c, _ in cited]
    sources = {s.id: s for _, s in cited}
    lines = [_citation_line(c, sources[c.source_id]) for c in citations]
    response_cards = [_response_card(r, lines) for r in responses]
    act_cards = {a.id: _act_card(a, persons, acts) for a in acts}

    allegations = [
        Allegation(
            act=act_cards[act.id],
            involvements=[_involvement_line(i, lines) for i in involvements if i.act_id == act.id],
            citations=[c for c in lines if c.act_id == act.id],
            responses=[r for r in response_cards if r.act_id == act.id],
        )
        for act in sorted(acts, key=lambda a: partial_date(a, "start").sort_key())
    ]
    victims = [p for p, link in linked if link.role == PersonRole.victim]
    return CaseView(
        case=_header(case),
        people=[_person_card(p, link) for p, link in linked],
        allegations=allegations,
        case_responses=[r for r in response_cards if r.act_id not in act_cards],
        sources=_source_cards(sources, lines),
        interventions=[_intervention_card(i, as_of) for i in interventions],
        consents=[_consent_card(c, persons) for c in consents],
        chronology=_chronology(acts, act_cards, responses, interventions),
        history=history,
        history_truncated=truncated,
        status=compute_violation_status(citations, sources.values(), responses),
        elements=disappearance_elements(acts, involvements, responses),
        wgeid=[
            WgeidPanel(
                v.full_name,
                wgeid_readiness(
                    v, acts, involvements, interventions, consents, submitter=submitter, as_of=as_of
                ),
            )
            for v in victims
        ],
    )


def _header(case: Case) -> CaseHeader:
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


def _person_card(person: Person, link: CasePerson) -> PersonCard:
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


def _citation_line(citation: Citation, source: Source) -> CitationLine:
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


def _involvement_line(inv: Involvement, lines: list[CitationLine]) -> InvolvementLine:
    return InvolvementLine(
        id=inv.id,
        perpetrator=label_of(inv.perpetrator_type),
        force=inv.force,  # type: ignore[arg-type]
        unit_name=inv.unit_name,
        degree=label_of(inv.degree),
        basis=inv.basis_for_attribution,
        citations=[c for c in lines if c.involvement_id == inv.id],
    )


def _response_card(response: OfficialResponse, lines: list[CitationLine]) -> ResponseCard:
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


def _act_card(act: Act, persons: dict[int | None, Person], acts: list[Act]) -> ActCard:
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


def _source_cards(sources: dict[int | None, Source], lines: list[CitationLine]) -> list[SourceCard]:
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


def _intervention_card(i: Intervention, as_of: date) -> InterventionCard:
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


def _consent_card(consent: Consent, persons: dict[int | None, Person]) -> ConsentCard:
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


def _chronology(
    acts: list[Act],
    act_cards: dict[int | None, ActCard],
    responses: list[OfficialResponse],
    interventions: list[Intervention],
) -> list[ChronologyEntry]:
    entries = []
    for act in acts:
        card = act_cards[act.id]
        entries.append(
            ChronologyEntry(
                partial_date(act, "start"),
                "act",
                f"{card.label} of {card.victim_name}" + (f" at {card.place}" if card.place else ""),
                f"act-{act.id}",
            )
        )
        body = partial_date(act, "body_found")
        if body.is_known:
            entries.append(
                ChronologyEntry(
                    body,
                    "act",
                    f"Body of {card.victim_name} found"
                    + (f" at {act.body_found_place}" if act.body_found_place else ""),
                    f"act-{act.id}",
                )
            )
    for response in responses:
        entries.append(
            ChronologyEntry(
                partial_date(response, "responded"),
                "response",
                f"{label_of(response.response_type)} — {response.authority}",
                f"response-{response.id}",
            )
        )
    for i in interventions:
        entries.append(
            ChronologyEntry(
                partial_date(i, "filed"),
                "intervention",
                label_of(i.intervention_type)
                + (f" ({i.reference_number})" if i.reference_number else ""),
                f"intervention-{i.id}",
            )
        )
    return sorted(entries, key=lambda e: e.when.sort_key())


def _history(session: Session, case_id: int, limit: int | None) -> tuple[list[HistoryEntry], bool]:
    statement = (
        select(AuditEvent, User.name)
        .join(User, User.id == AuditEvent.user_id, isouter=True)  # type: ignore[arg-type]
        .where(AuditEvent.case_id == case_id)
        .order_by(AuditEvent.id.desc())  # type: ignore[union-attr]
    )
    if limit is not None:
        statement = statement.limit(limit + 1)
    rows = session.exec(statement).all()
    truncated = limit is not None and len(rows) > limit
    return [_history_entry(event, name) for event, name in rows[:limit]], truncated


def _history_entry(event: AuditEvent, who: str | None) -> HistoryEntry:
    before = _load(event.before_json)
    after = _load(event.after_json)
    changes: list[tuple[str, str, str]] = []
    note = ""
    if event.action in {"update", "status"}:
        changes = [
            (key.replace("_", " "), _shown(before.get(key)), _shown(after.get(key)))
            for key in sorted(set(before) | set(after))
            if key not in HIDDEN_IN_HISTORY and key != "reasons"
        ]
    elif event.action == "delete":
        note = f"Reason: {after['reason']}" if after.get("reason") else ""
    elif event.action == "create":
        note = next(
            (
                str(after[k])
                for k in ("reference", "full_name", "title", "authority", "given_by", "label")
                if after.get(k)
            ),
            "",
        )
    return HistoryEntry(
        at=event.at,
        who=who or "Casebook",
        action=event.action,
        entity=ENTITY_NAMES.get(event.entity_type, event.entity_type.replace("_", " ")),
        entity_id=event.entity_id,
        changes=changes,
        note=note,
    )


def _load(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    value = json.loads(text)
    return value if isinstance(value, dict) else {}


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "…"
