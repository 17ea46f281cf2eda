"""Who may do what with evidence: viewers read and download, documenters upload, coordinators
remove (with a reason; the stored file stays)."""

from __future__ import annotations

import pytest
from sqlmodel import select

from app.errors import Forbidden
from app.evidence.services import delete_evidence
from app.services.actor import Actor
from models.audit import AuditEvent
from models.user import Role
from tests.evidence.conftest import evidence_rows, stored_files, upload
from tests.factories import png_bytes


@pytest.fixture
def evidence(auth, case, db):
    auth.login(Role.documenter)
    upload(auth.client, case.id, png_bytes(), "checkpoint.png")
    auth.logout()
    [row] = evidence_rows(db, case.id)
    return row


def test_a_viewer_reads_and_downloads_but_cannot_upload(auth, case, db, evidence):
    auth.login(Role.viewer)

    assert auth.client.get(f"/evidence/{evidence.id}").status_code == 200
    assert auth.client.get(f"/evidence/{evidence.id}/download").status_code == 200
    assert auth.client.get(f"/cases/{case.id}/evidence/new").status_code == 403
    assert upload(auth.client, case.id, png_bytes(9, 9, 9)).status_code == 403
    assert len(evidence_rows(db, case.id)) == 1


def test_a_documenter_cannot_remove_evidence(auth, evidence, db):
    auth.login(Role.documenter)

    response = auth.client.post(f"/evidence/{evidence.id}/delete", data={"reason": "duplicate"})

    assert response.status_code == 403
    assert evidence_rows(db)[0].deleted_at is None


def test_the_remove_service_refuses_a_documenter_too(app, evidence, db, accounts):
    documenter = Actor(user_id=accounts[Role.documenter].id, role=Role.documenter)
    with app.app_context(), pytest.raises(Forbidden):
        delete_evidence(db, actor=documenter, evidence=evidence, reason="x", expected_version=None)


def test_a_coordinator_removes_evidence_with_a_reason_and_the_file_stays(
    auth, case, db, evidence, evidence_dir
):
    auth.login(Role.coordinator)

    response = auth.client.post(
        f"/evidence/{evidence.id}/delete",
        data={"reason": "Uploaded to the wrong case", "version": str(evidence.version)},
    )

    assert response.status_code == 302
    [row] = evidence_rows(db, case.id)
    assert row.deleted_at is not None
    assert len(stored_files(evidence_dir)) == 1
    assert auth.client.get(f"/evidence/{evidence.id}").status_code == 404
    assert auth.client.get(f"/evidence/{evidence.id}/download").status_code == 404
    listing = auth.client.get(f"/cases/{case.id}/evidence").get_data(as_text=True)
    assert "checkpoint.png" not in listing


def test_removal_without_a_reason_is_refused_next_to_the_field(auth, db, evidence):
    auth.login(Role.coordinator)

    response = auth.client.post(f"/evidence/{evidence.id}/delete", data={"reason": "  "})

    assert response.status_code == 200
    assert 'id="reason-error"' in response.get_data(as_text=True)
    assert evidence_rows(db)[0].deleted_at is None


def test_removal_is_audited_with_its_reason(auth, db, evidence):
    auth.login(Role.coordinator)
    auth.client.post(f"/evidence/{evidence.id}/delete", data={"reason": "Wrong case"})

    event = db.exec(
        select(AuditEvent).where(
            AuditEvent.action == "delete", AuditEvent.entity_type == "evidence"
        )
    ).one()
    assert event.after is not None and event.after["reason"] == "Wrong case"


def test_a_removal_based_on_a_stale_page_is_refused(auth, db, evidence):
    auth.login(Role.coordinator)

    response = auth.client.post(
        f"/evidence/{evidence.id}/delete",
        data={"reason": "Wrong case", "version": str(evidence.version - 1)},
    )

    assert "Someone else changed this record" in response.get_data(as_text=True)
    assert evidence_rows(db)[0].deleted_at is None


def test_the_same_file_can_be_attached_again_after_removal(auth, case, db, evidence):
    auth.login(Role.coordinator)
    auth.client.post(f"/evidence/{evidence.id}/delete", data={"reason": "Wrong case"})

    upload(auth.client, case.id, png_bytes(), "checkpoint-again.png")

    rows = evidence_rows(db, case.id)
    assert [r.deleted_at is None for r in rows] == [False, True]
