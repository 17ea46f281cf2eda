"""The case page: allegations beside the state's answers, graded sources, the chronology, the
history, and the three computed panels (status, disappearance elements, WGEID readiness)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlmodel import select

from models.case import Case
from models.enums import ViolationStatus, WorkflowState
from models.response import OfficialResponse
from models.user import Role
from tests.cases.helpers import create_case


def _section(page: str, section_id: str) -> str:
    """The HTML of one section of the case page."""
    start = page.index(f'id="{section_id}"')
    end = page.find("</section>", start)
    return page[start:end]


def _add_denial(client, case_id, act_id, **extra):
    data = {
        "act_id": str(act_id),
        "responded": "20 March 2025",
        "authority": "Police",
        "response_type": "denied_custody",
        "verbatim_text": "He is not in our custody.",
    }
    data.update(extra)
    response = client.post(f"/cases/{case_id}/responses/new", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]


def test_the_denial_is_shown_beside_the_allegation_it_answers(documenter, db, entered_case):
    _add_denial(documenter, entered_case.id, entered_case.act_id)
    response_id = db.exec(select(OfficialResponse.id)).one()
    page = documenter.get(f"/cases/{entered_case.id}").get_data(as_text=True)
    rows = page.split('class="allegation-row"')[1:]
    (row,) = [r for r in rows if f'id="act-{entered_case.act_id}"' in r]
    allegation, answers = row.split('class="answers"', 1)
    assert "Enforced disappearance" in allegation and "Frontier Corps (FC)" in allegation
    assert f'id="response-{response_id}"' in answers
    assert "Denied custody" in answers and "He is not in our custody." in answers


def test_allegations_show_their_graded_sources(documenter, entered_case):
    page = documenter.get(f"/cases/{entered_case.id}").get_data(as_text=True)
    allegations = _section(page, "allegations")
    assert re.search(r'class="badge grade"[^>]*>B2</span>', allegations)
    assert "Interview with the victim&#39;s brother" in allegations


def test_chronology_merges_acts_responses_and_interventions_by_date(documenter, entered_case):
    _add_denial(documenter, entered_case.id, entered_case.act_id, responded="April 2025")
    documenter.post(
        f"/cases/{entered_case.id}/interventions/new",
        data={
            "intervention_type": "police_complaint",
            "filed": "15/03/2025",
            "status": "refused",
        },
    )
    chronology = _section(
        documenter.get(f"/cases/{entered_case.id}").get_data(as_text=True), "chronology"
    )
    order = [chronology.index(text) for text in ("12 March 2025", "15 March 2025", "April 2025")]
    assert order == sorted(order)


def test_status_panel_explains_an_alleged_case_and_turns_corroborated(documenter, db, entered_case):
    status = _section(documenter.get(f"/cases/{entered_case.id}").get_data(as_text=True), "status")
    assert "Alleged" in status and "2 are needed to corroborate" in status
    documenter.post(
        f"/cases/{entered_case.id}/citations/new",
        data={
            "source_id": "",
            "credibility": "2",
            "act_id": str(entered_case.act_id),
            "new_source-source_type": "media_report",
            "new_source-title": "Newspaper report",
            "new_source-reliability": "B",
            "new_source-connection": "reporter",
        },
    )
    db.expire_all()
    assert db.get(Case, entered_case.id).violation_status == ViolationStatus.corroborated
    status = _section(documenter.get(f"/cases/{entered_case.id}").get_data(as_text=True), "status")
    assert "Corroborated" in status and "2 independent sources graded credibility 1–2" in status


def test_elements_panel_shows_the_evidence_for_each_element_or_what_is_missing(
    documenter, entered_case
):
    elements = _section(
        documenter.get(f"/cases/{entered_case.id}").get_data(as_text=True), "elements"
    )
    assert elements.count("no evidence yet") == 1
    assert f'href="#act-{entered_case.act_id}"' in elements  # deprivation of liberty
    assert "Paramilitary force" in elements  # state agents
    assert "record the authorities&#39; denial" in elements
    _add_denial(documenter, entered_case.id, entered_case.act_id)
    elements = _section(
        documenter.get(f"/cases/{entered_case.id}").get_data(as_text=True), "elements"
    )
    assert "no evidence yet" not in elements and "Denied custody by Police" in elements


def test_wgeid_panel_lists_what_is_present_and_what_is_missing(documenter, entered_case):
    wgeid = _section(documenter.get(f"/cases/{entered_case.id}").get_data(as_text=True), "wgeid")
    assert "Standard procedure" in wgeid  # March 2025 is long past
    present = re.findall(r'<li class="present">.*?<strong>(.*?)</strong>', wgeid, re.S)
    missing = re.findall(r'<li class="missing">.*?<strong>(.*?)</strong>', wgeid, re.S)
    assert "Full name and identifying data" in present
    assert "Year, month and day of the disappearance" in present
    assert "Prior consent of the family to transmission to the UN" in present
    assert missing == ["Steps taken by the family to locate the person"]
    assert "Record what the family did to find the victim" in wgeid


def test_a_recent_disappearance_goes_to_the_urgent_procedure(documenter):
    recent = (date.today() - timedelta(days=10)).strftime("%d/%m/%Y")
    case_id = create_case(documenter, **{"act-start": recent})
    wgeid = _section(documenter.get(f"/cases/{case_id}").get_data(as_text=True), "wgeid")
    assert "Urgent action procedure" in wgeid


def test_history_lists_changes_newest_first_with_before_and_after(documenter, entered_case):
    documenter.post(
        f"/cases/{entered_case.id}/edit",
        data={
            "title": "Disappearance of Dostain Rakhshani from Tump",
            "confidentiality": "internal",
            "priority": "high",
            "version": "1",
        },
    )
    history = _section(
        documenter.get(f"/cases/{entered_case.id}").get_data(as_text=True), "history"
    )
    first = history.index("<li>")
    assert "changed" in history[first : first + 400]
    assert re.search(
        r"title: <del[^>]*>Enforced disappearance of Dostain Rakhshani</del> → "
        r"<ins[^>]*>Disappearance of Dostain Rakhshani from Tump</ins>",
        history,
    )
    assert "priority: <del" in history and "Test Documenter" in history


def test_a_coordinator_overrides_the_status_with_a_reason(auth, db, entered_case):
    auth.logout()
    auth.login(Role.coordinator)
    refused = auth.client.post(
        f"/cases/{entered_case.id}/status",
        data={"status": "verified", "reason": "", "version": "1"},
    )
    assert refused.status_code == 422
    assert re.search(r'id="reason-error"[^>]*>Say why', refused.get_data(as_text=True))
    done = auth.client.post(
        f"/cases/{entered_case.id}/status",
        data={
            "status": "verified",
            "reason": "Court acknowledged custody in hearing",
            "version": "1",
        },
    )
    assert done.status_code == 302
    db.expire_all()
    case = db.get(Case, entered_case.id)
    assert case.violation_status == ViolationStatus.verified
    assert case.computed_status == ViolationStatus.alleged
    status = _section(auth.client.get(f"/cases/{entered_case.id}").get_data(as_text=True), "status")
    assert "Court acknowledged custody in hearing" in status


def test_a_documenter_may_not_override_the_status_or_approve_a_case(documenter, db, entered_case):
    assert (
        documenter.post(
            f"/cases/{entered_case.id}/status",
            data={"status": "verified", "reason": "x", "version": "1"},
        ).status_code
        == 403
    )
    submitted = documenter.post(
        f"/cases/{entered_case.id}/workflow", data={"from_state": "draft", "to_state": "in_review"}
    )
    assert submitted.status_code == 302
    approved = documenter.post(
        f"/cases/{entered_case.id}/workflow",
        data={"from_state": "in_review", "to_state": "reviewed"},
    )
    assert approved.status_code == 403
    db.expire_all()
    case = db.get(Case, entered_case.id)
    assert case.workflow_state == WorkflowState.in_review
    assert case.violation_status == ViolationStatus.alleged


def test_a_coordinator_approves_a_case_in_review(auth, db, entered_case):
    auth.client.post(
        f"/cases/{entered_case.id}/workflow", data={"from_state": "draft", "to_state": "in_review"}
    )
    auth.logout()
    auth.login(Role.coordinator)
    page = auth.client.get(f"/cases/{entered_case.id}").get_data(as_text=True)
    assert "Approve as reviewed" in page
    auth.client.post(
        f"/cases/{entered_case.id}/workflow",
        data={"from_state": "in_review", "to_state": "reviewed"},
    )
    db.expire_all()
    assert db.get(Case, entered_case.id).workflow_state == WorkflowState.reviewed


def test_a_viewer_reads_the_case_but_cannot_change_it(auth, entered_case):
    auth.logout()
    auth.login(Role.viewer)
    page = auth.client.get(f"/cases/{entered_case.id}").get_data(as_text=True)
    assert "Dostain Rakhshani" in page and "Edit details" not in page and "Add an act" not in page
    for url, data in [
        (f"/cases/{entered_case.id}/edit", {"title": "x", "version": "1"}),
        (f"/cases/{entered_case.id}/acts/new", {"act_type": "torture"}),
        (f"/cases/{entered_case.id}/acts/{entered_case.act_id}/delete", {"version": "1"}),
        (f"/cases/{entered_case.id}/workflow", {"from_state": "draft", "to_state": "in_review"}),
    ]:
        assert auth.client.post(url, data=data).status_code == 403, url


def test_a_removed_case_is_gone_from_its_page_and_the_list(auth, db, entered_case):
    auth.logout()
    auth.login(Role.coordinator)
    response = auth.client.post(
        f"/cases/{entered_case.id}/delete",
        data={"version": "1", "reason": "Duplicate of another case"},
    )
    assert response.status_code == 302
    assert auth.client.get(f"/cases/{entered_case.id}").status_code == 404
    assert "Dostain Rakhshani" not in auth.client.get("/cases").get_data(as_text=True)
    db.expire_all()
    assert db.get(Case, entered_case.id).deleted_at is not None


def test_the_case_page_includes_the_evidence_and_dossier_sections(documenter, entered_case):
    page = documenter.get(f"/cases/{entered_case.id}").get_data(as_text=True)
    assert 'id="evidence"' in page and 'id="dossiers"' in page
