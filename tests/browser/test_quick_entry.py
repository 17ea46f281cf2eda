"""In a real Chromium: quick-enter a case with an Urdu-script name, add the authorities' denial
from the case page, and see both on the case page, the denial beside the allegation."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from models.user import Role
from tests.conftest import PASSWORD, create_account

pytestmark = pytest.mark.browser

VICTIM = "دوستین رخشانی"  # fictional


def test_quick_entry_then_an_official_denial_both_show_on_the_case_page(live_server, page):
    with (
        live_server.app.app_context(),
        Session(live_server.app.extensions["casebook.engine"]) as db,
    ):
        account = create_account(db, Role.documenter, email="sadia@example.org")

    page.goto(live_server.url + "/login")
    page.get_by_label("Email").fill(account.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Dashboard").wait_for()

    page.get_by_role("link", name="New case").click()
    page.get_by_role("heading", name="New case").wait_for()
    page.get_by_label("Full name").fill(VICTIM)
    page.get_by_label("Father's name").fill("Karim Dad")
    page.get_by_label("Age at the time").fill("23")
    page.get_by_label("Occupation").fill("student")
    page.get_by_label("What was done").select_option(label="Enforced disappearance")
    page.get_by_label("When", exact=True).fill("12/03/2025")
    page.get_by_label("Place", exact=True).fill("Tump bazaar")
    page.locator("#act-district").fill("Kech (Turbat)")
    page.locator("#perpetrators-0-perpetrator_type").select_option(value="paramilitary")
    page.locator("#perpetrators-0-force").fill("Frontier Corps (FC)")
    page.locator("#perpetrators-0-basis_for_attribution").fill("FC uniforms and vehicles")
    page.get_by_label("Narrative").fill("Taken at noon from the bazaar.")
    page.get_by_role("button", name="Create case").click()

    page.get_by_role("heading", level=1, name=f"Enforced disappearance of {VICTIM}").wait_for()
    assert page.get_by_text("was created").is_visible()
    allegation = page.locator(".allegation-row", has=page.locator("article.allegation"))
    assert "No official response recorded for this act." in allegation.first.inner_text()

    page.get_by_role("link", name="Add an official response").click()
    page.get_by_label("Authority").fill("Police")
    page.get_by_label("Answer", exact=True).select_option(label="Denied custody")
    page.get_by_label("Date", exact=True).fill("20 March 2025")
    page.get_by_label("Their words, verbatim").fill("He is not in our custody.")
    page.get_by_role("button", name="Add", exact=True).click()

    page.get_by_text("The official response was added.").wait_for()
    row = page.locator(".allegation-row", has=page.locator("article.allegation")).first
    assert VICTIM in row.locator("article.allegation").inner_text()
    answers = row.locator(".answers").inner_text()
    assert "Denied custody" in answers and "He is not in our custody." in answers
    name = page.locator("#people h3 span[dir=auto]").first
    assert name.inner_text() == VICTIM
    assert name.evaluate("el => getComputedStyle(el).direction") == "rtl"
