"""The two full-text engines behind one interface: SQLite FTS5 and PostgreSQL tsvector.

Each engine stores a case's index document (`IndexDocument`: four already-folded columns),
compiles a `ParsedQuery` to its own syntax with every word quoted, and answers the two
questions only it can: which cases match (`matching_ids`) and how well (`scores`). Everything
else in search works on `search_case` (`app.search.store`).

Columns: `head` (reference, title, tags), `names` (every name of every person in the case),
`keys` (the spelling keys of those names), `body` (narrative, places, perpetrators, sources,
official responses, interventions). Relevance weighs them in that order, keys lowest but one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.search.query import ParsedQuery, Term

TEXT_COLUMNS = ("head", "names", "body")


@dataclass(frozen=True)
class IndexDocument:
    """One case's text as the engine indexes it: space-separated folded words per column."""

    case_id: int
    head: str
    names: str
    keys: str
    body: str


class FullTextEngine(Protocol):
    """What search needs from an engine."""

    name: str
    #: The driver's placeholder for a positional parameter (bulk writes skip SQLAlchemy).
    placeholder: str

    def prepare(self, connection: Connection) -> None:
        """Tune a connection for searching (once per pooled connection)."""

    def compile(self, query: ParsedQuery) -> str | None:
        """The engine's query text for `query`, or None when it has nothing to look for."""

    def compile_any(self, terms: Sequence[Term]) -> str:
        """The engine's query text matching any of `terms` (for a search of exclusions only)."""

    def matching_ids(self, connection: Connection, match: str) -> np.ndarray:
        """The ids of every case the compiled query `match` finds, ascending."""

    def scores(self, connection: Connection, match: str, case_ids: np.ndarray) -> dict[int, float]:
        """The relevance of each of these (ascending) case ids to `match`: lower is better."""

    def cases_by_name_keys(
        self, connection: Connection, keys: Sequence[str], *, every: bool, limit: int
    ) -> list[int]:
        """Up to `limit` cases with a person whose names have all (or any) of these keys."""

    def write(self, connection: Connection, documents: Sequence[IndexDocument]) -> None:
        """Insert documents for cases that have none."""

    def value(self, value: object) -> object:
        """A Python value as the driver takes it in a bulk write."""

    def delete(self, connection: Connection, case_ids: Iterable[int]) -> None:
        """Remove the documents of these cases."""

    def clear(self, connection: Connection) -> None:
        """Remove every document."""

    def optimise(self, connection: Connection) -> None:
        """Compact the index after a rebuild."""


def quoted(word: str, quote: str) -> str:
    """A word as a quoted literal, doubling the quote character inside (the folded words never
    hold quotes, but the compilers never rely on it)."""
    return quote + word.replace(quote, quote * 2) + quote


class SqliteFts5:
    """FTS5: `search_fts(head, names, keys, body)`, rowid = case id."""

    name = "sqlite"
    # bm25 weights per column: head, names, keys, body.
    _WEIGHTS = "8.0, 6.0, 1.5, 1.0"
    _TEXT = "{" + " ".join(TEXT_COLUMNS) + "}"

    # Searching reads the index and search_case at random: let SQLite map the file into
    # memory and keep a larger page cache than its 2 MB default (per connection; no effect on
    # what is stored).
    _PRAGMAS = ("PRAGMA mmap_size = 1073741824", "PRAGMA cache_size = -65536")

    def prepare(self, connection: Connection) -> None:
        dbapi = connection.connection
        if not dbapi.info.get("search.prepared"):
            for pragma in self._PRAGMAS:
                connection.exec_driver_sql(pragma)
            dbapi.info["search.prepared"] = True

    def compile(self, query: ParsedQuery) -> str | None:
        if not query.positive:
            return None
        text = " AND ".join(self.compile_any(clause.terms) for clause in query.positive)
        if query.negative:
            excluded = [term for clause in query.negative for term in clause.terms]
            text = f"({text}) NOT {self.compile_any(excluded)}"
        return text

    def compile_any(self, terms: Sequence[Term]) -> str:
        return "(" + " OR ".join(self._term(term) for term in terms) + ")"

    def _term(self, term: Term) -> str:
        text = f"{self._TEXT} : {quoted(' '.join(term.words), chr(34))}"
        if term.prefix:
            text += " *"
        if term.key:
            text = f"{text} OR keys : {quoted(term.key, chr(34))}"
        return f"({text})"

    def matching_ids(self, connection: Connection, match: str) -> np.ndarray:
        joined = connection.execute(_SQLITE_IDS, {"match": match}).scalar()
        return _ids(joined)

    def scores(self, connection: Connection, match: str, case_ids: np.ndarray) -> dict[int, float]:
        if not len(case_ids):
            return {}
        # The unary + keeps SQLite from probing the index once per id (very slow); instead it
        # walks the matches from the first id on and scores only those in the list.
        statement = sa.text(
            f"SELECT rowid, bm25(search_fts, {self._WEIGHTS}) FROM search_fts "  # noqa: S608 (constant weights)
            "WHERE search_fts MATCH :match AND rowid >= :first "
            "AND +rowid IN (SELECT value FROM json_each(:ids))"
        )
        params = {"match": match, "first": int(case_ids[0]), "ids": json.dumps(case_ids.tolist())}
        return dict(connection.execute(statement, params).all())  # type: ignore[arg-type]

    def cases_by_name_keys(
        self, connection: Connection, keys: Sequence[str], *, every: bool, limit: int
    ) -> list[int]:
        joiner = " AND " if every else " OR "
        match = "keys : (" + joiner.join(quoted(key, '"') for key in keys) + ")"
        statement = sa.text(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH :match LIMIT :limit"
        )
        return list(connection.execute(statement, {"match": match, "limit": limit}).scalars())

    placeholder = "?"

    def write(self, connection: Connection, documents: Sequence[IndexDocument]) -> None:
        bulk_insert(
            connection,
            self,
            "search_fts (rowid, head, names, keys, body)",
            [(d.case_id, d.head, d.names, d.keys, d.body) for d in documents],
        )

    def value(self, value: object) -> object:
        # The sqlite3 module's own date conversion is deprecated; SQLAlchemy stores ISO text.
        return value.isoformat() if isinstance(value, date) else value

    def delete(self, connection: Connection, case_ids: Iterable[int]) -> None:
        ids = [{"case_id": case_id} for case_id in case_ids]
        if ids:
            connection.execute(sa.text("DELETE FROM search_fts WHERE rowid = :case_id"), ids)

    # Deleting every row of a large FTS5 table takes longer than building it again: a rebuild
    # drops and recreates it, with the statement of migration 0003 (keep the two in step).
    CREATE = (
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "head, names, keys, body, tokenize = 'unicode61 remove_diacritics 0')"
    )

    def clear(self, connection: Connection) -> None:
        connection.execute(sa.text("DROP TABLE IF EXISTS search_fts"))
        connection.execute(sa.text(self.CREATE))

    def optimise(self, connection: Connection) -> None:
        connection.execute(sa.text("INSERT INTO search_fts (search_fts) VALUES ('optimize')"))
        # Fresh statistics, so the planner knows search_case is large (it may have been
        # analysed while empty, before the first rebuild).
        connection.execute(sa.text("ANALYZE search_case"))


class PostgresTsvector:
    """tsvector: `search_fts(case_id, document)`; head, names, keys, body weighted A, B, C, D."""

    name = "postgresql"
    _TEXT_WEIGHTS = "ABD"
    # ts_rank weights for D, C, B, A: body, keys, names, head.
    _RANK_WEIGHTS = "{0.2, 0.3, 0.8, 1.0}"

    def prepare(self, connection: Connection) -> None:
        return None

    def compile(self, query: ParsedQuery) -> str | None:
        if not query.positive:
            return None
        parts = [self.compile_any(clause.terms) for clause in query.positive]
        if query.negative:
            excluded = [term for clause in query.negative for term in clause.terms]
            parts.append("!" + self.compile_any(excluded))
        return " & ".join(parts)

    def compile_any(self, terms: Sequence[Term]) -> str:
        return "(" + " | ".join(self._term(term) for term in terms) + ")"

    def _term(self, term: Term) -> str:
        last = len(term.words) - 1
        parts = [
            self._lexeme(word, prefix=term.prefix and index == last)
            for index, word in enumerate(term.words)
        ]
        text = " <-> ".join(parts)
        if term.key:
            text = f"{text} | {self._lexeme(term.key, weights='C')}"
        return f"({text})"

    def _lexeme(self, word: str, *, prefix: bool = False, weights: str = _TEXT_WEIGHTS) -> str:
        escaped = quoted(word.replace("\\", "\\\\"), "'")
        return f"{escaped}:{'*' if prefix else ''}{weights}"

    def matching_ids(self, connection: Connection, match: str) -> np.ndarray:
        joined = connection.execute(_POSTGRES_IDS, {"match": match}).scalar()
        return np.sort(_ids(joined))

    def scores(self, connection: Connection, match: str, case_ids: np.ndarray) -> dict[int, float]:
        if not len(case_ids):
            return {}
        statement = sa.text(
            f"SELECT case_id, -ts_rank('{self._RANK_WEIGHTS}', document, "  # noqa: S608 (constant weights)
            "to_tsquery('simple', :match)) FROM search_fts WHERE case_id = ANY(:ids) "
            "AND document @@ to_tsquery('simple', :match)"
        )
        params = {"match": match, "ids": case_ids.tolist()}
        return dict(connection.execute(statement, params).all())  # type: ignore[arg-type]

    def cases_by_name_keys(
        self, connection: Connection, keys: Sequence[str], *, every: bool, limit: int
    ) -> list[int]:
        joiner = " & " if every else " | "
        match = joiner.join(self._lexeme(key, weights="C") for key in keys)
        statement = sa.text(
            "SELECT case_id FROM search_fts WHERE document @@ to_tsquery('simple', :match) "
            "LIMIT :limit"
        )
        return list(connection.execute(statement, {"match": match, "limit": limit}).scalars())

    placeholder = "%s"

    def write(self, connection: Connection, documents: Sequence[IndexDocument]) -> None:
        if documents:
            cursor = connection.connection.cursor()
            cursor.executemany(
                "INSERT INTO search_fts (case_id, document) VALUES (%s, "
                "setweight(to_tsvector('simple', %s), 'A') || "
                "setweight(to_tsvector('simple', %s), 'B') || "
                "setweight(to_tsvector('simple', %s), 'C') || "
                "setweight(to_tsvector('simple', %s), 'D'))",
                [(d.case_id, d.head, d.names, d.keys, d.body) for d in documents],
            )

    def value(self, value: object) -> object:
        return value

    def delete(self, connection: Connection, case_ids: Iterable[int]) -> None:
        ids = list(case_ids)
        if ids:
            connection.execute(
                sa.text("DELETE FROM search_fts WHERE case_id = ANY(:ids)"), {"ids": ids}
            )

    def clear(self, connection: Connection) -> None:
        # DELETE, not TRUNCATE: searches keep reading the old rows until the rebuild commits.
        connection.execute(sa.text("DELETE FROM search_fts"))

    def optimise(self, connection: Connection) -> None:
        connection.execute(sa.text("ANALYZE search_fts"))
        connection.execute(sa.text("ANALYZE search_case"))


def engine_for(connection: Connection) -> FullTextEngine:
    """The engine of the database `connection` talks to."""
    if connection.dialect.name == "postgresql":
        return PostgresTsvector()
    return SqliteFts5()


def bulk_insert(
    connection: Connection,
    engine: FullTextEngine,
    target: str,
    rows: Sequence[Sequence[object]],
    *,
    convert: bool = False,
) -> None:
    """Insert many rows into `target` ("table (columns)") straight through the driver, in the
    connection's transaction: SQLAlchemy's per-row bookkeeping would dominate a rebuild.
    `convert` passes every value through `engine.value` (needed for dates)."""
    if not rows:
        return
    marks = ", ".join([engine.placeholder] * len(rows[0]))
    if convert:
        rows = [tuple(engine.value(v) for v in row) for row in rows]
    cursor = connection.connection.cursor()
    try:
        cursor.executemany(f"INSERT INTO {target} VALUES ({marks})", rows)  # noqa: S608 (constant names)
    finally:
        cursor.close()


_SQLITE_IDS = sa.text("SELECT group_concat(rowid) FROM search_fts WHERE search_fts MATCH :match")
_POSTGRES_IDS = sa.text(
    "SELECT string_agg(CAST(case_id AS text), ',') FROM search_fts "
    "WHERE document @@ to_tsquery('simple', :match)"
)


def _ids(joined: str | None) -> np.ndarray:
    """Comma-joined ids, as an array."""
    if not joined:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(joined, dtype=np.int64, sep=",")
