"""Local vocabulary terms (districts, forces, authorities…) that admins add beside HURIDOCS'."""

from __future__ import annotations

import re
import unicodedata

from sqlmodel import Session, select

from app.cases.services.common import normalise_text
from app.errors import InvalidInput, NotFound
from app.security import Permission
from app.services import records
from app.services.actor import Actor
from models.vocabulary import LOCAL_PREFIX, VocabularyTerm

MAX_LABEL = 300


def _code_for(label: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Z0-9]+", "-", ascii_text.upper()).strip("-")[:30]
    return LOCAL_PREFIX + (slug or "TERM")


def add_local_term(session: Session, *, actor: Actor, scheme: str, label: str) -> VocabularyTerm:
    """Add a local term to `scheme` (code "L-…" made from the label); refuses a duplicate label."""
    actor.require(Permission.manage_vocabularies)
    label = normalise_text(label)
    scheme = scheme.strip()
    if not scheme:
        raise InvalidInput("Pick the vocabulary to add the term to.", field="scheme")
    if not label:
        raise InvalidInput("Type the term as documenters should see it.", field="label")
    if len(label) > MAX_LABEL:
        raise InvalidInput(f"Keep the term under {MAX_LABEL} characters.", field="label")
    terms = session.exec(select(VocabularyTerm).where(VocabularyTerm.scheme == scheme)).all()
    if any(t.label.casefold() == label.casefold() for t in terms):
        raise InvalidInput(f"“{label}” is already in this vocabulary.", field="label")
    codes = {t.code for t in terms}
    base = code = _code_for(label)
    counter = 2
    while code in codes:
        code = f"{base}-{counter}"
        counter += 1
    term = VocabularyTerm.model_validate(
        {"scheme": scheme, "code": code, "label": label, "is_local": True}
    )
    return records.create(session, actor=actor, row=term)


def set_term_active(
    session: Session, *, actor: Actor, term_id: int, active: bool
) -> VocabularyTerm:
    """Hide a term from suggestions (or show it again); terms are never deleted."""
    actor.require(Permission.manage_vocabularies)
    term = session.get(VocabularyTerm, term_id)
    if term is None:
        raise NotFound("No such vocabulary term.")
    return records.update(
        session, actor=actor, row=term, changes={"active": active}, expected_version=None
    )


def schemes(session: Session) -> list[str]:
    """Every vocabulary scheme with at least one term, local schemes first."""
    names = set(session.exec(select(VocabularyTerm.scheme).distinct()).all())
    local = ["district", "force", "authority", "province"]
    return [s for s in local if s in names] + sorted(names - set(local))


def term_labels(session: Session, scheme: str) -> list[str]:
    """Labels of the active terms of `scheme`, for a form's suggestions."""
    return list(
        session.exec(
            select(VocabularyTerm.label)
            .where(VocabularyTerm.scheme == scheme, VocabularyTerm.active)
            .order_by(VocabularyTerm.is_local.desc(), VocabularyTerm.label)  # type: ignore[attr-defined]
        ).all()
    )
