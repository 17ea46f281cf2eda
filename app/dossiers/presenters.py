"""Dossier rows as the web pages show them, and the globals the case-page partial calls."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from flask_login import current_user
from sqlmodel import Session, col, select

from app.db import db_session
from app.security import Permission, user_can
from models.dossier import Dossier
from models.enums import DossierAudience, DossierKind, DossierStatus
from models.types import utcnow
from models.user import User
from reports.context import format_timestamp
from reports.dossier import dossier_code

# A part of a long report takes well under a minute; this long without progress means trouble.
STALLED_AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class DossierItem:
    """One dossier in a list or on its own page."""

    id: int
    code: str
    kind: str
    audience: str
    external: bool
    title: str
    status: str
    status_value: str
    progress_done: int
    progress_total: int
    requested_by: str
    requested_at: str
    finished_at: str | None
    sha256: str | None
    page_count: int | None
    error: str | None
    case_id: int | None
    cases: int
    stalled: bool = False

    @property
    def ready(self) -> bool:
        return self.status_value == DossierStatus.done.value

    @property
    def in_progress(self) -> bool:
        return self.status_value in (DossierStatus.queued.value, DossierStatus.running.value)

    @property
    def can_download(self) -> bool:
        """True when the signed-in user may download this edition."""
        needed = Permission.export_internal if not self.external else Permission.export_external
        return self.ready and user_can(current_user, needed)


def present(dossiers: list[Dossier], session: Session) -> list[DossierItem]:
    """Rows → display items, with requesters' names from one query."""
    ids = {d.created_by_id for d in dossiers if d.created_by_id is not None}
    names: dict[int | None, str] = {}
    if ids:
        names = dict(session.exec(select(User.id, User.name).where(col(User.id).in_(ids))).all())
    return [
        DossierItem(
            id=d.id or 0,
            code=dossier_code(d.id),
            kind=DossierKind(d.kind).label,
            audience=DossierAudience(d.audience).label,
            external=DossierAudience(d.audience) is not DossierAudience.internal,
            title=d.title,
            status=DossierStatus(d.status).label,
            status_value=DossierStatus(d.status).value,
            progress_done=d.progress_done,
            progress_total=d.progress_total,
            requested_by=names.get(d.created_by_id, "Casebook (command line)"),
            requested_at=format_timestamp(d.created_at),
            finished_at=format_timestamp(d.finished_at) if d.finished_at else None,
            sha256=d.sha256,
            page_count=d.page_count,
            error=d.error,
            case_id=d.case_id,
            cases=len(d.case_ids),
            stalled=_stalled(d),
        )
        for d in dossiers
    ]


def _stalled(dossier: Dossier) -> bool:
    """True when a job has shown no sign of life for a while (no worker, or it died)."""
    waiting = DossierStatus(dossier.status) in (DossierStatus.queued, DossierStatus.running)
    return waiting and utcnow() - dossier.updated_at > STALLED_AFTER


def progress_payload(dossier: Dossier) -> dict[str, Any]:
    """What the progress poller reads."""
    return {
        "id": dossier.id,
        "status": DossierStatus(dossier.status).value,
        "status_label": DossierStatus(dossier.status).label,
        "done": dossier.progress_done,
        "total": dossier.progress_total,
        "error": dossier.error,
        "page_count": dossier.page_count,
        "sha256": dossier.sha256,
    }


def case_dossiers(case_id: int, limit: int = 10) -> list[DossierItem]:
    """The latest dossiers of one case, for the case page."""
    from app.dossiers.services import recent_dossiers

    session = db_session()
    return present(recent_dossiers(session, case_id=case_id, limit=limit), session)


def can_make_dossiers() -> bool:
    """True when the signed-in user may make (internal) dossiers."""
    return user_can(current_user, Permission.export_internal)


def template_globals() -> dict[str, Any]:
    """What `dossiers/_case_dossiers.html` calls, for any page that includes it."""
    return {"case_dossiers": case_dossiers, "can_make_dossiers": can_make_dossiers}
