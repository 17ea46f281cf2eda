"""Uploading evidence: stored once under the SHA-256 of its bytes, typed by its bytes, limited."""

from __future__ import annotations

import hashlib
import stat
from datetime import UTC, datetime, timedelta

from sqlmodel import select

from models.audit import AuditEvent
from models.user import Role
from tests.conftest import PASSWORD
from tests.evidence.conftest import (
    PDF_BYTES,
    evidence_rows,
    stored_files,
    upload,
)
from tests.factories import png_bytes, sample_case


def test_upload_stores_the_file_under_the_sha256_of_its_bytes(auth, case, db, evidence_dir):
    content = png_bytes(10, 20, 30)
    auth.login(Role.documenter)

    response = upload(auth.client, case.id, content, "checkpoint.png", description="Photo")

    assert response.status_code == 302
    digest = hashlib.sha256(content).hexdigest()
    path = evidence_dir / digest[:2] / digest[2:4] / digest
    assert path.read_bytes() == content
    assert path.name == digest
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    [evidence] = evidence_rows(db, case.id)
    assert evidence.sha256 == digest
    assert evidence.size_bytes == len(content)
    assert evidence.media_type == "image/png"
    assert evidence.original_filename == "checkpoint.png"
    assert evidence.description == "Photo"


def test_the_evidence_folder_is_outside_every_web_served_folder(app, evidence_dir):
    static = app.static_folder
    assert static is not None
    assert not evidence_dir.is_relative_to(static)
    assert not evidence_dir.is_relative_to(app.root_path)


def test_captured_by_defaults_to_the_uploader_and_captured_at_to_now(auth, case, db):
    auth.login(Role.documenter)
    before = datetime.now(UTC)

    upload(auth.client, case.id, png_bytes())

    [evidence] = evidence_rows(db, case.id)
    assert evidence.captured_by == "Test Documenter"
    assert evidence.captured_at is not None
    assert before - timedelta(seconds=1) <= evidence.captured_at <= datetime.now(UTC)


def test_capture_details_given_in_the_form_are_kept_in_utc(auth, case, db):
    auth.login(Role.documenter)

    upload(
        auth.client,
        case.id,
        png_bytes(),
        captured_at="2025-03-12T09:45",
        captured_by="ماہ رنگ بلوچ",
        original_url="https://example.org/post/123",
    )

    [evidence] = evidence_rows(db, case.id)
    assert evidence.captured_at == datetime(2025, 3, 12, 9, 45, tzinfo=UTC)
    assert evidence.captured_by == "ماہ رنگ بلوچ"
    assert evidence.original_url == "https://example.org/post/123"


def test_an_original_url_that_is_not_http_is_refused_next_to_its_field(auth, case, db):
    auth.login(Role.documenter)

    response = upload(
        auth.client, case.id, png_bytes(), original_url="javascript:alert(1)", description="kept"
    )

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'id="original_url-error"' in page
    assert "http:// or https://" in page
    assert "kept</textarea>" in page
    assert evidence_rows(db) == []


def test_a_capture_time_in_the_future_is_refused(auth, case, db):
    auth.login(Role.documenter)
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")

    response = upload(auth.client, case.id, png_bytes(), captured_at=tomorrow)

    assert 'id="captured_at-error"' in response.get_data(as_text=True)
    assert evidence_rows(db) == []


def test_the_same_bytes_uploaded_twice_to_a_case_are_stored_once_and_linked(
    auth, case, db, evidence_dir
):
    content = png_bytes(1, 2, 3)
    auth.login(Role.documenter)
    upload(auth.client, case.id, content, "first.png")

    response = upload(auth.client, case.id, content, "renamed-copy.png")

    [evidence] = evidence_rows(db, case.id)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/evidence/{evidence.id}")
    followed = auth.client.get(response.headers["Location"]).get_data(as_text=True)
    assert "already attached to this case" in followed
    assert len(stored_files(evidence_dir)) == 1


def test_the_same_bytes_on_another_case_get_their_own_row_but_share_the_file(
    app, auth, case, db, evidence_dir
):
    with app.app_context():
        other = sample_case(db, title="Killing of a fictional shopkeeper in Turbat")
    content = PDF_BYTES
    auth.login(Role.documenter)
    upload(auth.client, case.id, content, "fir.pdf")

    upload(auth.client, other.id, content, "fir-copy.pdf")

    first, second = evidence_rows(db)
    assert (first.case_id, second.case_id) == (case.id, other.id)
    assert first.sha256 == second.sha256
    assert second.original_filename == "fir-copy.pdf"
    assert len(stored_files(evidence_dir)) == 1
    page = auth.client.get(f"/evidence/{second.id}").get_data(as_text=True)
    assert "also attached to 1 other case" in page


def test_a_png_named_pdf_is_stored_as_the_png_it_is(auth, case, db):
    auth.login(Role.documenter)

    upload(auth.client, case.id, png_bytes(), "court-order.pdf")

    [evidence] = evidence_rows(db, case.id)
    assert evidence.media_type == "image/png"
    assert evidence.original_filename == "court-order.pdf"


def test_an_html_file_named_jpg_is_refused(auth, case, db, evidence_dir):
    auth.login(Role.documenter)
    page = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"

    response = upload(auth.client, case.id, page, "photo.jpg")

    text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="file-error"' in text
    assert "web page, SVG or XML file, which Casebook does not accept" in text
    assert evidence_rows(db) == []
    assert stored_files(evidence_dir) == []


def test_an_svg_is_refused_because_a_browser_would_run_its_scripts(auth, case, db):
    auth.login(Role.documenter)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'

    response = upload(auth.client, case.id, svg, "map.png")

    assert "web page, SVG or XML file, which Casebook does not accept" in response.get_data(
        as_text=True
    )
    assert evidence_rows(db) == []


def test_a_program_is_refused_whatever_its_name(auth, case, db, evidence_dir):
    auth.login(Role.documenter)
    program = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 60 + b"PE\x00\x00" + b"\x00" * 500

    response = upload(auth.client, case.id, program, "statement.txt")

    text = response.get_data(as_text=True)
    assert "Casebook does not accept this kind of file (it is application/x-msdownload)" in text
    assert evidence_rows(db) == []
    assert stored_files(evidence_dir) == []


def test_a_typed_statement_in_urdu_is_stored_as_plain_text(auth, case, db):
    auth.login(Role.documenter)
    statement = "میرے بیٹے کو رات دو بجے گھر سے اٹھایا گیا۔\n".encode() * 400

    upload(auth.client, case.id, statement, "بیان.txt")

    [evidence] = evidence_rows(db, case.id)
    assert evidence.media_type == "text/plain"
    assert evidence.original_filename == "بیان.txt"


def test_an_empty_file_is_refused(auth, case, db):
    auth.login(Role.documenter)

    response = upload(auth.client, case.id, b"", "nothing.png")

    assert "empty" in response.get_data(as_text=True)
    assert evidence_rows(db) == []


def test_a_traversal_filename_is_kept_for_display_only(auth, case, db, evidence_dir, tmp_path):
    content = b"a fictional note\n"
    auth.login(Role.documenter)

    upload(auth.client, case.id, content, "../../etc/passwd")

    [evidence] = evidence_rows(db, case.id)
    assert evidence.original_filename == "passwd"
    digest = hashlib.sha256(content).hexdigest()
    assert stored_files(evidence_dir) == [evidence_dir / digest[:2] / digest[2:4] / digest]
    written = [p for p in tmp_path.rglob("passwd")]
    assert written == []


def test_a_file_over_the_limit_is_refused_with_the_limit_next_to_the_field(
    small_limit_app, accounts, case, db, evidence_dir
):
    client = small_limit_app.test_client()
    client.post("/login", data={"email": accounts[Role.documenter].email, "password": PASSWORD})
    content = png_bytes() + b"\x00" * (1024 * 1024 + 10_000)  # a little over 1 MB

    response = upload(client, case.id, content, "big.png", description="kept text")

    text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="file-error"' in text
    assert "larger than the upload limit of 1 MB" in text
    assert "kept text</textarea>" in text
    assert evidence_rows(db) == []
    assert stored_files(evidence_dir) == []


def test_a_request_too_large_to_read_says_what_the_limit_is(
    small_limit_app, accounts, case, db, evidence_dir
):
    client = small_limit_app.test_client()
    client.post("/login", data={"email": accounts[Role.documenter].email, "password": PASSWORD})
    content = png_bytes() + b"\x00" * (3 * 1024 * 1024)

    response = upload(client, case.id, content, "huge.png")

    assert response.status_code == 413
    text = response.get_data(as_text=True)
    assert "File too large" in text
    assert "upload limit of 1 MB" in text
    assert evidence_rows(db) == []
    assert stored_files(evidence_dir) == []


def test_an_upload_is_audited(auth, case, db):
    auth.login(Role.documenter)

    upload(auth.client, case.id, png_bytes())

    [evidence] = evidence_rows(db, case.id)
    actions = db.exec(
        select(AuditEvent.action).where(
            AuditEvent.entity_type == "evidence", AuditEvent.entity_id == str(evidence.id)
        )
    ).all()
    assert actions == ["create", "uploaded"]
