"""Fixtures for dossier tests: the fully populated case, and rendering read back as text."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
from flask import Flask
from pypdf import PdfReader
from sqlmodel import Session

from app.evidence.storage import evidence_store
from models.enums import DossierAudience, DossierKind
from reports.assets import AssetFetcher
from reports.dossier import DossierOrder, render_dossier, single_case_html
from tests.factories import FullCase, make_full_case

ORGANISATION = "Makran Rights Desk (fictional)"
# Bidi controls that text extraction inserts around right-to-left runs.
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class ReadPdf:
    """A rendered dossier and its text as a reader would copy it out."""

    content: bytes
    page_count: int
    sha256: str
    pages: list[str]
    fetcher: AssetFetcher
    progress: list[tuple[int, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """All pages, whitespace collapsed (lines joined)."""
        return re.sub(r"\s+", " ", " ".join(self.pages))

    @property
    def squeezed(self) -> str:
        """All pages without any whitespace: finds values a line break split."""
        return re.sub(r"\s+", "", " ".join(self.pages))

    def shows(self, value: str) -> bool:
        """True when `value` appears anywhere in the text, even broken across lines."""
        return re.sub(r"\s+", "", value) in self.squeezed


def read_pdf(content: bytes) -> list[str]:
    """The text of each page, bidi controls removed."""
    reader = PdfReader(io.BytesIO(content))
    return [_BIDI_CONTROLS.sub("", page.extract_text()) for page in reader.pages]


def order(case_ids: list[int], kind: DossierKind, audience: DossierAudience,
          **values: object) -> DossierOrder:
    """A dossier order as the app would give it."""
    base: dict[str, object] = {
        "kind": kind,
        "audience": audience,
        "case_ids": case_ids,
        "dossier_id": 4242,
        "generated_at": datetime(2026, 11, 26, 9, 30, tzinfo=UTC),
        "organisation": ORGANISATION,
        "prepared_by": "Test Coordinator",
        "selection": [],
    }
    base.update(values)
    return DossierOrder(**base)  # type: ignore[arg-type]


Render = Callable[..., ReadPdf]


@pytest.fixture
def render(db: Session) -> Render:
    """Render a dossier straight through the pipeline and read it back."""

    def _render(case_ids: list[int], kind: DossierKind = DossierKind.case,
                audience: DossierAudience = DossierAudience.internal, **values: object) -> ReadPdf:
        fetcher = AssetFetcher()
        progress: list[tuple[int, int]] = []
        rendered = render_dossier(
            db,
            order(case_ids, kind, audience, **values),
            lambda done, total: progress.append((done, total)),
            fetcher=fetcher,
        )
        return ReadPdf(rendered.content, rendered.page_count, rendered.sha256,
                       read_pdf(rendered.content), fetcher, progress)

    return _render


@pytest.fixture
def html_of(db: Session) -> Callable[..., str]:
    """The finished HTML of a single-case dossier (what WeasyPrint would be given)."""

    def _html(case_id: int, kind: DossierKind = DossierKind.case,
              audience: DossierAudience = DossierAudience.internal) -> str:
        return single_case_html(db, order([case_id], kind, audience))

    return _html


@pytest.fixture
def full_case(app: Flask, db: Session) -> FullCase:
    """The fully populated fictional case, its evidence files stored."""
    with app.app_context():
        return make_full_case(db, store=evidence_store())


@dataclass(frozen=True)
class Editions:
    """Every edition of the fully populated case, rendered once for many read-only tests."""

    case: FullCase
    pdfs: dict[tuple[DossierKind, DossierAudience], ReadPdf]
    html: dict[tuple[DossierKind, DossierAudience], str]

    def __call__(self, kind: DossierKind, audience: DossierAudience) -> ReadPdf:
        return self.pdfs[(kind, audience)]


EDITIONS = [
    (DossierKind.case, DossierAudience.internal),
    (DossierKind.case, DossierAudience.un_confidential),
    (DossierKind.case, DossierAudience.public),
    (DossierKind.wgeid, DossierAudience.internal),
    (DossierKind.wgeid, DossierAudience.un_confidential),
]


@pytest.fixture(scope="session")
def editions(database_url: str, engine, tmp_path_factory: pytest.TempPathFactory) -> Editions:
    """The full case in every edition; its rows are removed again before any test runs."""
    from tests.conftest import _clear_all_tables, make_test_app

    application = make_test_app(database_url, tmp_path_factory.mktemp("editions"))
    try:
        with application.app_context(), Session(
            application.extensions["casebook.engine"], expire_on_commit=False
        ) as session:
            case = make_full_case(session, store=evidence_store())
            pdfs, html = {}, {}
            for kind, audience in EDITIONS:
                fetcher = AssetFetcher()
                rendered = render_dossier(
                    session, order([case.case.id], kind, audience), fetcher=fetcher
                )
                pdfs[(kind, audience)] = ReadPdf(
                    rendered.content, rendered.page_count, rendered.sha256,
                    read_pdf(rendered.content), fetcher,
                )
                html[(kind, audience)] = single_case_html(
                    session, order([case.case.id], kind, audience)
                )
    finally:
        application.extensions["casebook.engine"].dispose()
        _clear_all_tables(engine)
    return Editions(case, pdfs, html)
