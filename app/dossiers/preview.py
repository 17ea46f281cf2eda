"""What each audience's edition of a case would hide: shown before anyone makes a dossier."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.enums import DossierAudience
from models.types import utcnow
from reports.context import ReportRefused, build_case_view
from reports.records import CaseRecords
from reports.redaction import redact_for
from reports.wgeid import WGEID_AUDIENCES, WgeidNotReady, check_wgeid_ready


@dataclass(frozen=True)
class AudiencePreview:
    """One audience: whether the case may go to it, who is named, what is withheld."""

    audience: str
    marking: str
    refusal: str | None
    victims: str
    withheld: list[str] = field(default_factory=list)
    wgeid: str | None = None
    wgeid_missing: list[str] = field(default_factory=list)


def _wgeid(
    records: CaseRecords, audience: DossierAudience, organisation: str
) -> tuple[str | None, list[str]]:
    if audience not in WGEID_AUDIENCES:
        return None, []
    try:
        check_wgeid_ready(records, audience, as_of=utcnow().date(), submitter=organisation)
    except WgeidNotReady as error:
        return "Not ready for a WGEID submission", [
            f"{who}: {item}" for who, items in error.missing for item in items
        ]
    except ReportRefused as error:
        return error.message, []
    return "Ready for a WGEID submission", []


def audience_previews(records: CaseRecords, *, organisation: str) -> list[AudiencePreview]:
    """A preview of every audience's edition of this case."""
    previews = []
    for audience in DossierAudience:
        policy = redact_for(audience)
        try:
            view = build_case_view(
                records, audience, as_of=utcnow().date(), organisation=organisation
            )
        except ReportRefused as error:
            previews.append(AudiencePreview(audience.label, policy.marking, error.message, "—"))
            continue
        wgeid, missing = _wgeid(records, audience, organisation)
        previews.append(
            AudiencePreview(
                audience=audience.label,
                marking=policy.marking,
                refusal=None,
                victims=view.victim_labels,
                withheld=view.withheld or ["Nothing: everything on record is included."],
                wgeid=wgeid,
                wgeid_missing=missing,
            )
        )
    return previews
