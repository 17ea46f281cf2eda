"""The case list, the intervention-deadline panel on the dashboard, and local vocabulary terms."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlmodel import select

from app.cases.case_list import PAGE_SIZE
from app.services import records
from app.services.actor import Actor
from models.case import Case
from models.enums import InterventionStatus, InterventionType, WorkflowState
from models.intervention import Intervention
from models.user import Role
from models.vocabulary import VocabularyTerm


def _cases(db, count: int, **fields) -> list[Case]:
    made = []
    for number in range(count):
        values = {
            "reference": f"TST-2025-{number:04d}",
            "title": f"Fictional case {number}",
            "district": ["Kech", "Awaran", "Panjgur"][number % 3],
        }
        values.update(fields)
        made.append(records.create(db, actor=Actor.system(), row=Case.model_validate(values)))
    db.commit()
    return made


def _references(page: str) -> list[str]:
    return re.findall(r'<a href="/cases/\d+">(TST-[\d-]+)</a>', page)


def test_the_list_pages_through_cases_without_losing_or_repeating_any(auth, db):
    _cases(db, PAGE_SIZE + 5)
    auth.login(Role.viewer)
    first = _references(auth.client.get("/cases?sort=reference").get_data(as_text=True))
    page = auth.client.get("/cases?sort=reference&page=2").get_data(as_text=True)
    second = _references(page)
    assert len(first) == PAGE_SIZE and len(second) == 5
    assert first + second == sorted(first + second) and len(set(first + second)) == PAGE_SIZE + 5
    assert 'rel="next"' not in page and 'rel="prev"' in page


def test_the_list_sorts_by_reference_either_way_and_by_district(auth, db):
    _cases(db, 4)
    auth.login(Role.viewer)
    ascending = _references(auth.client.get("/cases?sort=reference&dir=asc").get_data(True))
    descending = _references(auth.client.get("/cases?sort=reference&dir=desc").get_data(True))
    assert ascending == sorted(ascending) and descending == ascending[::-1]
    page = auth.client.get("/cases?sort=district").get_data(as_text=True)
    districts = re.findall(r'<td dir="auto">(Kech|Awaran|Panjgur)</td>', page)
    assert districts == sorted(districts)


def test_the_list_filters_by_workflow_state_and_hides_removed_cases(auth, db):
    draft, in_review, removed = _cases(db, 3)
    records.update(
        db,
        actor=Actor.system(),
        row=in_review,
        changes={"workflow_state": WorkflowState.in_review},
        expected_version=None,
    )
    records.soft_delete(db, actor=Actor.system(), row=removed)
    db.commit()
    auth.login(Role.viewer)
    everything = _references(auth.client.get("/cases").get_data(as_text=True))
    assert sorted(everything) == sorted([draft.reference, in_review.reference])
    assert _references(auth.client.get("/cases?state=in_review").get_data(True)) == [
        in_review.reference
    ]


def test_nonsense_in_the_query_string_falls_back_to_the_default_list(auth, db):
    _cases(db, 1)
    auth.login(Role.viewer)
    response = auth.client.get("/cases?sort=drop&dir=sideways&state=lost&page=zero")
    assert response.status_code == 200 and "TST-2025-0000" in response.get_data(as_text=True)


def _intervention(db, case, due, status=InterventionStatus.awaiting_response, action="Chase"):
    row = records.create(
        db,
        actor=Actor.system(),
        row=Intervention.model_validate(
            {
                "case_id": case.id,
                "intervention_type": InterventionType.habeas_corpus,
                "status": status,
                "next_action": action,
                "next_action_date": due,
            }
        ),
        case_id=case.id,
    )
    db.commit()
    return row


def test_the_dashboard_lists_overdue_and_upcoming_deadlines_of_open_interventions(auth, db):
    case, closed_case = _cases(db, 2)
    today = date.today()
    _intervention(db, case, today - timedelta(days=3), action="Overdue hearing")
    _intervention(db, case, today + timedelta(days=5), action="Hearing next week")
    _intervention(db, case, today + timedelta(days=40), action="Far away hearing")
    _intervention(
        db,
        closed_case,
        today - timedelta(days=1),
        InterventionStatus.closed,
        action="Closed matter",
    )
    auth.login(Role.viewer)
    page = auth.client.get("/").get_data(as_text=True)
    assert "Intervention deadlines" in page
    overdue = page[page.index("Overdue (1)") : page.index("Due in the next 14 days (1)")]
    assert "Overdue hearing" in overdue and "Hearing next week" not in overdue
    assert "Hearing next week" in page
    assert "Far away hearing" not in page and "Closed matter" not in page


def test_the_dashboard_says_when_more_deadlines_are_overdue_than_it_shows(auth, db):
    (case,) = _cases(db, 1)
    today = date.today()
    for day in range(1, 23):
        _intervention(db, case, today - timedelta(days=day), action=f"Hearing {day} days ago")
    auth.login(Role.viewer)
    page = auth.client.get("/").get_data(as_text=True)
    assert "Overdue (the 20 nearest shown; there are more)" in page
    assert "Hearing 1 days ago" in page and "Hearing 22 days ago" not in page


def test_an_admin_adds_a_local_district_that_forms_then_suggest(auth, db):
    auth.login(Role.admin)
    response = auth.client.post(
        "/vocabularies?scheme=district", data={"scheme": "district", "label": "Dasht (Kech)"}
    )
    assert response.status_code == 302
    term = db.exec(select(VocabularyTerm).where(VocabularyTerm.label == "Dasht (Kech)")).one()
    assert term.is_local and term.code == "L-DASHT-KECH" and term.scheme == "district"
    duplicate = auth.client.post(
        "/vocabularies?scheme=district", data={"scheme": "district", "label": "dasht (kech)"}
    )
    assert duplicate.status_code == 422
    form = auth.client.get("/cases/new").get_data(as_text=True)
    assert '<option value="Dasht (Kech)">' in form
    auth.client.post(f"/vocabularies/{term.id}/active", data={"active": "0"})
    assert '<option value="Dasht (Kech)">' not in auth.client.get("/cases/new").get_data(True)


def test_only_admins_manage_vocabularies(auth, db):
    auth.login(Role.coordinator)
    assert (
        auth.client.post("/vocabularies", data={"scheme": "district", "label": "X"}).status_code
        == 403
    )
    assert db.exec(select(VocabularyTerm)).all() == []
