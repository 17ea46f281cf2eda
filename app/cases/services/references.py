"""Case references such as `BAL-2026-0042`: a prefix, the year of creation, the next number.

Numbering is serialised so two documenters saving at the same moment never get one number:
on PostgreSQL by a transaction-scoped advisory lock, on SQLite by taking the database's write
lock before reading the highest number. Both are released when the request's transaction ends.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import current_app, has_app_context
from sqlmodel import Session, select

from models.case import Case

DEFAULT_PREFIX = "BAL"
_PG_NUMBERING_LOCK = 0x0CA5E2EF  # any constant; the same for every Casebook process
_SKIPPABLE = 50


def configured_prefix() -> str:
    """The organisation's reference prefix from settings (`CASEBOOK_CASE_REFERENCE_PREFIX`)."""
    if not has_app_context():
        return DEFAULT_PREFIX
    settings = current_app.extensions.get("casebook.settings")
    return getattr(settings, "case_reference_prefix", None) or DEFAULT_PREFIX


def format_reference(prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:04d}"


def allocate_reference(session: Session, *, prefix: str, year: int) -> str:
    """The next unused reference for `prefix` and `year`; call it right before inserting."""
    _lock_numbering(session)
    stem = f"{prefix}-{year}-"
    # Fast path: the newest case usually carries the year's highest number. Two index seeks
    # check it; references written by other means (imports, demo data) fall back to a count.
    newest = session.exec(select(Case.reference).order_by(Case.id.desc()).limit(1)).first()  # type: ignore[union-attr]
    number = _number(newest, stem)
    top = _number(_last_in_order(session, stem), stem)
    if number is None or (top is not None and top > number and _width(top) >= _width(number)):
        number = _highest_number(session, stem)
    candidate = format_reference(prefix, year, number + 1)
    if _exists(session, candidate):
        candidate = format_reference(prefix, year, _highest_number(session, stem) + 1)
    return candidate


def _lock_numbering(session: Session) -> None:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_NUMBERING_LOCK})
    elif dialect == "sqlite":
        # A write statement (matching nothing) begins the write transaction, so no other
        # writer can add a case between our read of the highest number and our insert.
        session.execute(sa.text("UPDATE case_file SET version = version WHERE 0 = 1"))


def _number(reference: str | None, stem: str) -> int | None:
    if reference and reference.startswith(stem) and reference[len(stem) :].isdigit():
        return int(reference[len(stem) :])
    return None


def _width(number: int) -> int:
    return len(f"{number:04d}")


def _range(stem: str) -> tuple[Any, ...]:
    upper = stem[:-1] + chr(ord(stem[-1]) + 1)  # "BAL-2026-" .. "BAL-2026."
    return (Case.reference >= stem, Case.reference < upper)


def _last_in_order(session: Session, stem: str) -> str | None:
    """The alphabetically last reference of the year: the highest while numbers have 4 digits."""
    return session.exec(
        select(Case.reference).where(*_range(stem)).order_by(Case.reference.desc()).limit(1)  # type: ignore[attr-defined]
    ).first()


def _highest_number(session: Session, stem: str) -> int:
    # Longest first, then highest: "BAL-2026-10000" beats "BAL-2026-9999". The database sorts;
    # a few extra rows skip any reference whose tail is not a number.
    references = session.exec(
        select(Case.reference)
        .where(*_range(stem))
        .order_by(sa.func.length(Case.reference).desc(), Case.reference.desc())  # type: ignore[attr-defined]
        .limit(_SKIPPABLE)
    ).all()
    numbers = [n for n in (_number(r, stem) for r in references) if n is not None]
    return max(numbers, default=0)


def _exists(session: Session, reference: str) -> bool:
    return session.exec(select(Case.id).where(Case.reference == reference)).first() is not None
