"""The evidence section other pages include: it needs only `case_id` to render."""

from __future__ import annotations

from flask import render_template_string
from flask_login import login_user

from models.user import Role, User
from tests.evidence.conftest import evidence_rows, upload
from tests.factories import png_bytes

INCLUDE = '{% include "evidence/_case_evidence.html" ignore missing %}'


def _render_as(app, db, account_id: int, case_id: int, path: str = "/cases/1") -> str:
    with app.test_request_context(path):
        login_user(db.get(User, account_id))
        return render_template_string(INCLUDE, case_id=case_id)


def test_the_section_lists_each_file_with_its_hash_and_capture_details(
    app, auth, accounts, case, db
):
    auth.login(Role.documenter)
    upload(
        auth.client,
        case.id,
        png_bytes(),
        "checkpoint.png",
        captured_at="2025-03-12T09:45",
        captured_by="Fictional Photographer",
    )
    [evidence] = evidence_rows(db, case.id)

    html = _render_as(app, db, accounts[Role.viewer].id, case.id)

    assert "checkpoint.png" in html
    assert "PNG image" in html
    assert f'title="SHA-256 {evidence.sha256}"' in html
    assert f"{evidence.sha256[:12]}…" in html
    assert "2025-03-12 09:45 UTC" in html
    assert "Fictional Photographer" in html
    assert f"/evidence/{evidence.id}/download" in html
    assert f'href="/evidence/{evidence.id}"' in html
    assert f"/evidence/{evidence.id}/image" in html


def test_the_upload_form_is_offered_only_to_those_who_may_upload(app, accounts, case, db):
    viewer_html = _render_as(app, db, accounts[Role.viewer].id, case.id)
    documenter_html = _render_as(app, db, accounts[Role.documenter].id, case.id)

    assert 'enctype="multipart/form-data"' not in viewer_html
    assert 'enctype="multipart/form-data"' in documenter_html
    assert f'action="/cases/{case.id}/evidence/new"' in documenter_html
    assert 'value="Test Documenter"' in documenter_html  # captured by, pre-filled


def test_an_upload_from_the_section_returns_to_the_page_it_came_from(auth, case, db):
    auth.login(Role.documenter)

    response = upload(auth.client, case.id, png_bytes(), next=f"/cases/{case.id}#evidence")

    assert response.headers["Location"].endswith(f"/cases/{case.id}#evidence")


def test_an_upload_never_redirects_off_site(auth, case, db):
    auth.login(Role.documenter)

    response = upload(auth.client, case.id, png_bytes(), next="https://evil.example/")

    assert "evil.example" not in response.headers["Location"]


def test_the_case_evidence_page_shows_the_section(auth, case, db):
    auth.login(Role.viewer)

    page = auth.client.get(f"/cases/{case.id}/evidence").get_data(as_text=True)

    assert case.reference in page
    assert "No evidence files yet." in page


def test_evidence_of_an_unknown_case_is_not_found(auth):
    auth.login(Role.documenter)

    assert auth.client.get("/cases/999999/evidence").status_code == 404
    assert upload(auth.client, 999999, png_bytes()).status_code == 404
