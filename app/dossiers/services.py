"""Dossier rows: request one (checked and audited), record progress, the result or the failure,
and hand out the file (audited, with an "exported" custody event for each evidence file listed).

Who may do what: documenters and above make and download internal editions
(`Permission.export_internal`); only coordinators and admins make or download editions for the
UN or the public (`Permission.export_external`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from app.errors import CasebookError, InvalidInput, NotFound
from app.evidence.services import record_custody
from app.security import Permission
from app.services import audit
from app.services.actor import Actor
from models.case import Case
from models.dossier import Dossier
from models.enums import CustodyAction, DossierAudience, DossierKind, DossierStatus
from models.evidence import Evidence
from models.types import utcnow
from models.user import User
from reports.context import ReportRefused, check_admitted
from reports.dossier import DossierOrder, dossier_code
from reports.records import load_one_case
from reports.wgeid import check_wgeid_ready

# Kinds whose PDF lists evidence files (file name, hash): downloading them exports those files.
KINDS_LISTING_EVIDENCE = frozenset({DossierKind.case, DossierKind.wgeid})


def required_permission(audience: DossierAudience) -> Permission:
    """What making or downloading an edition for `audience` needs."""
    if DossierAudience(audience) is DossierAudience.internal:
        return Permission.export_internal
    return Permission.export_external


def allowed_audiences(actor: Actor) -> list[DossierAudience]:
    """The audiences this actor may make dossiers for."""
    return [a for a in DossierAudience if actor.can(required_permission(a))]


def _refusal(error: ReportRefused, field: str | None = None) -> InvalidInput:
    return InvalidInput(error.message, field=field)


def check_case_order(
    session: Session,
    *,
    case_id: int,
    kind: DossierKind,
    audience: DossierAudience,
    organisation: str,
) -> None:
    """Refuse now, with what to fix, a single-case dossier the job would refuse later."""
    records = load_one_case(session, case_id)
    if records is None:
        raise NotFound("No such case (it may have been deleted).")
    try:
        check_admitted(records, audience)
        if kind is DossierKind.wgeid:
            check_wgeid_ready(records, audience, as_of=utcnow().date(), submitter=organisation)
    except ReportRefused as error:
        raise _refusal(error, field="kind" if kind is DossierKind.wgeid else "audience") from error


def request_dossier(
    session: Session,
    *,
    actor: Actor,
    kind: DossierKind,
    audience: DossierAudience,
    case_ids: list[int],
    organisation: str,
    title: str,
    filters: dict[str, Any] | None = None,
) -> Dossier:
    """Record a queued dossier after checking the actor's rights and the case's readiness."""
    kind, audience = DossierKind(kind), DossierAudience(audience)
    actor.require(Permission.export_internal)
    actor.require(required_permission(audience))
    if kind is not DossierKind.advocacy:
        if len(case_ids) != 1:
            raise InvalidInput("A case dossier or WGEID submission covers exactly one case.")
        check_case_order(
            session, case_id=case_ids[0], kind=kind, audience=audience, organisation=organisation
        )
    elif not case_ids:
        raise InvalidInput("No case matches this search: there is nothing to report on.")
    dossier = Dossier.model_validate(
        {
            "kind": kind,
            "audience": audience,
            "title": title[:300],
            "case_id": case_ids[0] if kind is not DossierKind.advocacy else None,
            "created_by_id": actor.user_id,
            "status": DossierStatus.queued,
            "progress_total": len(case_ids),
        }
    )
    dossier.set_case_ids(case_ids)
    dossier.filters_json = _json(filters or {})
    session.add(dossier)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="dossier.request",
        entity_type="dossier",
        entity_id=dossier.id,
        case_id=dossier.case_id,
        after={
            "kind": kind,
            "audience": audience,
            "case_ids": case_ids,
            "filters": filters or {},
        },
    )
    return dossier


def _json(values: dict[str, Any]) -> str:
    return json.dumps(values, sort_keys=True, ensure_ascii=False)


def get_dossier(session: Session, dossier_id: int) -> Dossier:
    """The dossier row, or NotFound."""
    dossier = session.get(Dossier, dossier_id)
    if dossier is None:
        raise NotFound("No such dossier.")
    return dossier


def order_for(session: Session, dossier: Dossier, *, organisation: str) -> DossierOrder:
    """What the renderer needs to produce this dossier, from its row."""
    author = session.get(User, dossier.created_by_id) if dossier.created_by_id else None
    selection = [str(line) for line in dossier.filters.get("description", [])]
    return DossierOrder(
        kind=DossierKind(dossier.kind),
        audience=DossierAudience(dossier.audience),
        case_ids=dossier.case_ids,
        dossier_id=dossier.id,
        generated_at=dossier.created_at,
        organisation=organisation,
        prepared_by=author.name if author else organisation,
        selection=selection,
    )


def mark_running(session: Session, dossier: Dossier) -> None:
    """The job has started."""
    dossier.status = DossierStatus.running
    dossier.error = None
    dossier.updated_at = utcnow()
    session.add(dossier)
    session.flush()


def record_progress(session: Session, dossier: Dossier, done: int, total: int) -> None:
    """Cases rendered so far, of how many."""
    dossier.progress_done, dossier.progress_total = done, total
    dossier.updated_at = utcnow()
    session.add(dossier)
    session.flush()


def record_result(
    session: Session, dossier: Dossier, *, sha256: str, page_count: int, file_name: str
) -> None:
    """The finished PDF: its hash, length and stored name; audited as generated."""
    dossier.sha256, dossier.page_count, dossier.file_path = sha256, page_count, file_name
    dossier.progress_done = dossier.progress_total
    _finish(session, dossier, DossierStatus.done, "dossier.generate",
            {"sha256": sha256, "page_count": page_count, "requested_by": dossier.created_by_id})


def record_failure(session: Session, dossier: Dossier, message: str) -> None:
    """The job failed: keep the reason where the requester will see it."""
    dossier.error = message
    _finish(session, dossier, DossierStatus.failed, "dossier.fail", {"error": message})


def _finish(session: Session, dossier: Dossier, status: DossierStatus, action: str,
            after: dict[str, Any]) -> None:
    dossier.status = status
    dossier.finished_at = dossier.updated_at = utcnow()
    session.add(dossier)
    session.flush()
    audit.record(session, actor=Actor.system(), action=action, entity_type="dossier",
                 entity_id=dossier.id, case_id=dossier.case_id, after=after)


def listed_evidence(session: Session, dossier: Dossier) -> list[Evidence]:
    """The evidence files the dossier's annex listed: those of its case(s) live when it was made."""
    if DossierKind(dossier.kind) not in KINDS_LISTING_EVIDENCE or not dossier.case_ids:
        return []
    made: datetime = dossier.created_at
    rows = session.exec(
        select(Evidence)
        .where(col(Evidence.case_id).in_(dossier.case_ids), Evidence.created_at <= made)
        .order_by(col(Evidence.id))
    ).all()
    return [row for row in rows if row.deleted_at is None or row.deleted_at > made]


@dataclass(frozen=True)
class DossierFile:
    """A dossier ready to send: where its bytes are and the name to save them under."""

    path: Path
    download_name: str


def download_name(session: Session, dossier: Dossier) -> str:
    """"BAL-2026-0042-case-dossier-public-D-000042.pdf"."""
    case = session.get(Case, dossier.case_id) if dossier.case_id else None
    prefix = case.reference if case else "report"
    kind = {"case": "case-dossier", "wgeid": "wgeid", "advocacy": "advocacy-report"}[
        DossierKind(dossier.kind).value
    ]
    audience = DossierAudience(dossier.audience).value.replace("_", "-")
    return f"{prefix}-{kind}-{audience}-{dossier_code(dossier.id)}.pdf"


def release_dossier(
    session: Session, *, actor: Actor, dossier: Dossier, path: Path
) -> DossierFile:
    """Check rights and integrity, then audit the download and the export of listed evidence."""
    actor.require(Permission.export_internal)
    actor.require(required_permission(DossierAudience(dossier.audience)))
    if dossier.status != DossierStatus.done or not dossier.file_path:
        raise InvalidInput("This dossier is not ready yet.")
    if not path.is_file():
        raise CasebookError("The stored PDF is missing; make the dossier again.")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != dossier.sha256:
        raise CasebookError(
            "The stored PDF does not match the fingerprint recorded when it was made; it was "
            "not sent. Make the dossier again and tell an administrator."
        )
    audit.record(
        session,
        actor=actor,
        action="dossier.download",
        entity_type="dossier",
        entity_id=dossier.id,
        case_id=dossier.case_id,
        after={
            "kind": dossier.kind,
            "audience": dossier.audience,
            "sha256": dossier.sha256,
        },
    )
    for evidence in listed_evidence(session, dossier):
        record_custody(
            session,
            actor=actor,
            evidence=evidence,
            action=CustodyAction.exported,
            dossier_id=dossier.id,
        )
    return DossierFile(path, download_name(session, dossier))


def recent_dossiers(
    session: Session, *, case_id: int | None = None, limit: int = 50, offset: int = 0
) -> list[Dossier]:
    """Dossiers newest first, optionally only those of one case."""
    query = select(Dossier).order_by(col(Dossier.id).desc()).offset(offset).limit(limit)
    if case_id is not None:
        query = query.where(Dossier.case_id == case_id)
    return list(session.exec(query).all())
