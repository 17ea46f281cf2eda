"""The default demo set stores real, verifiable (fictional) evidence files."""

from __future__ import annotations

import hashlib

from pypdf import PdfReader
from sqlmodel import select

from app.demo.evidence_files import demo_file
from app.evidence.storage import EvidenceStore
from models import Evidence


def test_every_default_demo_evidence_record_has_its_file_stored_under_its_hash(app, runner, db):
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    store = EvidenceStore(app.extensions["casebook.settings"].resolved_evidence_dir())
    evidence = db.exec(select(Evidence)).all()
    assert evidence, "the demo set should include evidence"
    for row in evidence:
        stored = store.path_for(row.sha256).read_bytes()
        assert hashlib.sha256(stored).hexdigest() == row.sha256
        assert len(stored) == row.size_bytes
    kinds = {row.media_type for row in evidence}
    assert kinds <= {"image/png", "application/pdf", "text/plain"}


def test_demo_files_say_they_are_fictional(tmp_path):
    pdf = demo_file("BHC-order.pdf", "application/pdf", "Court order, scanned", "case 7")
    path = tmp_path / "order.pdf"
    path.write_bytes(pdf.content)
    assert "FICTIONAL DEMO MATERIAL" in PdfReader(path).pages[0].extract_text()
    audio = demo_file("interview.m4a", "audio/mp4", "Recorded interview", "case 7")
    assert audio.media_type == "text/plain"
    assert b"FICTIONAL DEMO MATERIAL" in audio.content
    photo = demo_file("photo.jpg", "image/jpeg", "Family photograph", "case 7")
    assert photo.content.startswith(b"\x89PNG") and photo.filename == "photo.png"
    other = demo_file("photo.jpg", "image/jpeg", "Family photograph", "case 8")
    assert other.sha256 != photo.sha256
