"""Fixtures for the case tests: a signed-in documenter and a quick-entered case."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlmodel import select

from models.act import Act
from models.case import CasePerson
from models.source import Citation
from models.user import Role
from tests.cases.helpers import create_case


@dataclass(frozen=True)
class EnteredCase:
    """A case made by quick entry: its id and the ids of what quick entry created."""

    id: int
    victim_id: int
    act_id: int
    source_id: int
    citation_id: int


@pytest.fixture
def documenter(auth):
    """A test client signed in as a documenter."""
    auth.login(Role.documenter)
    return auth.client


@pytest.fixture
def entered_case(documenter, db) -> EnteredCase:
    case_id = create_case(documenter)
    link = db.exec(select(CasePerson).where(CasePerson.case_id == case_id)).one()
    act = db.exec(select(Act).where(Act.case_id == case_id)).one()
    citation = db.exec(select(Citation).where(Citation.case_id == case_id)).one()
    return EnteredCase(case_id, link.person_id, act.id, citation.source_id, citation.id)  # type: ignore[arg-type]
