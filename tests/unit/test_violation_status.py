"""Violation status: alleged, corroborated, verified or disputed, computed with reasons (§4)."""

from __future__ import annotations

import pytest
from case_builders import citation, response, source

from models.case import Case
from models.enums import Credibility, ResponseType, SourceType, SupportedFact, ViolationStatus
from models.status import compute_violation_status, override_status, record_status
from models.types import utcnow


def test_a_case_without_citations_is_alleged() -> None:
    status, reasons = compute_violation_status([], [])
    assert status is ViolationStatus.alleged
    assert reasons == ["No source is cited yet."]


def test_one_credible_source_leaves_the_case_alleged_and_says_how_many_are_needed() -> None:
    status, reasons = compute_violation_status([citation(1, 101)], [source(101)])
    assert status is ViolationStatus.alleged
    assert "1 independent source" in reasons[0] and "2 are needed" in reasons[0]


def test_two_independent_credible_sources_corroborate() -> None:
    finding = compute_violation_status(
        [citation(1, 101, Credibility.confirmed), citation(2, 102, Credibility.probably_true)],
        [source(101), source(102, SourceType.media_report)],
    )
    assert finding.status is ViolationStatus.corroborated
    assert finding.reasons == ["2 independent sources graded credibility 1–2."]


def test_sources_that_trace_to_one_origin_count_once() -> None:
    # Two newspapers repeating the same family press conference.
    finding = compute_violation_status(
        [
            citation(1, 101, independence_key="family press conference 14 March"),
            citation(2, 102, independence_key="Family press conference 14 March "),
        ],
        [source(101, SourceType.media_report), source(102, SourceType.media_report)],
    )
    assert finding.status is ViolationStatus.alleged


def test_two_citations_of_one_source_count_once() -> None:
    finding = compute_violation_status([citation(1, 101), citation(2, 101)], [source(101)])
    assert finding.status is ViolationStatus.alleged


@pytest.mark.parametrize("grade", [Credibility.possibly_true, Credibility.doubtful, None])
def test_sources_graded_below_2_do_not_corroborate(grade: Credibility | None) -> None:
    finding = compute_violation_status(
        [citation(1, 101), citation(2, 102, grade)], [source(101), source(102)]
    )
    assert finding.status is ViolationStatus.alleged


def test_ungraded_citations_are_pointed_out() -> None:
    _, reasons = compute_violation_status([citation(1, 101, None)], [source(101)])
    assert "No citation has been graded for credibility yet." in reasons


def test_official_acknowledgement_of_custody_verifies() -> None:
    acknowledged = response(30, ResponseType.acknowledged_custody, "Commission of Inquiry")
    status, reasons = compute_violation_status([citation(1, 101)], [source(101)], [acknowledged])
    assert status is ViolationStatus.verified
    assert "Commission of Inquiry acknowledged custody (official response #30)." in reasons


def test_a_court_record_graded_1_verifies() -> None:
    court = source(101, SourceType.court_record, title="BHC order in habeas petition 12/2025")
    status, reasons = compute_violation_status([citation(1, 101, Credibility.confirmed)], [court])
    assert status is ViolationStatus.verified
    assert any("court record “BHC order in habeas petition 12/2025”" in r for r in reasons)


def test_documentary_proof_graded_2_does_not_verify() -> None:
    court = source(101, SourceType.court_record)
    finding = compute_violation_status([citation(1, 101, Credibility.probably_true)], [court])
    assert finding.status is ViolationStatus.alleged


def test_a_graded_official_denial_neither_verifies_nor_corroborates() -> None:
    denial = source(101, SourceType.official_statement, title="ISPR press release")
    finding = compute_violation_status(
        [
            citation(1, 101, Credibility.confirmed, fact=SupportedFact.denial),
            citation(2, 102, Credibility.confirmed),
        ],
        [denial, source(102)],
    )
    assert finding.status is ViolationStatus.alleged


def test_credible_contrary_evidence_disputes_even_a_verified_case() -> None:
    acknowledged = response(30, ResponseType.acknowledged_custody)
    contrary = source(103, SourceType.witness_testimony, title="Neighbour's account")
    finding = compute_violation_status(
        [citation(1, 101), citation(3, 103, Credibility.probably_true, contradicts=True)],
        [source(101), contrary],
        [acknowledged],
    )
    assert finding.status is ViolationStatus.disputed
    assert finding.reasons[0].startswith("Credible contrary evidence: witness testimony")
    assert "Without it the case would be verified." in finding.reasons


def test_contrary_evidence_graded_doubtful_does_not_dispute() -> None:
    finding = compute_violation_status(
        [
            citation(1, 101),
            citation(2, 102),
            citation(3, 103, Credibility.doubtful, contradicts=True),
        ],
        [source(101), source(102), source(103)],
    )
    assert finding.status is ViolationStatus.corroborated


def test_the_authorities_own_denial_never_disputes_a_case() -> None:
    denial = source(103, SourceType.official_statement, title="Police: no such arrest")
    finding = compute_violation_status(
        [
            citation(1, 101),
            citation(2, 102),
            citation(3, 103, Credibility.confirmed, contradicts=True),
        ],
        [source(101), source(102), denial],
    )
    assert finding.status is ViolationStatus.corroborated


def test_deleted_citations_and_responses_do_not_count() -> None:
    gone = citation(2, 102)
    gone.deleted_at = utcnow()
    withdrawn = response(30, ResponseType.acknowledged_custody)
    withdrawn.deleted_at = utcnow()
    finding = compute_violation_status(
        [citation(1, 101), gone], [source(101), source(102)], [withdrawn]
    )
    assert finding.status is ViolationStatus.alleged


def test_rows_holding_plain_values_are_judged_the_same() -> None:
    # Table models skip validation, so a row may hold "court_record" and 1 rather than members.
    court = source(101, "court_record")  # type: ignore[arg-type]
    finding = compute_violation_status([citation(1, 101, 1)], [court])
    assert finding.status is ViolationStatus.verified


def test_an_override_with_a_reason_decides_the_status_shown_but_the_computed_one_stays() -> None:
    case = Case(reference="BAL-2026-0042", title="Abduction at Tump bazaar")
    record_status(case, compute_violation_status([citation(1, 101)], [source(101)]))
    override_status(case, ViolationStatus.verified, "Family met him in the internment centre.")
    assert case.violation_status is ViolationStatus.verified
    assert case.computed_status is ViolationStatus.alleged
    record_status(case, compute_violation_status([], []))  # a recomputation keeps the override
    assert case.violation_status is ViolationStatus.verified


def test_an_override_without_a_reason_is_refused() -> None:
    case = Case(reference="BAL-2026-0043", title="Arrest at Surab checkpoint")
    with pytest.raises(ValueError, match="Say why"):
        override_status(case, ViolationStatus.verified, "   ")
    assert case.status_override is None


def test_clearing_the_override_shows_the_computed_status_again() -> None:
    case = Case(reference="BAL-2026-0044", title="Raid in Awaran")
    record_status(
        case,
        compute_violation_status([citation(1, 101), citation(2, 102)], [source(101), source(102)]),
    )
    override_status(case, ViolationStatus.disputed, "Witness recanted.")
    override_status(case, None, "")
    assert case.violation_status is ViolationStatus.corroborated
    assert case.status_override_reason is None
