"""Relevance over a huge match set is bounded: the newest matches are ranked, the rest follow
newest first, and paging still reaches every match exactly once."""

from __future__ import annotations

import pytest

from app.search import service
from app.search.filters import SearchQuery
from app.search.service import matching_case_ids, search_cases
from tests.search.conftest import actor
from tests.search.helpers import add_case


@pytest.fixture
def gwadar(app, db) -> list[int]:
    """Seven cases that all mention Gwadar, the third most often."""
    with app.app_context():
        cases = [
            add_case(
                db, title=f"Case {n}", narrative="Gwadar " * (5 if n == 3 else 1), commit=False
            )
            for n in range(7)
        ]
        db.commit()
    return [case.id for case in cases]


def test_a_small_match_set_is_ranked_whole(app, db, gwadar) -> None:
    with app.app_context():
        results = search_cases(db, SearchQuery.of("Gwadar"), actor=actor())
    assert results.total == 7
    assert results.hits[0].case_id == gwadar[3]
    assert not any("most recently recorded" in notice for notice in results.notices)


def test_beyond_the_window_every_match_is_still_paged_once(app, db, gwadar, monkeypatch) -> None:
    monkeypatch.setattr(service, "RANK_WINDOW", 3)
    seen: list[int] = []
    with app.app_context():
        for page in (1, 2, 3, 4):
            query = SearchQuery.of("Gwadar", page=page, per_page=2)
            results = search_cases(db, query, actor=actor())
            seen += [hit.case_id for hit in results.hits]
        assert results.total == 7
        assert any("most recently recorded" in notice for notice in results.notices)
        everything = matching_case_ids(db, SearchQuery.of("Gwadar"), actor=actor())
    assert sorted(seen) == sorted(gwadar) and len(seen) == 7
    newest_three = sorted(gwadar)[-3:]
    assert set(seen[:3]) == set(newest_three)  # the ranked window comes first
    assert seen[3:] == sorted(gwadar, reverse=True)[3:]  # then newest first
    assert everything == seen
