"""The full forms: every part of a case can be added, edited and removed from the case page;
bad input is refused beside its field with everything typed kept."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlmodel import select

from models.act import Act, Involvement
from models.audit import AuditEvent
from models.case import Case, CasePerson
from models.consent import Consent
from models.enums import ActType, Credibility, InterventionStatus, ResponseType
from models.intervention import Intervention
from models.person import Person
from models.response import OfficialResponse
from models.source import Citation, Source
from tests.cases.helpers import URDU_NAME

URDU_WORDS = "ہمارے پاس نہیں ہے"  # "he is not with us"


def valid_forms(case) -> dict[str, tuple[type, dict[str, str], dict[str, object]]]:
    """entity slug → (model, form data, column values expected after saving)."""
    return {
        "persons": (
            Person,
            {
                "role": "witness",
                "relation_to_victim": "neighbour",
                "full_name": URDU_NAME,
                "sex": "female",
                "birth": "1990",
                "national_id": "4210112345671",
            },
            {"full_name": URDU_NAME, "national_id": "42101-1234567-1"},
        ),
        "acts": (
            Act,
            {
                "victim_id": str(case.victim_id),
                "act_type": "torture",
                "start": "March 2025",
                "end": "April 2025",
                "whereabouts": "unknown",
                "victim_status": "released",
                "description": URDU_WORDS,
            },
            {"act_type": ActType.torture, "end_latest": date(2025, 4, 30)},
        ),
        "involvements": (
            Involvement,
            {
                "act_id": str(case.act_id),
                "perpetrator_type": "intelligence_agency",
                "force": "Inter-Services Intelligence (ISI)",
                "degree": "ordered",
                "basis_for_attribution": "Named by the released detainee",
            },
            {"force": "Inter-Services Intelligence (ISI)"},
        ),
        "citations": (
            Citation,
            {
                "source_id": "",
                "act_id": str(case.act_id),
                "credibility": "1",
                "new_source-source_type": "court_record",
                "new_source-title": "BHC order CP 12/2025",
                "new_source-reliability": "A",
                "new_source-connection": "unknown",
            },
            {"credibility": Credibility.confirmed},
        ),
        "responses": (
            OfficialResponse,
            {
                "act_id": str(case.act_id),
                "responded": "2025-03-20",
                "authority": "Police",
                "response_type": "denied_custody",
                "verbatim_text": URDU_WORDS,
                "citation-source_id": str(case.source_id),
                "citation-credibility": "2",
            },
            {"verbatim_text": URDU_WORDS, "response_type": ResponseType.denied_custody},
        ),
        "interventions": (
            Intervention,
            {
                "intervention_type": "habeas_corpus",
                "filed": "April 2025",
                "status": "filed",
                "next_action": "Hearing",
                "next_action_date": "2030-01-15",
                "reference_number": "CP 118/2025",
            },
            {"reference_number": "CP 118/2025", "next_action_date": date(2030, 1, 15)},
        ),
        "consents": (
            Consent,
            {
                "person_id": str(case.victim_id),
                "given_by": "Gul Bibi",
                "relation": "mother",
                "given_on": "2025-03-21",
                "method": "thumbprint",
                "internal": "y",
                "public_naming": "y",
            },
            {"given_by": "Gul Bibi", "public_naming": True, "un_transmission": False},
        ),
    }


@pytest.mark.parametrize(
    "slug",
    ["persons", "acts", "involvements", "citations", "responses", "interventions", "consents"],
)
def test_each_part_of_a_case_is_added_from_its_form_and_audited(documenter, db, entered_case, slug):
    model, data, expected = valid_forms(entered_case)[slug]
    before = {row.id for row in db.exec(select(model)).all()}
    response = documenter.post(f"/cases/{entered_case.id}/{slug}/new", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    assert response.headers["Location"].startswith(f"/cases/{entered_case.id}#")
    db.expire_all()
    (row,) = [r for r in db.exec(select(model)).all() if r.id not in before]
    for column, value in expected.items():
        assert getattr(row, column) == value, column
    event = db.exec(
        select(AuditEvent).where(
            AuditEvent.entity_type == model.__tablename__,
            AuditEvent.entity_id == str(row.id),
            AuditEvent.action == "create",
        )
    ).one()
    assert event.case_id == entered_case.id


@pytest.mark.parametrize(
    "slug, blank, error_id",
    [
        ("persons", "full_name", "full_name-error"),
        ("acts", "act_type", "act_type-error"),
        ("involvements", "perpetrator_type", "perpetrator_type-error"),
        ("citations", "new_source-title", "new_source-title-error"),
        ("responses", "authority", "authority-error"),
        ("interventions", "intervention_type", "intervention_type-error"),
        ("consents", "given_by", "given_by-error"),
    ],
)
def test_each_form_refuses_a_missing_required_value_beside_it_and_keeps_the_rest(
    documenter, db, entered_case, slug, blank, error_id
):
    model, data, _ = valid_forms(entered_case)[slug]
    count = len(db.exec(select(model)).all())
    data = {**data, blank: "", "probe_text": ""}
    kept_field, kept_value = next(
        (k, v) for k, v in data.items() if k != blank and len(v) > 3 and not v.isdigit()
    )
    response = documenter.post(f"/cases/{entered_case.id}/{slug}/new", data=data)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert f'id="{error_id}"' in page, kept_field
    assert kept_value.replace("'", "&#39;") in page
    db.expire_all()
    assert len(db.exec(select(model)).all()) == count


def test_an_act_that_ends_before_it_starts_is_refused(documenter, db, entered_case):
    response = documenter.post(
        f"/cases/{entered_case.id}/acts/new",
        data={
            "victim_id": entered_case.victim_id,
            "act_type": "arbitrary_detention",
            "start": "May 2025",
            "end": "2 April 2025",
            "whereabouts": "unknown",
            "victim_status": "unknown",
        },
    )
    assert response.status_code == 422
    assert re.search(
        r'id="end-error"[^>]*>The end \(2 April 2025\) is before the start',
        response.get_data(as_text=True),
    )
    assert len(db.exec(select(Act)).all()) == 1


def test_a_date_in_the_future_is_refused_but_a_deadline_may_be(documenter, db, entered_case):
    next_year = date.today().year + 1
    response = documenter.post(
        f"/cases/{entered_case.id}/interventions/new",
        data={
            "intervention_type": "police_complaint",
            "filed": str(next_year),
            "status": "filed",
            "next_action_date": f"{next_year}-01-10",
        },
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert re.search(rf'id="filed-error"[^>]*>{next_year} is in the future', page)
    assert 'id="next_action_date-error"' not in page


def test_a_credibility_grade_without_a_source_is_refused(documenter, db, entered_case):
    response = documenter.post(
        f"/cases/{entered_case.id}/citations/new",
        data={
            "source_id": "",
            "credibility": "2",
            "fact": "arrest",
        },
    )
    assert response.status_code == 422
    assert re.search(
        r'id="credibility-error"[^>]*>A credibility grade needs a source',
        response.get_data(as_text=True),
    )
    assert len(db.exec(select(Citation)).all()) == 1


def test_a_citation_to_a_source_of_another_case_is_refused(documenter, db, entered_case):
    from tests.cases.helpers import create_case

    other_case = create_case(documenter)
    other_source = db.exec(select(Citation.source_id).where(Citation.case_id == other_case)).one()
    response = documenter.post(
        f"/cases/{entered_case.id}/citations/new",
        data={
            "source_id": str(other_source),
            "credibility": "2",
        },
    )
    assert response.status_code == 422
    assert 'id="source_id-error"' in response.get_data(as_text=True)


def test_a_killing_can_follow_the_earlier_disappearance(documenter, db, entered_case):
    response = documenter.post(
        f"/cases/{entered_case.id}/acts/new",
        data={
            "victim_id": entered_case.victim_id,
            "act_type": "extrajudicial_killing",
            "start": "circa June 2025",
            "whereabouts": "unknown",
            "victim_status": "found_dead",
            "follows_act_id": entered_case.act_id,
            "cause_of_death": "Gunshot wounds",
            "manner_of_death": "homicide",
            "body_found_place": "Near Turbat",
            "body_found": "June 2025",
            "autopsy": "performed",
            "death_certificate": "available",
        },
    )
    assert response.status_code == 302
    killing = db.exec(select(Act).where(Act.act_type == ActType.extrajudicial_killing)).one()
    assert killing.follows_act_id == entered_case.act_id and killing.start_estimated
    page = documenter.get(f"/cases/{entered_case.id}").get_data(as_text=True)
    assert "Follows: Enforced disappearance, 12 March 2025" in page
    assert "Gunshot wounds" in page and "circa June 2025" in page


def test_an_oddly_written_cnic_is_kept_with_a_warning(documenter, db, entered_case):
    response = documenter.post(
        f"/cases/{entered_case.id}/persons/new",
        data={
            "role": "relative",
            "full_name": "Gul Bibi",
            "sex": "female",
            "national_id": "42101-12345",
        },
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert "A CNIC has 13 digits" in response.get_data(as_text=True)
    assert db.exec(select(Person).where(Person.full_name == "Gul Bibi")).one().national_id == (
        "42101-12345"
    )


def _edit_act(client, case_id, act_id, version, **changes):
    data = {
        "victim_id": "",
        "act_type": "enforced_disappearance",
        "start": "12/03/2025",
        "whereabouts": "unknown",
        "victim_status": "still_missing",
        "version": str(version),
    }
    data.update(changes)
    return client.post(f"/cases/{case_id}/acts/{act_id}/edit", data=data)


def test_a_stale_edit_is_refused_showing_the_other_persons_values(documenter, db, entered_case):
    form = documenter.get(f"/cases/{entered_case.id}/acts/{entered_case.act_id}/edit")
    version = re.search(r'name="version"[^>]*value="(\d+)"', form.get_data(as_text=True))
    assert version and version.group(1) == "1"
    victim = entered_case.victim_id
    first = _edit_act(
        documenter,
        entered_case.id,
        entered_case.act_id,
        1,
        victim_id=victim,
        place_name="Tump main bazaar",
    )
    assert first.status_code == 302
    second = _edit_act(
        documenter,
        entered_case.id,
        entered_case.act_id,
        1,
        victim_id=victim,
        place_name="Mand checkpoint",
        description="Taken at the checkpoint",
    )
    assert second.status_code == 409
    page = second.get_data(as_text=True)
    assert "Someone else changed this record" in page
    assert 'value="Mand checkpoint"' in page and "Taken at the checkpoint" in page
    assert re.search(r"Saved meanwhile by someone else:</strong> <span[^>]*>Tump main bazaar", page)
    assert re.search(r'name="version"[^>]*value="2"', page)  # a deliberate re-save may go ahead
    db.expire_all()
    act = db.get(Act, entered_case.act_id)
    assert act.place_name == "Tump main bazaar" and act.version == 2


def test_removing_hides_the_record_but_keeps_it_and_its_history(documenter, db, entered_case):
    _, data, _ = valid_forms(entered_case)["responses"]
    documenter.post(f"/cases/{entered_case.id}/responses/new", data=data)
    response_id = db.exec(select(OfficialResponse.id)).one()
    confirm = documenter.get(f"/cases/{entered_case.id}/responses/{response_id}/delete")
    assert "Remove this official response?" in confirm.get_data(as_text=True)
    done = documenter.post(
        f"/cases/{entered_case.id}/responses/{response_id}/delete",
        data={"version": "1", "reason": "Entered twice"},
    )
    assert done.status_code == 302
    page = documenter.get(f"/cases/{entered_case.id}").get_data(as_text=True)
    assert f'id="response-{response_id}"' not in page
    assert "Entered twice" in page  # the history says why
    db.expire_all()
    kept = db.get(OfficialResponse, response_id)
    assert kept is not None and kept.deleted_at is not None
    assert db.exec(
        select(AuditEvent).where(
            AuditEvent.entity_type == "official_response", AuditEvent.action == "delete"
        )
    ).one()


def test_the_victim_of_an_act_cannot_be_taken_off_the_case(documenter, db, entered_case):
    response = documenter.post(
        f"/cases/{entered_case.id}/persons/{entered_case.victim_id}/delete",
        data={"version": "1"},
    )
    assert response.status_code == 422
    assert "is the victim of 1 act(s)" in response.get_data(as_text=True)
    db.expire_all()
    assert db.exec(select(CasePerson)).one().deleted_at is None


def test_removing_an_act_removes_its_perpetrators_and_citations(documenter, db, entered_case):
    response = documenter.post(
        f"/cases/{entered_case.id}/acts/{entered_case.act_id}/delete", data={"version": "1"}
    )
    assert response.status_code == 302
    db.expire_all()
    assert db.get(Act, entered_case.act_id).deleted_at is not None
    assert all(i.deleted_at is not None for i in db.exec(select(Involvement)).all())
    assert db.get(Citation, entered_case.citation_id).deleted_at is not None
    assert db.get(Source, entered_case.source_id).deleted_at is None  # the source itself stays


def test_consent_can_be_withdrawn_and_the_page_says_so(documenter, db, entered_case):
    consent = db.exec(select(Consent)).one()
    response = documenter.post(
        f"/cases/{entered_case.id}/consents/{consent.id}/edit",
        data={
            "person_id": entered_case.victim_id,
            "given_by": consent.given_by,
            "method": "written",
            "internal": "y",
            "un_transmission": "y",
            "withdrawn": "y",
            "version": "1",
        },
    )
    assert response.status_code == 302
    db.expire_all()
    assert db.get(Consent, consent.id).withdrawn_at is not None
    page = documenter.get(f"/cases/{entered_case.id}").get_data(as_text=True)
    assert "withdrawn" in page
    assert "Consent to transmission to the UN was withdrawn" in page


def test_an_intervention_deadline_is_highlighted_when_overdue(documenter, db, entered_case):
    overdue = (date.today() - timedelta(days=2)).isoformat()
    documenter.post(
        f"/cases/{entered_case.id}/interventions/new",
        data={
            "intervention_type": "coied_complaint",
            "status": "awaiting_response",
            "next_action": "Chase the Commission",
            "next_action_date": overdue,
        },
    )
    intervention = db.exec(select(Intervention)).one()
    assert intervention.status == InterventionStatus.awaiting_response
    page = documenter.get(f"/cases/{entered_case.id}").get_data(as_text=True)
    assert re.search(rf'id="intervention-{intervention.id}" class="overdue"', page)


def test_case_details_are_edited_with_urdu_text_shown_right_to_left(documenter, db, entered_case):
    response = documenter.post(
        f"/cases/{entered_case.id}/edit",
        data={
            "title": "دوستین رخشانی کی جبری گمشدگی",
            "narrative": "",
            "confidentiality": "confidential",
            "priority": "urgent",
            "tags": "students, Kech 2025, students",
            "version": "1",
        },
    )
    assert response.status_code == 302
    case = db.get(Case, entered_case.id)
    db.refresh(case)
    assert case.tags == "students, Kech 2025"
    page = documenter.get(f"/cases/{entered_case.id}").get_data(as_text=True)
    assert '<h1 dir="auto">دوستین رخشانی کی جبری گمشدگی</h1>' in page
