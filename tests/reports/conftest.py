"""Fixtures for the PDF engine tests: build print documents and read PDFs back as text."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from pypdf import PdfReader

from reports.templating import report_environment

# Bidi controls that text extraction inserts around right-to-left runs.
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

_PAGE_TEMPLATE = """{% extends "reports/_base.html" %}
{% block cover %}{{ cover|safe }}{% endblock %}
{% block body %}{{ body|safe }}{% endblock %}"""


def _build_document(body: str = "", *, cover: str = "", title: str = "Test dossier",
                    dossier_id: str = "DOS-2026-0001", marking: str = "CONFIDENTIAL",
                    generated: str = "Generated 2026-11-26 10:00 UTC") -> str:
    return report_environment().from_string(_PAGE_TEMPLATE).render(
        body=body, cover=cover, title=title, dossier_id=dossier_id, marking=marking,
        generated=generated)


@pytest.fixture(scope="session")
def print_document() -> Callable[..., str]:
    """Wrap trusted test HTML in the print base template (print.css, running header)."""
    return _build_document


def _page_texts(content: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(content))
    return [_BIDI_CONTROLS.sub("", page.extract_text()) for page in reader.pages]


@pytest.fixture(scope="session")
def page_texts() -> Callable[[bytes], list[str]]:
    """The extracted text of each page of a PDF, bidi control characters removed."""
    return _page_texts


@pytest.fixture(scope="session")
def pdf_reader() -> Callable[[bytes], PdfReader]:
    """Open PDF bytes with pypdf."""
    return lambda content: PdfReader(io.BytesIO(content))


class _AuditLog:
    """Records file opens and network attempts while `recording()` is active."""

    def __init__(self) -> None:
        self.active = False
        self.opened: list[str] = []
        self.network: list[tuple[str, Any]] = []

    def hook(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.active:
            return
        if event == "open" and args and isinstance(args[0], str | bytes):
            self.opened.append(str(args[0]))
        elif event.startswith(("socket.", "urllib.")):
            self.network.append((event, args))

    @contextmanager
    def recording(self) -> Iterator[_AuditLog]:
        self.opened.clear()
        self.network.clear()
        self.active = True
        try:
            yield self
        finally:
            self.active = False


_AUDIT = _AuditLog()
# Audit hooks cannot be removed; one inactive hook for the session costs nothing.
sys.addaudithook(_AUDIT.hook)


@pytest.fixture
def audit_log() -> _AuditLog:
    """File opens and network audit events seen inside `with audit_log.recording():`."""
    return _AUDIT
