"""Likely duplicate people, found while a person is entered.

Candidates are the people of the cases whose names share the spelling keys of the name typed
(the index's `keys` column; on PostgreSQL with pg_trgm, also people whose name is a close
trigram match). Each is scored in Python, the same way on both engines:

    score = 0.55 × name + 0.25 × father's name + 0.10 × district + 0.10 × birth

where each part is a similarity from 0 to 1, and a part that either side lacks counts 0.5
(unknown is a coin toss, so a bare name match never looks certain). Names compare word by word
(the same word, the same spelling key, or Jaro-Winkler); a father's name below the name
threshold counts 0 (another father is evidence against, not a partial match).

Merging two records of one person is `app.search.merge`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from app.search.engines import engine_for
from app.search.normalise import fold, name_key, tokens
from models.case import Case, CasePerson
from models.partial_date import PartialDate, partial_date
from models.person import Person

WEIGHTS = {"name": 0.55, "father": 0.25, "district": 0.10, "birth": 0.10}
UNKNOWN = 0.5
MIN_NAME_SIMILARITY = 0.89
MIN_SCORE = 0.65
MAX_CASES = 300


@dataclass(frozen=True)
class SimilarPerson:
    """A recorded person who may be the one being entered, with why."""

    person: Person
    score: float
    reasons: list[str]


def similar_people(
    session: Session,
    full_name: str,
    father_name: str | None = None,
    district: str | None = None,
    birth: PartialDate | str | None = None,
    *,
    exclude_id: int | None = None,
    limit: int = 8,
) -> list[SimilarPerson]:
    """Recorded people who may be this person, best first, each with a score and reasons."""
    if len(tokens(full_name)) == 0 or len(fold(full_name).strip()) < 3:
        return []
    wanted = _Profile(full_name, father_name, district, _birth(birth))
    candidates = _candidates(session, full_name, father_name)
    candidates.discard(exclude_id)  # type: ignore[arg-type]
    if not candidates:
        return []
    person = Person.__table__.c  # type: ignore[attr-defined]
    rows = session.connection().execute(
        sa.select(*(person[name] for name in _COMPARED)).where(
            person.id.in_(candidates), person.deleted_at.is_(None), person.merged_into_id.is_(None)
        )
    )
    scored = [found for row in rows if (found := _score(wanted, row)) is not None]
    scored.sort(key=lambda found: (-found[1], found[0].full_name, found[0].id))
    return [
        SimilarPerson(session.get(Person, row.id), score, reasons)  # type: ignore[arg-type]
        for row, score, reasons in scored[:limit]
    ]


# What scoring reads of a person (Core rows: a live hint may score hundreds of candidates).
_COMPARED = (
    "id",
    "full_name",
    "other_names",
    "father_name",
    "home_district",
    "birth_earliest",
    "birth_latest",
    "birth_precision",
    "birth_estimated",
)


def _birth(birth: PartialDate | str | None) -> PartialDate:
    if isinstance(birth, PartialDate):
        return birth
    try:
        return PartialDate.parse(birth)
    except ValueError:
        return PartialDate.unknown()


def _candidates(session: Session, full_name: str, father_name: str | None) -> set[int]:
    """People worth scoring: those in cases whose names share the spelling keys of the name
    (and father's name) typed, narrowest match first; on PostgreSQL with pg_trgm, also people
    whose name is a close trigram match (typos the keys do not forgive)."""
    connection = session.connection()
    engine = engine_for(connection)
    name_keys_ = _word_keys(full_name)
    cases: dict[int, None] = {}
    for keys, every in (
        (name_keys_ + _word_keys(father_name), True),
        (name_keys_, True),
        (name_keys_, False),
    ):
        if keys and len(cases) < MAX_CASES // 2:
            found = engine.cases_by_name_keys(connection, keys, every=every, limit=MAX_CASES)
            cases.update(dict.fromkeys(found))
    people = _people_of(connection, list(cases)[:MAX_CASES])
    if _has_trigrams(connection):
        people.update(
            connection.execute(
                sa.text(
                    "SELECT id FROM person WHERE lower(full_name) % lower(:name) "
                    "ORDER BY similarity(lower(full_name), lower(:name)) DESC LIMIT :limit"
                ),
                {"name": full_name, "limit": MAX_CASES // 3},
            ).scalars()
        )
    return people


def _word_keys(name: str | None) -> list[str]:
    return sorted({key for word in tokens(name) if (key := name_key(word))})


def _people_of(connection: sa.Connection, case_ids: list[int]) -> set[int]:
    if not case_ids:
        return set()
    statement = sa.text(
        "SELECT person_id FROM case_person WHERE case_id IN :ids AND deleted_at IS NULL "
        "UNION SELECT victim_id FROM act WHERE case_id IN :ids AND deleted_at IS NULL"
    ).bindparams(sa.bindparam("ids", expanding=True))
    return set(connection.execute(statement, {"ids": case_ids}).scalars())


def _has_trigrams(connection: sa.Connection) -> bool:
    if connection.dialect.name != "postgresql":
        return False
    statement = sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
    return connection.execute(statement).first() is not None


@dataclass(frozen=True)
class _Profile:
    full_name: str
    father_name: str | None
    district: str | None
    birth: PartialDate


def _score(wanted: _Profile, person: Any) -> tuple[Any, float, list[str]] | None:
    names = [person.full_name, *(n for n in (person.other_names or "").splitlines() if n.strip())]
    name, closest = max(
        ((name_similarity(wanted.full_name, name), name) for name in names),
        key=lambda pair: pair[0],
    )
    if name < MIN_NAME_SIMILARITY:
        return None
    reasons = [_name_reason("Name", wanted.full_name, closest, name)]
    parts = {"name": name}
    if wanted.father_name and person.father_name:
        father = name_similarity(wanted.father_name, person.father_name)
        # Another father's name is evidence against, not a partial match.
        parts["father"] = father if father >= MIN_NAME_SIMILARITY else 0.0
        reasons.append(
            _name_reason("Father's name", wanted.father_name, person.father_name, father)
        )
    if wanted.district and person.home_district:
        same = bool(set(tokens(wanted.district)) & set(tokens(person.home_district)))
        parts["district"] = 1.0 if same else 0.0
        verb = "Same home district" if same else "Another home district"
        reasons.append(f"{verb}: {person.home_district}.")
    born = partial_date(person, "birth")
    if wanted.birth.is_known and born.is_known:
        overlap = wanted.birth.overlaps(born)
        parts["birth"] = 1.0 if overlap else 0.0
        reasons.append(f"Born {born}: {'fits' if overlap else 'does not fit'} {wanted.birth}.")
    score = sum(WEIGHTS[part] * parts.get(part, UNKNOWN) for part in WEIGHTS)
    if score < MIN_SCORE:
        return None
    return person, round(score, 2), reasons


def _name_reason(what: str, typed: str, recorded: str, similarity: float) -> str:
    if fold(typed).split() == fold(recorded).split():
        return f"{what} is the same: {recorded}."
    if similarity >= 0.95:
        return f"{what} is another spelling: {recorded}."
    if similarity >= MIN_NAME_SIMILARITY:
        return f"{what} is close: {recorded}."
    return f"{what} differs: {recorded}."


def name_similarity(a: str, b: str) -> float:
    """How alike two names are, 0 to 1, word by word: each word of the shorter name takes its
    best match in the other (1 the same, 0.95 the same spelling key, else Jaro-Winkler), the
    average is scaled by the square root of the share of all words matched (a missing middle
    name costs a little, a missing surname more)."""
    words_a, words_b = tokens(a), tokens(b)
    if not words_a or not words_b:
        return 0.0
    if words_a == words_b:
        return 1.0
    shorter, longer = sorted((words_a, words_b), key=len)
    best = [max(_word_similarity(word, other) for other in longer) for word in shorter]
    coverage = (2 * len(shorter) / (len(words_a) + len(words_b))) ** 0.5
    return sum(best) / len(best) * coverage


@lru_cache(maxsize=1 << 16)
def _word_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    key = name_key(a)
    if key is not None and key == name_key(b):
        return 0.95
    return jaro_winkler(a, b)


def jaro_winkler(a: str, b: str, prefix_scale: float = 0.1) -> float:
    """The Jaro-Winkler similarity of two strings, 0 to 1."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    window = max(len(a), len(b)) // 2 - 1
    matched_b = [False] * len(b)
    matches_a: list[str] = []
    for i, char in enumerate(a):
        for j in range(max(0, i - window), min(len(b), i + window + 1)):
            if not matched_b[j] and b[j] == char:
                matched_b[j] = True
                matches_a.append(char)
                break
    if not matches_a:
        return 0.0
    matches_b = [char for j, char in enumerate(b) if matched_b[j]]
    transpositions = sum(x != y for x, y in zip(matches_a, matches_b, strict=True)) / 2
    m = len(matches_a)
    jaro = (m / len(a) + m / len(b) + (m - transpositions) / m) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * prefix_scale * (1 - jaro)


def cases_of(session: Session, person_ids: Sequence[int]) -> dict[int, list[Case]]:
    """The live cases each person is linked to, for showing where a match comes from."""
    rows = session.exec(
        select(CasePerson.person_id, Case)
        .join(Case, Case.id == CasePerson.case_id)  # type: ignore[arg-type]
        .where(
            CasePerson.person_id.in_(person_ids),  # type: ignore[attr-defined]
            CasePerson.deleted_at.is_(None),  # type: ignore[union-attr]
            Case.deleted_at.is_(None),  # type: ignore[union-attr]
        )
        .order_by(Case.reference)
    ).all()
    found: dict[int, list[Case]] = {}
    for person_id, case in rows:
        found.setdefault(person_id, []).append(case)
    return found
