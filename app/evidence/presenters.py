"""Evidence rows turned into plain values for templates (names, sizes, short hashes, links)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import url_for
from flask_login import current_user

from app.db import db_session
from app.evidence.forms import EvidenceUploadForm
from app.evidence.media_types import is_inline_image, media_label
from app.evidence.services import evidence_for_case, user_names
from app.evidence.storage import format_size
from app.security import Permission, user_can
from models.evidence import Evidence

SHORT_HASH_LENGTH = 12


def present_evidence(evidence: Evidence, names: dict[int, str]) -> dict[str, Any]:
    """One evidence row as plain values, with the links a template needs."""
    return {
        "id": evidence.id,
        "case_id": evidence.case_id,
        "original_filename": evidence.original_filename,
        "media_type": evidence.media_type,
        "media_label": media_label(evidence.media_type),
        "size_bytes": evidence.size_bytes,
        "size": format_size(evidence.size_bytes),
        "sha256": evidence.sha256,
        "sha256_short": evidence.sha256[:SHORT_HASH_LENGTH],
        "captured_at": _utc_text(evidence.captured_at),
        "captured_at_iso": evidence.captured_at.isoformat() if evidence.captured_at else "",
        "captured_by": evidence.captured_by or "",
        "original_url": evidence.original_url or "",
        "description": evidence.description,
        "uploaded_at": _utc_text(evidence.created_at),
        "uploaded_by": names.get(evidence.created_by_id or 0, "Casebook"),
        "version": evidence.version,
        "detail_url": url_for("evidence.detail", evidence_id=evidence.id),
        "download_url": url_for("evidence.download", evidence_id=evidence.id),
        "image_url": url_for("evidence.image", evidence_id=evidence.id)
        if is_inline_image(evidence.media_type)
        else None,
    }


def case_evidence(case_id: int) -> list[dict[str, Any]]:
    """The case's evidence (not deleted) as plain values; listing is not a custody event."""
    session = db_session()
    rows = evidence_for_case(session, int(case_id))
    names = user_names(session, {row.created_by_id for row in rows})
    return [present_evidence(row, names) for row in rows]


def evidence_upload_form() -> EvidenceUploadForm | None:
    """An empty upload form for users who may upload, else None."""
    if not user_can(current_user, Permission.edit_cases):
        return None
    return EvidenceUploadForm(formdata=None, captured_by=current_user.name)


def template_globals() -> dict[str, Any]:
    """What `evidence/_case_evidence.html` calls, for any page that includes it."""
    return {"case_evidence": case_evidence, "evidence_upload_form": evidence_upload_form}


def _utc_text(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else ""
