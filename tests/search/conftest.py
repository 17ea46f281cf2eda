"""A small corpus of fictional cases, written through the ORM so the index syncs as in use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlmodel import Session

from app.search.filters import SearchQuery
from app.search.service import SearchResults, search_cases
from app.services.actor import Actor
from models import Case
from models.enums import ActType, Confidentiality
from models.partial_date import PartialDate
from models.user import Role
from tests.search.helpers import add_case, day


def actor(role: Role = Role.admin) -> Actor:
    return Actor(user_id=None, role=role)


@dataclass(frozen=True)
class Corpus:
    turbat: Case
    khuzdar: Case
    awaran: Case
    panjgur: Case


@pytest.fixture
def corpus(app, db: Session) -> Corpus:
    """Four cases: Latin and Urdu-script names, different acts, places and dates."""
    with app.app_context():
        return Corpus(
            turbat=add_case(
                db,
                title="Disappearance of a student from Turbat",
                narrative="Mohammad Baluch was taken from a checkpoint near Turbat by men in "
                "Frontier Corps uniform.",
                victim="Mohammad Baluch",
                victim_fields={"father_name": "Abdul Karim", "home_district": "Kech (Turbat)"},
                district="Kech (Turbat)",
                when=day(2024, 3, 12),
            ),
            khuzdar=add_case(
                db,
                title="Arrest of a shopkeeper in Khuzdar",
                narrative="Naseer Ahmed was arrested at his shop in the Khuzdar bazaar; the "
                "police refused to register the complaint.",
                victim="Naseer Ahmed",
                act_type=ActType.arrest,
                district="Khuzdar",
                when=PartialDate.from_parts(2023, 1),
            ),
            awaran=add_case(
                db,
                title="گمشدگی: اواران",
                narrative="محمد یوسف کو رات کے وقت گھر سے اٹھا لیا گیا۔",
                victim="مُحَمَّد یوسف",
                district="Awaran",
                when=PartialDate.from_parts(2021),
            ),
            panjgur=add_case(
                db,
                title="Killing of a student activist near Panjgur",
                narrative="His body was found on the road to Panjgur; the family says he had "
                "been held for two weeks.",
                victim="Zahir Bugti",
                act_type=ActType.extrajudicial_killing,
                district="Panjgur",
                confidentiality=Confidentiality.confidential,
                when=day(2022, 8, 2),
            ),
        )


Search = Callable[..., SearchResults]


@pytest.fixture
def search(app, db: Session) -> Search:
    """Run a search as a role (admin unless said): search("words", role=..., act_type=[...])."""

    def run(text: str = "", role: Role = Role.admin, **filters: object) -> SearchResults:
        with app.app_context():
            return search_cases(db, SearchQuery.of(text, **filters), actor=actor(role))

    return run


def titles(results: SearchResults) -> set[str]:
    return {str(hit.title.striptags()) for hit in results.hits}
