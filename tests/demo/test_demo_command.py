"""`casebook demo`: accounts, vocabularies and the demo set once; --cases adds more."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from app.demo.cases import DemoCaseGenerator
from app.demo.loader import DEFAULT_CASES, DEFAULT_SEED
from app.demo.rows import IdAllocator
from app.services.audit import verify_chain
from models import Case, User, VocabularyTerm


def cases_in(db: Session) -> int:
    db.expire_all()
    return db.exec(select(sa.func.count()).select_from(Case)).one()


def test_demo_on_a_fresh_database_loads_the_demo_set_accounts_and_vocabularies(
    runner, db: Session
) -> None:
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    assert cases_in(db) == DEFAULT_CASES
    assert f"Added {DEFAULT_CASES} demo cases" in result.output
    assert db.exec(select(User.email)).all()
    districts = db.exec(select(VocabularyTerm.label).where(VocabularyTerm.scheme == "district"))
    assert "Khuzdar" in districts.all()
    assert verify_chain(db).intact


def test_a_second_demo_run_adds_no_cases(runner, db: Session) -> None:
    runner.invoke(args=["demo"])
    titles = db.exec(select(Case.title).order_by(Case.id)).all()
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    assert "has cases already" in result.output
    assert db.exec(select(Case.title).order_by(Case.id)).all() == titles


def test_the_demo_set_is_the_generators_fixed_seed_output_for_today(runner, db: Session) -> None:
    runner.invoke(args=["demo"])
    narratives = db.exec(select(Case.narrative).order_by(Case.id)).all()
    assert len(set(narratives)) == DEFAULT_CASES
    generator = DemoCaseGenerator(seed=DEFAULT_SEED, ids=IdAllocator.fresh(), today=date.today())
    batch = next(generator.batches(DEFAULT_CASES))
    assert [case["narrative"] for case in batch.rows["case_file"]] == narratives


def test_demo_with_cases_adds_that_many_generated_cases_each_time(runner, db: Session) -> None:
    first = runner.invoke(args=["demo", "--cases", "7", "--seed", "3"])
    assert first.exit_code == 0, first.output
    assert cases_in(db) == 7
    second = runner.invoke(args=["demo", "--cases", "5"])
    assert second.exit_code == 0, second.output
    assert "seed" in second.output
    assert cases_in(db) == 12
    assert "cases/s" in second.output
    assert verify_chain(db).intact


def test_demo_refuses_a_number_of_cases_below_one(runner, db: Session) -> None:
    result = runner.invoke(args=["demo", "--cases", "0"])
    assert result.exit_code != 0
    assert cases_in(db) == 0
