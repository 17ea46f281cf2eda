"""Writing the search index: the whole of it (`rebuild_index`) or a few cases and people.

Everything runs in the caller's transaction on the session's connection, so the index changes
and becomes visible together with the records it was built from. `app.search.sync` calls
`reindex_cases` on every commit; bulk loaders (the demo generator) that
write with Core call `rebuild_index` once at the end.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlmodel import Session

from app.search import facets
from app.search.documents import CaseRecords, case_entry
from app.search.engines import FullTextEngine, bulk_insert, engine_for
from models.case import Case
from models.search import SearchCase, SearchCode

BATCH_SIZE = 2000
LAYOUT_SCHEME = "layout"
GENERATION_SCHEME = "generation"
DISTRICT_SCHEME = "district"

Progress = Callable[[int, int], None]  # (cases done, cases in all)
T = TypeVar("T")

_search_case = SearchCase.__table__  # type: ignore[attr-defined]
_search_code = SearchCode.__table__  # type: ignore[attr-defined]
_CASE_COLUMNS = (
    "search_case (case_id, confidentiality, facet_bits, district, date_earliest, date_latest, "
    "victims)"
)


def rebuild_index(session: Session, *, progress: Progress | None = None) -> int:
    """Rebuild the whole search index from the case records; returns the cases indexed.

    Runs in the caller's transaction (the caller commits), so searches see the old index until
    the new one is complete."""
    connection = session.connection()
    engine = engine_for(connection)
    engine.clear(connection)
    connection.execute(_search_case.delete())
    connection.execute(_search_code.delete().where(_search_code.c.scheme == LAYOUT_SCHEME))
    case = Case.__table__.c  # type: ignore[attr-defined]
    case_ids = list(
        connection.execute(
            sa.select(case.id).where(case.deleted_at.is_(None)).order_by(case.id)
        ).scalars()
    )
    writer = _Writer(connection, engine)
    for done, batch in enumerate(_chunks(case_ids, BATCH_SIZE), start=1):
        writer.write_cases(batch)
        if progress:
            progress(min(done * BATCH_SIZE, len(case_ids)), len(case_ids))
    _record_layout(connection)
    _record_generation(connection)
    engine.optimise(connection)
    return len(case_ids)


def reindex_cases(session: Session, case_ids: Iterable[int]) -> None:
    """Bring these cases' index entries up to date (removing deleted cases)."""
    ids = sorted(set(case_ids))
    if not ids:
        return
    connection = session.connection()
    engine = engine_for(connection)
    for batch in _chunks(ids, BATCH_SIZE):
        engine.delete(connection, batch)
        connection.execute(_search_case.delete().where(_search_case.c.case_id.in_(batch)))
        _Writer(connection, engine).write_cases(batch)
    _record_layout(connection, only_if_missing=True)
    _record_generation(connection)


@dataclass(frozen=True)
class IndexCodes:
    """What the code table says: the district names behind each code, whether the index was
    built with the current facet layout (else it needs `casebook reindex`), and which version
    of the index this is (its generation token and highest case id)."""

    districts: dict[int, list[str]]
    current: bool
    version: tuple[object, ...]


def index_codes(connection: Connection) -> IndexCodes:
    """The code table and the index's version, read in one query."""
    districts: dict[int, list[str]] = {}
    layouts, generation, top = [], None, None
    for scheme, name, code in connection.execute(_ALL_CODES):
        if scheme == DISTRICT_SCHEME:
            districts.setdefault(code, []).append(name)
        elif scheme == LAYOUT_SCHEME:
            layouts.append(name)
        elif scheme == GENERATION_SCHEME:
            generation = name
        elif scheme == "top":
            top = code
    current = all(name == facets.LAYOUT_FINGERPRINT for name in layouts)
    return IndexCodes(districts, current, (generation, top))


def index_is_current(connection: Connection) -> bool:
    """False when the index was built with another facet layout (run `casebook reindex`)."""
    return index_codes(connection).current


_ALL_CODES = sa.text(
    "SELECT scheme, name, code FROM search_code "
    "UNION ALL SELECT 'top', '', max(case_id) FROM search_case"
)


def _record_generation(connection: Connection) -> None:
    """Mark the index as changed: a new token, never used before (see `app.search.store`)."""
    generation = _search_code.c.scheme == GENERATION_SCHEME
    connection.execute(_search_code.delete().where(generation))
    connection.execute(
        _search_code.insert().values(scheme=GENERATION_SCHEME, name=uuid.uuid4().hex, code=0)
    )


class _Writer:
    """Writes index entries for batches of cases, handing out district codes as it goes."""

    def __init__(self, connection: Connection, engine: FullTextEngine) -> None:
        self.connection = connection
        self.engine = engine
        self.codes = {
            row.name: row.code
            for row in connection.execute(
                sa.select(_search_code).where(_search_code.c.scheme == DISTRICT_SCHEME)
            )
        }
        self.submitter = _organisation_name()
        self.today = date.today()

    def district_code(self, name: str | None) -> int:
        """The code of a district name, handing out the next one for a new name."""
        if not name:
            return 0
        if name not in self.codes:
            code = min(max(self.codes.values(), default=0) + 1, facets.MAX_DISTRICT_CODE)
            self.connection.execute(
                _search_code.insert().values(scheme=DISTRICT_SCHEME, name=name, code=code)
            )
            self.codes[name] = code
        return self.codes[name]

    def write_cases(self, case_ids: Sequence[int]) -> None:
        records = CaseRecords.load(self.connection, case_ids)
        entries = [
            case_entry(
                records,
                case,
                district_code=self.district_code,
                submitter=self.submitter,
                today=self.today,
            )
            for case in records.cases
        ]
        if entries:
            bulk_insert(
                self.connection, self.engine, _CASE_COLUMNS, [e.row for e in entries], convert=True
            )
            self.engine.write(self.connection, [entry.document for entry in entries])


def _record_layout(connection: Connection, *, only_if_missing: bool = False) -> None:
    layout = _search_code.c.scheme == LAYOUT_SCHEME
    if only_if_missing and connection.execute(sa.select(_search_code.c.name).where(layout)).first():
        return
    connection.execute(_search_code.delete().where(layout))
    connection.execute(
        _search_code.insert().values(scheme=LAYOUT_SCHEME, name=facets.LAYOUT_FINGERPRINT, code=0)
    )


def _organisation_name() -> str:
    """Who submits to the WGEID (readiness element (f)): the organisation running Casebook."""
    from flask import current_app, has_app_context

    if has_app_context():
        return current_app.extensions["casebook.settings"].organisation_name
    from app.config import load_settings

    return load_settings().organisation_name


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
