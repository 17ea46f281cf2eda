"""Each form of the query language, on whichever engine the suite runs on."""

from __future__ import annotations

from tests.search.conftest import titles
from tests.search.helpers import add_case

TURBAT = "Disappearance of a student from Turbat"
KHUZDAR = "Arrest of a shopkeeper in Khuzdar"
AWARAN = "گمشدگی: اواران"
PANJGUR = "Killing of a student activist near Panjgur"


def test_every_word_must_appear(corpus, search) -> None:
    assert titles(search("checkpoint Turbat")) == {TURBAT}
    assert titles(search("checkpoint Khuzdar")) == set()


def test_a_quoted_phrase_matches_the_words_in_order(corpus, search) -> None:
    assert titles(search('"Frontier Corps uniform"')) == {TURBAT}
    assert titles(search('"uniform Corps Frontier"')) == set()


def test_a_minus_leaves_cases_out(corpus, search) -> None:
    assert titles(search("student -Panjgur")) == {TURBAT}
    assert titles(search('student -"Frontier Corps"')) == {PANJGUR}


def test_a_search_of_exclusions_only_lists_every_other_case(corpus, search) -> None:
    assert titles(search("-student")) == {KHUZDAR, AWARAN}


def test_a_star_matches_words_by_their_beginning(corpus, search) -> None:
    assert titles(search("Khuz*")) == {KHUZDAR}
    assert titles(search("checkp*")) == {TURBAT}
    assert titles(search("shopkeep")) == set()


def test_or_matches_either_word_and_binds_tighter_than_and(corpus, search) -> None:
    assert titles(search("Turbat OR Khuzdar")) == {TURBAT, KHUZDAR}
    assert titles(search("student Turbat OR Khuzdar")) == {TURBAT}


def test_a_victim_is_found_however_the_name_is_transliterated(corpus, search) -> None:
    assert titles(search("Muhammad Baloch")) == {TURBAT}
    assert titles(search("Mohammed Bloch")) == {TURBAT}
    assert titles(search("mohd baluch")) == {TURBAT}


def test_a_latin_name_finds_the_same_name_in_urdu_script_and_back(corpus, search) -> None:
    assert titles(search("mohd")) == {TURBAT, AWARAN}
    assert titles(search("Muhammad Yousuf")) == {AWARAN}
    assert titles(search("محمد بلوچ")) == {TURBAT}


def test_urdu_letter_variants_and_diacritics_do_not_matter(corpus, search) -> None:
    assert titles(search("محمد يوسف")) == {AWARAN}  # Arabic yeh ي for Urdu ی
    assert titles(search("مُحَمَّد")) == {TURBAT, AWARAN}
    assert titles(search("اٹھا")) == {AWARAN}
    assert titles(search("گھر")) == {AWARAN}


def test_a_quoted_name_matches_only_as_written(corpus, search) -> None:
    assert titles(search('"Muhammad Baloch"')) == set()
    assert titles(search('"Mohammad Baluch"')) == {TURBAT}


def test_the_father_and_the_reference_are_searchable(corpus, search) -> None:
    assert titles(search("Abdul Kareem")) == {TURBAT}
    assert titles(search(corpus.khuzdar.reference)) == {KHUZDAR}


def test_the_best_match_comes_first(app, corpus, db, search) -> None:
    with app.app_context():
        add_case(db, title="Arrest in Quetta", narrative="His cousin lives in Turbat.")
    ranked = [str(hit.title.striptags()) for hit in search("Turbat").hits]
    assert ranked == [TURBAT, "Arrest in Quetta"]
