"""In a real Chromium: sign in with an account, see the dashboard, sign out."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from models.user import Role
from tests.conftest import PASSWORD, create_account

pytestmark = pytest.mark.browser


def test_sign_in_see_dashboard_and_sign_out(live_server, page) -> None:
    with (
        live_server.app.app_context(),
        Session(live_server.app.extensions["casebook.engine"]) as db,
    ):
        account = create_account(db, Role.coordinator, email="zarina@example.org")

    page.goto(live_server.url + "/")
    assert page.url.startswith(live_server.url + "/login")
    page.get_by_label("Email").fill(account.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.get_by_role("heading", name="Dashboard").wait_for()
    assert "Signed in as Test Coordinator" in page.content()
    assert page.get_by_role("link", name="Audit trail").is_visible()
    assert page.get_by_role("link", name="Accounts").count() == 0

    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("heading", name="Sign in to Casebook").wait_for()
    page.goto(live_server.url + "/")
    assert "/login" in page.url


def test_wrong_password_shows_the_error_and_keeps_the_email(live_server, page) -> None:
    page.goto(live_server.url + "/login")
    page.get_by_label("Email").fill("someone@example.org")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text("Email or password is wrong.").wait_for()
    assert page.get_by_label("Email").input_value() == "someone@example.org"
