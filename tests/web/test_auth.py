"""Signing in: passwords, lockout, deactivation, CSRF, redirects and cookies."""

from __future__ import annotations

import re

from flask import Flask

from models.user import Role, User
from tests.conftest import PASSWORD, create_account


def test_sign_in_with_the_right_password_opens_the_dashboard(client, auth) -> None:
    response = auth.login(Role.documenter)
    assert response.status_code == 302
    page = client.get("/")
    assert page.status_code == 200
    assert b"Dashboard" in page.data
    assert b"Signed in as Test Documenter" in page.data


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(client, auth) -> None:
    response = auth.login(Role.documenter, password="not the password")
    assert response.status_code == 200
    assert b"Email or password is wrong." in response.data
    assert client.get("/").status_code == 302


def test_unknown_email_gets_the_same_message(client) -> None:
    response = client.post("/login", data={"email": "nobody@example.org", "password": "x" * 12})
    assert b"Email or password is wrong." in response.data


def test_account_locks_after_repeated_failures_even_for_the_right_password(
    app, client, accounts, db
) -> None:
    account = accounts[Role.documenter]
    for _ in range(app.extensions["casebook.settings"].login_attempts_before_lockout):
        client.post("/login", data={"email": account.email, "password": "wrong password!"})
    response = client.post("/login", data={"email": account.email, "password": PASSWORD})
    assert b"locked" in response.data
    assert client.get("/").status_code == 302
    db.expire_all()
    assert db.get(User, account.id).locked_until is not None


def test_a_deactivated_user_cannot_sign_in(client, accounts, runner) -> None:
    account = accounts[Role.documenter]
    result = runner.invoke(args=["user", "deactivate", "--email", account.email])
    assert result.exit_code == 0, result.output
    response = client.post("/login", data={"email": account.email, "password": PASSWORD})
    assert b"deactivated" in response.data
    assert client.get("/").status_code == 302


def test_deactivating_a_signed_in_user_ends_their_session(client, auth, accounts, runner) -> None:
    auth.login(Role.documenter)
    assert client.get("/").status_code == 200
    runner.invoke(args=["user", "deactivate", "--email", accounts[Role.documenter].email])
    assert client.get("/").status_code == 302


def test_sign_in_redirects_back_to_the_page_asked_for_but_never_off_site(client, accounts) -> None:
    account = accounts[Role.admin]
    response = client.get("/admin/users")
    assert response.status_code == 302
    assert "next=/admin/users" in response.headers["Location"]
    ok = client.post(
        "/login", data={"email": account.email, "password": PASSWORD, "next": "/admin/users"}
    )
    assert ok.headers["Location"] == "/admin/users"
    client.post("/logout")
    evil = client.post(
        "/login",
        data={"email": account.email, "password": PASSWORD, "next": "https://evil.example/x"},
    )
    assert evil.headers["Location"] == "/"


def test_sign_out_needs_a_post(client, auth) -> None:
    auth.login()
    assert client.get("/logout").status_code == 405
    auth.logout()
    assert client.get("/").status_code == 302


def test_session_cookie_is_httponly_and_samesite(client, auth) -> None:
    response = auth.login()
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_pages_carry_a_strict_content_security_policy(client, auth) -> None:
    auth.login()
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def _csrf_token(html: bytes) -> str:
    match = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        rb'name="csrf_token" value="([^"]+)"', html
    )
    assert match, "no CSRF token on the page"
    return match.group(1).decode()


def test_every_post_route_rejects_a_request_without_a_csrf_token(csrf_app: Flask, db) -> None:
    with csrf_app.app_context():
        account = create_account(db, Role.admin)
    client = csrf_app.test_client()
    login_page = client.get("/login")
    signed_in = client.post(
        "/login",
        data={
            "email": account.email,
            "password": PASSWORD,
            "csrf_token": _csrf_token(login_page.data),
        },
    )
    assert signed_in.status_code == 302
    post_routes = [
        rule for rule in csrf_app.url_map.iter_rules() if "POST" in (rule.methods or set())
    ]
    assert post_routes
    for rule in post_routes:
        url = re.sub(r"<(?:\w+:)?(\w+)>", "1", rule.rule)
        response = client.post(url, data={"anything": "x"})
        assert response.status_code == 400, (rule.rule, response.status_code)
        assert b"CSRF" in response.data


def test_sign_in_without_a_csrf_token_is_rejected(csrf_app: Flask, db) -> None:
    with csrf_app.app_context():
        account = create_account(db, Role.viewer)
    response = csrf_app.test_client().post(
        "/login", data={"email": account.email, "password": PASSWORD}
    )
    assert response.status_code == 400
