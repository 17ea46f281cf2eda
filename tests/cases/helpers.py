"""Form data for the case tests: a complete quick entry, and the records it creates."""

from __future__ import annotations

import re
from typing import Any

from flask.testing import FlaskClient
from sqlmodel import Session, select

from models.case import Case

URDU_NAME = "دوستین رخشانی"  # fictional


def quick_entry_form(**overrides: Any) -> dict[str, Any]:
    """Everything a documenter types for a typical case (all names invented)."""
    data: dict[str, Any] = {
        "victim-full_name": "Dostain Rakhshani",
        "victim-father_name": "Dad Karim",
        "victim-other_names": URDU_NAME,
        "victim-sex": "male",
        "victim-age_at_incident": "24",
        "victim-occupation": "student",
        "victim-home_district": "Kech (Turbat)",
        "act-act_type": "enforced_disappearance",
        "act-start": "12/03/2025",
        "act-place_name": "Tump bazaar",
        "act-district": "Kech (Turbat)",
        "perpetrators-0-perpetrator_type": "paramilitary",
        "perpetrators-0-force": "Frontier Corps (FC)",
        "perpetrators-0-unit_name": "FC 77 Wing",
        "perpetrators-0-degree": "carried_out",
        "perpetrators-0-basis_for_attribution": "Uniformed men in FC vehicles, seen by neighbours",
        "perpetrators-1-perpetrator_type": "",
        "perpetrators-1-degree": "carried_out",
        "title": "",
        "narrative": "Taken from the bazaar at noon by uniformed men.",
        "source-source_type": "relative_testimony",
        "source-title": "Interview with the victim's brother",
        "source-author": "Field team",
        "source-published": "March 2025",
        "source-url": "",
        "source-reliability": "B",
        "source-credibility": "2",
        "consent-given_by": "Rahim Baloch",
        "consent-relation": "brother",
        "consent-given_on": "2025-03-20",
        "consent-method": "written",
        "consent-internal": "y",
        "consent-un_transmission": "y",
    }
    data.update(overrides)
    return data


def create_case(client: FlaskClient, **overrides: Any) -> int:
    """Quick-enter a case through the web form; the new case's id."""
    response = client.post("/cases/new", data=quick_entry_form(**overrides))
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    match = re.search(r"/cases/(\d+)$", response.headers["Location"])
    assert match, response.headers["Location"]
    return int(match.group(1))


def the_case(db: Session, case_id: int) -> Case:
    db.expire_all()
    case = db.exec(select(Case).where(Case.id == case_id)).one()
    return case


def add_case_parts(db: Session, case: Case) -> dict[str, int]:
    """One committed record of every part of a case, made through the services; their ids by
    URL parameter name (person_id, act_id, …, term_id)."""
    from datetime import timedelta

    from app.cases import services
    from app.cases.services.common import today
    from app.cases.services.vocabulary import add_local_term
    from app.services.actor import Actor
    from models.enums import (
        ActType,
        Credibility,
        InterventionType,
        PerpetratorType,
        PersonRole,
        Reliability,
        ResponseType,
        SourceType,
    )
    from models.partial_date import PartialDate

    actor = Actor.system()
    person = services.create_person(
        db,
        actor=actor,
        case=case,
        fields={
            "full_name": "Shahzad Baloch",
            "father_name": "Mir Jan",
            "role": PersonRole.victim,
            "other_names": "شہزاد بلوچ",
        },
    ).row
    act = services.create_act(
        db,
        actor=actor,
        case=case,
        fields={
            "victim_id": person.id,
            "act_type": ActType.enforced_disappearance,
            "start": PartialDate.parse("2025-02-03"),
            "place_name": "Hoshab",
            "district": "Kech",
        },
    ).row
    involvement = services.create_involvement(
        db,
        actor=actor,
        case=case,
        fields={
            "act_id": act.id,
            "perpetrator_type": PerpetratorType.paramilitary,
            "force": "Frontier Corps (FC)",
            "basis_for_attribution": "FC uniforms",
        },
    ).row
    citation = services.create_citation(
        db,
        actor=actor,
        case=case,
        fields={
            "act_id": act.id,
            "credibility": Credibility.probably_true,
        },
        new_source={
            "source_type": SourceType.witness_testimony,
            "title": "Neighbour's account",
            "reliability": Reliability.C,
        },
    ).row
    response = services.create_response(
        db,
        actor=actor,
        case=case,
        fields={
            "act_id": act.id,
            "authority": "Police",
            "response_type": ResponseType.denied_custody,
            "verbatim_text": "He is not with us.",
        },
    ).row
    intervention = services.create_intervention(
        db,
        actor=actor,
        case=case,
        fields={
            "intervention_type": InterventionType.habeas_corpus,
            "reference_number": "CP 118/2025",
            "next_action": "Hearing",
            "next_action_date": today() + timedelta(days=3),
        },
    ).row
    consent = services.create_consent(
        db,
        actor=actor,
        case=case,
        fields={
            "person_id": person.id,
            "given_by": "Mir Jan",
            "relation": "father",
            "un_transmission": True,
        },
    ).row
    term = add_local_term(db, actor=actor, scheme="district", label="Tump (test)")
    db.commit()
    return {
        "person_id": person.id,
        "act_id": act.id,
        "involvement_id": involvement.id,
        "source_id": citation.source_id,
        "citation_id": citation.id,
        "response_id": response.id,
        "intervention_id": intervention.id,
        "consent_id": consent.id,
        "term_id": term.id,
    }  # type: ignore[dict-item]
