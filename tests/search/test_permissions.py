"""What a role may not see is neither shown nor counted; deleted cases are found by no one."""

from __future__ import annotations

from app.services import records
from models.enums import Confidentiality
from models.user import Role
from tests.search.conftest import actor, titles
from tests.search.test_query_language import PANJGUR


def _act_counts(results) -> dict[str, int]:
    facet = next(facet for facet in results.facets if facet.key == "act_type")
    return {option.value: option.count for option in facet.counts}


def test_a_viewer_neither_finds_nor_counts_confidential_cases(corpus, search) -> None:
    as_viewer = search("student", role=Role.viewer)
    assert PANJGUR not in titles(as_viewer)
    assert as_viewer.total == 1
    assert "extrajudicial_killing" not in _act_counts(search(role=Role.viewer))
    assert search(role=Role.viewer).total == 3


def test_documenters_and_up_find_confidential_cases(corpus, search) -> None:
    for role in (Role.documenter, Role.coordinator, Role.admin):
        assert PANJGUR in titles(search("Panjgur", role=role))


def test_a_soft_deleted_case_is_found_by_no_role(app, corpus, db, search) -> None:
    with app.app_context():
        records.soft_delete(db, actor=actor(), row=corpus.turbat, reason="entered twice")
        db.commit()
    for role in Role:
        assert search("Turbat", role=role).total == 0
    assert search().total == 3


def test_the_search_page_hides_confidential_cases_from_viewers(corpus, auth) -> None:
    auth.login(Role.viewer)
    page = auth.client.get("/search?q=Panjgur")
    assert page.status_code == 200
    assert b"near Panjgur" not in page.data
    assert b"0 cases" in page.data


def test_a_case_made_confidential_disappears_for_viewers_at_once(corpus, db, search) -> None:
    assert search("Turbat", role=Role.viewer).total == 1  # the viewer's copy is loaded now
    records.update(
        db,
        actor=actor(),
        row=corpus.turbat,
        changes={"confidentiality": Confidentiality.confidential},
        expected_version=None,
    )
    db.commit()
    assert search("Turbat", role=Role.viewer).total == 0
    assert search("Turbat", role=Role.documenter).total == 1
