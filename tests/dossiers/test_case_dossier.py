"""The case dossier: every section, numbered citations that match the sources, the state's
answers beside the allegations, the evidence annex, page numbers and the dossier's identity."""

from __future__ import annotations

import re

import pytest

from models.enums import DossierAudience, DossierKind, SourceType
from reports.context import ReportRefused
from tests.dossiers.conftest import ORGANISATION

CASE, WGEID = DossierKind.case, DossierKind.wgeid
INTERNAL, UN, PUBLIC = (
    DossierAudience.internal,
    DossierAudience.un_confidential,
    DossierAudience.public,
)


def test_case_dossier_has_every_section(editions) -> None:
    pdf = editions(CASE, INTERNAL)
    for heading in (
        "Contents",
        "1. The case",
        "2. Victim profile",
        "3. Chronology",
        "4. Elements of enforced disappearance (ICPPED art. 2)",
        "5. Allegations and the authorities' responses",
        "6. Interventions and outcomes",
        "7. Other people in the case",
        "8. Sources cited",
        "9. Evidence annex",
        "10. Consent",
        "11. Methodology",
        "12. Internal notes",
    ):
        assert heading in pdf.text, heading
    assert 5 <= pdf.page_count <= 8


def test_cover_carries_reference_status_date_marking_and_dossier_identity(editions):
    pdf = editions(CASE, INTERNAL)
    cover = re.sub(r"\s+", " ", pdf.pages[0])
    assert editions.case.case.reference in cover
    assert "Violation status: Verified" in cover
    assert "As of 26 November 2026" in cover
    assert "CONFIDENTIAL — INTERNAL" in cover
    assert "D-004242" in cover
    assert "26 November 2026, 09:30 UTC" in cover


def test_every_page_after_the_cover_says_page_x_of_y_and_the_dossier_id(editions):
    pdf = editions(CASE, INTERNAL)
    for number, page in enumerate(pdf.pages[1:], start=2):
        assert f"page {number} of {pdf.page_count}" in page
        assert "D-004242" in page


def test_citation_numbers_match_the_sources_list(editions) -> None:
    pdf = editions(CASE, INTERNAL)
    sources = pdf.text.split("8. Sources cited ", 2)[2].split("9. Evidence annex", 1)[0]
    by_id = {source.id: source for source in editions.case.sources.values()}
    expected = {
        (SourceType(by_id[c.source_id].source_type).label,
         f"{by_id[c.source_id].reliability.value}{int(c.credibility)}")
        for c in editions.case.citations
    }
    types = "|".join(re.escape(label) for label, _ in expected)
    entries = re.findall(rf"(?<!\S)(\d+)\. ({types})(?=[ ,]).*?Graded ([A-F][1-6])", sources)
    assert sorted(int(n) for n, _, _ in entries) == [1, 2, 3, 4, 5]
    assert {(label, grade) for _, label, grade in entries} == expected
    # The footnote carrying each number names the same source type and grade.
    for number, label, grade in entries:
        footnote = rf"(?<!\S){number}\. {re.escape(label)}, .{{0,200}}?graded {grade}"
        assert re.search(footnote, pdf.text), f"footnote {number} ({label}, {grade}) missing"


def test_denials_are_set_beside_the_allegations_they_answer(editions) -> None:
    text = editions(CASE, INTERNAL).text
    allegations = text.split("5. Allegations and the authorities' responses", 2)[2]
    first, rest = allegations.split("Allegation 2:", 1)
    second = rest.split("6. Interventions and outcomes", 1)[0]
    assert "Enforced disappearance" in first.split("What is alleged")[0]
    assert "Denied custody — Frontier Corps headquarters" in first
    assert "not in the custody of the Frontier Corps" in first
    assert "Extrajudicial killing" in second.split("What is alleged")[0]
    assert "Alternative explanation — Counter Terrorism Department (CTD)" in second
    assert "Killed in an encounter" in second


def test_elements_table_shows_the_evidence_for_each_element(editions) -> None:
    text = editions(CASE, INTERNAL).text
    table = text.split("4. Elements of enforced disappearance (ICPPED art. 2)", 2)[2]
    table = table.split("5. Allegations", 1)[0]
    for element in ("Deprivation of liberty", "By agents of the State",
                    "Refusal to acknowledge"):
        assert element in table
    assert "Frontier Corps (FC)" in table
    assert "Denied custody" in table
    assert "Not yet" not in table


def test_interventions_and_outcomes_are_listed(editions) -> None:
    text = editions(CASE, INTERNAL).text
    section = text.split("6. Interventions and outcomes", 2)[2].split("7. Other people", 1)[0]
    assert "Habeas corpus petition" in section
    assert "C.P. No. 1234/2025" in section
    assert "Respondents denied custody; the court sought a report." in section
    assert "Transmitted to the Government of Pakistan." in section


def test_evidence_annex_lists_name_hash_capture_time_and_custodian(editions) -> None:
    pdf = editions(CASE, INTERNAL)
    for evidence in editions.case.evidence:
        assert pdf.shows(evidence.sha256)
        assert pdf.shows(evidence.original_filename)
    assert "20 March 2025, 10:30 UTC" in pdf.text


def test_consent_statement_and_methodology_are_printed(editions) -> None:
    text = editions(CASE, UN).text
    consent = text.split("Consent ", 1)[1]
    assert "gave consent on 2 May 2025" in consent
    assert "Transmission to UN mechanisms" in consent
    assert "Withdrawn 1 May 2025" in consent
    assert "Admiralty code" in text
    assert "HURIDOCS" in text
    assert ORGANISATION in text


def test_urdu_name_can_be_copied_out_of_the_dossier(editions) -> None:
    pdf = editions(CASE, UN)
    assert editions.case.markers["victim_urdu_name"] in " ".join(pdf.pages)


def test_case_dossier_of_a_missing_case_is_refused(db, render) -> None:
    with pytest.raises(ReportRefused):
        render([999999], DossierKind.case)
