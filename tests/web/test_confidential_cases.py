"""Confidential cases are hidden from viewers everywhere, not only in search: list, page,
dashboard deadlines and evidence answer as if the case did not exist."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models import Evidence, Intervention
from models.enums import Confidentiality, InterventionStatus, InterventionType
from models.user import Role
from tests.factories import make_case

SECRET = "Detention of a protected lawyer in Quetta"


@pytest.fixture
def confidential_case(app, db):
    with app.app_context():
        case = make_case(db, title=SECRET, confidentiality=Confidentiality.confidential)
        db.add(
            Intervention.model_validate(
                {
                    "case_id": case.id,
                    "intervention_type": InterventionType.habeas_corpus,
                    "status": InterventionStatus.filed,
                    "next_action": "Hearing on the lawyer",
                    "next_action_date": date.today() + timedelta(days=3),
                }
            )
        )
        evidence = Evidence.model_validate(
            {
                "case_id": case.id,
                "sha256": "ab" * 32,
                "original_filename": "note.txt",
                "media_type": "text/plain",
                "size_bytes": 10,
            }
        )
        db.add(evidence)
        db.commit()
        return case, evidence


def test_a_viewer_never_sees_a_confidential_case(auth, confidential_case):
    case, evidence = confidential_case
    auth.login(Role.viewer)
    client = auth.client
    assert SECRET not in client.get("/cases").get_data(as_text=True)
    assert client.get(f"/cases/{case.id}").status_code == 404
    assert client.get(f"/cases/{case.id}/evidence").status_code == 404
    assert client.get(f"/evidence/{evidence.id}").status_code == 404
    assert client.get(f"/evidence/{evidence.id}/download").status_code == 404
    assert "Hearing on the lawyer" not in client.get("/").get_data(as_text=True)


def test_a_documenter_sees_the_confidential_case(auth, confidential_case):
    case, _evidence = confidential_case
    auth.login(Role.documenter)
    client = auth.client
    assert SECRET in client.get("/cases").get_data(as_text=True)
    assert client.get(f"/cases/{case.id}").status_code == 200
    assert "Hearing on the lawyer" in client.get("/").get_data(as_text=True)


def test_a_viewer_still_sees_internal_cases(app, db, auth):
    with app.app_context():
        case = make_case(db, title="An internal case", confidentiality=Confidentiality.internal)
    auth.login(Role.viewer)
    assert auth.client.get(f"/cases/{case.id}").status_code == 200
    assert "An internal case" in auth.client.get("/cases").get_data(as_text=True)
