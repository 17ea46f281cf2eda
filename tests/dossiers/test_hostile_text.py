"""User text is text: markup typed into a case is printed, never fetched or rendered."""

from __future__ import annotations

import socket

import pytest

from models.enums import DossierAudience, DossierKind
from tests.factories import make_act, make_case, make_person

HOSTILE = (
    '<img src="file:///etc/passwd"> <img src="https://evil.example/pixel.png"> '
    '<link rel="stylesheet" href="http://evil.example/x.css"> '
    "<style>@import url(http://evil.example/y.css); body { display: none }</style> "
    '<iframe src="file:///etc/shadow"></iframe> <script>alert(1)</script>'
)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record (and refuse) every attempt to open a network connection."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network refused in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


@pytest.mark.parametrize("audience", [DossierAudience.internal, DossierAudience.public])
def test_hostile_narrative_fetches_nothing_and_prints_as_text(app, db, render, no_network,
                                                              audience) -> None:
    from models.enums import Confidentiality

    case = make_case(db, narrative=HOSTILE, title="Case <b>bold</b> title",
                     confidentiality=Confidentiality.publishable)
    victim = make_person(db, case=case, occupation='teacher <img src="file:///etc/hosts">')
    make_act(db, case=case, victim=victim, description=HOSTILE)

    pdf = render([case.id], DossierKind.case, audience)

    assert no_network == []
    assert pdf.fetcher.refused == []
    assert all(url.startswith("casebook-asset:") for url in pdf.fetcher.served)
    assert pdf.shows('<img src="file:///etc/passwd">')  # printed as the characters typed
    assert "root:x:0:0" not in pdf.text
    assert pdf.shows("<b>bold</b>")
    assert pdf.shows('teacher <img src="file:///etc/hosts">')


def test_hostile_text_is_escaped_in_the_html_given_to_weasyprint(db, html_of) -> None:
    case = make_case(db, narrative=HOSTILE)
    html = html_of(case.id)
    assert "<img" not in html.split("<body", 1)[1]
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert "<iframe" not in html and "<script" not in html
