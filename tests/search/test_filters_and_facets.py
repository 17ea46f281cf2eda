"""Filters narrow the results; every facet counts the matching cases beside each value."""

from __future__ import annotations

from datetime import date

from app.search.filters import SearchQuery, SortOrder
from app.services import records
from models import Evidence, Intervention, Involvement, OfficialResponse
from models.enums import (
    ActType,
    InterventionStatus,
    InterventionType,
    PerpetratorType,
    ResponseType,
    ViolationStatus,
    WorkflowState,
)
from tests.search.conftest import titles
from tests.search.helpers import SYSTEM
from tests.search.test_query_language import AWARAN, KHUZDAR, PANJGUR, TURBAT


def _counts(results, key: str) -> dict[str, int]:
    facet = next(facet for facet in results.facets if facet.key == key)
    return {option.value: option.count for option in facet.counts}


def _add(db, row) -> None:
    records.create(db, actor=SYSTEM, row=row, case_id=row.case_id)
    db.commit()


def test_act_type_filter_and_counts(corpus, search) -> None:
    assert titles(search(act_type=[ActType.arrest])) == {KHUZDAR}
    assert titles(search(act_type=[ActType.arrest, ActType.extrajudicial_killing])) == {
        KHUZDAR,
        PANJGUR,
    }
    counts = _counts(search(), "act_type")
    assert counts == {"enforced_disappearance": 2, "arrest": 1, "extrajudicial_killing": 1}


def test_counts_follow_the_words_searched(corpus, search) -> None:
    counts = _counts(search("student"), "act_type")
    assert counts == {"enforced_disappearance": 1, "extrajudicial_killing": 1}


def test_district_filter_and_counts(corpus, search) -> None:
    assert titles(search(districts=["Khuzdar", "Awaran"])) == {KHUZDAR, AWARAN}
    assert _counts(search(), "district") == {
        "Kech (Turbat)": 1,
        "Khuzdar": 1,
        "Awaran": 1,
        "Panjgur": 1,
    }


def test_date_range_keeps_cases_whose_acts_overlap_it(corpus, search) -> None:
    # Khuzdar is "January 2023": it overlaps a range that starts mid-January.
    found = search(date_from=date(2023, 1, 15), date_to=date(2024, 12, 31))
    assert titles(found) == {KHUZDAR, TURBAT}
    # Awaran is known only as "2021": a range inside that year overlaps it.
    assert titles(search(date_from=date(2021, 6, 1), date_to=date(2021, 6, 30))) == {AWARAN}
    assert titles(search(date_to=date(2020, 12, 31))) == set()


def test_dates_typed_in_a_url_become_a_range(corpus, search) -> None:
    query = SearchQuery.from_args({"from": "2022", "to": "March 2024"})
    assert (query.date_from, query.date_to) == (date(2022, 1, 1), date(2024, 3, 31))


def test_status_and_workflow_filters(corpus, db, search) -> None:
    corpus.turbat.violation_status = ViolationStatus.verified
    corpus.khuzdar.workflow_state = WorkflowState.reviewed
    db.add_all([corpus.turbat, corpus.khuzdar])
    db.commit()
    assert titles(search(status=[ViolationStatus.verified])) == {TURBAT}
    assert titles(search(workflow=[WorkflowState.reviewed])) == {KHUZDAR}
    assert _counts(search(), "status") == {"alleged": 3, "verified": 1}


def test_perpetrator_response_and_intervention_filters(corpus, db, search) -> None:
    act_id = _act_id(db, corpus.turbat.id)
    _add(
        db,
        Involvement.model_validate(
            {
                "case_id": corpus.turbat.id,
                "act_id": act_id,
                "perpetrator_type": PerpetratorType.paramilitary,
            }
        ),
    )
    _add(
        db,
        OfficialResponse.model_validate(
            {
                "case_id": corpus.khuzdar.id,
                "authority": "Police",
                "response_type": ResponseType.refused_complaint,
            }
        ),
    )
    _add(
        db,
        Intervention.model_validate(
            {
                "case_id": corpus.khuzdar.id,
                "intervention_type": InterventionType.habeas_corpus,
                "status": InterventionStatus.hearing_scheduled,
            }
        ),
    )
    assert titles(search(perpetrator=[PerpetratorType.paramilitary])) == {TURBAT}
    assert titles(search(response=[ResponseType.refused_complaint])) == {KHUZDAR}
    assert titles(search(intervention=[InterventionStatus.hearing_scheduled])) == {KHUZDAR}
    assert titles(search("habeas corpus")) == {KHUZDAR}  # the intervention's type is text too
    assert _counts(search(), "perpetrator") == {"paramilitary": 1}


def test_has_evidence_filter(corpus, db, search) -> None:
    _add(
        db,
        Evidence.model_validate(
            {
                "case_id": corpus.awaran.id,
                "sha256": "0" * 64,
                "original_filename": "fir.pdf",
                "media_type": "application/pdf",
                "size_bytes": 10,
            }
        ),
    )
    assert titles(search(evidence=["yes"])) == {AWARAN}
    assert _counts(search(), "evidence") == {"yes": 1, "no": 3}


def test_wgeid_ready_filter_counts_no_case_ready_without_consent(corpus, search) -> None:
    assert titles(search(wgeid=["yes"])) == set()
    assert _counts(search(), "wgeid") == {"no": 4}


def test_sort_by_date_and_pagination(corpus, search) -> None:
    newest = search(sort=SortOrder.newest, per_page=20)
    assert [str(h.title.striptags()) for h in newest.hits] == [TURBAT, KHUZDAR, PANJGUR, AWARAN]
    oldest = search(sort=SortOrder.oldest)
    assert [str(h.title.striptags()) for h in oldest.hits][0] == AWARAN
    second_page = search(sort=SortOrder.newest, page=2, per_page=20)
    assert second_page.total == 4 and second_page.hits == []


def test_a_shareable_url_holds_the_whole_search() -> None:
    query = SearchQuery.of(
        "Baloch -student",
        act_type=[ActType.arrest],
        districts=["Kech (Turbat)"],
        date_from=date(2024, 1, 1),
        sort=SortOrder.newest,
    )
    again = SearchQuery.from_args(dict_of_lists(query.to_args()))
    assert (again.text, again.selected, again.districts, again.date_from, again.sort) == (
        query.text,
        query.selected,
        query.districts,
        query.date_from,
        query.sort,
    )


def test_unknown_filter_values_in_a_url_are_ignored() -> None:
    query = SearchQuery.from_args(
        {
            "act_type": "'; DROP TABLE case_file;--",
            "page": "-5",
            "per_page": "1000000",
            "sort": "chaos",
        }
    )
    assert (query.selected, query.page, query.per_page) == ({}, 1, 20)


def dict_of_lists(pairs):
    from werkzeug.datastructures import MultiDict

    return MultiDict(pairs)


def _act_id(db, case_id: int) -> int:
    from sqlmodel import select

    from models import Act

    return db.exec(select(Act.id).where(Act.case_id == case_id)).one()
