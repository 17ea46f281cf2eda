"""The audit trail is append-only and chained: tampering with any event is detected."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import select

from app.services.audit import verify_chain
from models.audit import GENESIS_HASH, AuditEvent
from models.user import Role


def _some_writes(client, auth) -> None:
    auth.login(Role.admin)
    for n in range(3):
        client.post(
            "/admin/users/new",
            data={
                "name": f"Person {n}",
                "email": f"p{n}@example.org",
                "role": "viewer",
                "password": "long enough password",
            },
        )


def test_chain_verifies_after_a_series_of_writes(client, auth, db) -> None:
    _some_writes(client, auth)
    events = db.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert len(events) >= 8  # 4 role accounts, a login, 3 new accounts
    assert events[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in zip(events, events[1:], strict=False))
    report = verify_chain(db)
    assert report.intact
    assert report.events_checked == len(events)


def test_audit_verify_command_names_the_first_tampered_event(client, auth, db, runner) -> None:
    _some_writes(client, auth)
    ok = runner.invoke(args=["audit", "verify"])
    assert ok.exit_code == 0
    assert "intact" in ok.output
    victim = db.exec(select(AuditEvent).order_by(AuditEvent.id).offset(3).limit(1)).one()
    db.execute(
        sa.text("UPDATE audit_event SET after_json = :v WHERE id = :id"),
        {"v": '{"role": "admin"}', "id": victim.id},
    )
    db.commit()
    broken = runner.invoke(args=["audit", "verify"])
    assert broken.exit_code == 1
    assert f"BROKEN at event {victim.id}" in broken.output


def test_deleting_an_event_breaks_the_chain(client, auth, db) -> None:
    _some_writes(client, auth)
    victim = db.exec(select(AuditEvent).order_by(AuditEvent.id).offset(2).limit(1)).one()
    db.execute(sa.text("DELETE FROM audit_event WHERE id = :id"), {"id": victim.id})
    db.commit()
    report = verify_chain(db)
    assert not report.intact
    assert report.first_broken_id == victim.id + 1


def test_audit_page_shows_who_did_what(client, auth) -> None:
    _some_writes(client, auth)
    page = client.get("/admin/audit?verify=1").data.decode()
    assert "Chain intact" in page
    assert "Test Admin" in page
    assert "create" in page
