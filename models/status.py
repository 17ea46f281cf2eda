"""Violation status: how well a case is established (DESIGN §4), computed with its reasons.

The rule, in order (the first that applies wins):

1. **disputed** — at least one citation marked `contradicts`, graded credibility 1–2, from a
   source that is not the accused authorities' own word (their denials and explanations are
   official responses: they make element 3 of a disappearance, never a dispute).
2. **verified** — the authorities acknowledged custody (an official response of that type), or
   a supporting citation graded credibility 1 rests on documentary proof: a court record, an
   official statement, or the organisation's own investigation.
3. **corroborated** — supporting citations graded credibility 1–2 come from at least two
   independent origins. Citations sharing an independence key count once; a citation without
   a key counts as its own source.
4. **alleged** — anything less: one source, or none graded yet.

"Supporting" citations exclude those marked `contradicts`, those about the authorities' denial
(`fact == denial`) and those recording an official response: they say what the state answered,
not what happened. Deleted rows never count. A coordinator's override (with a written reason)
decides the status shown; the computed value and its reasons stay visible beside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from models.case import Case
from models.enums import (
    DOCUMENTARY_PROOF,
    OWN_WORD_OF_ACCUSED,
    Credibility,
    ResponseType,
    SourceType,
    SupportedFact,
    ViolationStatus,
)
from models.response import OfficialResponse
from models.source import Citation, Source

CREDIBLE = frozenset({Credibility.confirmed, Credibility.probably_true})
INDEPENDENT_SOURCES_TO_CORROBORATE = 2


class StatusFinding(NamedTuple):
    """A computed violation status and the reasons for it, in words a reviewer can check."""

    status: ViolationStatus
    reasons: list[str]


def compute_violation_status(
    citations: Iterable[Citation],
    sources: Iterable[Source],
    responses: Iterable[OfficialResponse] = (),
) -> StatusFinding:
    """The violation status a case's citations and official responses support, with reasons."""
    by_id = {source.id: source for source in _live(sources)}
    cited = [c for c in _live(citations) if c.source_id in by_id]
    live_responses = _live(responses)

    disputing = [c for c in cited if _disputes(c, by_id[c.source_id])]
    supporting = [c for c in cited if _supports(c)]
    acknowledgements = [
        r for r in live_responses if r.response_type == ResponseType.acknowledged_custody
    ]
    proofs = [
        c
        for c in supporting
        if c.credibility == Credibility.confirmed
        and by_id[c.source_id].source_type in DOCUMENTARY_PROOF
    ]
    credible = [c for c in supporting if c.credibility in CREDIBLE]
    origins = {c.independence_group() for c in credible}

    verified_reasons = [
        f"{r.authority or 'The authorities'} acknowledged custody (official response #{r.id})."
        for r in acknowledgements
    ] + [
        f"Documentary proof graded 1: {_describe(by_id[c.source_id])} (citation #{c.id})."
        for c in proofs
    ]
    corroboration = _corroboration_reason(len(origins))

    if disputing:
        reasons = [
            f"Credible contrary evidence: {_describe(by_id[c.source_id])} graded "
            f"{int(c.credibility or 0)} (citation #{c.id})."
            for c in disputing
        ]
        if verified_reasons:
            reasons.append("Without it the case would be verified.")
        reasons += verified_reasons or [corroboration]
        return StatusFinding(ViolationStatus.disputed, reasons)
    if verified_reasons:
        return StatusFinding(ViolationStatus.verified, [*verified_reasons, corroboration])
    if len(origins) >= INDEPENDENT_SOURCES_TO_CORROBORATE:
        return StatusFinding(ViolationStatus.corroborated, [corroboration])
    reasons = [corroboration]
    if not cited:
        reasons = ["No source is cited yet."]
    elif not any(c.credibility is not None for c in cited):
        reasons.append("No citation has been graded for credibility yet.")
    return StatusFinding(ViolationStatus.alleged, reasons)


def record_status(case: Case, finding: StatusFinding) -> None:
    """Store a freshly computed status on `case`; an override, when set, still wins."""
    case.computed_status = finding.status
    case.violation_status = case.status_override or finding.status


def override_status(case: Case, status: ViolationStatus | None, reason: str) -> None:
    """Set (or with `status=None`, clear) a coordinator's override; a reason is required to set one.

    Raises ValueError with a message for the form when the reason is blank.
    """
    reason = (reason or "").strip()
    if status is not None and not reason:
        raise ValueError("Say why you override the computed status.")
    case.status_override = status
    case.status_override_reason = reason if status is not None else None
    case.violation_status = status or case.computed_status


def _live(rows: Iterable[Any]) -> list[Any]:
    return [row for row in rows if getattr(row, "deleted_at", None) is None]


def _supports(citation: Citation) -> bool:
    return (
        not citation.contradicts
        and citation.fact != SupportedFact.denial
        and citation.response_id is None
    )


def _disputes(citation: Citation, source: Source) -> bool:
    return (
        citation.contradicts
        and citation.credibility in CREDIBLE
        and citation.response_id is None
        and source.source_type not in OWN_WORD_OF_ACCUSED
    )


def _describe(source: Source) -> str:
    kind = SourceType(source.source_type).label.lower()
    return f"{kind} “{source.title}”" if source.title else kind


def _corroboration_reason(origins: int) -> str:
    if origins == 0:
        return "No independent source graded credibility 1–2 yet (2 are needed to corroborate)."
    if origins == 1:
        return "1 independent source graded credibility 1–2 (2 are needed to corroborate)."
    return f"{origins} independent sources graded credibility 1–2."
