"""In a real Chromium: a session that expires mid-entry loses nothing the user typed."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from models.user import Role
from tests.conftest import PASSWORD, create_account

pytestmark = pytest.mark.browser

NAME = "Draft Person Kenazai"


def _sign_in(page, email: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_typed_case_comes_back_after_the_session_expired_on_save(live_server, page) -> None:  # type: ignore[no-untyped-def]
    engine = live_server.app.extensions["casebook.engine"]
    with live_server.app.app_context(), Session(engine) as db:
        account = create_account(db, Role.documenter)

    page.goto(live_server.url + "/login")
    _sign_in(page, account.email)
    page.goto(live_server.url + "/cases/new")
    page.locator("input[name='victim-full_name']").fill(NAME)
    page.locator("textarea[name='narrative']").fill("Taken at night by men in plain clothes.")
    page.wait_for_timeout(700)  # the draft is saved 0.4 s after typing stops

    page.context.clear_cookies()  # the session expires while the user is away
    page.get_by_role("button", name="Create case").click()

    page.get_by_text("Your session had expired").wait_for()
    _sign_in(page, account.email)
    page.get_by_role("button", name="Restore my draft").click()
    assert page.locator("input[name='victim-full_name']").input_value() == NAME
    narrative = page.locator("textarea[name='narrative']").input_value()
    assert narrative == "Taken at night by men in plain clothes."
