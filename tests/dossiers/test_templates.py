"""Every print template filled from the fully populated case: no field prints blank or "None".

A template that drifts from its context would fail here (the report environment raises on an
undefined name), and a value that is missing would leave an empty cell or the word None.
"""

from __future__ import annotations

import re

import pytest

from models.enums import DossierAudience, DossierKind
from reports.dossier import advocacy_document
from reports.parts import PartsLayout
from reports.records import load_case_records
from tests.dossiers.conftest import EDITIONS, order
from tests.factories import make_full_case

EMPTY_ELEMENT = re.compile(
    r"<(dd|td|th|li|p|h[1-4]|blockquote|strong|span|caption)\b[^>]*>\s*</\1>"
)
NONE_WORD = re.compile(r"(?<![\w-])None(?![\w-])")


def _visible_text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def assert_nothing_blank(html: str) -> None:
    """No empty element, no "None", no empty quotes, no dangling separator."""
    empty = EMPTY_ELEMENT.findall(html)
    assert not empty, f"empty elements: {empty[:5]}"
    text = _visible_text(html)
    assert not NONE_WORD.search(text), NONE_WORD.search(text)
    assert "“”" not in text
    assert not re.search(r"(:|,)\s*(<br>|\.|,)", text.replace("\n", " ")), "dangling separator"


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: f"{e[0].value}-{e[1].value}")
def test_single_case_templates_print_every_field(editions, edition) -> None:
    assert_nothing_blank(editions.html[edition])


def test_internal_case_dossier_prints_every_filled_field(editions) -> None:
    html = editions.html[(DossierKind.case, DossierAudience.internal)]
    case = editions.case
    for value in (
        case.case.title,
        case.case.status_override_reason,
        case.victim.occupation,
        case.victim.affiliation,
        case.witness.father_name,
        case.disappearance.description,
        case.killing.cause_of_death,
        case.involvements[0].basis_for_attribution,
        case.denial.verbatim_text,
        case.interventions["coied_complaint"].reference_number,
        case.evidence[0].description,
        case.citations[1].locator,
    ):
        assert value and value in html.replace("&#39;", "'").replace("&#34;", '"'), value


@pytest.mark.parametrize("audience", list(DossierAudience), ids=lambda a: a.value)
def test_advocacy_templates_print_every_field(app, db, audience) -> None:
    with app.app_context():
        case = make_full_case(db)
    records = load_case_records(db, [case.case.id])
    document = advocacy_document(
        list(records.values()),
        order([case.case.id], DossierKind.advocacy, audience, selection=["District: Kech"]),
    )
    parts = [make() for make in document.parts]
    anchors = {"summary": 1, "counts": 1, "case-table": 2, "summaries": 3, "methodology": 4,
               f"case-{case.case.id}": 3}
    front = document.front_matter(PartsLayout(4, anchors))
    for html in [*parts, front]:
        assert_nothing_blank(html)
    assert "At least 1 unique victim documented as of 26 November 2026" in front
