"""Quick entry: one page, one submit, the whole common case — or nothing, with every problem
shown beside its field and everything typed kept."""

from __future__ import annotations

import re

from sqlmodel import select

from models.act import Act, Involvement
from models.audit import AuditEvent
from models.case import Case, CasePerson
from models.consent import Consent
from models.enums import ActType, DatePrecision, PersonRole, Reliability
from models.person import Person
from models.source import Citation, Source
from models.user import Role
from tests.cases.helpers import URDU_NAME, create_case, quick_entry_form, the_case


def test_quick_entry_creates_the_whole_case_and_lands_on_its_page(auth, db):
    auth.login(Role.documenter)
    response = auth.client.post("/cases/new", data=quick_entry_form())
    assert response.status_code == 302
    case_id = int(re.search(r"/cases/(\d+)$", response.headers["Location"]).group(1))

    case = the_case(db, case_id)
    assert re.fullmatch(r"BAL-\d{4}-0001", case.reference)
    assert case.title == "Enforced disappearance of Dostain Rakhshani"
    assert case.district == "Kech (Turbat)"
    person = db.exec(select(Person)).one()
    assert person.father_name == "Dad Karim" and person.other_name_list == [URDU_NAME]
    link = db.exec(select(CasePerson)).one()
    assert (link.case_id, link.person_id, link.role) == (case_id, person.id, PersonRole.victim)
    act = db.exec(select(Act)).one()
    assert act.act_type == ActType.enforced_disappearance and act.victim_id == person.id
    assert (act.start_earliest.isoformat(), act.start_precision) == (
        "2025-03-12",
        DatePrecision.day,
    )
    involvement = db.exec(select(Involvement)).one()  # the blank second row is skipped
    assert involvement.act_id == act.id and "FC vehicles" in involvement.basis_for_attribution
    source = db.exec(select(Source)).one()
    citation = db.exec(select(Citation)).one()
    assert source.reliability == Reliability.B and citation.credibility == 2
    assert citation.source_id == source.id and citation.act_id == act.id
    consent = db.exec(select(Consent)).one()
    assert consent.un_transmission and not consent.public_naming and consent.person_id == person.id

    page = auth.client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert case.reference in page and URDU_NAME in page and "B2" in page


def test_quick_entry_writes_an_audit_event_under_the_case_for_every_record(auth, db):
    auth.login(Role.documenter)
    case_id = create_case(auth.client)
    events = db.exec(select(AuditEvent).where(AuditEvent.case_id == case_id)).all()
    created = {e.entity_type for e in events if e.action == "create"}
    assert created >= {
        "case_file",
        "person",
        "case_person",
        "act",
        "involvement",
        "source",
        "citation",
        "consent",
    }
    assert all(e.user_id == auth._accounts[Role.documenter].id for e in events)


def test_references_count_up_within_the_year(auth, db):
    auth.login(Role.documenter)
    first = the_case(db, create_case(auth.client)).reference
    second = the_case(db, create_case(auth.client)).reference
    assert first[:-4] == second[:-4]
    assert int(second[-4:]) == int(first[-4:]) + 1


def test_invalid_quick_entry_shows_each_error_beside_its_field_and_keeps_everything(auth, db):
    auth.login(Role.documenter)
    response = auth.client.post(
        "/cases/new",
        data=quick_entry_form(
            **{
                "victim-full_name": "",
                "victim-other_names": URDU_NAME,
                "act-start": "the 45th of Marchuary",
                "narrative": "بازار سے اٹھایا گیا",
            }
        ),
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert re.search(r'id="victim-full_name-error"[^>]*>Enter the person', page)
    assert 'id="act-start-error"' in page
    assert URDU_NAME in page and "بازار سے اٹھایا گیا" in page
    assert 'value="the 45th of Marchuary"' in page
    assert 'value="Interview with the victim&#39;s brother"' in page
    assert db.exec(select(Case)).all() == []


def test_future_date_and_credibility_without_a_source_are_refused_together(auth, db):
    auth.login(Role.documenter)
    response = auth.client.post(
        "/cases/new",
        data=quick_entry_form(
            **{
                "act-start": "March 2099",
                "source-source_type": "",
                "source-title": "",
                "source-author": "",
                "source-published": "",
                "source-reliability": "",
                "source-credibility": "2",
            }
        ),
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert re.search(r'id="act-start-error"[^>]*>March 2099 is in the future', page)
    assert re.search(r'id="source-credibility-error"[^>]*>A credibility grade needs a source', page)
    assert db.exec(select(Case)).all() == []


def test_a_viewer_cannot_quick_enter_a_case(auth, db):
    auth.login(Role.viewer)
    assert auth.client.post("/cases/new", data=quick_entry_form()).status_code == 403
    assert db.exec(select(Case)).all() == []
