"""The chain of custody: every upload, view, download and export is logged with who and when."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from app.evidence.services import record_custody
from app.services.actor import Actor
from models.audit import AuditEvent
from models.enums import CustodyAction
from models.user import Role
from tests.evidence.conftest import custody_events, evidence_rows, upload
from tests.factories import png_bytes


def _just_now(moment: datetime) -> bool:
    return datetime.now(UTC) - timedelta(minutes=1) <= moment <= datetime.now(UTC)


def test_upload_view_and_download_are_logged_with_user_and_time(auth, accounts, case, db):
    auth.login(Role.documenter)
    upload(auth.client, case.id, png_bytes())
    [evidence] = evidence_rows(db, case.id)
    auth.logout()
    auth.login(Role.viewer)

    auth.client.get(f"/evidence/{evidence.id}")
    auth.client.get(f"/evidence/{evidence.id}/download")

    events = custody_events(db, evidence.id)
    assert [(e.action, e.user_id) for e in events] == [
        (CustodyAction.uploaded, accounts[Role.documenter].id),
        (CustodyAction.viewed, accounts[Role.viewer].id),
        (CustodyAction.downloaded, accounts[Role.viewer].id),
    ]
    assert all(_just_now(e.at) for e in events)
    assert all(e.ip == "127.0.0.1" for e in events)


def test_showing_an_image_is_logged_as_a_view(auth, case, db):
    auth.login(Role.documenter)
    upload(auth.client, case.id, png_bytes())
    [evidence] = evidence_rows(db, case.id)

    auth.client.get(f"/evidence/{evidence.id}/image")

    assert [e.action for e in custody_events(db, evidence.id)] == [
        CustodyAction.uploaded,
        CustodyAction.viewed,
    ]


def test_listing_evidence_on_the_case_is_not_a_custody_event(auth, case, db):
    auth.login(Role.documenter)
    upload(auth.client, case.id, png_bytes())
    [evidence] = evidence_rows(db, case.id)

    auth.client.get(f"/cases/{case.id}/evidence")

    assert [e.action for e in custody_events(db, evidence.id)] == [CustodyAction.uploaded]


def test_each_custody_event_is_also_in_the_audit_trail(auth, case, db):
    auth.login(Role.documenter)
    upload(auth.client, case.id, png_bytes())
    [evidence] = evidence_rows(db, case.id)

    auth.client.get(f"/evidence/{evidence.id}/download")

    audit = db.exec(
        select(AuditEvent).where(
            AuditEvent.entity_type == "evidence", AuditEvent.action == "downloaded"
        )
    ).one()
    assert audit.entity_id == str(evidence.id)
    assert audit.case_id == case.id
    assert audit.after is not None and audit.after["sha256"] == evidence.sha256


def test_the_evidence_page_shows_the_custody_log(auth, case, db):
    auth.login(Role.documenter)
    upload(auth.client, case.id, png_bytes())
    [evidence] = evidence_rows(db, case.id)
    auth.client.get(f"/evidence/{evidence.id}/download")

    page = auth.client.get(f"/evidence/{evidence.id}").get_data(as_text=True)

    log = page.split("Chain of custody", 1)[1]
    assert log.index("Uploaded") < log.index("Downloaded") < log.index("Viewed")
    assert log.count("Test Documenter") == 3


def test_dossier_builders_record_an_export(app, auth, case, db):
    auth.login(Role.documenter)
    upload(auth.client, case.id, png_bytes())
    [evidence] = evidence_rows(db, case.id)
    exporter = Actor(user_id=None, role=Role.documenter)

    with app.app_context():
        record_custody(db, actor=exporter, evidence=evidence, action=CustodyAction.exported)
        db.commit()

    assert custody_events(db, evidence.id)[-1].action == CustodyAction.exported
    page = auth.client.get(f"/evidence/{evidence.id}").get_data(as_text=True)
    assert "Exported in a dossier" in page
