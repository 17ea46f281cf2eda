"""The parts of a case that the generic add/edit/remove views handle, one `EntitySpec` each."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from app.cases import services
from app.cases.crud import EntitySpec
from app.cases.forms_entities import (
    ActForm,
    CaseForm,
    CitationEditForm,
    CitationForm,
    ConsentForm,
    InterventionForm,
    InvolvementForm,
    PersonForm,
    ResponseForm,
    SourceForm,
)
from app.cases.options import CaseOptions
from app.cases.services.common import get_in_case, person_in_case
from app.cases.services.responses import response_citation
from app.security import Permission
from models.act import Act, Involvement
from models.case import Case
from models.consent import Consent
from models.enums import ActType, InterventionType, PerpetratorType, ResponseType
from models.intervention import Intervention
from models.partial_date import partial_date
from models.response import OfficialResponse
from models.source import Citation


def _in_case(model: Any) -> Any:
    return lambda session, case, row_id: get_in_case(session, model, row_id, case.id)


def _first(kind: str, field: str) -> Any:
    """Preselect the case's only record of `kind` (e.g. the only act a denial can answer)."""

    def defaults(options: CaseOptions) -> dict[str, Any]:
        choices = getattr(options, kind)
        return {field: choices[0][0]} if len(choices) == 1 else {}

    return defaults


def _person_link(session: Session, case: Case, person: Any) -> dict[str, Any]:
    link = person_in_case(session, case.id, person.id)  # type: ignore[arg-type]
    return {"role": link.role, "relation_to_victim": link.relation_to_victim} if link else {}


def _response_citation(session: Session, case: Case, response: Any) -> dict[str, Any]:
    citation = response_citation(session, response)
    if citation is None:
        return {}
    return {
        "citation": {
            "source_id": citation.source_id,
            "locator": citation.locator,
            "credibility": citation.credibility,
        }
    }


CASE = EntitySpec(
    name="case",
    slug="",
    noun="case",
    form=CaseForm,
    anchor="top",
    load=lambda session, case, _row_id: case,
    update=services.update_case,
    delete=services.delete_case,
    describe=lambda case: f"{case.reference} — {case.title}",
    delete_note="The case disappears from every page and list. It stays in the database with "
    "its full history, and an admin can restore it.",
    delete_permission=Permission.review_cases,
)

PERSON = EntitySpec(
    name="person",
    slug="persons",
    noun="person",
    form=PersonForm,
    anchor="people",
    load=lambda session, case, row_id: services.get_person_in_case(session, case, row_id),
    create=services.create_person,
    update=services.update_person,
    delete=services.remove_person,
    extra_data=_person_link,
    describe=lambda person: person.full_name,
    delete_note="The person stays on record (and in any other case); only their part in this "
    "case is removed.",
)

ACT = EntitySpec(
    name="act",
    slug="acts",
    noun="act",
    form=ActForm,
    anchor="allegations",
    load=_in_case(Act),
    create=services.create_act,
    update=services.update_act,
    delete=services.delete_act,
    new_defaults=_first("persons", "victim_id"),
    describe=lambda act: f"{ActType(act.act_type).label}, {partial_date(act, 'start')}",
    delete_note="Its alleged perpetrators and the citations about it are removed with it.",
)

INVOLVEMENT = EntitySpec(
    name="involvement",
    slug="involvements",
    noun="alleged perpetrator",
    form=InvolvementForm,
    anchor="allegations",
    load=_in_case(Involvement),
    create=services.create_involvement,
    update=services.update_involvement,
    delete=services.delete_involvement,
    new_defaults=_first("acts", "act_id"),
    describe=lambda inv: ", ".join(
        p for p in (PerpetratorType(inv.perpetrator_type).label, inv.force, inv.unit_name) if p
    ),
    delete_note="The citations about this perpetrator are removed with it.",
)

SOURCE = EntitySpec(
    name="source",
    slug="sources",
    noun="source",
    form=SourceForm,
    anchor="sources",
    load=lambda session, case, row_id: services.get_source_in_case(session, case, row_id),
    update=services.update_source,
    delete=services.remove_source,
    describe=lambda source: source.title,
    delete_note="Its citations in this case are removed with it. Other cases citing the same "
    "source keep it.",
)

CITATION = EntitySpec(
    name="citation",
    slug="citations",
    noun="citation",
    form=CitationForm,
    edit_form=CitationEditForm,
    anchor="sources",
    load=_in_case(Citation),
    create=services.create_citation,
    update=services.update_citation,
    delete=services.delete_citation,
    subforms={"new_source": "new_source"},
    describe=lambda citation: f"citation #{citation.id}",
)

RESPONSE = EntitySpec(
    name="response",
    slug="responses",
    noun="official response",
    form=ResponseForm,
    anchor="allegations",
    load=_in_case(OfficialResponse),
    create=services.create_response,
    update=services.update_response,
    delete=services.delete_response,
    subforms={"citation": "citation"},
    extra_data=_response_citation,
    new_defaults=_first("acts", "act_id"),
    describe=lambda r: f"{ResponseType(r.response_type).label} by {r.authority}",
    delete_note="The citations recording this answer are removed with it.",
)

INTERVENTION = EntitySpec(
    name="intervention",
    slug="interventions",
    noun="intervention",
    form=InterventionForm,
    anchor="interventions",
    load=_in_case(Intervention),
    create=services.create_intervention,
    update=services.update_intervention,
    delete=services.delete_intervention,
    describe=lambda i: (
        InterventionType(i.intervention_type).label
        + (f" {i.reference_number}" if i.reference_number else "")
    ),
)

CONSENT = EntitySpec(
    name="consent",
    slug="consents",
    noun="consent",
    form=ConsentForm,
    anchor="consents",
    load=_in_case(Consent),
    create=services.create_consent,
    update=services.update_consent,
    delete=services.delete_consent,
    extra_data=lambda session, case, consent: {"withdrawn": consent.withdrawn_at is not None},
    new_defaults=_first("persons", "person_id"),
    describe=lambda consent: f"consent given by {consent.given_by}",
    delete_note="Only for a consent recorded by mistake: a withdrawn consent is edited "
    "(tick “withdrawn”), not removed.",
)

CASE_PARTS = [PERSON, ACT, INVOLVEMENT, SOURCE, CITATION, RESPONSE, INTERVENTION, CONSENT]
