"""Saved searches (per user) and the CSV export of a result list (audited, formula-safe)."""

from __future__ import annotations

import csv
import io
import json

from sqlmodel import select

from app.search.export import safe_cell
from models import AuditEvent
from models.search import SavedSearch
from models.user import Role
from tests.search.helpers import add_case


def test_a_saved_search_runs_again_from_the_list(corpus, auth, db) -> None:
    auth.login(Role.viewer)
    saved = auth.client.post(
        "/search/saved", data={"name": "Kech cases", "query_string": "q=Turbat&sort=newest"}
    )
    assert saved.status_code == 302
    listing = auth.client.get("/search/saved").get_data(as_text=True)
    assert "Kech cases" in listing
    row = db.exec(select(SavedSearch).where(SavedSearch.name == "Kech cases")).one()
    opened = auth.client.get(f"/search/saved/{row.id}")
    assert opened.status_code == 302 and "q=Turbat" in opened.headers["Location"]
    page = auth.client.get(opened.headers["Location"]).get_data(as_text=True)
    assert corpus.turbat.reference in page


def test_saving_under_a_used_name_replaces_that_search(corpus, auth, db) -> None:
    auth.login(Role.viewer)
    for text in ("Turbat", "Khuzdar"):
        auth.client.post("/search/saved", data={"name": "Mine", "query_string": f"q={text}"})
    rows = db.exec(select(SavedSearch).where(SavedSearch.name == "Mine")).all()
    assert len(rows) == 1 and "q=Khuzdar" in rows[0].query_string


def test_a_search_needs_a_name_to_be_saved_and_keeps_the_results(corpus, auth) -> None:
    auth.login(Role.viewer)
    response = auth.client.post("/search/saved", data={"name": " ", "query_string": "q=Turbat"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Give the search a name" in page and corpus.turbat.reference in page


def test_nobody_opens_or_deletes_another_users_saved_search(corpus, auth, db, accounts) -> None:
    auth.login(Role.viewer)
    auth.client.post("/search/saved", data={"name": "Private", "query_string": "q=Turbat"})
    row = db.exec(select(SavedSearch).where(SavedSearch.name == "Private")).one()
    auth.logout()
    auth.login(Role.admin)
    assert auth.client.get(f"/search/saved/{row.id}").status_code == 404
    assert auth.client.post(f"/search/saved/{row.id}/delete").status_code == 404
    assert "Private" not in auth.client.get("/search/saved").get_data(as_text=True)
    auth.logout()
    auth.login(Role.viewer)
    assert 'dir="auto">Private</a>' in auth.client.get("/search/saved").get_data(as_text=True)


def test_deleting_a_saved_search_keeps_it_in_the_audit_trail(corpus, auth, db) -> None:
    auth.login(Role.viewer)
    auth.client.post("/search/saved", data={"name": "Old", "query_string": "q=x"})
    row = db.exec(select(SavedSearch).where(SavedSearch.name == "Old")).one()
    assert auth.client.post(f"/search/saved/{row.id}/delete").status_code == 302
    assert 'dir="auto">Old</a>' not in auth.client.get("/search/saved").get_data(as_text=True)
    deleted = db.exec(
        select(AuditEvent).where(
            AuditEvent.entity_type == "saved_search", AuditEvent.action == "delete"
        )
    ).all()
    assert len(deleted) == 1


def _csv(response) -> list[list[str]]:
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_the_export_holds_every_matching_case_the_role_may_see(corpus, auth) -> None:
    auth.login(Role.documenter)
    response = auth.client.get("/search/export.csv?q=student")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = _csv(response)
    assert rows[0][:3] == ["Reference", "Title", "District"]
    assert {row[0] for row in rows[1:]} == {corpus.turbat.reference, corpus.panjgur.reference}
    turbat = next(row for row in rows if row[0] == corpus.turbat.reference)
    assert turbat[2] == "Kech (Turbat)" and turbat[3] == "2024-03-12"
    assert turbat[5] == "Enforced disappearance" and turbat[8] == "Mohammad Baluch"


def test_exported_cells_never_run_as_spreadsheet_formulas(app, db, auth) -> None:
    with app.app_context():
        add_case(
            db,
            title='=HYPERLINK("http://x","Gwadar")',
            victim="@SUM(1+1)",
            narrative="Gwadar",
            district="+Gwadar",
        )
    auth.login(Role.documenter)
    row = _csv(auth.client.get("/search/export.csv?q=Gwadar"))[1]
    assert row[1] == '\'=HYPERLINK("http://x","Gwadar")'
    assert row[2] == "'+Gwadar" and row[8] == "'@SUM(1+1)"
    assert [safe_cell(v) for v in ("-1", "\tx", "plain", None)] == ["'-1", "'\tx", "plain", ""]


def test_every_export_is_audited_with_its_search(corpus, auth, db) -> None:
    auth.login(Role.documenter)
    auth.client.get("/search/export.csv?q=Turbat&act_type=enforced_disappearance")
    event = db.exec(select(AuditEvent).where(AuditEvent.action == "export")).one()
    after = json.loads(event.after_json or "{}")
    assert after["cases"] == 1 and "q=Turbat" in after["query"] and after["format"] == "csv"


def test_viewers_may_not_export(corpus, auth) -> None:
    auth.login(Role.viewer)
    assert auth.client.get("/search/export.csv?q=Turbat").status_code == 403
