"""Fixtures for evidence tests: a case to attach files to, the store's folder, an upload helper."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session, col, select
from werkzeug.test import TestResponse

from models.case import Case
from models.evidence import CustodyEvent, Evidence
from tests.conftest import make_test_app
from tests.factories import sample_case

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def case(app: Flask, db: Session) -> Case:
    with app.app_context():
        return sample_case(db)


@pytest.fixture
def evidence_dir(app: Flask) -> Path:
    return app.extensions["casebook.settings"].resolved_evidence_dir()


@pytest.fixture
def small_limit_app(app: Flask, accounts, tmp_path: Path) -> Iterator[Flask]:
    """The app with a 1 MB upload limit, on the same database (and accounts) as `app`."""
    database_url = app.config["DATABASE_URL"]
    small = make_test_app(database_url, tmp_path / "instance", max_upload_mb=1)
    yield small
    small.extensions["casebook.engine"].dispose()


def upload(
    client: FlaskClient, case_id: int, content: bytes, filename: str = "photo.png", **fields: str
) -> TestResponse:
    """Post a file to the case's upload form as a browser would."""
    data: dict[str, object] = {"file": (io.BytesIO(content), filename), **fields}
    return client.post(
        f"/cases/{case_id}/evidence/new", data=data, content_type="multipart/form-data"
    )


def evidence_rows(db: Session, case_id: int | None = None) -> list[Evidence]:
    db.expire_all()
    statement = select(Evidence).order_by(col(Evidence.id))
    if case_id is not None:
        statement = statement.where(Evidence.case_id == case_id)
    return list(db.exec(statement))


def custody_events(db: Session, evidence_id: int) -> list[CustodyEvent]:
    db.expire_all()
    return list(
        db.exec(
            select(CustodyEvent)
            .where(CustodyEvent.evidence_id == evidence_id)
            .order_by(col(CustodyEvent.id))
        )
    )


def stored_files(evidence_dir: Path) -> list[Path]:
    """Every finished file in the store (the private incoming folder excluded)."""
    if not evidence_dir.exists():
        return []
    return sorted(p for p in evidence_dir.rglob("*") if p.is_file() and ".incoming" not in p.parts)
