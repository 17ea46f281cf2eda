"""Demo cases written to the database (SQLite, or PostgreSQL with TEST_DATABASE_URL)."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from app.demo.loader import load_cases
from app.search.filters import SearchQuery
from app.search.service import search_cases
from app.services import audit, records
from app.services.actor import Actor
from app.services.audit import verify_chain
from models import Act, AuditEvent, Case, CasePerson, Citation, OfficialResponse, Person
from models.enums import ActType, PersonRole
from models.user import Role

TODAY = date(2026, 11, 26)


def count(db: Session, model: type) -> int:
    return db.exec(select(sa.func.count()).select_from(model)).one()


def test_generated_cases_land_in_the_database_with_their_records(db: Session) -> None:
    report = load_cases(db, count=40, seed=3, today=TODAY)
    db.commit()
    assert report.cases == 40 == count(db, Case)
    assert count(db, Person) >= 80
    killing = db.exec(
        select(Act).where(
            Act.act_type == ActType.extrajudicial_killing, Act.follows_act_id.is_not(None)
        )  # type: ignore[union-attr]
    ).first()
    assert killing is not None
    assert db.get(Act, killing.follows_act_id).victim_id == killing.victim_id  # type: ignore[union-attr]
    recorded = db.exec(
        select(OfficialResponse).where(OfficialResponse.citation_id.is_not(None))
    ).all()  # type: ignore[union-attr]
    assert recorded
    for response in recorded:
        assert db.get(Citation, response.citation_id).response_id == response.id  # type: ignore[union-attr]


def test_the_audit_chain_verifies_after_generation_and_names_each_case(db: Session) -> None:
    audit.record(db, actor=Actor.system(), action="test", entity_type="case_file")
    load_cases(db, count=30, seed=4, today=TODAY)
    db.commit()
    report = verify_chain(db)
    assert report.intact, report
    creates = db.exec(select(AuditEvent).where(AuditEvent.action == "create")).all()
    references = {event.after["reference"] for event in creates}  # type: ignore[index]
    assert references == set(db.exec(select(Case.reference)).all())
    assert all(event.after["records"]["act"] >= 1 for event in creates)  # type: ignore[index]
    # The service appends to the chain the generator extended.
    audit.record(db, actor=Actor.system(), action="after", entity_type="case_file")
    db.commit()
    assert verify_chain(db).intact


def test_a_second_run_continues_ids_references_and_the_chain(db: Session) -> None:
    first = load_cases(db, count=12, seed=1, today=TODAY)
    second = load_cases(db, count=12, seed=1, today=TODAY)
    db.commit()
    assert second.first_case_id == first.first_case_id + 12  # type: ignore[operator]
    references = db.exec(select(Case.reference)).all()
    assert len(set(references)) == 24
    assert verify_chain(db).intact


def test_rows_written_afterwards_by_the_app_get_fresh_ids(db: Session) -> None:
    load_cases(db, count=5, seed=2, today=TODAY)
    db.commit()
    highest = db.exec(select(sa.func.max(Case.id))).one()
    case = records.create(
        db,
        actor=Actor.system(),
        row=Case.model_validate({"reference": "BAL-2030-0001", "title": "Typed by a user"}),
    )
    db.commit()
    assert case.id == highest + 1


def test_two_thousand_cases_are_generated_and_verified(db: Session) -> None:
    report = load_cases(db, count=2000, seed=9, today=TODAY, batch_size=500)
    db.commit()
    assert count(db, Case) == 2000
    assert report.rows > 30_000
    assert verify_chain(db).intact


def test_generated_cases_are_found_by_search_straight_away(app, db: Session) -> None:
    load_cases(db, count=25, seed=8, today=TODAY)
    db.commit()
    victim, case_id = db.exec(
        select(Person.full_name, CasePerson.case_id)
        .join(CasePerson, CasePerson.person_id == Person.id)  # type: ignore[arg-type]
        .where(CasePerson.role == PersonRole.victim, Person.protected.is_(False))  # type: ignore[attr-defined]
    ).first()
    with app.app_context():
        results = search_cases(
            db, SearchQuery.of(f'"{victim}"'), actor=Actor(user_id=None, role=Role.admin)
        )
    assert case_id in {hit.case_id for hit in results.hits}
