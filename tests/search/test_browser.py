"""In a real Chromium: filters apply as they are ticked, and a person being entered is
compared live with the people on record."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from models.user import Role
from tests.conftest import PASSWORD, create_account
from tests.search.helpers import add_case

pytestmark = pytest.mark.browser


def _sign_in(live_server, page, role: Role):  # type: ignore[no-untyped-def]
    with (
        live_server.app.app_context(),
        Session(live_server.app.extensions["casebook.engine"], expire_on_commit=False) as db,
    ):
        account = create_account(db, role)
        first = add_case(
            db,
            title="Case in Turbat",
            victim="Muhammad Baloch",
            victim_fields={"father_name": "Abdul Karim"},
        )
        add_case(db, title="Arrest in Quetta", victim="Aslam Bugti", district="Quetta")
    page.goto(live_server.url + "/login")
    page.get_by_label("Email").fill(account.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Dashboard").wait_for()
    return first


def test_ticking_a_filter_applies_it_at_once(live_server, page) -> None:
    _sign_in(live_server, page, Role.viewer)
    page.goto(live_server.url + "/search")
    page.get_by_role("heading", name="2 cases").wait_for()
    page.get_by_role("group", name="District").get_by_label("Quetta").check()
    page.get_by_role("heading", name="1 case").wait_for()
    assert "district=Quetta" in page.url
    assert page.get_by_role("group", name="District").get_by_label("Quetta").is_checked()


def test_a_person_typed_in_is_compared_with_the_people_on_record(live_server, page) -> None:
    case = _sign_in(live_server, page, Role.documenter)
    page.goto(f"{live_server.url}/cases/{case.id}/persons/new")
    page.get_by_label("Full name").fill("Mohd Baluch")
    page.get_by_label("Father's name").fill("Abdul Kareem")
    hint = page.locator("[data-similar-people]")
    hint.get_by_text("Muhammad Baloch", exact=True).wait_for()
    assert "alike" in hint.inner_text()
    assert hint.get_by_role("link", name=case.reference).count() == 1
