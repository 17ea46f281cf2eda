"""The audit trail: append an event chained to the previous one, and verify the chain."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from app.services.actor import Actor
from models.audit import GENESIS_HASH, AuditEvent

# Any constant will do; it only has to be the same for every Casebook process.
_PG_AUDIT_LOCK = 0x0CA5EB00C


def to_json(values: dict[str, Any] | None) -> str | None:
    """Values as canonical JSON (dates as ISO text, enums by value)."""
    if values is None:
        return None
    return json.dumps(values, sort_keys=True, default=_json_default, ensure_ascii=False)


def _json_default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return str(value)


def record(
    session: Session,
    *,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: object | None = None,
    case_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain and flush it."""
    if session.get_bind().dialect.name == "postgresql":
        # Serialise writers on the chain's head; released when the transaction ends.
        session.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_AUDIT_LOCK})
    session.flush()
    head = session.exec(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()  # type: ignore[union-attr]
    event = AuditEvent(
        user_id=actor.user_id,
        action=action,
        entity_type=entity_type,
        entity_id=None if entity_id is None else str(entity_id),
        case_id=case_id,
        before_json=to_json(before),
        after_json=to_json(after),
        ip=actor.ip,
        prev_hash=head or GENESIS_HASH,
        hash="",
    )
    event.hash = event.compute_hash()
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True)
class ChainReport:
    """The outcome of checking the audit chain."""

    events_checked: int
    first_broken_id: int | None
    problem: str | None

    @property
    def intact(self) -> bool:
        return self.first_broken_id is None


def verify_chain(session: Session) -> ChainReport:
    """Walk the chain in order and report the first event whose links or content were altered."""
    expected_prev = GENESIS_HASH
    checked = 0
    for event in _events_in_order(session):
        checked += 1
        if event.prev_hash != expected_prev:
            return ChainReport(checked, event.id, "its link to the previous event is broken")
        if event.compute_hash() != event.hash:
            return ChainReport(checked, event.id, "its content does not match its hash")
        expected_prev = event.hash
    return ChainReport(checked, None, None)


def _events_in_order(session: Session) -> Iterator[AuditEvent]:
    statement = select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=1000)  # type: ignore[arg-type]
    yield from session.exec(statement)
