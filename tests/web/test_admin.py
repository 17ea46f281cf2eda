"""Admins manage accounts; accounts are deactivated, never deleted; one admin always remains."""

from __future__ import annotations

from sqlmodel import select

from models.audit import AuditEvent
from models.user import Role, User


def test_admin_creates_an_account_that_can_then_sign_in(client, auth) -> None:
    auth.login(Role.admin)
    response = client.post(
        "/admin/users/new",
        data={
            "name": "Saima Qadir",
            "email": "Saima@Example.org",
            "role": "coordinator",
            "password": "a long new password",
        },
    )
    assert response.status_code == 302
    auth.logout()
    client.post("/login", data={"email": "saima@example.org", "password": "a long new password"})
    page = client.get("/")
    assert b"Saima Qadir" in page.data
    assert b"Coordinator" in page.data


def test_account_form_keeps_what_was_typed_and_marks_the_bad_field(client, auth) -> None:
    auth.login(Role.admin)
    response = client.post(
        "/admin/users/new",
        data={
            "name": "Hamid Gichki",
            "email": "not-an-email",
            "role": "viewer",
            "password": "short",
        },
    )
    assert response.status_code == 200
    html = response.data.decode()
    assert 'value="Hamid Gichki"' in html
    assert 'value="not-an-email"' in html
    assert "Enter a valid email address." in html
    assert "Use at least 12 characters." in html


def test_duplicate_email_is_refused_next_to_the_email_field(client, auth, accounts) -> None:
    auth.login(Role.admin)
    response = client.post(
        "/admin/users/new",
        data={
            "name": "Copy",
            "email": accounts[Role.viewer].email,
            "role": "viewer",
            "password": "another long password",
        },
    )
    assert b"already exists" in response.data


def test_admin_changes_a_role_and_the_change_is_audited(client, auth, accounts, db) -> None:
    auth.login(Role.admin)
    target = accounts[Role.viewer]
    response = client.post(f"/admin/users/{target.id}", data={"role": "documenter", "active": "y"})
    assert response.status_code == 302
    db.expire_all()
    assert db.get(User, target.id).role == Role.documenter
    event = db.exec(
        select(AuditEvent).where(AuditEvent.entity_type == "user", AuditEvent.action == "update")
    ).all()[-1]
    assert event.before == {"role": "viewer"}
    assert event.after == {"role": "documenter"}


def test_the_last_admin_cannot_be_deactivated(client, auth, accounts, db) -> None:
    auth.login(Role.admin)
    me = accounts[Role.admin]
    response = client.post(f"/admin/users/{me.id}", data={"role": "admin"})
    assert b"at least one active admin" in response.data
    db.expire_all()
    assert db.get(User, me.id).active


def test_user_list_shows_deactivated_accounts_instead_of_deleting_them(
    client, auth, accounts
) -> None:
    auth.login(Role.admin)
    target = accounts[Role.viewer]
    client.post(f"/admin/users/{target.id}", data={"role": "viewer"})
    listing = client.get("/admin/users").data.decode()
    assert target.email in listing
    assert "Deactivated" in listing
