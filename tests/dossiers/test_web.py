"""Dossiers from the web: who may make which edition, the preview, the job page, the download
(recorded, with its fingerprint), refusals and failures shown to the user."""

from __future__ import annotations

import hashlib
import io
import re

import pytest
from pypdf import PdfReader
from sqlmodel import select

from models.audit import AuditEvent
from models.dossier import Dossier
from models.enums import CustodyAction, DossierAudience, DossierStatus
from models.evidence import CustodyEvent
from models.partial_date import PartialDate, partial_date_columns
from models.user import Role
from tests.factories import make_act, make_case, make_person


def _make(client, case_id: int, *, kind: str = "case", audience: str = "internal"):
    return client.post(f"/dossiers/new/case/{case_id}", data={"kind": kind, "audience": audience})


def _latest(db) -> Dossier:
    db.expire_all()
    return db.exec(select(Dossier).order_by(Dossier.id.desc())).first()  # type: ignore[union-attr]


@pytest.mark.parametrize("audience", ["public", "un_confidential"])
def test_documenter_cannot_make_an_external_edition(auth, db, full_case, audience) -> None:
    auth.login(Role.documenter)
    response = _make(auth.client, full_case.case.id, audience=audience)
    assert response.status_code == 403
    assert _latest(db) is None


def test_coordinator_makes_a_public_dossier(auth, db, full_case) -> None:
    auth.login(Role.coordinator)
    response = _make(auth.client, full_case.case.id, audience="public")
    assert response.status_code == 302
    dossier = _latest(db)
    assert dossier.audience == DossierAudience.public
    assert dossier.status == DossierStatus.done  # built at once: tests run the queue inline


def test_make_page_previews_what_each_audience_hides(auth, full_case) -> None:
    auth.login(Role.documenter)
    page = auth.client.get(f"/dossiers/new/case/{full_case.case.id}").get_data(as_text=True)
    assert "What each edition hides" in page
    assert f"shown as {full_case.case.reference}" in page
    assert "Witnesses (1): left out entirely." in page
    assert "Ready for a WGEID submission" in page
    # The preview itself shows no protected value.
    assert full_case.markers["witness_name"] not in page
    # Documenters see the external audiences, disabled.
    assert re.search(r'id="audience-public"[^>]*disabled', page)


def test_downloaded_pdf_matches_the_recorded_fingerprint_and_page_count(auth, db, full_case):
    auth.login(Role.documenter)
    assert _make(auth.client, full_case.case.id).status_code == 302
    dossier = _latest(db)
    detail = auth.client.get(f"/dossiers/{dossier.id}").get_data(as_text=True)
    assert "Download the PDF" in detail and dossier.sha256 in detail
    response = auth.client.get(f"/dossiers/{dossier.id}/download")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    content = response.get_data()
    assert hashlib.sha256(content).hexdigest() == dossier.sha256
    assert len(PdfReader(io.BytesIO(content)).pages) == dossier.page_count
    assert dossier.case_ids == [full_case.case.id]
    assert full_case.case.reference in response.headers["Content-Disposition"]


def test_download_is_audited_and_exports_the_listed_evidence(auth, db, full_case) -> None:
    auth.login(Role.documenter)
    _make(auth.client, full_case.case.id)
    dossier = _latest(db)
    auth.client.get(f"/dossiers/{dossier.id}/download")
    events = db.exec(select(AuditEvent).where(AuditEvent.action == "dossier.download")).all()
    assert [e.entity_id for e in events] == [str(dossier.id)]
    assert events[0].user_id == auth._accounts[Role.documenter].id
    exported = db.exec(
        select(CustodyEvent).where(CustodyEvent.action == CustodyAction.exported)
    ).all()
    assert sorted(e.evidence_id for e in exported) == sorted(e.id for e in full_case.evidence)
    assert {e.dossier_id for e in exported} == {dossier.id}


def test_documenter_cannot_download_an_external_edition(auth, db, full_case) -> None:
    auth.login(Role.coordinator)
    _make(auth.client, full_case.case.id, audience="public")
    dossier = _latest(db)
    auth.logout()
    auth.login(Role.documenter)
    assert auth.client.get(f"/dossiers/{dossier.id}/download").status_code == 403
    page = auth.client.get(f"/dossiers/{dossier.id}").get_data(as_text=True)
    assert "Only coordinators and admins may download" in page


def test_wgeid_refusal_lists_the_missing_elements_on_the_page(auth, db) -> None:
    case = make_case(db)
    victim = make_person(db, case=case)
    make_act(db, case=case, victim=victim,
             **partial_date_columns("start", PartialDate.from_parts(2025, 3)))
    auth.login(Role.coordinator)
    response = _make(auth.client, case.id, kind="wgeid", audience="un_confidential")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "not ready for a WGEID submission" in page
    assert "Year, month and day of the disappearance" in page
    assert "Prior consent of the family" in page
    assert _latest(db) is None


def test_a_failing_job_shows_its_error(auth, db, full_case, monkeypatch) -> None:
    def broken(*_args, **_kwargs):
        raise RuntimeError("the printer caught fire")

    monkeypatch.setattr("reports.dossier.render_pdf", broken)
    auth.login(Role.documenter)
    assert _make(auth.client, full_case.case.id).status_code == 302
    dossier = _latest(db)
    assert dossier.status == DossierStatus.failed
    page = auth.client.get(f"/dossiers/{dossier.id}").get_data(as_text=True)
    assert "could not be made" in page and "the printer caught fire" in page
    state = auth.client.get(f"/dossiers/{dossier.id}/progress").get_json()
    assert state["status"] == "failed" and "printer caught fire" in state["error"]


def test_progress_reports_cases_rendered_of_total(auth, db, full_case) -> None:
    other = make_case(db)
    make_act(db, case=other, victim=make_person(db, case=other))
    auth.login(Role.documenter)
    response = auth.client.post("/dossiers/new/report", data={"audience": "internal"})
    assert response.status_code == 302
    dossier = _latest(db)
    state = auth.client.get(f"/dossiers/{dossier.id}/progress").get_json()
    assert state == state | {"status": "done", "done": 2, "total": 2}


def test_report_from_the_search_covers_the_current_filters(auth, db, full_case) -> None:
    make_act(db, case=(other := make_case(db, district="Awaran")),
             victim=make_person(db, case=other), district="Awaran")
    auth.login(Role.documenter)
    page = auth.client.get("/dossiers/new/report?district=Awaran").get_data(as_text=True)
    assert "District: Awaran" in page and "<strong>1</strong> case match" in page
    response = auth.client.post("/dossiers/new/report?district=Awaran",
                                data={"audience": "internal"})
    assert response.status_code == 302
    dossier = _latest(db)
    assert dossier.case_ids == [other.id]
    assert dossier.filters["description"] == ["District: Awaran"]


def test_case_page_lists_its_dossiers_and_offers_to_make_one(auth, db, full_case) -> None:
    auth.login(Role.documenter)
    _make(auth.client, full_case.case.id)
    page = auth.client.get(f"/cases/{full_case.case.id}").get_data(as_text=True)
    assert "Make a dossier" in page
    assert f"/dossiers/new/case/{full_case.case.id}" in page
    assert "D-0" in page


def test_viewer_sees_no_dossier_section_on_the_case_page(auth, full_case) -> None:
    auth.login(Role.viewer)
    page = auth.client.get(f"/cases/{full_case.case.id}").get_data(as_text=True)
    assert "Make a dossier" not in page


def test_dossier_list_shows_every_dossier(auth, db, full_case) -> None:
    auth.login(Role.documenter)
    _make(auth.client, full_case.case.id)
    page = auth.client.get("/dossiers/").get_data(as_text=True)
    assert f"{full_case.case.reference} — Case dossier (Internal)" in page
    assert "Download PDF" in page


def test_a_job_without_progress_for_long_says_the_worker_may_be_down(auth, db, full_case):
    from datetime import timedelta

    from models.types import utcnow
    from tests.factories import sample_dossier

    dossier = db.get(Dossier, sample_dossier(db, full_case.case.id))
    auth.login(Role.documenter)
    assert "Nothing has happened" not in auth.client.get(f"/dossiers/{dossier.id}").get_data(
        as_text=True)
    dossier.updated_at = utcnow() - timedelta(minutes=30)
    db.add(dossier)
    db.commit()
    page = auth.client.get(f"/dossiers/{dossier.id}").get_data(as_text=True)
    assert "Nothing has happened for more than ten minutes" in page


def test_search_page_offers_a_report_over_its_current_filters(auth, db, full_case) -> None:
    auth.login(Role.documenter)
    page = auth.client.get("/search?district=Kech+%28Turbat%29").get_data(as_text=True)
    link = re.search(r'href="(/dossiers/new/report\?[^"]*)"[^>]*>Make a report', page)
    assert link, "no Make a report link"
    assert "district=Kech+%28Turbat%29" in link.group(1).replace("&amp;", "&")
    auth.logout()
    auth.login(Role.viewer)
    assert "Make a report" not in auth.client.get("/search").get_data(as_text=True)
