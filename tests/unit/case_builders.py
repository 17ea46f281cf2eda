"""Small builders for unsaved model rows with ids, for the pure rule tests (fictional data)."""

from __future__ import annotations

from datetime import date
from typing import Any

from models.act import Act, Involvement
from models.consent import Consent
from models.enums import (
    ActType,
    Credibility,
    InterventionStatus,
    InterventionType,
    PerpetratorType,
    ResponseType,
    SourceType,
)
from models.intervention import Intervention
from models.partial_date import PartialDate, set_partial_date
from models.person import Person
from models.response import OfficialResponse
from models.source import Citation, Source

CASE_ID = 1


def person(person_id: int = 1, **fields: Any) -> Person:
    values: dict[str, Any] = {
        "full_name": "Shahzad Baloch",
        "father_name": "Karim Bakhsh",
        "occupation": "student",
    }
    values.update(fields)
    return Person(id=person_id, **values)


def act(
    act_id: int = 10,
    act_type: ActType = ActType.enforced_disappearance,
    when: str = "2025-03-12",
    victim_id: int = 1,
    **fields: Any,
) -> Act:
    values: dict[str, Any] = {"place_name": "Tump bazaar", "district": "Kech (Turbat)"}
    values.update(fields)
    row = Act(id=act_id, case_id=CASE_ID, victim_id=victim_id, act_type=act_type, **values)
    set_partial_date(row, "start", PartialDate.parse(when))
    return row


def involvement(
    involvement_id: int = 20,
    act_id: int = 10,
    perpetrator_type: PerpetratorType = PerpetratorType.paramilitary,
    **fields: Any,
) -> Involvement:
    values: dict[str, Any] = {
        "force": "Frontier Corps (FC)",
        "basis_for_attribution": "Uniformed men arrived in FC double-cabin vehicles.",
    }
    values.update(fields)
    return Involvement(
        id=involvement_id,
        case_id=CASE_ID,
        act_id=act_id,
        perpetrator_type=perpetrator_type,
        **values,
    )


def response(
    response_id: int = 30,
    response_type: ResponseType = ResponseType.denied_custody,
    authority: str = "Balochistan Home Department",
    **fields: Any,
) -> OfficialResponse:
    return OfficialResponse(
        id=response_id,
        case_id=CASE_ID,
        response_type=response_type,
        authority=authority,
        **fields,
    )


def intervention(
    intervention_id: int = 40,
    intervention_type: InterventionType = InterventionType.police_complaint,
    status: InterventionStatus = InterventionStatus.filed,
    **fields: Any,
) -> Intervention:
    return Intervention(
        id=intervention_id,
        case_id=CASE_ID,
        intervention_type=intervention_type,
        status=status,
        **fields,
    )


def consent(consent_id: int = 50, person_id: int = 1, **fields: Any) -> Consent:
    values: dict[str, Any] = {
        "given_by": "Gul Bibi",
        "relation": "Mother",
        "given_on": date(2025, 3, 20),
        "un_transmission": True,
    }
    values.update(fields)
    return Consent(id=consent_id, person_id=person_id, case_id=CASE_ID, **values)


def source(
    source_id: int, source_type: SourceType = SourceType.witness_testimony, **fields: Any
) -> Source:
    values: dict[str, Any] = {"title": f"Statement {source_id}"}
    values.update(fields)
    return Source(id=source_id, source_type=source_type, **values)


def citation(
    citation_id: int,
    source_id: int,
    credibility: Credibility | int | None = Credibility.probably_true,
    **fields: Any,
) -> Citation:
    return Citation(
        id=citation_id,
        case_id=CASE_ID,
        source_id=source_id,
        credibility=credibility,
        **fields,
    )
