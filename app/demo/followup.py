"""What came after in a demo case: interventions with their deadlines, evidence files (metadata
only), and the family's consent, now and then withdrawn."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app.demo.draft import CaseDraft, Workshop, weighted
from app.demo.evidence_files import demo_file
from app.demo.sources import FIELD_DOCUMENTER
from models import Consent, Evidence, Intervention
from models.enums import (
    ConsentMethod,
    DatePrecision,
    InterventionStatus,
    InterventionType,
    ResponseType,
    VictimStatus,
)
from models.partial_date import partial_date_columns

ORGANISATION = "Casebook demo organisation"
_DEADLINE_KINDS = {InterventionType.habeas_corpus, InterventionType.coied_complaint}
_CLOSED = {InterventionStatus.closed, InterventionStatus.refused}
_STATUSES = [
    (InterventionStatus.filed, 2),
    (InterventionStatus.awaiting_response, 3),
    (InterventionStatus.hearing_scheduled, 3),
    (InterventionStatus.responded, 1),
    (InterventionStatus.closed, 1),
]
_NEXT_ACTIONS = {
    InterventionType.police_complaint: "Ask the SHO for the investigation report",
    InterventionType.habeas_corpus: "Next hearing before the High Court",
    InterventionType.coied_complaint: "Commission hearing; family to attend with the lawyer",
    InterventionType.wgeid_submission: "Send the family's update to the Working Group",
    InterventionType.urgent_appeal: "Follow up with the Special Rapporteur's office",
}
_EVIDENCE_KINDS = [
    ("FIR-copy.jpg", "image/jpeg", "Photo of the FIR copy given to the family"),
    ("BHC-order.pdf", "application/pdf", "Court order, scanned"),
    ("victim-photo.jpg", "image/jpeg", "Family photograph of the victim"),
    ("testimony-recording.m4a", "audio/mp4", "Recorded interview"),
    ("protest-video.mp4", "video/mp4", "Video of the family's protest"),
]


def add_interventions(w: Workshop, draft: CaseDraft) -> None:
    """Complaints, petitions and submissions; open ones carry a next action date.

    The case's forced `deadlines` (days from today) go to a habeas corpus petition and a
    complaint to the Commission of Inquiry, so a small run has overdue and upcoming ones.
    """
    rng = w.rng
    deadlines = list(draft.features.deadlines)
    year = draft.incident.year
    plans: list[tuple[InterventionType, float, str, str, dict[str, Any] | None]] = [
        (
            InterventionType.police_complaint,
            0.6,
            f"SHO, police station {draft.town}",
            f"FIR No. {rng.randint(10, 300)}/{year}",
            _response_of(draft, ResponseType.refused_complaint),
        ),
        (
            InterventionType.habeas_corpus,
            0.4,
            "Balochistan High Court",
            f"C.P. No. {rng.randint(100, 1999)}/{year}",
            _response_of(draft, ResponseType.denied_custody),
        ),
        (
            InterventionType.coied_complaint,
            0.5,
            "Commission of Inquiry on Enforced Disappearances",
            f"COIED/BAL/{year}/{rng.randint(100, 9999)}",
            None,
        ),
        (
            InterventionType.wgeid_submission,
            0.12,
            "UN Working Group on Enforced or Involuntary Disappearances",
            f"WGEID-{year}-{rng.randint(1, 999):03d}",
            None,
        ),
        (InterventionType.urgent_appeal, 0.04, "UN Special Rapporteur on torture", "", None),
        (InterventionType.protest, 0.08, "Press club, Quetta", "", None),
        (InterventionType.letter, 0.08, "Chief Minister of Balochistan", "", None),
    ]
    for kind, share, addressed_to, reference, response in plans:
        forced = bool(deadlines) and kind in _DEADLINE_KINDS
        if not forced and rng.random() >= share:
            continue
        if forced:
            status = InterventionStatus.hearing_scheduled
        elif kind is InterventionType.police_complaint and response is not None:
            status = InterventionStatus.refused
        else:
            status = weighted(rng, _STATUSES)
        offset = deadlines.pop(0) if forced else rng.randint(-45, 90)
        is_open = status not in _CLOSED
        filed = w.date(
            w.later(draft.incident, 2, 120),
            DatePrecision.day if rng.random() < 0.85 else DatePrecision.month,
        )
        by_family = kind not in {InterventionType.wgeid_submission, InterventionType.urgent_appeal}
        w.add(
            Intervention,
            draft,
            case_id=draft.case_id,
            act_id=draft.first_act["id"],
            intervention_type=kind,
            filed_by=f"The victim's {draft.relation.lower()}" if by_family else ORGANISATION,
            addressed_to=addressed_to,
            reference_number=reference or None,
            status=status,
            next_action=_NEXT_ACTIONS.get(kind, "Follow up") if is_open else None,
            next_action_date=w.today + timedelta(days=offset) if is_open else None,
            outcome=_outcome(kind, status, returned=_returned(draft)),
            response_id=response["id"] if response else None,
            **partial_date_columns("filed", filed),
        )


def add_evidence(w: Workshop, draft: CaseDraft) -> None:
    """Up to two evidence records. With `w.evidence_files` set (the default demo set) each gets a
    real fictional file, queued there by hash; otherwise they are metadata only."""
    rng = w.rng
    for _ in range(weighted(rng, [(0, 4), (1, 4), (2, 2)])):
        filename, media_type, description = rng.choice(_EVIDENCE_KINDS)
        sha256 = f"{rng.getrandbits(256):064x}"
        size = rng.randint(40_000, 9_000_000)
        if w.evidence_files is not None:
            made = demo_file(filename, media_type, description, f"case {draft.case_id}")
            filename, media_type, description = made.filename, made.media_type, made.description
            sha256, size = made.sha256, len(made.content)
            w.evidence_files[sha256] = made.content
        w.add(
            Evidence,
            draft,
            case_id=draft.case_id,
            sha256=sha256,
            original_filename=filename,
            media_type=media_type,
            size_bytes=size,
            captured_at=draft.created_at - timedelta(days=rng.randint(0, 20)),
            captured_by=FIELD_DOCUMENTER,
            original_url=(
                f"https://social.example.org/post/{draft.case_id}"
                if media_type.startswith("video")
                else None
            ),
            description=description,
        )


def add_consents(w: Workshop, draft: CaseDraft) -> None:
    """Most victims' families consent, scope by scope; one in a while withdraws it."""
    rng = w.rng
    for victim in draft.victims:
        withdrawn = draft.features.withdrawn_consent and victim is draft.victims[0]
        if rng.random() >= 0.75 and not withdrawn:
            continue
        released = victim.acts[0]["victim_status"] is VictimStatus.released
        relative = draft.relative or {}
        w.add(
            Consent,
            draft,
            person_id=victim.person["id"],
            case_id=draft.case_id,
            given_by=victim.name.full_name if released else relative.get("full_name", "Family"),
            relation="Self" if released else draft.relation,
            given_on=min(draft.created_at.date(), w.today),
            method=weighted(
                rng,
                [
                    (ConsentMethod.written, 4),
                    (ConsentMethod.thumbprint, 2),
                    (ConsentMethod.oral_recorded, 1),
                ],
            ),
            internal=True,
            un_transmission=rng.random() < 0.65,
            public_naming=rng.random() < 0.4,
            photo_publication=rng.random() < 0.25,
            withdrawn_at=(
                draft.created_at + timedelta(days=rng.randint(30, 200)) if withdrawn else None
            ),
            notes="Withdrawn after the family received threats." if withdrawn else "",
        )


def _response_of(draft: CaseDraft, response_type: ResponseType) -> dict[str, Any] | None:
    return next((r for r in draft.responses if r["response_type"] is response_type), None)


def _returned(draft: CaseDraft) -> bool:
    return draft.first_act["victim_status"] is VictimStatus.released


def _outcome(kind: InterventionType, status: InterventionStatus, *, returned: bool) -> str:
    if status is InterventionStatus.refused:
        return "The police refused to register the complaint."
    if status is InterventionStatus.closed:
        if returned:
            return "Closed after the victim returned home."
        return "Disposed of with a direction to the Commission of Inquiry to trace the victim."
    if status is InterventionStatus.responded and kind is InterventionType.habeas_corpus:
        return "The respondents filed their reply denying custody."
    return ""
