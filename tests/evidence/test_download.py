"""Serving evidence: originals as attachments that no browser renders; only raster images inline."""

from __future__ import annotations

import hashlib

from werkzeug.http import parse_options_header
from werkzeug.test import TestResponse

from models.user import Role
from tests.evidence.conftest import PDF_BYTES, evidence_rows, upload
from tests.factories import png_bytes


def disposition(response: TestResponse) -> tuple[str, str]:
    """(attachment or inline, the file name offered), as a browser reads the header."""
    kind, options = parse_options_header(response.headers["Content-Disposition"])
    return kind, options["filename"]


def test_download_is_an_attachment_of_the_original_bytes_with_nosniff(auth, case, db):
    auth.login(Role.documenter)
    upload(auth.client, case.id, PDF_BYTES, "FIR Turbat.pdf")
    [evidence] = evidence_rows(db, case.id)

    response = auth.client.get(f"/evidence/{evidence.id}/download")

    assert response.status_code == 200
    assert response.data == PDF_BYTES
    assert hashlib.sha256(response.data).hexdigest() == evidence.sha256
    assert response.mimetype == "application/pdf"
    assert disposition(response) == ("attachment", "FIR Turbat.pdf")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert response.headers["Cache-Control"] == "no-store"


def test_a_mislabelled_file_downloads_with_the_extension_of_what_it_is(auth, case, db):
    auth.login(Role.documenter)
    upload(auth.client, case.id, png_bytes(), "court-order.pdf")
    [evidence] = evidence_rows(db, case.id)

    response = auth.client.get(f"/evidence/{evidence.id}/download")

    assert response.mimetype == "image/png"
    assert disposition(response) == ("attachment", "court-order.pdf.png")


def test_a_text_file_that_resembles_a_page_is_never_served_as_one(auth, case, db):
    auth.login(Role.documenter)
    # Not refused as markup (it does not start like a page), stored as the text it is.
    note = b"Notes copied from a site:\n<script>alert(1)</script>\n"
    upload(auth.client, case.id, note, "notes.html")
    [evidence] = evidence_rows(db, case.id)

    download = auth.client.get(f"/evidence/{evidence.id}/download")
    image = auth.client.get(f"/evidence/{evidence.id}/image")

    assert evidence.media_type == "text/plain"
    assert download.mimetype == "text/plain"
    assert disposition(download) == ("attachment", "notes.html.txt")
    assert image.status_code == 404


def test_a_raster_image_may_be_shown_inline(auth, case, db):
    content = png_bytes()
    auth.login(Role.documenter)
    upload(auth.client, case.id, content, "checkpoint.png")
    [evidence] = evidence_rows(db, case.id)

    response = auth.client.get(f"/evidence/{evidence.id}/image")

    assert response.status_code == 200
    assert response.data == content
    assert response.mimetype == "image/png"
    assert disposition(response)[0] == "inline"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_a_pdf_cannot_be_opened_inline(auth, case, db):
    auth.login(Role.documenter)
    upload(auth.client, case.id, PDF_BYTES, "fir.pdf")
    [evidence] = evidence_rows(db, case.id)

    assert auth.client.get(f"/evidence/{evidence.id}/image").status_code == 404


def test_non_ascii_names_survive_in_the_download(auth, case, db):
    auth.login(Role.documenter)
    upload(auth.client, case.id, png_bytes(), "تصویر.png")
    [evidence] = evidence_rows(db, case.id)

    response = auth.client.get(f"/evidence/{evidence.id}/download")

    assert disposition(response) == ("attachment", "تصویر.png")


def test_a_missing_stored_file_is_reported_not_served(auth, case, db, evidence_dir):
    auth.login(Role.documenter)
    upload(auth.client, case.id, png_bytes())
    [evidence] = evidence_rows(db, case.id)
    stored = evidence_dir / evidence.sha256[:2] / evidence.sha256[2:4] / evidence.sha256
    stored.unlink()

    download = auth.client.get(f"/evidence/{evidence.id}/download")
    page = auth.client.get(f"/evidence/{evidence.id}").get_data(as_text=True)

    assert download.status_code == 404
    assert "stored file is missing or no longer matches its SHA-256" in page
