"""The search page: results with highlighted snippets, filters with counts, shareable URLs."""

from __future__ import annotations

from models.user import Role
from tests.search.helpers import add_case


def test_the_page_lists_matches_with_the_words_marked(corpus, auth) -> None:
    auth.login(Role.viewer)
    page = auth.client.get("/search?q=Muhammad+Baloch").get_data(as_text=True)
    assert "1 case" in page
    assert "<mark>Mohammad</mark> <mark>Baluch</mark> was taken" in page
    assert corpus.turbat.reference in page


def test_text_from_a_case_cannot_inject_markup_into_a_snippet(app, db, auth) -> None:
    with app.app_context():
        add_case(
            db,
            title="<img src=x onerror=alert(1)> Quetta",
            narrative='Quetta <script>alert("x")</script> & "quotes"',
        )
    auth.login(Role.viewer)
    page = auth.client.get("/search?q=Quetta").get_data(as_text=True)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "<mark>Quetta</mark> &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp;" in page


def test_filters_show_their_counts_and_stay_checked(corpus, auth) -> None:
    auth.login(Role.documenter)
    page = auth.client.get("/search?act_type=arrest").get_data(as_text=True)
    assert 'name="act_type" value="arrest" checked' in page
    assert "1 case" in page and "Arrest of a shopkeeper" in page


def test_the_page_is_a_shareable_url(corpus, auth) -> None:
    auth.login(Role.viewer)
    first = auth.client.get("/search?q=student&sort=newest").get_data(as_text=True)
    again = auth.client.get("/search?sort=newest&q=student").get_data(as_text=True)
    assert first.count('class="hit"') == again.count('class="hit"') == 1


def test_the_search_page_is_in_the_navigation(auth) -> None:
    auth.login(Role.viewer)
    assert 'href="/search"' in auth.client.get("/").get_data(as_text=True)


def test_a_page_of_results_links_to_the_next(app, db, auth) -> None:
    with app.app_context():
        for number in range(23):
            add_case(db, title=f"Case {number} in Gwadar", commit=False)
        db.commit()
    auth.login(Role.viewer)
    page = auth.client.get("/search?q=Gwadar").get_data(as_text=True)
    assert "23 cases" in page and "page 1 of 2" in page and "page=2" in page
    second = auth.client.get("/search?q=Gwadar&page=2").get_data(as_text=True)
    assert second.count('class="hit"') == 3
