"""Uploads with CSRF protection on, as in production: the form's token is accepted, a missing
one refused, and an oversize request still explains the limit."""

from __future__ import annotations

import io
import re

from models.user import Role
from tests.conftest import PASSWORD
from tests.evidence.conftest import evidence_rows
from tests.factories import png_bytes


def _signed_in(csrf_app, account):
    client = csrf_app.test_client()
    login_page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login_page)
    assert token is not None
    client.post(
        "/login",
        data={"email": account.email, "password": PASSWORD, "csrf_token": token.group(1)},
    )
    return client


def _form_token(client, case_id: int) -> str:
    page = client.get(f"/cases/{case_id}/evidence").get_data(as_text=True)
    form = page.split('id="evidence-upload-', 1)[1]
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form)
    assert token is not None
    return token.group(1)


def test_the_case_section_form_uploads_with_its_csrf_token(csrf_app, accounts, case, db):
    client = _signed_in(csrf_app, accounts[Role.documenter])
    token = _form_token(client, case.id)

    response = client.post(
        f"/cases/{case.id}/evidence/new",
        data={"file": (io.BytesIO(png_bytes()), "a.png"), "csrf_token": token},
        content_type="multipart/form-data",
    )

    assert response.status_code == 302
    assert len(evidence_rows(db, case.id)) == 1


def test_an_upload_without_the_token_is_refused(csrf_app, accounts, case, db):
    client = _signed_in(csrf_app, accounts[Role.documenter])

    response = client.post(
        f"/cases/{case.id}/evidence/new",
        data={"file": (io.BytesIO(png_bytes()), "a.png")},
        content_type="multipart/form-data",
    )

    assert response.status_code == 400
    assert evidence_rows(db) == []


def test_an_oversize_request_names_the_limit_even_before_the_token_is_read(
    csrf_app, accounts, case, db
):
    client = _signed_in(csrf_app, accounts[Role.documenter])
    limit_mb = csrf_app.extensions["casebook.settings"].max_upload_mb
    content = b"\x00" * ((limit_mb + 2) * 1024 * 1024)

    response = client.post(
        f"/cases/{case.id}/evidence/new",
        data={
            "file": (io.BytesIO(content), "huge.mp4"),
            "csrf_token": _form_token(client, case.id),
        },
        content_type="multipart/form-data",
    )

    assert response.status_code == 413
    assert f"upload limit of {limit_mb} MB" in response.get_data(as_text=True)
