"""Likely duplicate people while entering a person, and merging two records into one."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlmodel import select

from app.errors import StaleEdit
from app.search.merge import merge_people
from app.search.people import MIN_NAME_SIMILARITY, jaro_winkler, name_similarity, similar_people
from models import Act, AuditEvent, CasePerson, Person
from models.partial_date import PartialDate, partial_date_columns
from models.user import Role
from tests.search.conftest import actor, titles
from tests.search.helpers import add_case, add_person


def _person(db, name: str) -> Person:
    return db.exec(select(Person).where(Person.full_name == name)).one()


@pytest.fixture
def recorded(app, db):
    """Three people on record: two who might be one man, and someone else."""
    with app.app_context():
        born = partial_date_columns("birth", PartialDate.from_parts(1996))
        add_case(
            db,
            title="Case of Muhammad Baloch",
            victim="Muhammad Baloch",
            victim_fields={
                "father_name": "Abdul Karim",
                "home_district": "Kech (Turbat)",
                "other_names": "محمد بلوچ",
                **born,
            },
        )
        add_case(
            db,
            title="Case of Aslam Bugti",
            victim="Aslam Bugti",
            victim_fields={"father_name": "Dad Khan", "home_district": "Dera Bugti"},
        )
    return db


def test_a_transliterated_name_with_the_same_father_is_a_likely_duplicate(recorded) -> None:
    found = similar_people(recorded, "Mohammad Baluch", "Abdul Kareem", "Kech (Turbat)", "1996")
    assert [match.person.full_name for match in found] == ["Muhammad Baloch"]
    assert found[0].score >= 0.9
    assert any("another spelling" in reason for reason in found[0].reasons)
    assert any("Father's name" in reason for reason in found[0].reasons)


def test_what_else_is_known_moves_the_score(recorded) -> None:
    name_only = similar_people(recorded, "Mohammad Baluch")[0].score
    same_father = similar_people(recorded, "Mohammad Baluch", "Abdul Karim")[0].score
    other_father = similar_people(recorded, "Mohammad Baluch", "Ghulam Nabi")
    born_elsewhere = similar_people(recorded, "Mohammad Baluch", None, "Dera Bugti", "2010")
    assert same_father > name_only
    assert not other_father or other_father[0].score < name_only
    assert not born_elsewhere or born_elsewhere[0].score < name_only


def test_a_name_typed_in_urdu_finds_the_latin_record(recorded) -> None:
    found = similar_people(recorded, "محمد بلوچ")
    assert [match.person.full_name for match in found] == ["Muhammad Baloch"]


def test_a_different_person_is_not_suggested(recorded) -> None:
    assert similar_people(recorded, "Naseer Ahmed", "Abdul Karim") == []
    assert similar_people(recorded, "Akram Bugti") == []  # another given name, same tribe
    assert similar_people(recorded, "Majid Baloch") == []
    assert similar_people(recorded, "Mo") == []


def test_a_missing_middle_name_still_suggests_the_person(recorded) -> None:
    found = similar_people(recorded, "Muhammad Ali Baloch", "Abdul Karim")
    assert [match.person.full_name for match in found] == ["Muhammad Baloch"]


def test_the_person_being_edited_is_not_its_own_duplicate(recorded) -> None:
    own = _person(recorded, "Muhammad Baloch")
    assert similar_people(recorded, "Muhammad Baloch", exclude_id=own.id) == []


def test_name_similarity_forgives_spelling_but_not_other_names() -> None:
    assert name_similarity("Mohammad Baluch", "Muhammad Baloch") >= 0.95
    assert name_similarity("Aslam Bugti", "Muhammad Baloch") < 0.6
    assert name_similarity("Aslam Bugti", "Akram Bugti") < MIN_NAME_SIMILARITY
    assert jaro_winkler("martha", "marhta") == pytest.approx(0.961, abs=0.001)


def test_the_live_hint_lists_matches_with_their_cases(recorded, auth) -> None:
    auth.login(Role.documenter)
    response = auth.client.get(
        "/search/people/similar",
        query_string={"full_name": "Mohd Baluch", "father_name": "Abdul Karim", "birth": "1996"},
    )
    data = response.get_json()
    assert [match["full_name"] for match in data["matches"]] == ["Muhammad Baloch"]
    match = data["matches"][0]
    assert match["cases"][0]["url"].startswith("/cases/") and match["merge_url"] is None
    assert match["birth"] == "1996" and 0 < match["score"] <= 1


def test_coordinators_get_a_merge_link_when_editing_a_person(recorded, auth, db) -> None:
    other = add_person(db, full_name="Mohd Baluch")
    db.commit()
    auth.login(Role.coordinator)
    data = auth.client.get(
        "/search/people/similar", query_string={"full_name": "Mohd Baluch", "exclude": other.id}
    ).get_json()
    assert f"merge={other.id}" in data["matches"][0]["merge_url"]


def test_viewers_get_no_duplicate_hints(recorded, auth) -> None:
    auth.login(Role.viewer)
    assert auth.client.get("/search/people/similar?full_name=Muhammad").status_code == 403


@pytest.fixture
def twins(app, db):
    """One man recorded twice, in two cases, with different details on each record."""
    with app.app_context():
        first = add_case(
            db,
            title="First report",
            victim="Muhammad Baloch",
            victim_fields={"father_name": "Abdul Karim"},
        )
        second = add_case(
            db,
            title="Second report",
            victim="Mohd Baluch",
            victim_fields={
                "other_names": "محمد بلوچ",
                "occupation": "student",
                **partial_date_columns("birth", PartialDate.from_parts(1996)),
            },
        )
    return first, second, _person(db, "Muhammad Baloch"), _person(db, "Mohd Baluch")


def test_a_merge_keeps_both_records_facts(app, db, twins) -> None:
    first, second, keep, merged = twins
    with app.app_context():
        merge_people(db, actor=actor(Role.coordinator), keep_id=keep.id, merge_id=merged.id)
        db.commit()
    db.refresh(keep)
    db.refresh(merged)
    assert keep.other_name_list == ["Mohd Baluch", "محمد بلوچ"]
    assert keep.father_name == "Abdul Karim" and keep.occupation == "student"
    assert keep.birth_earliest == date(1996, 1, 1)
    assert merged.merged_into_id == keep.id and merged.deleted_at is not None
    assert merged.full_name == "Mohd Baluch" and merged.occupation == "student"  # kept as it was


def test_a_merge_repoints_every_link_and_the_index_follows(app, db, twins, search) -> None:
    first, second, keep, merged = twins
    with app.app_context():
        merge_people(db, actor=actor(Role.coordinator), keep_id=keep.id, merge_id=merged.id)
        db.commit()
    for model, column in ((CasePerson, "person_id"), (Act, "victim_id")):
        rows = db.exec(select(model).where(getattr(model, column) == merged.id)).all()
        assert rows == []
    assert titles(search('"Mohd Baluch"')) == {"First report", "Second report"}
    assert similar_people(db, "Mohd Baluch")[0].person.id == keep.id
    assert len(similar_people(db, "Mohd Baluch")) == 1


def test_a_merge_is_audited_with_both_records_before_and_after(app, db, twins) -> None:
    _first, _second, keep, merged = twins
    with app.app_context():
        merge_people(db, actor=actor(Role.coordinator), keep_id=keep.id, merge_id=merged.id)
        db.commit()
    event = db.exec(select(AuditEvent).where(AuditEvent.action == "merge")).one()
    before, after = json.loads(event.before_json), json.loads(event.after_json)
    assert before["merged"]["full_name"] == "Mohd Baluch" and before["kept"]["other_names"] == ""
    assert after["merged"]["merged_into_id"] == keep.id and after["links"] == 2
    assert "Mohd Baluch" in after["kept"]["other_names"]


def test_a_merge_refuses_a_stale_comparison(app, db, twins) -> None:
    _first, _second, keep, merged = twins
    with app.app_context(), pytest.raises(StaleEdit):
        merge_people(
            db,
            actor=actor(Role.coordinator),
            keep_id=keep.id,
            merge_id=merged.id,
            keep_version=keep.version - 1,
        )


def test_the_merge_page_merges_after_confirmation(db, twins, auth) -> None:
    _first, _second, keep, merged = twins
    auth.login(Role.coordinator)
    page = auth.client.get(f"/search/people/merge?keep={keep.id}&merge={merged.id}")
    assert page.status_code == 200 and "Mohd Baluch" in page.get_data(as_text=True)
    data = {
        "keep": keep.id,
        "merge": merged.id,
        "keep_version": keep.version,
        "merge_version": merged.version,
    }
    unconfirmed = auth.client.post("/search/people/merge", data=data)
    assert unconfirmed.status_code == 422
    done = auth.client.post("/search/people/merge", data={**data, "confirm": "y"})
    assert done.status_code == 302
    db.expire_all()
    assert db.get(Person, merged.id).merged_into_id == keep.id


def test_documenters_may_not_merge(db, twins, auth) -> None:
    _first, _second, keep, merged = twins
    auth.login(Role.documenter)
    response = auth.client.get(f"/search/people/merge?keep={keep.id}&merge={merged.id}")
    assert response.status_code == 403
