"""Evidence: attach a file to a case, keep its chain of custody, soft-delete, and look it up.

Every handling of a file (upload, view, download, export in a dossier) goes through
`record_custody`, which writes a `CustodyEvent` and an audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from sqlmodel import Session, col, func, select

from app.errors import InvalidInput, NotFound
from app.evidence.storage import EvidenceStore, display_filename, evidence_store
from app.security import Permission
from app.services import audit, records
from app.services.actor import Actor
from models.case import Case
from models.enums import CustodyAction
from models.evidence import CustodyEvent, Evidence
from models.types import utcnow
from models.user import User

# Cameras and phones drift; a capture time a little ahead of the server's clock is not an error.
CLOCK_SKEW = timedelta(minutes=10)
MAX_URL_LENGTH = 2000


@dataclass(frozen=True)
class UploadOutcome:
    """What an upload did: the case's evidence row, and whether anything new was made."""

    evidence: Evidence
    created: bool  # False: these exact bytes were already attached to this case
    file_was_new: bool  # False: the store already held these bytes (this or another case)


@dataclass(frozen=True)
class CustodyEntry:
    """One line of a file's custody log, ready to show."""

    at: datetime
    action: CustodyAction
    user_name: str
    ip: str | None
    dossier_id: int | None


def upload_evidence(
    session: Session,
    *,
    actor: Actor,
    case_id: int,
    stream: BinaryIO,
    filename: str | None,
    store: EvidenceStore,
    max_bytes: int,
    description: str = "",
    captured_at: datetime | None = None,
    captured_by: str | None = None,
    original_url: str | None = None,
) -> UploadOutcome:
    """Store the file's bytes under their SHA-256 and attach them to the case (once per case)."""
    actor.require(Permission.edit_cases)
    case = _live_case(session, case_id)
    url = check_original_url(original_url)
    captured = check_captured_at(captured_at)
    stored = store.save(stream, max_bytes=max_bytes)
    existing = session.exec(
        select(Evidence).where(
            Evidence.case_id == case_id,
            Evidence.sha256 == stored.sha256,
            col(Evidence.deleted_at).is_(None),
        )
    ).first()
    if existing is not None:
        return UploadOutcome(existing, created=False, file_was_new=False)
    evidence = Evidence.model_validate(
        {
            "case_id": case.id,
            "sha256": stored.sha256,
            "original_filename": display_filename(filename),
            "media_type": stored.media_type,
            "size_bytes": stored.size_bytes,
            "captured_at": captured,
            "captured_by": (captured_by or "").strip() or _user_name(session, actor),
            "original_url": url,
            "description": (description or "").strip(),
        }
    )
    records.create(session, actor=actor, row=evidence, case_id=case.id)
    record_custody(session, actor=actor, evidence=evidence, action=CustodyAction.uploaded)
    return UploadOutcome(evidence, created=True, file_was_new=not stored.already_stored)


def record_custody(
    session: Session,
    *,
    actor: Actor,
    evidence: Evidence,
    action: CustodyAction,
    dossier_id: int | None = None,
) -> CustodyEvent:
    """Log one handling of an evidence file in its custody log and in the audit trail.

    Dossier builders call this with `CustodyAction.exported` and the dossier's id for every file
    they include.
    """
    actor.require(Permission.view_cases)
    event = CustodyEvent.model_validate(
        {
            "evidence_id": evidence.id,
            "user_id": actor.user_id,
            "action": action,
            "at": utcnow(),
            "ip": actor.ip,
            "dossier_id": dossier_id,
        }
    )
    session.add(event)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action=action.value,
        entity_type="evidence",
        entity_id=evidence.id,
        case_id=evidence.case_id,
        after={
            "original_filename": evidence.original_filename,
            "sha256": evidence.sha256,
            "dossier_id": dossier_id,
        },
    )
    return event


def delete_evidence(
    session: Session,
    *,
    actor: Actor,
    evidence: Evidence,
    reason: str,
    expected_version: int | None,
) -> Evidence:
    """Hide an evidence row from the case (the stored file stays), with a written reason."""
    actor.require(Permission.review_cases)
    if not reason.strip():
        raise InvalidInput("Say why this evidence is being removed.", field="reason")
    return records.soft_delete(
        session,
        actor=actor,
        row=evidence,
        expected_version=expected_version,
        case_id=evidence.case_id,
        reason=reason.strip(),
    )


def get_evidence(session: Session, evidence_id: int) -> Evidence:
    """The evidence row, unless it does not exist or was deleted."""
    evidence = session.get(Evidence, evidence_id)
    if evidence is None or evidence.deleted_at is not None:
        raise NotFound("No such evidence file (it may have been removed).")
    return evidence


def evidence_for_case(session: Session, case_id: int) -> list[Evidence]:
    """The case's evidence that has not been deleted, in upload order."""
    return list(
        session.exec(
            select(Evidence)
            .where(Evidence.case_id == case_id, col(Evidence.deleted_at).is_(None))
            .order_by(col(Evidence.id))
        )
    )


def evidence_file_path(evidence: Evidence) -> Path:
    """Where the stored bytes of `evidence` are (inside an app context)."""
    return evidence_store().path_for(evidence.sha256)


def custody_log(session: Session, evidence: Evidence) -> list[CustodyEntry]:
    """Every handling of this evidence row, oldest first, with the person's name."""
    rows = session.exec(
        select(CustodyEvent, User.name)
        .join(User, col(User.id) == CustodyEvent.user_id, isouter=True)
        .where(CustodyEvent.evidence_id == evidence.id)
        .order_by(col(CustodyEvent.id))
    ).all()
    return [
        CustodyEntry(
            event.at, CustodyAction(event.action), name or "Casebook", event.ip, event.dossier_id
        )
        for event, name in rows
    ]


def other_cases_sharing_file(session: Session, evidence: Evidence) -> int:
    """How many other cases have these same bytes attached."""
    return session.exec(
        select(func.count(func.distinct(Evidence.case_id))).where(
            Evidence.sha256 == evidence.sha256,
            Evidence.case_id != evidence.case_id,
            col(Evidence.deleted_at).is_(None),
        )
    ).one()


def user_names(session: Session, user_ids: set[int | None]) -> dict[int, str]:
    """Names of the given users, by id."""
    wanted = {user_id for user_id in user_ids if user_id is not None}
    if not wanted:
        return {}
    return dict(session.exec(select(User.id, User.name).where(col(User.id).in_(wanted))).all())  # type: ignore[arg-type]


def check_original_url(url: str | None) -> str | None:
    """The original URL, trimmed; only http and https addresses with a host are accepted."""
    url = (url or "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        raise InvalidInput(
            "Give the web address starting with http:// or https://.", field="original_url"
        )
    if len(url) > MAX_URL_LENGTH:
        raise InvalidInput(
            f"This address is longer than {MAX_URL_LENGTH} characters.", field="original_url"
        )
    return url


def check_captured_at(captured_at: datetime | None) -> datetime:
    """The capture time in UTC (naive times are read as UTC); now when not given; never future."""
    now = utcnow()
    if captured_at is None:
        return now
    if captured_at.tzinfo is None:
        captured_at = captured_at.replace(tzinfo=UTC)
    if captured_at > now + CLOCK_SKEW:
        raise InvalidInput(
            "The capture time is in the future. Enter it in UTC (Pakistan time minus 5 hours).",
            field="captured_at",
        )
    return captured_at.astimezone(UTC)


def _live_case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.deleted_at is not None:
        raise NotFound("No such case.")
    return case


def _user_name(session: Session, actor: Actor) -> str | None:
    user = session.get(User, actor.user_id) if actor.user_id is not None else None
    return user.name if user is not None else None
