"""Vocabularies: the HURIDOCS lists with their codes, local terms for Pakistan, idempotent seed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlmodel import Session, SQLModel, select

import models  # noqa: F401  (registers every table)
from models.enums import ESF_SCHEMES, Category
from models.vocabulary import (
    LOCAL_PREFIX,
    LOCAL_SCHEMES,
    VocabularyTerm,
    active_terms,
    huridocs_terms,
    seed_vocabularies,
)


@pytest.fixture
def session() -> Iterator[Session]:
    engine = sa.create_engine("sqlite://")
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        yield session
    engine.dispose()


def labels(session: Session, scheme: str) -> dict[str, str]:
    rows = session.exec(select(VocabularyTerm).where(VocabularyTerm.scheme == scheme)).all()
    return {row.code: row.label for row in rows}


def test_every_huridocs_list_is_seeded_with_its_codes(session: Session) -> None:
    seed_vocabularies(session)
    standard = huridocs_terms()
    assert len(standard) == 25
    assert {"types_of_perpetrator", "whereabouts_and_outside_contact", "reliability"} <= set(
        standard
    )
    for scheme, terms in standard.items():
        assert labels(session, scheme) == {code: label for code, label, _ in terms}
    assert labels(session, "types_of_acts")["030103000000"] == "Disappearance"


def test_local_terms_cover_balochistan_districts_forces_and_authorities(session: Session) -> None:
    seed_vocabularies(session)
    districts = set(labels(session, "district").values())
    assert {"Khuzdar", "Kech (Turbat)", "Awaran", "Panjgur", "Dera Bugti", "Karachi (Sindh)"} <= (
        districts
    )
    assert "Frontier Corps (FC)" in labels(session, "force").values()
    assert "Unidentified men in plain clothes" in labels(session, "force").values()
    assert any("COIED" in label for label in labels(session, "authority").values())
    local = session.exec(select(VocabularyTerm).where(VocabularyTerm.is_local)).all()
    assert local and all(term.code.startswith(LOCAL_PREFIX) for term in local)


def test_seeding_twice_adds_nothing_and_keeps_an_admins_edits(session: Session) -> None:
    first = seed_vocabularies(session)
    khuzdar = session.exec(
        select(VocabularyTerm).where(
            VocabularyTerm.scheme == "district", VocabularyTerm.code == "L-KHUZDAR"
        )
    ).one()
    khuzdar.label = "Khuzdar (Balochistan)"
    khuzdar.active = False
    session.flush()
    assert seed_vocabularies(session) == 0
    assert first == sum(len(t) for t in huridocs_terms().values()) + sum(
        len(t) for t in LOCAL_SCHEMES.values()
    )
    assert labels(session, "district")["L-KHUZDAR"] == "Khuzdar (Balochistan)"
    assert "Khuzdar (Balochistan)" not in [t.label for t in active_terms(session, "district")]


def test_local_codes_are_unique_within_each_scheme() -> None:
    for scheme, terms in LOCAL_SCHEMES.items():
        codes = [code for code, _ in terms]
        assert len(codes) == len(set(codes)), scheme


@pytest.mark.parametrize("enum_cls", list(ESF_SCHEMES), ids=lambda cls: cls.__name__)
def test_every_esf_code_on_an_enum_exists_in_its_huridocs_list(enum_cls: type[Category]) -> None:
    codes = {code for code, _, _ in huridocs_terms()[ESF_SCHEMES[enum_cls]]}
    unknown = {m.value: m.esf_code for m in enum_cls if m.esf_code and m.esf_code not in codes}
    assert unknown == {}
