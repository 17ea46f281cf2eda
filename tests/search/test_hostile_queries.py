"""Whatever is typed or put in the URL, search answers sanely: never a 500, never an error,
never markup of the user's making, and never more than the role may see."""

from __future__ import annotations

from urllib.parse import urlencode

from app.search.filters import SearchQuery
from app.search.query import parse_query
from app.search.service import search_cases
from models.user import Role
from tests.search.conftest import actor

HOSTILE = [
    '"',
    '"""',
    '"unbalanced quote',
    'unbalanced quote"',
    "'",
    "' OR 1=1 --",
    "'; DROP TABLE case_file; --",
    "Robert'); DELETE FROM search_fts;--",
    "NEAR(Turbat checkpoint, 2)",
    "Turbat NEAR checkpoint",
    "^Turbat",
    "head:Turbat",
    "{head names}: Turbat",
    "names : Muhammad",
    "Turbat AND",
    "AND OR NOT",
    "OR",
    "-",
    "--",
    "- - -",
    "*",
    "**Turbat**",
    "a*",
    "(((Turbat",
    "Turbat)))",
    "\\",
    "\\' \\\" \\\\",
    "%_%",
    "100%",
    "x\x00y",
    "\x00\x00\x00",
    "\u202eTurbat\u202c",
    "\u200f\u200e\u200b",
    "😀",
    "Turbat 😀 🇵🇰",
    "ﷺ",
    "ﷲ",
    "<script>alert(1)</script>",
    "<b>Turbat</b>",
    "&amp; &lt;",
    "javascript:alert(1)",
    "{{7*7}}",
    "${7*7}",
    "Turbat:*",
    "'Turbat':*AB & !x",
    "Turbat <-> checkpoint",
    "!Turbat | checkpoint",
    "a" * 10_000,
    "Turbat " * 2_000,
    "-x " * 200,
    "OR " * 500,
    '"' + "word " * 300 + '"',
    "\ud800",
    "\U0010ffff",
    "Mohammad\tBaluch\nTurbat\r\n",
]


def test_every_hostile_query_is_answered_on_the_page(corpus, auth) -> None:
    auth.login(Role.viewer)
    for text in HOSTILE:
        # As a browser sends it: a lone surrogate arrives as invalid UTF-8 bytes.
        query = urlencode({"q": text}, encoding="utf-8", errors="surrogatepass")
        response = auth.client.get(f"/search?{query}")
        assert response.status_code == 200, repr(text[:40])
        body = response.get_data(as_text=True)
        assert "<script>alert" not in body, repr(text[:40])
        assert "<b>Turbat</b>" not in body, repr(text[:40])
        assert "near Panjgur" not in body, repr(text[:40])  # the viewer's hidden case


def test_every_hostile_query_gives_sane_results(app, corpus, db) -> None:
    with app.app_context():
        for text in HOSTILE:
            results = search_cases(db, SearchQuery.of(text), actor=actor(Role.viewer))
            assert 0 <= results.total <= 3, repr(text[:40])
            assert len(results.hits) <= results.total, repr(text[:40])


def test_words_around_hostile_syntax_still_find_the_case(corpus, search) -> None:
    for text in (
        "NEAR(Turbat)",
        "Turbat');--",
        "^Turbat",
        "(((Turbat",
        "Turbat 😀",
        "\u202eTurbat\u202c",
        "**Turbat**",
        "'Turbat'",
        "Turbat:",
    ):
        assert search(text).total >= 1, text


def test_at_least_thirty_hostile_inputs_are_checked() -> None:
    assert len(HOSTILE) >= 30


def test_engine_syntax_in_a_query_is_plain_words() -> None:
    parsed = parse_query("NEAR(Turbat checkpoint, 2) head:Turbat")
    words = [term.words for clause in parsed.clauses for term in clause.terms]
    assert words == [("near", "turbat"), ("checkpoint",), ("2",), ("head", "turbat")]


def test_hostile_filters_in_the_url_are_ignored(corpus, auth) -> None:
    auth.login(Role.documenter)
    response = auth.client.get(
        "/search",
        query_string={
            "act_type": "<script>",
            "district": "' OR 1=1 --",
            "from": "yesterday",
            "to": "9999999",
            "page": "99999999999",
            "per_page": "-1",
            "sort": "\x00",
        },
    )
    assert response.status_code == 200
    assert "was not understood" in response.get_data(as_text=True)
