"""The case page's content as plain data: every record of one case loaded with a handful of
queries by case id, then arranged (chronology, allegations beside the state's answers, graded
sources, the three computed panels) so the template only prints."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, select

from app.cases.case_cards import (
    ActCard,
    Allegation,
    CaseHeader,
    ConsentCard,
    InterventionCard,
    PersonCard,
    ResponseCard,
    SourceCard,
    act_card,
    citation_line,
    consent_card,
    header_card,
    intervention_card,
    involvement_line,
    person_card,
    response_card,
    source_cards,
)
from app.cases.services.common import get_case, today
from models.act import Act, Involvement
from models.audit import AuditEvent
from models.case import CasePerson
from models.consent import Consent
from models.elements import ElementFinding, disappearance_elements
from models.enums import PersonRole, label_of
from models.intervention import Intervention
from models.partial_date import PartialDate, partial_date
from models.person import Person
from models.response import OfficialResponse
from models.source import Citation, Source
from models.status import StatusFinding, compute_violation_status
from models.user import User
from models.wgeid import WgeidReadiness, wgeid_readiness

HISTORY_LIMIT = 40
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
    lines = [citation_line(c, sources[c.source_id]) for c in citations]
    response_cards = [response_card(r, lines) for r in responses]
    act_cards = {a.id: act_card(a, persons, acts) for a in acts}

    allegations = [
        Allegation(
            act=act_cards[act.id],
            involvements=[involvement_line(i, lines) for i in involvements if i.act_id == act.id],
            citations=[c for c in lines if c.act_id == act.id],
            responses=[r for r in response_cards if r.act_id == act.id],
        )
        for act in sorted(acts, key=lambda a: partial_date(a, "start").sort_key())
    ]
    victims = [p for p, link in linked if link.role == PersonRole.victim]
    return CaseView(
        case=header_card(case),
        people=[person_card(p, link) for p, link in linked],
        allegations=allegations,
        case_responses=[r for r in response_cards if r.act_id not in act_cards],
        sources=source_cards(sources, lines),
        interventions=[intervention_card(i, as_of) for i in interventions],
        consents=[consent_card(c, persons) for c in consents],
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
