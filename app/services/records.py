"""Create, update and soft-delete any tracked row, with optimistic locking and an audit entry.

Area services build on these three so every write in Casebook is versioned and audited the same
way.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlmodel import Session, SQLModel

from app.errors import StaleEdit
from app.services import audit
from app.services.actor import Actor
from models.types import utcnow

T = TypeVar("T", bound=SQLModel)

# Never copied into the audit trail.
UNAUDITED_FIELDS = frozenset({"password_hash"})
BOOKKEEPING_FIELDS = frozenset({"updated_at", "updated_by_id", "version"})


def snapshot(row: SQLModel) -> dict[str, Any]:
    """The row's column values, as the audit trail records them."""
    return {name: value for name, value in row.model_dump().items() if name not in UNAUDITED_FIELDS}


def entity_name(row: SQLModel) -> str:
    return type(row).__tablename__  # type: ignore[return-value]


def create(session: Session, *, actor: Actor, row: T, case_id: int | None = None) -> T:
    """Insert `row` as written by `actor` and audit it."""
    if hasattr(row, "created_by_id"):
        row.created_by_id = actor.user_id  # type: ignore[attr-defined]
        row.updated_by_id = actor.user_id  # type: ignore[attr-defined]
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="create",
        entity_type=entity_name(row),
        entity_id=row.id,  # type: ignore[attr-defined]
        case_id=case_id,
        after=snapshot(row),
    )
    return row


def update(
    session: Session,
    *,
    actor: Actor,
    row: T,
    changes: dict[str, Any],
    expected_version: int | None,
    case_id: int | None = None,
) -> T:
    """Apply `changes` to `row` unless someone changed it since `expected_version`."""
    check_version(row, expected_version)
    before = snapshot(row)
    changed = {k: v for k, v in changes.items() if before.get(k, object()) != v}
    if not changed:
        return row
    row.sqlmodel_update(changed)
    _bump(row, actor)
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="update",
        entity_type=entity_name(row),
        entity_id=row.id,  # type: ignore[attr-defined]
        case_id=case_id,
        before={k: before.get(k) for k in changed},
        after={k: getattr(row, k) for k in changed},
    )
    return row


def soft_delete(
    session: Session,
    *,
    actor: Actor,
    row: T,
    expected_version: int | None = None,
    case_id: int | None = None,
    reason: str | None = None,
) -> T:
    """Hide `row` everywhere while keeping it, and audit why."""
    check_version(row, expected_version)
    row.deleted_at = utcnow()  # type: ignore[attr-defined]
    _bump(row, actor)
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="delete",
        entity_type=entity_name(row),
        entity_id=row.id,  # type: ignore[attr-defined]
        case_id=case_id,
        before=snapshot(row),
        after={"deleted_at": row.deleted_at, "reason": reason},  # type: ignore[attr-defined]
    )
    return row


def check_version(row: SQLModel, expected_version: int | None) -> None:
    """Refuse an edit based on a version of `row` that is no longer current."""
    current = getattr(row, "version", None)
    if expected_version is not None and current is not None and current != expected_version:
        raise StaleEdit(
            "Someone else changed this record while you were editing it. Their version is "
            "shown below; your changes were kept in the form. Review and save again.",
            current=snapshot(row),
        )


def _bump(row: SQLModel, actor: Actor) -> None:
    if hasattr(row, "version"):
        row.version += 1  # type: ignore[attr-defined]
    if hasattr(row, "updated_by_id"):
        row.updated_by_id = actor.user_id  # type: ignore[attr-defined]
    if hasattr(row, "updated_at"):
        row.updated_at = utcnow()  # type: ignore[attr-defined]
