"""The WGEID submission: the six elements the UN Working Group asks for, per disappeared person.

`build_wgeid_submission` refuses (`WgeidNotReady`, listing what is missing for whom) unless
every victim of the case is WGEID-ready (`models.wgeid.wgeid_readiness`); otherwise it lays
out identity, date, place, forces believed responsible, steps taken by the family and the
submitter, with the procedure (urgent under three months, else standard), the consent line and
the annex list. It goes to the UN: internal (a draft for review) and UN-confidential editions
only, redacted like any other report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.enums import ConsentScope, DossierAudience
from models.wgeid import WgeidProcedure, WgeidReadiness, wgeid_readiness
from reports.context import CaseBuilder, ReportRefused, check_admitted
from reports.records import CaseRecords
from reports.redaction import redact_for
from reports.views import (
    CaseView,
    ConsentView,
    EvidenceView,
    InterventionView,
    PerpetratorView,
    PersonView,
)

WGEID_AUDIENCES = frozenset({DossierAudience.internal, DossierAudience.un_confidential})
UN_SCOPE_LABEL = ConsentScope.un_transmission.label


class WgeidNotReady(ReportRefused):
    """The case lacks what the Working Group requires; `missing` says what, victim by victim."""

    def __init__(self, reference: str, missing: list[tuple[str, list[str]]]) -> None:
        lines = [
            f"{who}: " + "; ".join(items) for who, items in missing
        ]
        super().__init__(
            f"Case {reference} is not ready for a WGEID submission. Missing — " + " | ".join(lines)
        )
        self.missing = missing


@dataclass(frozen=True)
class WgeidPerson:
    """One disappeared person's submission."""

    anchor: str
    person: PersonView
    date: str
    place: str
    location_type: str | None
    circumstances: str | None
    whereabouts: str
    victim_status: str
    forces: list[PerpetratorView]
    steps: list[InterventionView]
    procedure: str
    urgent: bool
    consent: list[ConsentView]
    consent_line: str


@dataclass(frozen=True)
class WgeidSubmission:
    """Everything the WGEID template prints."""

    reference: str
    submitter: str
    people: list[WgeidPerson]
    annex: list[EvidenceView]
    case: CaseView


def _missing_lines(readiness: WgeidReadiness) -> list[str]:
    return [f"{element.label} ({element.message})" for element in readiness.missing]


def check_wgeid_ready(
    records: CaseRecords,
    audience: DossierAudience | str,
    *,
    as_of: date,
    submitter: str,
) -> dict[int | None, WgeidReadiness]:
    """Each victim's readiness; raises `WgeidNotReady` (or `ReportRefused`) listing the gaps."""
    audience = DossierAudience(audience)
    if audience not in WGEID_AUDIENCES:
        raise ReportRefused(
            "A WGEID submission goes to the UN Working Group: make it for the UN (confidential) "
            "audience, or internal for review. It is never published."
        )
    check_admitted(records, audience)
    victims = records.victims()
    if not victims:
        raise WgeidNotReady(records.case.reference, [("The case", ["No victim is recorded."])])
    readiness = {
        victim.id: wgeid_readiness(
            victim,
            records.acts,
            records.involvements,
            records.interventions,
            records.consents,
            submitter=submitter,
            as_of=as_of,
        )
        for victim in victims
    }
    builder = CaseBuilder(records, redact_for(audience), as_of)
    missing = [
        (builder.label(victim.id), _missing_lines(readiness[victim.id]))
        for victim in victims
        if not readiness[victim.id].ready
    ]
    if missing:
        raise WgeidNotReady(records.case.reference, missing)
    return readiness


def build_wgeid_submission(
    records: CaseRecords,
    audience: DossierAudience | str,
    *,
    as_of: date,
    submitter: str,
) -> WgeidSubmission:
    """The WGEID submission for every victim of the case, or `WgeidNotReady` with the gaps."""
    readiness = check_wgeid_ready(records, audience, as_of=as_of, submitter=submitter)
    victims = records.victims()
    builder = CaseBuilder(records, redact_for(audience), as_of)
    case = builder.build(submitter)
    acts = {act.id: act for act in records.acts}
    allegations = {view.anchor: view for view in case.allegations}
    people = []
    for victim, profile in zip(victims, case.victims, strict=True):
        ready = readiness[victim.id]
        act = acts[ready.disappearance_act_id]
        alleged = allegations[f"case-{records.case.id}-act-{act.id}"]
        consent = [c for c in case.consents if c.victim == profile.label]
        people.append(
            WgeidPerson(
                anchor=f"wgeid-{victim.id}",
                person=profile,
                date=alleged.date,
                place=alleged.place or "",
                location_type=alleged.location_type,
                circumstances=alleged.description,
                whereabouts=alleged.whereabouts,
                victim_status=alleged.victim_status,
                forces=alleged.perpetrators,
                steps=case.interventions,
                procedure=ready.procedure.label,
                urgent=ready.procedure is WgeidProcedure.urgent,
                consent=consent,
                consent_line=_consent_line(consent),
            )
        )
    return WgeidSubmission(
        reference=records.case.reference,
        submitter=submitter,
        people=people,
        annex=case.evidence,
        case=case,
    )


def _consent_line(consents: list[ConsentView]) -> str:
    """The family's prior consent to transmission, in this edition's words (no names outside)."""
    valid = [
        c for c in consents if c.withdrawn is None and UN_SCOPE_LABEL in c.scopes
    ]
    if not valid:  # readiness already refused this; kept for a clear message if rules change
        return "No consent to transmission to UN mechanisms is on record."
    return (
        f"{valid[0].statement} The consent covers transmission of this case to the United "
        "Nations Working Group on Enforced or Involuntary Disappearances."
    )
